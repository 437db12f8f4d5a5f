// SPDX-License-Identifier: MIT
#include "ui/completion/CompletionView.h"

#include "ui/common/Palette.h"

#include <QHelpEvent>
#include <QScrollBar>
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

// Character-format properties that say how a fragment is coloured, so that a theme change can
// recolour the document without building it again.
constexpr int kProbabilityProperty = QTextFormat::UserProperty + 1; // a shaded token's probability
constexpr int kMutedProperty = QTextFormat::UserProperty + 2; // raw_completion and its label

/// Shading for a token of probability p (Palette::logProbShade: the less likely, the stronger the
/// orange, distinguishable with the common colour-vision deficiencies) with its text colour.
void shade(QTextCharFormat &format, double p)
{
    const Palette &palette = Palette::current();
    const QColor fill = palette.logProbShade(p);
    format.setBackground(fill);
    format.setForeground(palette.textOn(fill));
    format.setProperty(kProbabilityProperty, p);
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
    // A view scrolled to its end follows the text as it arrives; one scrolled back stays put.
    QScrollBar *bar = verticalScrollBar();
    const bool following = bar->value() >= bar->maximum() - 4;
    QTextCursor cursor(document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(text, QTextCharFormat());
    if (following)
        bar->setValue(bar->maximum());
}

void CompletionView::showResult(const core::CompletionResult &result, bool showRaw)
{
    clear();
    m_tokenCount = 0;
    QTextCursor cursor(document());
    const QStringList tokens = result.completionTokens.value_or(QStringList());
    const QList<QMap<QString, double>> logProbs
        = result.logProbs.value_or(QList<QMap<QString, double>>());
    // log_probs pairs with completion_tokens one to one; with echo both start with the prompt's
    // tokens (the first entry empty), as recorded. A server that sends more log_probs than tokens
    // is read from the end, so the last tokens.size() entries belong to the tokens shown.
    if (!tokens.isEmpty() && logProbs.size() >= tokens.size()) {
        const qsizetype offset = logProbs.size() - tokens.size();
        // Text in the completion that no token covers (an echoed prompt without its tokens) is
        // shown plain.
        const QString completion = result.completion.value_or(QString());
        const QString generated = tokens.join(QString());
        if (completion.size() > generated.size() && completion.endsWith(generated))
            cursor.insertText(
                completion.left(completion.size() - generated.size()), QTextCharFormat());
        for (qsizetype i = 0; i < tokens.size(); ++i) {
            const QString &token = tokens.at(i);
            const QMap<QString, double> &alternatives = logProbs.at(offset + i);
            QTextCharFormat format;
            if (alternatives.contains(token)) {
                const double logp = alternatives.value(token);
                const double p = std::exp(logp);
                shade(format, p);
                QList<std::pair<double, QString>> sorted;
                for (auto it = alternatives.cbegin(); it != alternatives.cend(); ++it)
                    sorted.append({it.value(), it.key()});
                std::sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) {
                    return a.first > b.first;
                });
                QString tip = tr("<b>%1</b> p = %L2% (log %L3)")
                                  .arg(displayToken(token).toHtmlEscaped().replace(
                                      QLatin1Char('\n'), QStringLiteral("↵")))
                                  .arg(p * 100.0, 0, 'f', 1)
                                  .arg(logp, 0, 'f', 3);
                if (sorted.size() > 1 || (sorted.size() == 1 && sorted.first().second != token)) {
                    tip += QStringLiteral("<table>");
                    for (const auto &[lp, alt] : sorted) {
                        const QString shown = displayToken(alt).toHtmlEscaped().replace(
                            QLatin1Char('\n'), QStringLiteral("↵"));
                        tip += QStringLiteral(
                            "<tr><td>%1%2%3</td><td align='right'>&nbsp;%L4%</td></tr>")
                                   .arg(alt == token ? QStringLiteral("<b>") : QString(),
                                       shown.isEmpty() ? QStringLiteral("∅") : shown,
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
        label.setForeground(Palette::current().mutedText);
        label.setProperty(kMutedProperty, true);
        label.setFontItalic(true);
        cursor.insertText(
            QStringLiteral("\n\n") + tr("raw_completion:") + QLatin1Char('\n'), label);
        QTextCharFormat raw;
        raw.setFontFamilies({QStringLiteral("monospace")});
        raw.setForeground(Palette::current().mutedText);
        raw.setProperty(kMutedProperty, true);
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

void CompletionView::changeEvent(QEvent *event)
{
    QTextBrowser::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        recolour();
}

void CompletionView::recolour()
{
    const Palette &palette = Palette::current();
    struct Change
    {
        int position, length;
        QTextCharFormat format;
    };
    QList<Change> changes; // first collected: changing formats while iterating may merge fragments
    for (QTextBlock block = document()->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            QTextCharFormat format = fragment.charFormat();
            if (format.hasProperty(kProbabilityProperty))
                shade(format, format.doubleProperty(kProbabilityProperty));
            else if (format.hasProperty(kMutedProperty))
                format.setForeground(palette.mutedText);
            else
                continue;
            changes.append({fragment.position(), fragment.length(), format});
        }
    }
    QTextCursor cursor(document());
    for (const Change &c : std::as_const(changes)) {
        cursor.setPosition(c.position);
        cursor.setPosition(c.position + c.length, QTextCursor::KeepAnchor);
        cursor.setCharFormat(c.format);
    }
}

} // namespace ui
