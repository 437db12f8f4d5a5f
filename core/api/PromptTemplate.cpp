// SPDX-License-Identifier: MIT
#include "core/api/PromptTemplate.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace core {

namespace {

QString transcript(const QList<ChatMessage> &messages)
{
    QString out;
    for (const ChatMessage &m : messages) {
        QString role = m.role;
        if (!role.isEmpty())
            role[0] = role[0].toUpper();
        out += role + u": "_s + m.text() + u"\n\n"_s;
    }
    return out + u"Assistant:"_s;
}

/// Drops whitespace-control dashes: "{{- x -}}" → "{{ x }}", "{%- x -%}" → "{% x %}".
QString withoutDashes(QString t)
{
    static const QRegularExpression open(u"\\{([{%])-"_s);
    static const QRegularExpression close(u"-([}%])\\}"_s);
    t.replace(open, u"{\\1"_s);
    t.replace(close, u"\\1}"_s);
    return t;
}

} // namespace

QString renderChatPrompt(
    const QString &promptTemplate, const QList<ChatMessage> &messages, bool *exact)
{
    if (exact)
        *exact = false;
    const QString t = withoutDashes(promptTemplate);
    static const QRegularExpression loop(
        u"^(.*)\\{%\\s*for\\s+message\\s+in\\s+messages\\s*%\\}(.*)\\{%\\s*endfor\\s*%\\}(.*)$"_s,
        QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch m = loop.match(t);
    static const QRegularExpression anyTag(u"\\{[{%#]"_s);
    if (!m.hasMatch() || m.captured(1).contains(anyTag) || m.captured(3).contains(anyTag))
        return transcript(messages);
    static const QRegularExpression role(
        u"\\{\\{\\s*message(\\.role|\\['role'\\]|\\[\"role\"\\])\\s*\\}\\}"_s);
    static const QRegularExpression content(
        u"\\{\\{\\s*message(\\.content|\\['content'\\]|\\[\"content\"\\])\\s*\\}\\}"_s);
    const QString body = m.captured(2);
    QString stripped = body;
    stripped.remove(role);
    stripped.remove(content);
    if (stripped.contains(anyTag))
        return transcript(messages);
    QString out = m.captured(1);
    for (const ChatMessage &message : messages) {
        // Role and content in one pass over the body, both inserted literally: neither is scanned
        // again (a role may hold "\\1" or "{{ message.content }}").
        static const QRegularExpression either(role.pattern() + u'|' + content.pattern());
        qsizetype from = 0;
        for (QRegularExpressionMatchIterator it = either.globalMatch(body); it.hasNext();) {
            const QRegularExpressionMatch c = it.next();
            const bool isRole = role.match(c.captured(0)).hasMatch();
            out += body.mid(from, c.capturedStart() - from)
                + (isRole ? message.role : message.text());
            from = c.capturedEnd();
        }
        out += body.mid(from);
    }
    out += m.captured(3);
    if (exact)
        *exact = true;
    return out;
}

} // namespace core
