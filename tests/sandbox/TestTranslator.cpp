// SPDX-License-Identifier: MIT
// The sandbox's translation (POST /translate): FreeDict's dictd/dictzip data read right, English →
// German and German → English word by word with articles by gender and case and verbs by person,
// segment scores that follow the share of words really translated, and the labelled
// pseudo-translation for other languages and when the dictionary's data is absent.
#include "sandbox/SandboxApi.h"
#include "sandbox/Translator.h"
#include "sandbox/translation/FreeDict.h"
#include "sandbox/translation/German.h"
#include "sandbox/translation/WordByWord.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace sandbox::translation;

class TestTranslator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void readsFreeDict();
    void refusesMissingOrBrokenData();
    void germanGrammar();
    void englishToGerman_data();
    void englishToGerman();
    void germanToEnglish_data();
    void germanToEnglish();
    void scoresFollowTranslatedShare();
    void otherLanguagesKeepPseudoTranslation();
    void absentDictionaryFallsBackToPseudoTranslation();
    void handlerAnswers();
    void oddInputs();

private:
    std::unique_ptr<FreeDict> m_engDeu;
    std::unique_ptr<FreeDict> m_deuEng;
};

void TestTranslator::initTestCase()
{
    // Debian's dict-freedict-eng-deu and dict-freedict-deu-eng (packaging/debian-packages.txt)
    QString error;
    m_engDeu = FreeDict::open(u"/usr/share/dictd"_s, u"freedict-eng-deu"_s, &error);
    QVERIFY2(m_engDeu, qPrintable(error));
    m_deuEng = FreeDict::open(u"/usr/share/dictd"_s, u"freedict-deu-eng"_s, &error);
    QVERIFY2(m_deuEng, qPrintable(error));
}

void TestTranslator::readsFreeDict()
{
    QVERIFY(m_engDeu->headwordCount() > 400000);
    // "dog" has seven senses spread over the dictzip chunks; the common one is Hund <masc> [zool.]
    const QList<DictSense> dog = m_engDeu->lookup(u"dog"_s);
    QCOMPARE(dog.size(), 7);
    bool hund = false;
    for (const DictSense &sense : dog) {
        QCOMPARE(sense.headword, u"dog"_s);
        QVERIFY(!sense.terms.isEmpty());
        if (sense.terms.first().text == u"Hund"_s) {
            hund = true;
            QCOMPARE(sense.terms.first().tags, QStringList{u"masc"_s});
            QCOMPARE(sense.terms.first().labels, QStringList{u"zool."_s});
            QVERIFY(sense.examples >= 4);
        }
    }
    QVERIFY(hund);
    // case-insensitive headwords, multi-word headwords, verbs' tags, deu-eng's gender on the
    // headword
    QVERIFY(m_engDeu->contains(u"Train Station"_s));
    const QList<DictSense> eat = m_engDeu->lookup(u"eat"_s);
    QVERIFY(std::any_of(eat.cbegin(), eat.cend(), [](const DictSense &s) {
        return s.headwordTags.contains(u"v"_s) && s.terms.first().text == u"essen"_s;
    }));
    const QList<DictSense> katze = m_deuEng->lookup(u"Katze"_s, true);
    QVERIFY(!katze.isEmpty());
    QVERIFY(katze.first().headwordTags.contains(u"fem"_s));
    // an abbreviation listed under "car" (contractors' all risk insurance, CAR) is not a sense of
    // it
    for (const DictSense &sense : m_engDeu->lookup(u"car"_s))
        QCOMPARE(sense.headword.toLower(), u"car"_s);
    QVERIFY(m_engDeu->lookup(u"zorblaxian"_s).isEmpty());
    QVERIFY(m_engDeu->lookup(QString()).isEmpty());
}

void TestTranslator::refusesMissingOrBrokenData()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;
    QVERIFY(!FreeDict::open(dir.path(), u"freedict-eng-deu"_s, &error));
    QVERIFY2(error.contains(u"freedict-eng-deu.index"_s), qPrintable(error));
    // an index with a plain (not dictzip) data file
    QFile index(dir.filePath(u"broken.index"_s));
    QVERIFY(index.open(QIODevice::WriteOnly));
    index.write("dog\tA\tB8\n");
    index.close();
    QFile data(dir.filePath(u"broken.dict.dz"_s));
    QVERIFY(data.open(QIODevice::WriteOnly));
    data.write("dog /d/\nHund <masc>\n");
    data.close();
    QVERIFY(!FreeDict::open(dir.path(), u"broken"_s, &error));
    QVERIFY2(error.contains(u"not a dictzip file"_s), qPrintable(error));
}

