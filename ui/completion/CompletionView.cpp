// SPDX-License-Identifier: MIT
#include "ui/completion/CompletionView.h"

#include <QHelpEvent>
#include <QTextBlock>
#include <QToolTip>

#include <cmath>

namespace ui {

namespace {

/// Byte-level token text (Ġ for a space, Ċ for a line break) as it reads.
QString displayToken(QString token)
{
    token.replace(QChar(0x0120), QLatin1Char(' '));
    token.replace(QChar(0x010A), QLatin1Char('\n'));
    return token;
}

/// Shading for a token of probability p: the less likely, the stronger the orange (readable in
/// light and dark themes, distinguishable with the common colour-vision deficiencies).
QColor shadeFor(double p)
{
    const int alpha = int(std::lround(std::clamp(1.0 - p, 0.0, 1.0) * 190.0));
    return QColor(230, 120, 20, alpha);
}

} // namespace

CompletionView::CompletionView(QWidget *parent)
    : QTextBrowser(parent)
{
    setOpenLinks(false);
    setPlaceholderText(tr("The completion appears here."));
}

void CompletionView::appendStreamed(const QString &text)
{
    QTextCursor cursor(document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(text, QTextCharFormat());
}

void CompletionView::showResult(const core::CompletionResult &result, bool showRaw)
{
    clear();
    m_tokenCount = 0;
    QTextCursor cursor(document());
    const QStringList tokens = result.completionTokens.value_or(QStringList());
    const QList<QMap<QString, double>> logProbs = result.logProbs.value_or(QList<QMap<QString, double>>());
    // With echo, log_probs also covers the prompt tokens (the first entry is empty), so only the
    // last tokens.size() entries belong to the generated tokens.
    if (!tokens.isEmpty() && logProbs.size() >= tokens.size()) {
        const qsizetype offset = logProbs.size() - tokens.size();
        // With echo the completion starts with the prompt, which has no tokens here: shown plain.
        const QString completion = result.completion.value_or(QString());
        const QString generated = tokens.join(QString());
        if (completion.size() > generated.size() && completion.endsWith(generated))
            cursor.insertText(completion.left(completion.size() - generated.size()), QTextCharFormat());
        for (qsizetype i = 0; i < tokens.size(); ++i) {
            const QString &token = tokens.at(i);
            const QMap<QString, double> &alternatives = logProbs.at(offset + i);
            QTextCharFormat format;
            if (alternatives.contains(token)) {
                const double logp = alternatives.value(token);
                const double p = std::exp(logp);
                format.setBackground(shadeFor(p));
                QList<std::pair<double, QString>> sorted;
                for (auto it = alternatives.cbegin(); it != alternatives.cend(); ++it)
                    sorted.append({it.value(), it.key()});
                std::sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
                QString tip = tr("<b>%1</b> p = %L2% (log %L3)").arg(displayToken(token).toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("↵")))
                                  .arg(p * 100.0, 0, 'f', 1)
                                  .arg(logp, 0, 'f', 3);
                if (sorted.size() > 1 || (sorted.size() == 1 && sorted.first().second != token)) {
                    tip += QStringLiteral("<table>");
                    for (const auto &[lp, alt] : sorted) {
                        const QString shown = displayToken(alt).toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("↵"));
                        tip += QStringLiteral("<tr><td>%1%2%3</td><td align='right'>&nbsp;%L4%</td></tr>")
                                   .arg(alt == token ? QStringLiteral("<b>") : QString(), shown.isEmpty() ? QStringLiteral("∅") : shown,
                                        alt == token ? QStringLiteral("</b>") : QString())
                                   .arg(std::exp(lp) * 100.0, 0, 'f', 1);
                    }
                    tip += QStringLiteral("</table>");
                }
                format.setToolTip(tip);
            }
            cursor.insertText(displayToken(token), format);
            ++m_tokenCount;
        }
    } else {
        cursor.insertText(result.completion.value_or(QString()));
    }
    if (showRaw && result.rawCompletion) {
        QTextCharFormat label;
        label.setForeground(QColor(120, 120, 120));
        label.setFontItalic(true);
        cursor.insertText(QStringLiteral("\n\n") + tr("raw_completion:") + QLatin1Char('\n'), label);
        QTextCharFormat raw;
        raw.setFontFamilies({QStringLiteral("monospace")});
        raw.setForeground(QColor(90, 90, 90));
        cursor.insertText(*result.rawCompletion, raw);
    }
}

QString CompletionView::toolTipAt(int position) const
{
    QTextCursor cursor(document());
    cursor.setPosition(std::clamp(position + 1, 0, document()->characterCount() - 1));
    return cursor.charFormat().toolTip();
}

bool CompletionView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QPoint pos = viewport()->mapFromGlobal(help->globalPos());
        const QTextCursor cursor = cursorForPosition(pos);
        const QString tip = toolTipAt(cursor.position() - 1);
        if (!tip.isEmpty())
            QToolTip::showText(help->globalPos(), tip, this);
        else
            QToolTip::hideText();
        return true;
    }
    return QTextBrowser::event(event);
}

} // namespace ui
