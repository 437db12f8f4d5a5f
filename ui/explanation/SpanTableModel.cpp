// SPDX-License-Identifier: MIT
#include "ui/explanation/SpanTableModel.h"

#include "ui/common/Palette.h"
#include "ui/explanation/HeatmapView.h"

#include <QColor>
#include <QLocale>

using core::analysis::ScoredSpan;

namespace ui {

SpanTableModel::SpanTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void SpanTableModel::setSpans(const QList<ScoredSpan> &spans, const QList<bool> &templateSpans)
{
    beginResetModel();
    m_spans = spans;
    m_template = templateSpans;
    m_marked.clear();
    endResetModel();
}

void SpanTableModel::setScale(const ScoreScale &scale)
{
    m_scale = scale;
    if (!m_spans.isEmpty())
        Q_EMIT dataChanged(index(0, Score), index(rowCount() - 1, Score), {Qt::BackgroundRole});
}

void SpanTableModel::setMarked(const QList<int> &rows)
{
    const QSet<int> marked(rows.cbegin(), rows.cend());
    if (marked == m_marked)
        return;
    m_marked = marked;
    if (!m_spans.isEmpty())
        Q_EMIT dataChanged(index(0, Marked), index(rowCount() - 1, Marked), {Qt::CheckStateRole});
}

int SpanTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_spans.size());
}

int SpanTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SpanTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_spans.size())
        return {};
    const ScoredSpan &s = m_spans.at(index.row());
    const bool isTemplate = m_template.value(index.row(), false);
    if (role == TemplateRole)
        return isTemplate;
    if (isTemplate && index.column() != Marked) { // template tokens: grey, off the scale
        if (role == Qt::ForegroundRole)
            return index.column() == Score ? Palette::current().templateInk
                                           : Palette::current().mutedText;
        if (role == Qt::BackgroundRole && index.column() == Score)
            return HeatmapView::templateFill();
        if (role == Qt::ToolTipRole && index.column() != Score)
            return tr("template token (from the prompt template; not on the colour scale)");
    }
    switch (index.column()) {
    case Marked:
        if (role == Qt::CheckStateRole && s.kind != ScoredSpan::Kind::Target)
            return m_marked.contains(index.row()) ? Qt::Checked : Qt::Unchecked;
        if (role == Qt::UserRole)
            return m_marked.contains(index.row()) ? 1 : 0;
        if (role == Qt::ToolTipRole)
            return tr("Include in the what-if re-run");
        return {};
    case Position:
        if (role == Qt::DisplayRole)
            return index.row() + 1;
        if (role == Qt::UserRole)
            return index.row();
        return {};
    case Kind:
        if (role == Qt::DisplayRole || role == Qt::UserRole) {
            switch (s.kind) {
            case ScoredSpan::Kind::Text:
                return tr("text %1").arg(s.item + 1);
            case ScoredSpan::Kind::Image:
                return tr("image %1").arg(s.item + 1);
            case ScoredSpan::Kind::Token:
                return tr("token %1").arg(s.item + 1);
            case ScoredSpan::Kind::Target:
                return tr("target");
            }
        }
        return {};
    case Text:
        if (role == Qt::DisplayRole || role == Qt::UserRole || role == Qt::ToolTipRole) {
            if (s.kind == ScoredSpan::Kind::Image)
                return tr("tile %L1%, %L2% · %L3%×%L4%")
                    .arg(s.rect.left * 100, 0, 'f', 0)
                    .arg(s.rect.top * 100, 0, 'f', 0)
                    .arg(s.rect.width * 100, 0, 'f', 0)
                    .arg(s.rect.height * 100, 0, 'f', 0);
            if (s.kind == ScoredSpan::Kind::Token)
                return QString(QStringLiteral("#") + s.text);
            QString text = s.text;
            text.replace(QLatin1Char('\n'), QStringLiteral("↵"));
            return text;
        }
        return {};
    case Score:
        if (role == Qt::DisplayRole)
            return QLocale().toString(s.score, 'g', 4);
        if (role == Qt::UserRole)
            return s.score;
        if (role == Qt::ToolTipRole)
            return QString::number(s.score, 'g', 17);
        if (role == Qt::BackgroundRole)
            return m_scale.colorFor(s.score);
        if (role == Qt::ForegroundRole)
            return Palette::current().textOn(m_scale.colorFor(s.score));
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

bool SpanTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || index.column() != Marked || role != Qt::CheckStateRole
        || index.row() >= m_spans.size()
        || m_spans.at(index.row()).kind == ScoredSpan::Kind::Target)
        return false;
    const bool marked = value.toInt() == Qt::Checked;
    if (marked)
        m_marked.insert(index.row());
    else
        m_marked.remove(index.row());
    Q_EMIT dataChanged(index, index, {Qt::CheckStateRole});
    Q_EMIT markToggled(index.row(), marked);
    return true;
}

Qt::ItemFlags SpanTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == Marked && index.row() < m_spans.size()
        && m_spans.at(index.row()).kind != ScoredSpan::Kind::Target)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant SpanTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section == Marked)
        return tr("What-if: the marked spans, suppressed or amplified in the re-run");
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Marked:
        return tr("✓");
    case Position:
        return tr("#");
    case Kind:
        return tr("Item");
    case Text:
        return tr("Span");
    case Score:
        return tr("Score");
    default:
        return {};
    }
}

} // namespace ui