void TestTranslator::germanGrammar()
{
    QCOMPARE(conjugate(u"sein"_s, Person::First), u"bin"_s);
    QCOMPARE(conjugate(u"haben"_s, Person::Third), u"hat"_s);
    QCOMPARE(conjugate(u"spielen"_s, Person::Second), u"spielst"_s);
    QCOMPARE(conjugate(u"arbeiten"_s, Person::Third), u"arbeitet"_s);
    QCOMPARE(conjugate(u"fahren"_s, Person::Third), u"fährt"_s);
    QCOMPARE(conjugate(u"lesen"_s, Person::Second), u"liest"_s);
    QCOMPARE(conjugate(u"halten"_s, Person::Third), u"hält"_s);
    QCOMPARE(conjugate(u"sammeln"_s, Person::First), u"sammle"_s);
    QCOMPARE(conjugate(u"wohnen"_s, Person::ThirdPlural), u"wohnen"_s);
    QCOMPARE(pastTense(u"sein"_s, Person::FirstPlural), u"waren"_s);
    QCOMPARE(determiner(Determiner::Definite, {}, Gender::Masculine, Case::Accusative), u"den"_s);
    QCOMPARE(determiner(Determiner::Indefinite, {}, Gender::Feminine, Case::Dative), u"einer"_s);
    QCOMPARE(
        determiner(Determiner::EinWord, u"kein"_s, Gender::Plural, Case::Nominative), u"keine"_s);
    QCOMPARE(
        determiner(Determiner::DerWord, u"dies"_s, Gender::Neuter, Case::Nominative), u"dieses"_s);
    QCOMPARE(declineAdjective(u"rot"_s, Determiner::Definite, Gender::Neuter, Case::Accusative),
        u"rote"_s);
    QCOMPARE(declineAdjective(u"klein"_s, Determiner::Indefinite, Gender::Neuter, Case::Dative),
        u"kleinen"_s);
    QCOMPARE(
        declineAdjective(u"gut"_s, Determiner::Indefinite, Gender::Masculine, Case::Nominative),
        u"guter"_s);
    QCOMPARE(declineAdjective(u"kalt"_s, Determiner::None, Gender::Neuter, Case::Nominative),
        u"kaltes"_s);
    QCOMPARE(pluralNoun(u"Katze"_s, Gender::Feminine), u"Katzen"_s);
    QCOMPARE(pluralNoun(u"Lehrer"_s, Gender::Masculine), u"Lehrer"_s);
    QCOMPARE(dativePlural(u"Kinder"_s), u"Kindern"_s);
    QCOMPARE(contractPreposition(u"in"_s, u"dem"_s), u"im"_s);
    QCOMPARE(contractPreposition(u"zu"_s, u"der"_s), u"zur"_s);
    QCOMPARE(pastParticiple(u"kaufen"_s), u"gekauft"_s);
    QCOMPARE(pastParticiple(u"arbeiten"_s), u"gearbeitet"_s);
    QCOMPARE(pastParticiple(u"öffnen"_s), u"geöffnet"_s);
    QCOMPARE(pastParticiple(u"geben"_s), u"gegeben"_s);
    QCOMPARE(pastParticiple(u"einkaufen"_s), u"eingekauft"_s);
    QCOMPARE(pastParticiple(u"ankommen"_s), u"angekommen"_s);
    QCOMPARE(pastParticiple(u"verstehen"_s), u"verstanden"_s);
    QCOMPARE(pastParticiple(u"bezahlen"_s), u"bezahlt"_s);
    QCOMPARE(pastParticiple(u"studieren"_s), u"studiert"_s);
    QCOMPARE(pastParticiple(u"antworten"_s), u"geantwortet"_s);
    QCOMPARE(pastParticiple(u"Rad fahren"_s), u"Rad gefahren"_s);
    QVERIFY(perfectTakesSein(u"gehen"_s));
    QVERIFY(perfectTakesSein(u"ankommen"_s));
    QVERIFY(!perfectTakesSein(u"kaufen"_s));
    QCOMPARE(pastTense(u"geben"_s, Person::ThirdPlural), u"gaben"_s);
    QVERIFY(infinitiveCandidates(u"fährt"_s).contains(u"fahren"_s));
    QVERIFY(infinitiveCandidates(u"spielt"_s).contains(u"spielen"_s));
}

