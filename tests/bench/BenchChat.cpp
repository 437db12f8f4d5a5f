// SPDX-License-Identifier: MIT
// Chat tab budgets (DESIGN.md, "Performance budgets"), measured against the sandbox:
//  - opening a 1,000-message conversation (render + layout + first paint), target ≤ 100 ms;
//  - streaming at 2,000 tokens/s into a chat: the longest
//    GUI-thread stall (gap between 2 ms ticks of a precise timer), target ≤ 16 ms.
// Prints the figures; asserts nothing (run: bench_chat [--messages N] [--runs R]).
#include "sandbox/SandboxServer.h"
#include "tests/bench/Timing.h"
#include "ui/chat/ChatTab.h"

#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QTextBrowser>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using bench::median;
using bench::ms;

namespace {

core::Conversation makeConversation(int messages)
{
    core::Conversation c;
    int last = -1;
    for (int i = 0; i < messages; ++i) {
        const bool user = i % 2 == 0;
        QString text = user
            ? u"Question %1: how do I sort a list of %2 items by two keys in Python, stable?"_s
                  .arg(i)
                  .arg(i * 7)
            : u"You can use **sorted** with a key tuple. Reply "
              u"%1:\n\n```python\nitems.sort(key=lambda x: (x.a, x.b))\n```\n\n"
              "- It is *stable*, so equal keys keep their order.\n- Use `reverse=True` for "
              "descending order.\n\n"
              "See the [docs](https://docs.python.org/3/howto/sorting.html) for more."_s.arg(i);
        last = c.append(core::ChatMessage::fromText(user ? u"user"_s : u"assistant"_s, text), last);
    }
    return c;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption messagesOption(
        u"messages"_s, u"Messages in the conversation."_s, u"N"_s, u"1000"_s);
    const QCommandLineOption runsOption(
        u"runs"_s, u"Repetitions of the open measurement."_s, u"R"_s, u"7"_s);
    const QCommandLineOption rateOption(
        u"tokens-per-second"_s, u"Sandbox streaming pace."_s, u"R"_s, u"2000"_s);
    const QCommandLineOption tokensOption(
        u"max-tokens"_s, u"Tokens of the streamed reply."_s, u"N"_s, u"2000"_s);
    parser.addOptions({messagesOption, runsOption, rateOption, tokensOption});
    parser.process(app);
    const int messages = parser.value(messagesOption).toInt();

    sandbox::SandboxOptions options;
    options.tokensPerSecond = parser.value(rateOption).toDouble();
    sandbox::EmbeddedSandbox server(options);
    QString error;
    if (!server.start(&error)) {
        std::fprintf(stderr, "sandbox: %s\n", qPrintable(error));
        return 1;
    }
    QNetworkAccessManager nam;
    core::ClientConfig config;
    config.baseUrl = server.baseUrl();
    config.token = server.token();
    config.proxy = QNetworkProxy(QNetworkProxy::NoProxy);
    core::ApiClient client(&nam, config);

    ui::ChatTab tab(&client);
    tab.resize(1100, 800);
    tab.show();
    tab.findChild<QComboBox *>(u"model"_s)->setCurrentText(u"sandbox-llama-3.1-8b-instruct"_s);
    QCoreApplication::processEvents();

    // 1. Opening a long conversation: render, lay out, paint.
    const core::Conversation conversation = makeConversation(messages);
    QList<double> openMs;
    for (int run = 0; run < parser.value(runsOption).toInt(); ++run) {
        tab.setConversation(core::Conversation());
        QCoreApplication::processEvents();
        QElapsedTimer clock;
        clock.start();
        tab.setConversation(conversation);
        tab.transcript()
            ->viewport()
            ->repaint(); // layout of the visible part + paint, synchronously
        openMs.append(clock.nsecsElapsed() / 1e6);
    }
    std::printf(
        "open %d messages: median %.1f ms (min %.1f, max %.1f) over %lld runs; budget 100 ms\n",
        messages,
        median(openMs),
        *std::min_element(openMs.cbegin(), openMs.cend()),
        *std::max_element(openMs.cbegin(), openMs.cend()),
        static_cast<long long>(openMs.size()));

    // 2. Streaming into it: the longest gap between 2 ms ticks on the GUI thread.
    bench::GuiGaps gaps;
    // A conversation of 1,000 messages exceeds every context window, so the stream goes into a
    // short one (the transcript's cost per streamed token does not depend on its length: only the
    // reply in progress is re-laid out).
    tab.setConversation(makeConversation(2));
    tab.findChild<QSpinBox *>(u"max_tokens"_s)->setValue(parser.value(tokensOption).toInt());
    tab.findChild<QPlainTextEdit *>(u"input"_s)
        ->setPlainText(u"Tell me a long story about the sea and the ships and the harbour"_s);
    // The synthetic model ends replies at its end-of-text token (tens of tokens), so the stream is
    // measured over consecutive replies (Regenerate) until the wanted number of tokens has passed.
    int deltas = 0;
    int replies = 0;
    bool done = false;
    QObject::connect(&tab, &ui::ChatTab::replyFinished, [&] { done = true; });
    qint64 streamMs = 0;
    const int wanted = parser.value(tokensOption).toInt();
    QElapsedTimer streamClock;
    gaps.start();
    while (deltas < wanted && replies < 500) {
        done = false;
        streamClock.start();
        if (replies == 0)
            tab.send();
        else
            tab.regenerate();
        while (!done)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        streamMs += streamClock.elapsed();
        const core::ChatNode &reply
            = tab.conversation().node(tab.conversation().activePath().last());
        if (reply.message.role != u"assistant"_s || reply.completionTokens <= 0) {
            std::fprintf(
                stderr, "no reply: %s\n", qPrintable(tab.findChild<QLabel *>(u"status"_s)->text()));
            return 1;
        }
        deltas += reply.completionTokens;
        ++replies;
    }
    gaps.stop();
    std::printf("stream: %d tokens in %d replies, %lld ms streaming (%.0f tokens/s), %lld ticks; "
                "GUI gap max %.1f ms, p99 %.1f ms; budget 16 ms\n",
        deltas,
        replies,
        static_cast<long long>(streamMs),
        streamMs > 0 ? deltas * 1000.0 / streamMs : 0.0,
        static_cast<long long>(gaps.ticks()),
        gaps.maxMs(),
        gaps.p99Ms());
    std::printf("last full render: %lld ms\n", static_cast<long long>(tab.lastRenderMs()));
    return 0;
}
