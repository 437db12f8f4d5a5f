// SPDX-License-Identifier: MIT
// The sandbox's WordNet lexicon on Debian's wordnet-base data: morphy-like lemmas (exception lists
// and detachment rules), sense-ordered synsets, synonyms, hypernym chains, topic domains, glosses
// and examples, the shared instance, and a folder without data.
#include "sandbox/lexicon/WordNet.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using sandbox::lexicon::PartOfSpeech;
using sandbox::lexicon::Synset;
using sandbox::lexicon::WordNet;

class TestWordNet : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void lemmasFollowMorphy();
    void lemmaPicksTheCommonRole();
    void sensesAreInSenseOrder();
    void synonymsLeaveOutTheWord();
    void hypernymChainsReachTheRoot();
    void topicDomains();
    void glossesAndExamples();
    void collocations();
    void unknownWordsAndBadOffsets();
    void missingDataIsAnError();
    void sharedInstance();

private:
    std::unique_ptr<WordNet> m_wn;
    /// The words of the synsets of `chain`, flattened (for readable checks).
    static QStringList words(const QList<Synset> &chain);
};

QStringList TestWordNet::words(const QList<Synset> &chain)
{
    QStringList out;
    for (const Synset &s : chain)
        out += s.words;
    return out;
}

void TestWordNet::initTestCase()
{
    QString error;
    m_wn = WordNet::open(u"/usr/share/wordnet"_s, &error);
    QVERIFY2(m_wn, qPrintable(u"Debian's wordnet-base must be installed: "_s + error));
}

void TestWordNet::lemmasFollowMorphy()
{
    QCOMPARE(m_wn->lemmas(u"dogs"_s, PartOfSpeech::Noun), QStringList{u"dog"_s});
    QCOMPARE(m_wn->lemmas(u"Churches"_s, PartOfSpeech::Noun), QStringList{u"church"_s});
    QCOMPARE(m_wn->lemmas(u"geese"_s, PartOfSpeech::Noun), QStringList{u"goose"_s}); // noun.exc
    QCOMPARE(m_wn->lemmas(u"simmered"_s, PartOfSpeech::Verb), QStringList{u"simmer"_s});
    QCOMPARE(m_wn->lemmas(u"baking"_s, PartOfSpeech::Verb), QStringList{u"bake"_s}); // ing → e
    QCOMPARE(m_wn->lemmas(u"ran"_s, PartOfSpeech::Verb), QStringList{u"run"_s}); // verb.exc
    QCOMPARE(
        m_wn->lemmas(u"better"_s, PartOfSpeech::Adjective).contains(u"good"_s), true); // adj.exc
    QCOMPARE(m_wn->lemmas(u"glass"_s, PartOfSpeech::Noun), QStringList{u"glass"_s}); // no "glas"
    QVERIFY(m_wn->lemmas(u"quickly"_s, PartOfSpeech::Adverb).contains(u"quickly"_s));
    QVERIFY(m_wn->lemmas(u"xyzzyq"_s, PartOfSpeech::Noun).isEmpty());
}

void TestWordNet::lemmaPicksTheCommonRole()
{
    QCOMPARE(m_wn->lemma(u"verdicts"_s), u"verdict"_s);
    QCOMPARE(m_wn->lemma(u"lawyers"_s), u"lawyer"_s);
    QCOMPARE(m_wn->lemma(u"violins"_s), u"violin"_s);
    QCOMPARE(m_wn->lemma(u"kneaded"_s), u"knead"_s);
    QVERIFY(m_wn->contains(u"Jury"_s));
    QVERIFY(!m_wn->lemma(u"qwrtzplk"_s));
}

void TestWordNet::sensesAreInSenseOrder()
{
    QCOMPARE(m_wn->lemma(u"banks"_s), u"bank"_s);
    const QList<sandbox::lexicon::Sense> senses = m_wn->senses(u"bank"_s, PartOfSpeech::Noun);
    QVERIFY(senses.size() >= 10);
    for (qsizetype k = 0; k < senses.size(); ++k) {
        QCOMPARE(senses.at(k).rank, int(k + 1));
        QCOMPARE(senses.at(k).lemma, u"bank"_s);
        QCOMPARE(senses.at(k).senseCount, int(senses.size()));
    }
    QVERIFY(senses.first().synset.gloss.contains(u"sloping land"_s)); // bank%1, the river bank
    QVERIFY(senses.at(1).synset.gloss.contains(u"financial institution"_s));
    QCOMPARE(senses.at(1).synset.lexFile, 14);
    QCOMPARE(sandbox::lexicon::lexFileName(senses.at(1).synset.lexFile), u"noun.group"_s);
    QVERIFY(senses.first().taggedSenseCount > 0);
    // All parts of speech: nouns first, then verbs.
    const QList<sandbox::lexicon::Sense> all = m_wn->senses(u"bank"_s);
    QVERIFY(all.first().synset.id.pos == PartOfSpeech::Noun);
    QVERIFY(all.last().synset.id.pos == PartOfSpeech::Verb);
    QCOMPARE(m_wn->synsets(u"bank"_s).size(), all.size());
}

void TestWordNet::synonymsLeaveOutTheWord()
{
    const QStringList violin = m_wn->synonyms(u"violin"_s);
    QCOMPARE(violin.first(), u"fiddle"_s);
    QVERIFY(!violin.contains(u"violin"_s));
    const QStringList car = m_wn->synonyms(u"cars"_s);
    QVERIFY(car.contains(u"automobile"_s));
    QVERIFY(car.contains(u"auto"_s));
}

