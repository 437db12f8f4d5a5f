// SPDX-License-Identifier: MIT
#include "ui/steering/SteeringABView.h"

#include "ui/common/Palette.h"
#include "ui/common/Theme.h"
#include "ui/common/WordDiff.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ui {

SteeringABView::SteeringABView(QWidget *box, QBoxLayout *layout)
    : QObject(box)
{
    auto *outputs = new QHBoxLayout;
    for (int i = 0; i < 2; ++i) {
        auto *column = new QVBoxLayout;
        m_titles[i] = new QLabel(box);
        m_outputs[i] = new QPlainTextEdit(box);
        m_outputs[i]->setMinimumHeight(40);
        m_outputs[i]->setObjectName(i == 0 ? u"outputWithout"_s : u"outputWith"_s);
        m_outputs[i]->setReadOnly(true);
        // A failed side says so here, in red, apart from whatever output it streamed.
        m_errors[i] = new QLabel(box);
        m_errors[i]->setObjectName(i == 0 ? u"errorWithout"_s : u"errorWith"_s);
        m_errors[i]->setTextFormat(Qt::PlainText);
        m_errors[i]->setWordWrap(true);
        m_errors[i]->setTextInteractionFlags(Qt::TextSelectableByMouse);
        setTextRole(m_errors[i], TextRole::Error);
        m_errors[i]->hide();
        column->addWidget(m_titles[i]);
        column->addWidget(m_errors[i]);
        column->addWidget(m_outputs[i]);
        outputs->addLayout(column);
    }
    m_titles[0]->setText(tr("<b>A · without a concept</b>"));
    m_titles[1]->setWordWrap(true); // the note on an earlier concept's text wraps on a small screen
    setConceptId(QString());
    // The id may change while B still streams: the note follows the text as it arrives.
    connect(m_outputs[1], &QPlainTextEdit::textChanged, this, &SteeringABView::updateSteeredTitle);
    m_outputs[0]->setPlaceholderText(tr("Unsteered output streams here."));
    m_outputs[1]->setPlaceholderText(tr("Create or open a concept, then Run A/B."));
    layout->addLayout(outputs, 1);
    m_status = new QLabel(box);
    m_status->setObjectName(u"abStatus"_s);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    // The highlight colours follow the theme.
    onThemeChange(this, [this] {
        if (!m_outputs[0]->extraSelections().isEmpty()
            || !m_outputs[1]->extraSelections().isEmpty())
            highlightDifferences();
    });
}

void SteeringABView::setConceptId(const QString &id)
{
    m_conceptId = id;
    updateSteeredTitle();
}

void SteeringABView::startSteeredRun()
{
    m_madeWith = m_conceptId;
    updateSteeredTitle();
}

QString SteeringABView::steeredTitle() const
{
    return m_titles[1]->text();
}

void SteeringABView::updateSteeredTitle()
{
    QString title = m_conceptId.isEmpty()
        ? tr("<b>B · with the concept</b> (none yet)")
        : tr("<b>B · with</b> %1").arg(m_conceptId.left(24).toHtmlEscaped());
    if (!m_madeWith.isEmpty() && m_madeWith != m_conceptId && !m_outputs[1]->document()->isEmpty())
        title += QStringLiteral(" · ")
            + coloredHtml(tr("the text below was made with %1: Run A/B to see this concept")
                              .arg(m_madeWith.left(24).toHtmlEscaped()),
                TextRole::Warning);
    m_titles[1]->setText(title);
}

void SteeringABView::highlightDifferences()
{
    const WordDiff diff = wordDiff(m_outputs[0]->toPlainText(), m_outputs[1]->toPlainText());
    const Palette &palette = Palette::current();
    const auto apply
        = [](QPlainTextEdit *edit, const QList<QPair<int, int>> &ranges, const QColor &colour) {
              edit->setExtraSelections(diffSelections(edit->document(), ranges, colour));
          };
    apply(m_outputs[0], diff.onlyInA, palette.diffRemoved); // what the concept took away
    apply(m_outputs[1], diff.onlyInB, palette.diffAdded); // what it brought
    m_outputs[1]->setToolTip(
        tr("Highlighted: the words B has and A lacks (%1), and in A those B lacks (%2)")
            .arg(diff.onlyInB.size())
            .arg(diff.onlyInA.size()));
}

void SteeringABView::clearHighlights()
{
    for (QPlainTextEdit *edit : m_outputs)
        edit->setExtraSelections({});
}

int SteeringABView::highlightedCount(int side) const
{
    return int(m_outputs[side]->extraSelections().size());
}

} // namespace ui