// Common sentences: what the sandbox answers is German (every word translated, none left in
// English), with the article of each known noun's gender and case and the verb in its person.
void TestTranslator::englishToGerman_data()
{
    QTest::addColumn<QString>("english");
    QTest::addColumn<QString>("german");
    const QList<std::pair<QString, QString>> rows{
        {u"The dog is in the house."_s, u"Der Hund ist im Haus."_s},
        {u"I have two children."_s, u"Ich habe zwei Kinder."_s},
        {u"Where is the train station?"_s, u"Wo ist der Bahnhof?"_s},
        {u"The weather is nice today."_s, u"Das Wetter ist heute schön."_s},
        {u"Hello world."_s, u"Hallo Welt."_s},
        {u"The cat sleeps on the sofa."_s, u"Die Katze schläft auf dem Sofa."_s},
        {u"My brother is a teacher."_s, u"Mein Bruder ist ein Lehrer."_s},
        {u"We live in a small village."_s, u"Wir wohnen in einem kleinen Dorf."_s},
        {u"Do you have children?"_s, u"Hast du Kinder?"_s},
        {u"I don't have a car."_s, u"Ich habe kein Auto."_s},
        {u"She reads a book."_s, u"Sie liest ein Buch."_s},
        {u"The children play in the garden."_s, u"Die Kinder spielen im Garten."_s},
        {u"Can you help me?"_s, u"Kannst du mir helfen?"_s},
        {u"I want to go home."_s, u"Ich will nach Hause gehen."_s},
        {u"Today I go to the school."_s, u"Heute gehe ich zur Schule."_s},
        {u"The water is cold."_s, u"Das Wasser ist kalt."_s},
        {u"He drinks coffee with milk."_s, u"Er trinkt Kaffee mit Milch."_s},
        {u"What is your name?"_s, u"Was ist dein Name?"_s},
        {u"There is a dog in the garden."_s, u"Es gibt einen Hund im Garten."_s},
        {u"I am reading a good book."_s, u"Ich lese ein gutes Buch."_s},
        {u"Where do you live?"_s, u"Wo wohnst du?"_s},
        {u"The woman buys apples and bread."_s, u"Die Frau kauft Äpfel und Brot."_s},
        {u"Thank you very much."_s, u"Vielen Dank."_s},
        {u"I like the red car."_s, u"Ich mag das rote Auto."_s},
        // the past of most verbs is the perfect, with sein for verbs of motion
        {u"She has bought a red car."_s, u"Sie hat ein rotes Auto gekauft."_s},
        {u"We went to the cinema last week."_s, u"Wir sind letzte Woche zum Kino gegangen."_s},
        {u"Did you see the film yesterday?"_s, u"Hast du gestern den Film gesehen?"_s},
        {u"I have lost my keys."_s, u"Ich habe meine Schlüssel verloren."_s},
        {u"We stayed at home because it was raining."_s,
            u"Wir sind zu Hause geblieben, weil es geregnet hat."_s},
        // two objects: the first is dative
        {u"She gave him a book."_s, u"Sie gab ihm ein Buch."_s},
        // subordinate clauses: comma, verb last, and the main clause's verb first after one
        {u"I think that the film was good."_s, u"Ich denke, dass der Film gut war."_s},
        {u"If you are tired, you should sleep."_s, u"Wenn du müde bist, sollst du schlafen."_s},
        {u"When I was young, I lived in a small village."_s,
            u"Wenn ich jung war, habe ich in einem kleinen Dorf gewohnt."_s},
        // set phrases and time phrases
        {u"I would like a cup of coffee, please."_s, u"Ich möchte eine Tasse Kaffee, bitte."_s},
        {u"Next week we will visit our friends in Berlin."_s,
            u"Nächste Woche werden wir unsere Freunde in Berlin besuchen."_s},
    };
    for (const auto &[english, german] : rows)
        QTest::newRow(qPrintable(english)) << english << german;
}

void TestTranslator::englishToGerman()
{
    QFETCH(QString, english);
    QFETCH(QString, german);
    const SentenceTranslation t = sandbox::translation::englishToGerman(english, *m_engDeu);
    QCOMPARE(t.text, german);
    QVERIFY(t.words > 0);
    QCOMPARE(t.translated, t.words); // no English word passed through
}

