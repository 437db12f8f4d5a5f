// SPDX-License-Identifier: MIT
// Explanation tab budget (DESIGN.md, "Performance budgets"): an explanation over a 4,096-token
// prompt renders in ≤ 50 ms, and scrolling it never stalls. Measured on a synthetic answer of the
// real shape: a prompt of N words with one score per word (token granularity), T target tokens
// (target_granularity "token", so T explanations plus their mean).
//  - parse: the response JSON → ExplanationResponse;
//  - render: showResponse() (spans, mean, scale, table, target row) + layout + the first paint;
//  - switch: choosing another target token + paint;
//  - scroll: one page step + paint, over the whole page (max and median).
// Prints the figures; asserts nothing (run: bench_explanation [--tokens N] [--targets T] [--runs
// R]).
#include "core/net/ApiClient.h"
#include "tests/bench/Timing.h"
#include "ui/explanation/ExplanationTab.h"
#include "ui/explanation/HeatmapView.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QScrollBar>

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
    const QCommandLineOption tokensOption(
        u"tokens"_s, u"Scored units in the prompt."_s, u"N"_s, u"4096"_s);
    const QCommandLineOption targetsOption(
        u"targets"_s, u"Target tokens (explanations)."_s, u"T"_s, u"8"_s);
    const QCommandLineOption runsOption(u"runs"_s, u"Repetitions."_s, u"R"_s, u"7"_s);
    parser.addOptions({tokensOption, targetsOption, runsOption});
    parser.addHelpOption();
    parser.process(app);
    const int tokens = parser.value(tokensOption).toInt();
    const int targets = std::max(1, parser.value(targetsOption).toInt());
    const int runs = std::max(1, parser.value(runsOption).toInt());

    // A long prompt: words of varied length in sentences and paragraphs.
    static const QStringList words{u"the"_s,
        u"model"_s,
        u"explanation"_s,
        u"of"_s,
        u"a"_s,
        u"prompt"_s,
        u"attention"_s,
        u"scores"_s,
        u"drive"_s,
        u"towards"_s,
        u"target"_s,
        u"heatmap"_s,
        u"colour"_s,
        u"and"_s};
    QRandomGenerator random(42);
    QString text;
    QList<core::TextScore> scores;
    for (int i = 0; i < tokens; ++i) {
        if (i > 0)
            text += (i % 97 == 0) ? u"\n\n"_s : (i % 13 == 0 ? u". "_s : u" "_s);
        const QString w = words.at(random.bounded(int(words.size())));
        core::TextScore s;
        s.start = int(text.size());
        s.length = int(w.size());
        scores.append(s);
        text += w;
    }
    core::ExplanationRequest request;
    request.model = u"luminous-base"_s;
    request.prompt = core::Prompt::fromText(text);
    QString target;
    core::ExplanationResponse response;
    response.modelVersion = u"bench"_s;
    for (int t = 0; t < targets; ++t) {
        core::Explanation e;
        e.target = u" "_s + words.at(t % words.size());
        target += e.target;
        core::ExplanationItem item;
        item.type = core::ExplanationItem::Type::Text;
        item.typeName = u"text"_s;
        item.textScores = scores;
        for (core::TextScore &s : item.textScores)
            s.score = random.generateDouble() * 2.0 - 1.0;
        core::ExplanationItem targetItem;
        targetItem.type = core::ExplanationItem::Type::Target;
        targetItem.typeName = u"target"_s;
        e.items = {item, targetItem};
        response.explanations.append(e);
    }
    request.target = target;
    request.targetGranularity = u"token"_s;
    const QByteArray body = QJsonDocument(response.toJson()).toJson(QJsonDocument::Compact);

    QNetworkAccessManager nam;
    core::ApiClient client(&nam, core::ClientConfig{});
    ui::ExplanationTab tab(&client);
    tab.resize(1400, 1000);
    tab.show();
    QCoreApplication::processEvents();
    ui::HeatmapView *view = tab.heatmap();

    QList<double> parse, render, layout, place, switching;
    for (int r = 0; r < runs; ++r) {
        QElapsedTimer t;
        t.start();
        QString error;
        const auto parsed
            = core::ExplanationResponse::fromJson(QJsonDocument::fromJson(body).object(), &error);
        parse.append(ms(t));
        if (!parsed) {
            std::fprintf(stderr, "parse failed: %s\n", qPrintable(error));
            return 1;
        }
        t.restart();
        tab.showResponse(request, *parsed);
        view->viewport()->repaint();
        render.append(ms(t));
        layout.append(view->lastLayoutMs());
        place.append(view->lastSpansMs());
        t.restart();
        tab.setTargetIndex(r % targets);
        view->viewport()->repaint();
        switching.append(ms(t));
    }

    QList<double> scroll;
    QScrollBar *bar = view->verticalScrollBar();
    for (int value = 0; value <= bar->maximum(); value += bar->pageStep() / 2) {
        QElapsedTimer t;
        t.start();
        bar->setValue(value);
        view->viewport()->repaint();
        scroll.append(ms(t));
    }

    std::printf("explanation over %d scored tokens, %d target tokens, page %d px high, %d runs\n",
        tokens,
        targets,
        view->contentSize().height(),
        runs);
    std::printf("  parse JSON (%lld bytes):          median %.2f ms\n",
        static_cast<long long>(body.size()),
        median(parse));
    std::printf(
        "  render (show + layout + paint):  median %.2f ms  max %.2f ms  (target <= 50 ms)\n",
        median(render),
        *std::max_element(render.cbegin(), render.cend()));
    std::printf("    of which text layout:          median %.2f ms\n", median(layout));
    std::printf("    of which span placement:       median %.2f ms\n", median(place));
    std::printf("  switch target token + paint:     median %.2f ms\n", median(switching));
    std::printf("  scroll half a page + paint:      median %.2f ms  max %.2f ms over %lld steps "
                "(stall > 16 ms)\n",
        median(scroll),
        scroll.isEmpty() ? 0.0 : *std::max_element(scroll.cbegin(), scroll.cend()),
        static_cast<long long>(scroll.size()));
    return 0;
}
