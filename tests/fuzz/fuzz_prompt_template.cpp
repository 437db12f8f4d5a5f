// SPDX-License-Identifier: MIT
// Fuzz target of core::renderChatPrompt (core/api/PromptTemplate.h): a model's `prompt_template`
// from /model-settings (the server's text) rendered with chat messages (the user's and the
// server's replies) when a chat reply is explained.
//
// Input: UTF-8 text split at NUL bytes: the template, then role, content, role, content, ...
// A content with 0x1F bytes becomes a message of text parts (content parts) split there.
//
// Properties:
//  - Whether the template is used (`exact`) depends on the template only, never on the messages.
//  - Not exact: the output is the plain transcript ("Role: text\n\n" per message, "Assistant:").
//  - Exact: the template's text around the loop comes once and the loop body once per message,
//    each placeholder replaced by exactly the message's role or text: nothing in a role or a text
//    is interpreted (no "\1" back-references, no placeholders inside inserted text). Checked by
//    lengths: |render(messages)| = |render([])| + Σ (body + roles × |role| + contents × |text|).
//  - An empty chat renders the text around the loop only; rendering is deterministic.

#include "core/api/PromptTemplate.h"
#include "tests/fuzz/FuzzCheck.h"

#include <cstddef>
#include <cstdint>

using namespace core;

namespace {

QString transcript(const QList<ChatMessage> &messages)
{
    QString out;
    for (const ChatMessage &m : messages) {
        QString role = m.role;
        if (!role.isEmpty())
            role[0] = role[0].toUpper();
        out += role + QStringLiteral(": ") + m.text() + QStringLiteral("\n\n");
    }
    return out + QStringLiteral("Assistant:");
}

ChatMessage message(const QString &role, const QString &content)
{
    if (!content.contains(QChar(0x1F)))
        return ChatMessage::fromText(role, content);
    ChatMessage m;
    m.role = role;
    QList<ChatContentPart> parts;
    for (const QString &piece : content.split(QChar(0x1F)))
        parts.append(ChatContentPart::fromText(piece));
    m.contentParts = parts;
    return m;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString input = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const QStringList parts = input.split(QChar(0));
    const QString promptTemplate = parts.value(0);
    QList<ChatMessage> messages;
    for (qsizetype i = 1; i < parts.size() && messages.size() < 64; i += 2)
        messages.append(message(parts.at(i), parts.value(i + 1)));

    bool exact = true;
    const QString out = renderChatPrompt(promptTemplate, messages, &exact);
    FUZZ_CHECK(
        out == renderChatPrompt(promptTemplate, messages), QStringLiteral("not deterministic"));

    bool exactEmpty = true;
    const QString empty = renderChatPrompt(promptTemplate, {}, &exactEmpty);
    FUZZ_CHECK(exact == exactEmpty,
        QStringLiteral("exact %1 with messages, %2 without").arg(exact).arg(exactEmpty));
    if (!exact) {
        FUZZ_CHECK(out == transcript(messages),
            QStringLiteral("not exact, but not the plain transcript: %1")
                .arg(fuzz::excerpt(out, 300)));
        return 0;
    }

    // Per message: body length with the placeholders empty, and how many of each there are.
    const auto extra = [&](const QString &role, const QString &content) {
        return renderChatPrompt(promptTemplate, {ChatMessage::fromText(role, content)}).size()
            - empty.size();
    };
    const qsizetype body = extra(QString(), QString());
    const qsizetype roles = extra(QStringLiteral("r"), QString()) - body;
    const qsizetype contents = extra(QString(), QStringLiteral("c")) - body;
    FUZZ_CHECK(body >= 0 && roles >= 0 && contents >= 0,
        QStringLiteral("body %1, roles %2, contents %3").arg(body).arg(roles).arg(contents));
    qsizetype expected = empty.size();
    for (const ChatMessage &m : messages) {
        const qsizetype one = renderChatPrompt(promptTemplate, {m}).size() - empty.size();
        const qsizetype predicted = body + roles * m.role.size() + contents * m.text().size();
        FUZZ_CHECK(one == predicted,
            QStringLiteral(
                "one message (role \"%1\", text \"%2\") adds %3 characters, expected %4 (body %5, "
                "%6 role and %7 content placeholders)\n    template: %8\n    rendered: %9")
                .arg(fuzz::excerpt(m.role, 60), fuzz::excerpt(m.text(), 60))
                .arg(one)
                .arg(predicted)
                .arg(body)
                .arg(roles)
                .arg(contents)
                .arg(fuzz::excerpt(promptTemplate, 200),
                    fuzz::excerpt(renderChatPrompt(promptTemplate, {m}), 300)));
        expected += one;
    }
    FUZZ_CHECK(out.size() == expected,
        QStringLiteral("%1 characters for the chat, %2 from its messages")
            .arg(out.size())
            .arg(expected));
    return 0;
}
