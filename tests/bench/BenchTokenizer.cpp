// SPDX-License-Identifier: MIT
// Tokenizer and Translation tabs through the in-process sandbox (loopback HTTP):
//  - spans: core::analysis::tokenSpans over the /tokenize answer of an N-character text;
//  - tokenize: TokenizerTab::showTokens() until finished() (request, sandbox, parse, spans, fills,
//    table) and the first paint after it;
//  - lines: TranslationTab with "one request per line" over L lines (3 in flight), lines per
//  second.
// Prints the figures; asserts nothing (run: bench_tokenizer [--chars N] [--lines L] [--runs R]).
#include "core/analysis/TokenSpans.h"
#include "core/net/ApiClient.h"
#include "sandbox/SandboxServer.h"
#include "tests/bench/Timing.h"
#include "ui/tokenizer/TokenizerTab.h"
#include "ui/translation/TranslationTab.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QRandomGenerator>
#include <QTableWidget>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using bench::median;
using bench::ms;

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption charsOption(
        u"chars"_s, u"Characters to tokenize."_s, u"N"_s, u"100000"_s);
    const QCommandLineOption linesOption(
        u"lines"_s, u"Lines to translate one by one."_s, u"L"_s, u"300"_s);
    const QCommandLineOption runsOption(u"runs"_s, u"Repetitions."_s, u"R"_s, u"5"_s);
    parser.addOptions({charsOption, linesOption, runsOption});
    parser.addHelpOption();
    parser.process(app);
    const int chars = parser.value(charsOption).toInt();
    const int lines = parser.value(linesOption).toInt();
    const int runs = std::max(1, parser.value(runsOption).toInt());

    sandbox::EmbeddedSandbox sandbox;
    QString error;
    if (!sandbox.start(&error)) {
        std::fprintf(stderr, "sandbox: %s\n", qPrintable(error));
        return 1;
    }
    QNetworkAccessManager nam;
    nam.setProxy(QNetworkProxy::NoProxy);
    core::ClientConfig config;
    config.baseUrl = sandbox.baseUrl();
    config.token = sandbox.token();
    core::ApiClient client(&nam, config);

    static const QStringList words{u"the"_s,
        u"model"_s,
        u"writes"_s,
        u"Grüße"_s,
        u"tokenizer"_s,
        u"Prague"_s,
        u"a"_s,
        u"story"_s,
        u"über"_s,
        u"and"_s,
        u"naïve"_s,
        u"café"_s};
    QRandomGenerator random(7);
    QString text;
    while (text.size() < chars)
        text += words.at(random.bounded(int(words.size())))
            + (random.bounded(12) == 0 ? u".\n"_s : u" "_s);
    text.truncate(chars);

    ui::TokenizerTab tokenizer(&client);
    tokenizer.resize(1300, 800);
    tokenizer.show();
    QList<double> tokenize;
    QList<double> paint;
    QList<double> spans;
    for (int r = 0; r < runs; ++r) {
        QEventLoop loop;
        QObject::connect(&tokenizer, &ui::TokenizerTab::finished, &loop, &QEventLoop::quit);
        QElapsedTimer t;
        t.start();
        tokenizer.showTokens(text, u"sandbox-luminous-base"_s);
        loop.exec();
        tokenize.append(ms(t));
        t.restart();
        tokenizer.grab();
        paint.append(ms(t));
        t.restart();
        const auto placed
            = core::analysis::tokenSpans(tokenizer.tokenizedText(), tokenizer.tokens());
        spans.append(ms(t));
        if (placed.size() != tokenizer.tokens().size())
            return 1;
    }
    std::printf("tokenize %d chars (%lld tokens): showTokens→finished median %.1f ms (max %.1f), "
                "first paint %.1f ms, "
                "tokenSpans alone %.1f ms\n",
        chars,
        qlonglong(tokenizer.tokens().size()),
        median(tokenize),
        *std::max_element(tokenize.cbegin(), tokenize.cend()),
        median(paint),
        median(spans));

    ui::TranslationTab translation(&client);
    translation.setModel(u"sandbox-pharia-1-mt-translation"_s);
    translation.setTargetLanguage(u"de"_s);
    translation.setLinesMode(true);
    QStringList source;
    for (int i = 0; i < lines; ++i)
        source.append(u"Hello world, the cat and the dog are in the house number %1."_s.arg(i));
    translation.setSource(source.join(u'\n'));
    QList<double> perSecond;
    for (int r = 0; r < runs; ++r) {
        QEventLoop loop;
        QObject::connect(&translation, &ui::TranslationTab::finished, &loop, &QEventLoop::quit);
        QElapsedTimer t;
        t.start();
        translation.translate();
        loop.exec();
        perSecond.append(lines / (ms(t) / 1000.0));
        if (translation.table()->model()->rowCount() != lines)
            return 1;
    }
    std::printf("translate %d lines one request each (3 in flight): median %.0f lines/s\n",
        lines,
        median(perSecond));
    return 0;
}
