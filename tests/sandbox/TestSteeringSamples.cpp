// SPDX-License-Identifier: MIT
// The Steering tab's sample concepts on the real sandbox over HTTP (issue 19): each concept moves
// greedy output towards its positive examples on most of ten prompts, in /complete and in
// /chat/completions. "Towards" is counted: the words and punctuation marks only the positive
// examples have, less those only the negative ones have; when those are even, whether the mean
// word length moved the way the examples' does (by 0.2 letters or more). B must still read as text
// (no word twice in a row, no word trigram twice). Also the A/B view's word diff.
#include "sandbox/SandboxServer.h"
#include "ui/common/WordDiff.h"
#include "ui/steering/SampleConcepts.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <cmath>
#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

const QStringList kPrompts{u"What is the capital of France?"_s,
    u"Tell me about dogs."_s,
    u"How is bread made?"_s,
    u"What is a volcano?"_s,
    u"Describe the ocean."_s,
    u"What is democracy?"_s,
    u"Tell me about the moon."_s,
    u"What is a city?"_s,
    u"How do airplanes fly?"_s,
    u"What is music?"_s};

QStringList units(const QString &text)
{
    static const QRegularExpression unit(
        u"[\\w']+|[^\\w\\s]"_s, QRegularExpression::UseUnicodePropertiesOption);
    QStringList out;
    for (auto it = unit.globalMatch(text); it.hasNext();)
        out.append(it.next().captured().toLower());
    return out;
}

} // namespace

class TestSteeringSamples : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void samplesMoveGreedyOutput_data();
    void samplesMoveGreedyOutput();
    void wordDiffMarksTheChangedWords();

private:
    QJsonObject post(const QString &endpoint, const QJsonObject &body);
    std::unique_ptr<sandbox::EmbeddedSandbox> m_sandbox;
    std::unique_ptr<QNetworkAccessManager> m_nam;
};

void TestSteeringSamples::initTestCase()
{
    sandbox::SandboxOptions options;
    options.tokensPerSecond = 0;
    m_sandbox = std::make_unique<sandbox::EmbeddedSandbox>(options);
    QString error;
    QVERIFY2(m_sandbox->start(&error), qPrintable(error));
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_nam->setProxy(QNetworkProxy::NoProxy);
}