void TestWordNet::hypernymChainsReachTheRoot()
{
    const QList<Synset> violin = m_wn->synsets(u"violin"_s);
    QCOMPARE(violin.size(), 1);
    const QList<QList<Synset>> chains = m_wn->hypernymChains(violin.first());
    QVERIFY(!chains.isEmpty());
    const QStringList first = words(chains.first());
    QVERIFY2(first.contains(u"bowed stringed instrument"_s), qPrintable(first.join(u", ")));
    QVERIFY(first.contains(u"musical instrument"_s));
    QCOMPARE(chains.first().last().words.first(), u"entity"_s);
    QVERIFY(m_wn->hypernymChains(*m_wn->synset(chains.first().last().id)).isEmpty());
    // Multiple inheritance gives more than one chain ("person" is an organism and a causal agent).
    const QList<QList<Synset>> person = m_wn->hypernymChains(m_wn->synsets(u"person"_s).first());
    QVERIFY(person.size() >= 2);
    QCOMPARE(m_wn->hypernymChains(m_wn->synsets(u"person"_s).first(), 1).size(), 1);
}

void TestWordNet::topicDomains()
{
    const Synset verdict = m_wn->synsets(u"verdict"_s).first();
    QCOMPARE(verdict.topicDomains().size(), 1);
    const QList<Synset> law = m_wn->topicDomains(verdict);
    QCOMPARE(law.size(), 1);
    QVERIFY2(law.first().words.contains(u"law"_s), qPrintable(law.first().words.join(u", ")));
    // "trespass" has no domain of its own; its hypernym "tort" has.
    const Synset trespass = m_wn->synsets(u"trespass"_s).first();
    QVERIFY(trespass.topicDomains().isEmpty());
    QVERIFY(m_wn->topicDomains(trespass).first().id == law.first().id);
    QVERIFY(m_wn->topicDomains(trespass, 0).isEmpty());
}

void TestWordNet::glossesAndExamples()
{
    const Synset dog = m_wn->synsets(u"dog"_s).first();
    QVERIFY(dog.gloss.startsWith(u"a member of the genus Canis"_s));
    QVERIFY(!dog.gloss.contains(u'"'));
    QVERIFY(!dog.gloss.endsWith(u';'));
    QCOMPARE(dog.examples, QStringList{u"the dog barked all night"_s});
    QCOMPARE(dog.words.first(), u"dog"_s);
    QVERIFY(dog.words.contains(u"Canis familiaris"_s));
    QVERIFY(!dog.hypernyms().isEmpty());
    QVERIFY(!dog.targets(u"~"_s).isEmpty()); // hyponyms: puppy, ...
}

void TestWordNet::collocations()
{
    QCOMPARE(m_wn->lemma(u"olive oil"_s), u"olive oil"_s);
    QCOMPARE(m_wn->lemma(u"Olive_Oil"_s), u"olive oil"_s);
    QCOMPARE(m_wn->synsets(u"olive oil"_s).first().lexFile, 13); // noun.food
}

void TestWordNet::unknownWordsAndBadOffsets()
{
    QVERIFY(m_wn->senses(u""_s).isEmpty());
    QVERIFY(m_wn->senses(u"   "_s).isEmpty());
    QVERIFY(m_wn->synonyms(u"zzzzqqq"_s).isEmpty());
    QVERIFY(!m_wn->synset({PartOfSpeech::Noun, 5}).has_value()); // inside the license text
    QVERIFY(!m_wn->synset({PartOfSpeech::Verb, 4'000'000'000u}).has_value()); // past the end
}

void TestWordNet::missingDataIsAnError()
{
    QTemporaryDir empty;
    QString error;
    QVERIFY(!WordNet::open(empty.path(), &error));
    QVERIFY2(error.contains(u"index.noun"_s), qPrintable(error));

    // Files that exist but are not WordNet's.
    for (const QString &name : {u"index.noun"_s,
             u"index.verb"_s,
             u"index.adj"_s,
             u"index.adv"_s,
             u"data.noun"_s,
             u"data.verb"_s,
             u"data.adj"_s,
             u"data.adv"_s,
             u"noun.exc"_s,
             u"verb.exc"_s,
             u"adj.exc"_s,
             u"adv.exc"_s}) {
        QFile f(empty.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("garbage\n");
    }
    QVERIFY(!WordNet::open(empty.path(), &error));
    QVERIFY2(error.contains(u"not a WordNet index"_s), qPrintable(error));
}

void TestWordNet::sharedInstance()
{
    WordNet::preload();
    WordNet::preload(); // once per process
    const WordNet *shared = WordNet::shared();
    QVERIFY(shared);
    QVERIFY(WordNet::sharedReady());
    QCOMPARE(WordNet::shared(), shared);
    QCOMPARE(shared->directory(), WordNet::defaultDirectory());
    QVERIFY2(WordNet::status().startsWith(u"WordNet 3.0 from"_s), qPrintable(WordNet::status()));
    QCOMPARE(shared->lemma(u"juries"_s), u"jury"_s);
}

QTEST_GUILESS_MAIN(TestWordNet)
#include "TestWordNet.moc"
