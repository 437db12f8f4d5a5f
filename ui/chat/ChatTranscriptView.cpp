// SPDX-License-Identifier: MIT
#include "ui/chat/ChatTranscriptView.h"

#include "core/chat/StructuredOutput.h"

#include <QElapsedTimer>
#include <QScrollBar>

namespace ui {

ChatTranscriptView::ChatTranscriptView(QWidget *parent)
    : QTextBrowser(parent)
{
    setObjectName(QStringLiteral("transcript"));
    setOpenLinks(false);
    setPlaceholderText(tr("No messages yet. Type below and press Ctrl+Enter."));
}

QString ChatTranscriptView::nodeMarkdown(const core::Conversation &conversation, int id) const
{
    const core::ChatNode &n = conversation.node(id);
    const bool user = n.message.role == QLatin1String("user");
    QString md = QStringLiteral("#### %1").arg(user ? tr("You") : tr("Assistant"));
    const auto [index, count] = conversation.siblingPosition(id);
    QStringList actions;
    if (count > 1)
        actions << QStringLiteral("[◀](act:prev/%1) %2/%3 [▶](act:next/%1)")
                       .arg(id)
                       .arg(index + 1)
                       .arg(count);
    if (user && m_editAndExplain)
        actions << QStringLiteral("[%1](act:edit/%2)").arg(tr("edit")).arg(id);
    actions << QStringLiteral("[%1](act:copy/%2)").arg(tr("copy")).arg(id);
    if (!user && !n.message.text().isEmpty() && m_editAndExplain)
        actions << QStringLiteral("[%1](act:explain/%2)").arg(tr("explain")).arg(id);
    if (!user && n.completionTokens >= 0)
        actions << tr("%L1 → %L2 tokens").arg(n.promptTokens).arg(n.completionTokens);
    md += QStringLiteral("\n\n") + actions.join(QStringLiteral(" · ")) + QStringLiteral("\n\n");
    if (n.message.contentParts) {
        int images = 0;
        for (const core::ChatContentPart &p : *n.message.contentParts)
            images += p.type == QLatin1String("image_url") ? 1 : 0;
        if (images > 0)
            md += tr("*📎 %n image(s)*", nullptr, images) + QStringLiteral("\n\n");
    }
    QString jsonError;
    if (n.jsonReply) {
        if (const auto pretty = core::prettyJsonReply(n.message.text(), &jsonError))
            md += QStringLiteral("```json\n") + *pretty + QStringLiteral("```\n\n");
    } else {
        md += n.message.text() + QStringLiteral("\n\n");
    }
    if (!n.note.isEmpty()) {
        md += QStringLiteral("*(%1)*").arg(n.note);
        if (n.retryable)
            md += QStringLiteral(" [%1](act:retry/%2)").arg(tr("Retry")).arg(id);
        md += QStringLiteral("\n\n");
    }
    return md;
}

void ChatTranscriptView::render(const core::Conversation &conversation,
    bool pending,
    const QString &pendingReply,
    const QString &replyNote)
{
    QElapsedTimer clock;
    clock.start();
    // Only the newest messages are laid out (Markdown layout costs about 1 ms per message); the
    // older ones come back with "Show earlier messages", so a long conversation opens at once.
    QString md;
    const QList<int> path = conversation.activePath();
    const qsizetype first = std::max<qsizetype>(0, path.size() - m_renderWindow);
    if (first > 0)
        md += QStringLiteral("[%1](act:more/0)\n\n")
                  .arg(tr(
                      "Show %n earlier message(s)", nullptr, int(std::min<qsizetype>(first, 200))));
    for (qsizetype i = first; i < path.size(); ++i)
        md += nodeMarkdown(conversation, path.at(i));
    if (!pending && !replyNote.isEmpty())
        md += QStringLiteral("*(") + replyNote + QStringLiteral(")*\n\n");
    QScrollBar *bar = verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum() - 4;
    setMarkdown(md);
    m_streamAnchor = -1;
    if (pending) {
        QTextCursor cursor(document());
        cursor.movePosition(QTextCursor::End);
        if (!document()->isEmpty())
            cursor
                .insertBlock(); // the header starts its own block, not the end of the last message
        cursor.insertMarkdown(QStringLiteral("#### %1\n\n").arg(tr("Assistant")));
        cursor.movePosition(QTextCursor::End);
        cursor.insertBlock();
        m_streamAnchor = cursor.position();
        cursor.insertText(pendingReply.isEmpty() ? QStringLiteral("…") : pendingReply);
    }
    if (atEnd)
        bar->setValue(bar->maximum());
    m_lastRenderMs = clock.elapsed();
}

bool ChatTranscriptView::renderPending(const QString &pendingReply)
{
    // Only the reply in progress is re-laid out: the rest of the transcript stays as it is, so a
    // long conversation costs nothing per streamed token.
    if (m_streamAnchor < 0)
        return false;
    QScrollBar *bar = verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum() - 4;
    QTextCursor cursor(document());
    cursor.setPosition(std::min(m_streamAnchor, document()->characterCount() - 1));
    cursor.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
    cursor.beginEditBlock();
    cursor.removeSelectedText();
    cursor.insertMarkdown(pendingReply);
    cursor.endEditBlock();
    if (atEnd)
        bar->setValue(bar->maximum());
    return true;
}

} // namespace ui