QJsonObject TestSteeringSamples::post(const QString &endpoint, const QJsonObject &body)
{
    QNetworkRequest request(QUrl(m_sandbox->baseUrl().toString() + u'/' + endpoint));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Authorization", "Bearer " + m_sandbox->token().toUtf8());
    QNetworkReply *reply = m_nam->post(request, QJsonDocument(body).toJson());
    QSignalSpy spy(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        spy.wait(30000);
    const QJsonObject json = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return json;
}

void TestSteeringSamples::samplesMoveGreedyOutput_data()
{
    QTest::addColumn<int>("conceptIndex");
    QTest::addColumn<QString>("endpoint");
    for (int c = 0; c < ui::sampleConcepts().size(); ++c)
        for (const QString &endpoint : {u"complete"_s, u"chat/completions"_s})
            QTest::addRow(
                "%s %s", qPrintable(ui::sampleConcepts().at(c).name), qPrintable(endpoint))
                << c << endpoint;
}

void TestSteeringSamples::samplesMoveGreedyOutput()
{
    QFETCH(int, conceptIndex);
    QFETCH(QString, endpoint);
    const ui::SampleConcept &sample = ui::sampleConcepts().at(conceptIndex);
    QJsonArray examples;
    QSet<QString> positive, negative;
    for (const auto &[neg, pos] : sample.pairs) {
        examples.append(QJsonObject{{u"negative"_s, neg}, {u"positive"_s, pos}});
        for (const QString &u : units(pos))
            positive.insert(u);
        for (const QString &u : units(neg))
            negative.insert(u);
    }
    // The examples' second direction: how long their words are (formal words are longer).
    const auto meanLength = [](const QStringList &texts) {
        double letters = 0, words = 0;
        for (const QString &text : texts)
            for (const QString &u : units(text))
                if (u.at(0).isLetter()) {
                    letters += u.size();
                    words += 1;
                }
        return words > 0 ? letters / words : 0.0;
    };
    QStringList positives, negatives;
    for (const auto &[neg, pos] : sample.pairs) {
        negatives.append(neg);
        positives.append(pos);
    }
    const double lengthChange = meanLength(positives) - meanLength(negatives);
    const double lengthSign = std::abs(lengthChange) < 0.5 ? 0.0 : lengthChange > 0 ? 1.0 : -1.0;
    const QSet<QString> both = positive & negative;
    positive -= both;
    negative -= both;
    const QString id
        = post(u"steering_concepts"_s, {{u"examples"_s, examples}}).value(u"id"_s).toString();
    QVERIFY(id.startsWith(u"sandbox-concept-"_s));

    const auto towards = [&](const QString &text) {
        int score = 0;
        for (const QString &u : units(text))
            score += positive.contains(u) ? 1 : negative.contains(u) ? -1 : 0;
        return score;
    };
    const auto generate = [&](const QString &prompt, bool steered) {
        QJsonObject body;
        if (endpoint == u"complete"_s)
            body = {{u"model"_s, u"sandbox-luminous-base"_s},
                {u"prompt"_s, prompt},
                {u"maximum_tokens"_s, 48}};
        else
            body = {{u"model"_s, u"sandbox-llama-3.1-8b-instruct"_s},
                {u"temperature"_s, 0},
                {u"max_tokens"_s, 48},
                {u"messages"_s,
                    QJsonArray{QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, prompt}}}}};
        if (steered)
            body.insert(u"steering_concepts"_s, QJsonArray{id});
        const QJsonObject json = post(endpoint, body);
        if (endpoint == u"complete"_s)
            return json.value(u"completions"_s)
                .toArray()
                .first()
                .toObject()
                .value(u"completion"_s)
                .toString();
        return json.value(u"choices"_s)
            .toArray()
            .first()
            .toObject()
            .value(u"message"_s)
            .toObject()
            .value(u"content"_s)
            .toString();
    };
    int moved = 0;
    for (const QString &prompt : kPrompts) {
        const QString plain = generate(prompt, false);
        const QString steered = generate(prompt, true);
        QVERIFY2(!plain.isEmpty() && !steered.isEmpty(), qPrintable(prompt));
        // Towards: more of the positive examples' words, or as many and words whose length
        // changes the way the examples' do.
        const int b = towards(steered), a = towards(plain);
        moved += b > a
            || (b == a && lengthSign * (meanLength({steered}) - meanLength({plain})) > 0.2);
        // B still reads as text: no word twice in a row, no word trigram twice.
        QStringList words = units(steered);
        for (qsizetype k = 0; k + 1 < words.size(); ++k)
            QVERIFY2(words.at(k) != words.at(k + 1), qPrintable(prompt + u": "_s + steered));
        words.removeIf([](const QString &u) { return !u.at(0).isLetterOrNumber(); });
        QSet<QString> trigrams;
        for (qsizetype k = 0; k + 2 < words.size(); ++k) {
            const QString trigram = words.mid(k, 3).join(u' ');
            QVERIFY2(!trigrams.contains(trigram), qPrintable(prompt + u": "_s + steered));
            trigrams.insert(trigram);
        }
        if (prompt == kPrompts.first() || qEnvironmentVariableIsSet("STEERING_SHOW_ALL"))
            std::printf("  %s, %s\n    A: %s\n    B: %s\n",
                qPrintable(sample.name),
                qPrintable(endpoint),
                qPrintable(plain.simplified()),
                qPrintable(steered.simplified()));
    }
    std::printf("STEERING %-14s %-17s moved towards the positive examples on %d of %d prompts\n",
        qPrintable(sample.name),
        qPrintable(endpoint),
        moved,
        int(kPrompts.size()));
    std::fflush(stdout);
    QVERIFY2(moved * 10 >= kPrompts.size() * 7,
        qPrintable(u"%1 of %2"_s.arg(moved).arg(kPrompts.size())));
}

void TestSteeringSamples::wordDiffMarksTheChangedWords()
{
    const QString a = u"Paris is the capital of France."_s;
    const QString b = u"Paris ist das capital von France!"_s;
    const ui::WordDiff diff = ui::wordDiff(a, b);
    QStringList onlyA, onlyB;
    for (const auto &[start, length] : diff.onlyInA)
        onlyA.append(a.mid(start, length));
    for (const auto &[start, length] : diff.onlyInB)
        onlyB.append(b.mid(start, length));
    QCOMPARE(onlyA, (QStringList{u"is"_s, u"the"_s, u"of"_s, u"."_s}));
    QCOMPARE(onlyB, (QStringList{u"ist"_s, u"das"_s, u"von"_s, u"!"_s}));
    QVERIFY(ui::wordDiff(a, a).onlyInA.isEmpty());
}

QTEST_GUILESS_MAIN(TestSteeringSamples)
#include "TestSteeringSamples.moc"