void TestTranslator::germanToEnglish_data()
{
    QTest::addColumn<QString>("german");
    QTest::addColumn<QString>("english");
    const QList<std::pair<QString, QString>> rows{
        {u"Der Hund ist im Haus."_s, u"The dog is in the house."_s},
        {u"Ich habe zwei Kinder."_s, u"I have two children."_s},
        {u"Wo ist der Bahnhof?"_s, u"Where is the station?"_s},
        {u"Das Wetter ist heute schön."_s, u"The weather is nice today."_s},
        {u"Die Katze schläft auf dem Sofa."_s, u"The cat sleeps on the sofa."_s},
        {u"Mein Bruder ist ein Lehrer."_s, u"My brother is a teacher."_s},
        {u"Hast du Kinder?"_s, u"Do you have children?"_s},
        {u"Ich kann den Hund sehen."_s, u"I can see the dog."_s},
        {u"Heute gehe ich zur Schule."_s, u"Today I go to the school."_s},
        {u"Die Kinder spielen im Garten."_s, u"The children play in the garden."_s},
        {u"Er trinkt Kaffee mit Milch."_s, u"He drinks coffee with milk."_s},
        {u"Wir wohnen in einem kleinen Dorf."_s, u"We live in a small village."_s},
        {u"Das Wasser ist kalt."_s, u"The water is cold."_s},
        {u"Sie liest ein Buch."_s, u"She reads a book."_s},
        {u"Ich habe keine Zeit."_s, u"I have no time."_s},
    };
    for (const auto &[german, english] : rows)
        QTest::newRow(qPrintable(german)) << german << english;
}

void TestTranslator::germanToEnglish()
{
    QFETCH(QString, german);
    QFETCH(QString, english);
    const SentenceTranslation t = sandbox::translation::germanToEnglish(german, *m_deuEng);
    QCOMPARE(t.text, english);
    QCOMPARE(t.translated, t.words);
}

void TestTranslator::scoresFollowTranslatedShare()
{
    // all 6 words known; 4 of 5 (not "blorf"); none of 3
    const QString source = u"The dog is in the house. The dog sees the blorf. Zzyzx quux blorf."_s;
    const core::TranslationResponse r
        = sandbox::translateWith(source, u"de"_s, m_engDeu.get(), m_deuEng.get());
    QVERIFY(r.segments.has_value());
    QCOMPARE(r.segments->size(), 3);
    const QList<core::TranslationSegment> &s = *r.segments;
    QCOMPARE(s[0].source, u"The dog is in the house."_s);
    QCOMPARE(s[0].translation, u"Der Hund ist im Haus."_s);
    QCOMPARE(s[0].score, 0.95);
    QCOMPARE(
        s[1].translation, u"Der Hund sieht den blorf."_s); // passed through, its article guessed
    QCOMPARE(s[1].score, 0.55 + 0.4 * 4 / 5);
    QCOMPARE(s[2].translation, u"Zzyzx quux blorf."_s);
    QCOMPARE(s[2].score, 0.55);
    // the overall score is the length-weighted mean
    const double expected = (s[0].score * 24 + s[1].score * 23 + s[2].score * 17) / (24 + 23 + 17);
    QVERIFY(qAbs(*r.score - expected) < 1e-12);
    QCOMPARE(
        r.translation, u"[de] Der Hund ist im Haus. Der Hund sieht den blorf. Zzyzx quux blorf."_s);
    // de → en the same way
    const core::TranslationResponse back
        = sandbox::translateWith(u"Der Hund ist im Haus. Der Hund ist ein Blorfel."_s,
            u"en"_s,
            m_engDeu.get(),
            m_deuEng.get());
    QCOMPARE(back.segments->at(0).score, 0.95);
    QCOMPARE(back.segments->at(1).score, 0.55 + 0.4 * 4 / 5); // "Blorfel" passed through
    QCOMPARE(back.segments->at(1).translation, u"The dog is a Blorfel."_s);
}

void TestTranslator::otherLanguagesKeepPseudoTranslation()
{
    const QString source = u"Hello world. The cat is in the house."_s;
    for (const QString &language : {u"fr"_s, u"es"_s, u"it"_s}) {
        const core::TranslationResponse r
            = sandbox::translateWith(source, language, m_engDeu.get(), m_deuEng.get());
        const core::TranslationResponse pseudo = sandbox::pseudoTranslate(source, language);
        QCOMPARE(r.translation, pseudo.translation);
        QCOMPARE(r.score, pseudo.score);
        QVERIFY(r.translation.startsWith(u"[%1] "_s.arg(language)));
    }
    const core::TranslationResponse fr = sandbox::pseudoTranslate(source, u"fr"_s);
    QCOMPARE(fr.translation, u"[fr] Bonjour monde. Le chat est dans le maison."_s);
    QCOMPARE(fr.segments->at(0).score, 0.95);
}

void TestTranslator::absentDictionaryFallsBackToPseudoTranslation()
{
    const QString source = u"Hello world. The cat is in the house."_s;
    const core::TranslationResponse r = sandbox::translateWith(source, u"de"_s, nullptr, nullptr);
    const core::TranslationResponse pseudo = sandbox::pseudoTranslate(source, u"de"_s);
    QCOMPARE(r.translation, pseudo.translation);
    QCOMPARE(r.translation,
        u"[de] Hallo Welt. Die Katze ist in die Haus."_s); // labelled, visibly not German
    QCOMPARE(r.score, pseudo.score);
}

