// SPDX-License-Identifier: MIT
// The sandbox's generated text as a reader sees it (issue 19): over 24 varied prompts, at
// temperatures 0, 0.7, 1.0 and 1.5, through /complete and /chat/completions (SandboxApi, the
// handlers the server runs), the share of replies without a repeated word trigram (≥ 90 %) and the
// distinct share of word bigrams (≥ 80 %, mean over the replies). Prints the figures and a few
// replies; the thresholds are checked, nothing is timed.
#include "sandbox/SandboxApi.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

const QStringList &prompts()
{
    static const QStringList list{
        u"What is the capital of France?"_s,
        u"Tell me about dogs."_s,
        u"How does a volcano work?"_s,
        u"What is photosynthesis?"_s,
        u"Explain how a computer stores data."_s,
        u"Who was Shakespeare?"_s,
        u"What is the best way to learn music?"_s,
        u"Describe the ocean."_s,
        u"Why is the sky blue?"_s,
        u"What should I cook for dinner tonight?"_s,
        u"What is a planet?"_s,
        u"Tell me about the history of Rome."_s,
        u"How do airplanes fly?"_s,
        u"What is democracy?"_s,
        u"Give me advice for a job interview."_s,
        u"What do bees do?"_s,
        u"Explain gravity."_s,
        u"What is a good book to read?"_s,
        u"How is bread made?"_s,
        u"What is the weather like in winter?"_s,
        u"Tell me about the moon."_s,
        u"What is a language?"_s,
        u"How do I write a poem?"_s,
        u"What is chess?"_s,
    };
    return list;
}

QStringList words(const QString &text)
{
    static const QRegularExpression word(u"[A-Za-z0-9']+"_s);
    QStringList out;
    for (auto it = word.globalMatch(text); it.hasNext();)
        out.append(it.next().captured().toLower());
    return out;
}

bool repeatsATrigram(const QStringList &w)
{
    QSet<QString> seen;
    for (qsizetype i = 0; i + 2 < w.size(); ++i) {
        const QString key = w.at(i) + u' ' + w.at(i + 1) + u' ' + w.at(i + 2);
        if (seen.contains(key))
            return true;
        seen.insert(key);
    }
    return false;
}

double distinctBigrams(const QStringList &w)
{
    if (w.size() < 2)
        return 1.0;
    QSet<QString> seen;
    for (qsizetype i = 0; i + 1 < w.size(); ++i)
        seen.insert(w.at(i) + u' ' + w.at(i + 1));
    return double(seen.size()) / double(w.size() - 1);
}

} // namespace

class TestTextFluency : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fluencyAtEveryTemperature_data();
    void fluencyAtEveryTemperature();

private:
    QString reply(const QString &endpoint, const QString &prompt, double temperature, int seed);
    sandbox::SandboxApi m_api;
};

QString TestTextFluency::reply(
    const QString &endpoint, const QString &prompt, double temperature, int seed)
{
    QJsonObject body;
    if (endpoint == u"complete"_s) {
        body = {{u"model"_s, u"sandbox-luminous-base"_s},
            {u"prompt"_s, prompt},
            {u"maximum_tokens"_s, 64},
            {u"temperature"_s, temperature}}; // the request is the seed
    } else {
        body = {{u"model"_s, u"sandbox-llama-3.1-8b-instruct"_s},
            {u"messages"_s,
                QJsonArray{QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, prompt}}}},
            {u"max_tokens"_s, 64},
            {u"temperature"_s, temperature},
            {u"seed"_s, seed}};
    }
    const sandbox::Reply r = m_api.handle(endpoint, "POST", QJsonDocument(body).toJson());
    if (r.status != 200)
        return u"<status %1: %2>"_s.arg(r.status).arg(QString::fromUtf8(r.body));
    const QJsonObject json = QJsonDocument::fromJson(r.body).object();
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
}

void TestTextFluency::fluencyAtEveryTemperature_data()
{
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<double>("temperature");
    for (const QString &endpoint : {u"complete"_s, u"chat/completions"_s})
        for (const double t : {0.0, 0.7, 1.0, 1.5})
            QTest::addRow("%s T=%.1f", qPrintable(endpoint), t) << endpoint << t;
}

void TestTextFluency::fluencyAtEveryTemperature()
{
    QFETCH(QString, endpoint);
    QFETCH(double, temperature);
    int clean = 0;
    double distinct = 0;
    int replies = 0;
    int wordsTotal = 0;
    for (qsizetype i = 0; i < prompts().size(); ++i) {
        const QString text = reply(endpoint, prompts().at(i), temperature, int(i) + 1);
        QVERIFY2(!text.startsWith(u"<status"_s), qPrintable(text));
        const QStringList w = words(text);
        QVERIFY2(!w.isEmpty(), qPrintable(u"empty reply to "_s + prompts().at(i)));
        clean += !repeatsATrigram(w);
        distinct += distinctBigrams(w);
        wordsTotal += int(w.size());
        ++replies;
        if (i < 3 || qEnvironmentVariableIsSet("ALEPH_SHOW_REPLIES"))
            std::printf("  %-17s T=%.1f  %s →%s\n",
                qPrintable(endpoint),
                temperature,
                qPrintable(prompts().at(i)),
                qPrintable(text.simplified().prepend(u' ')));
    }
    const double cleanShare = double(clean) / replies;
    const double distinctShare = distinct / replies;
    std::printf("FLUENCY %-17s T=%.1f  replies %d  without a repeated word trigram %5.1f %%  "
                "distinct word bigrams "
                "%5.1f %%  words per reply %.1f\n",
        qPrintable(endpoint),
        temperature,
        replies,
        100 * cleanShare,
        100 * distinctShare,
        double(wordsTotal) / replies);
    std::fflush(stdout);
    QVERIFY2(
        cleanShare >= 0.9, qPrintable(u"%1 %% without a repeated trigram"_s.arg(100 * cleanShare)));
    QVERIFY2(
        distinctShare >= 0.8, qPrintable(u"%1 %% distinct bigrams"_s.arg(100 * distinctShare)));
}

QTEST_GUILESS_MAIN(TestTextFluency)
#include "TestTextFluency.moc"
