// SPDX-License-Identifier: MIT
// The Translation and Steering tabs filled against the sandbox, as a user sees them: with
// ALEPH_SCREENSHOT_DIR set, each state is saved as a PNG (translation, translation-lines,
// steering-empty, steering), to compare the tabs' looks before and after a change.
#include "core/storage/Database.h"
#include "core/storage/SteeringLibrary.h"
#include "tests/support/SandboxClient.h"
#include "tests/support/Snapshot.h"
#include "ui/steering/SteeringTab.h"
#include "ui/translation/TranslationTab.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

using testsupport::snapshot;

class TestTabLooks : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void translation();
    void steering();

private:
    std::unique_ptr<testsupport::SandboxClient> m_sandbox;
    QTemporaryDir m_dir;
};

void TestTabLooks::init()
{
    m_sandbox = std::make_unique<testsupport::SandboxClient>();
    QString error;
    QVERIFY2(m_sandbox->start(&error), qPrintable(error));
}

void TestTabLooks::cleanup()
{
    m_sandbox.reset();
}

void TestTabLooks::translation()
{
    ui::TranslationTab tab(m_sandbox->client.get());
    tab.resize(1100, 700);
    tab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tab));
    tab.setModel(u"sandbox-pharia-1-mt-translation"_s);
    tab.setSource(u"Hello world. The cat is in the house."_s);
    QSignalSpy finished(&tab, &ui::TranslationTab::finished);
    tab.translate();
    QVERIFY(finished.wait(10000));
    QVERIFY(!tab.translation().isEmpty());
    tab.highlightSegment(1);
    snapshot(&tab, u"translation"_s);
    tab.setSource(u"Hello world.\nThe dog and the cat.\n\nYes, no."_s);
    tab.setLinesMode(true);
    tab.translate();
    QVERIFY(finished.wait(10000));
    QVERIFY2(tab.statusText().startsWith(u"3 lines translated"_s), qPrintable(tab.statusText()));
    snapshot(&tab, u"translation-lines"_s);
}

void TestTabLooks::steering()
{
    core::Database db(m_dir.filePath(u"looks.sqlite"_s));
    QString error;
    QVERIFY2(db.open(&error), qPrintable(error));
    core::SteeringLibrary library(&db);
    ui::SteeringTab tab(m_sandbox->client.get());
    tab.setLibrary(&library);
    tab.resize(1200, 760);
    tab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tab));
    snapshot(&tab, u"steering-empty"_s);
    tab.setConceptName(u"Food"_s);
    tab.setExamples(
        {{u"The car drove down the road."_s, u"The pizza with cheese and fresh tomatoes."_s, {}},
            {u"I fixed the engine."_s, u"I baked bread and a good soup."_s, {}}});
    QSignalSpy created(&tab, &ui::SteeringTab::conceptFinished);
    tab.createConcept();
    QVERIFY(created.wait(10000));
    tab.setABModel(u"sandbox-luminous-base"_s);
    tab.setMaximumTokens(16);
    tab.setABPrompt(u"Today I want to tell you about"_s);
    QSignalSpy streamed(&tab, &ui::SteeringTab::abFinished);
    tab.runAB();
    QVERIFY(streamed.wait(15000));
    tab.addPair(u"The car drove down the road."_s,
        u"The pizza with cheese and fresh tomatoes."_s); // a repeat, flagged
    QVERIFY(!tab.validationText().isEmpty());
    snapshot(&tab, u"steering"_s);
}

QTEST_MAIN(TestTabLooks)
#include "TestTabLooks.moc"