// POST /translate through the sandbox's API, with the dictionaries FreeDict::shared() opens on
// first use. ctest runs this once as is and once (TestTranslatorNoData) with ALEPH_FREEDICT_DIR
// pointing at an empty place: then the answer is the labelled pseudo-translation.
void TestTranslator::handlerAnswers()
{
    const bool absent = !QFile::exists(FreeDict::dataDirectory() + u"/freedict-eng-deu.index"_s);
    QCOMPARE(absent, qEnvironmentVariableIsSet("ALEPH_FREEDICT_DIR"));
    sandbox::SandboxApi api;
    const QByteArray body
        = R"({"model": "sandbox-pharia-1-mt-translation", "source": "The dog is in the house.", "target_language": "de"})";
    const sandbox::Reply reply = api.handle(u"translate"_s, "POST", body);
    QCOMPARE(reply.status, 200);
    const QJsonObject json = QJsonDocument::fromJson(reply.body).object();
    const QString translation = json.value(u"translation"_s).toString();
    QCOMPARE(translation,
        absent ? u"[de] Die Hund ist in die Haus."_s : u"[de] Der Hund ist im Haus."_s);
    QCOMPARE(json.value(u"segments"_s).toArray().size(), 1);
    QCOMPARE(json.value(u"score"_s).toDouble(),
        0.95); // the pseudo-translation's list knows these words too
    QCOMPARE(json.value(u"num_tokens_generated"_s).toInt(), 0);
    const QByteArray back
        = R"({"model": "sandbox-pharia-1-mt-translation", "source": "Ich habe zwei Kinder.", "target_language": "en"})";
    const QJsonObject english
        = QJsonDocument::fromJson(api.handle(u"translate"_s, "POST", back).body).object();
    QCOMPARE(english.value(u"translation"_s).toString(),
        absent ? u"[en] Ich habe zwei Kinder."_s : u"[en] I have two children."_s);
    // The answer sent back (the app's Swap) translates the text, not the sandbox's label.
    const QByteArray swapped = R"({"model": "sandbox-pharia-1-mt-translation", "source": ")"
        + translation.toUtf8() + R"(", "target_language": "en"})";
    const QJsonObject roundTrip
        = QJsonDocument::fromJson(api.handle(u"translate"_s, "POST", swapped).body).object();
    const QString back2 = roundTrip.value(u"translation"_s).toString();
    QVERIFY2(
        back2.startsWith(u"[en] "_s) && !back2.contains(u"[de]"_s) && !back2.contains(u"[ de ]"_s),
        qPrintable(back2));
    if (!absent)
        QCOMPARE(back2, u"[en] The dog is in the house."_s);
    QCOMPARE(
        roundTrip.value(u"segments"_s).toArray().at(0)[u"source"_s].toString(), translation.mid(5));
}

// Whatever the text, an answer: no crash, no hang, every segment scored in 0.55..0.95.
void TestTranslator::oddInputs()
{
    QString noise;
    for (int i = 0; i < 3000; ++i)
        noise += QChar(u'a' + (i * 7919) % 26)
            + QString((i % 5 == 0) ? u". "_s : (i % 3 ? u""_s : u" "_s));
    const QStringList sources{
        QString(),
        u"   "_s,
        u"..."_s,
        u"n't 's 're"_s,
        u"Don't! Isn't? Can't."_s,
        u"the the the a an"_s,
        u"To to to to."_s,
        u"Do do do."_s,
        u"1 2 3 4 5."_s,
        u"There is."_s,
        u"And and or but."_s,
        u"Ä Ö Ü ß éèê 日本語 😀."_s,
        u"Der der der die das."_s,
        u"Nicht nicht nicht."_s,
        u"Kann kann kann."_s,
        QString(10000, u'x'),
        noise,
    };
    for (const QString &source : sources) {
        for (const QString &language : {u"de"_s, u"en"_s}) {
            const core::TranslationResponse r
                = sandbox::translateWith(source, language, m_engDeu.get(), m_deuEng.get());
            QVERIFY(r.translation.startsWith(u"[%1] "_s.arg(language)));
            for (const core::TranslationSegment &segment : *r.segments)
                QVERIFY2(segment.score >= 0.55 - 1e-9 && segment.score <= 0.95 + 1e-9,
                    qPrintable(segment.source));
        }
    }
}

QTEST_GUILESS_MAIN(TestTranslator)
#include "TestTranslator.moc"
