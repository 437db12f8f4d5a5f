// SPDX-License-Identifier: MIT
#include "ui/explanation/HeatmapAccessible.h"

#include "ui/explanation/HeatmapView.h"

#include <QAccessible>
#include <QAccessibleWidget>
#include <QPointer>
#include <QWindow>

namespace ui {

namespace {

/// One span, as screen readers see it: its text and exact score.
class SpanAccessible : public QAccessibleInterface
{
public:
    SpanAccessible(HeatmapView *view, int index, quint64 generation)
        : m_view(view)
        , m_index(index)
        , m_generation(generation)
    {}
    bool isValid() const override
    {
        return m_view && m_index < m_view->spans().size()
            && m_view->property("spanGeneration").toULongLong() == m_generation;
    }
    QObject *object() const override { return nullptr; }
    QWindow *window() const override { return m_view ? m_view->window()->windowHandle() : nullptr; }
    QAccessibleInterface *parent() const override
    {
        return QAccessible::queryAccessibleInterface(m_view.data());
    }
    QAccessibleInterface *child(int) const override { return nullptr; }
    int childCount() const override { return 0; }
    int indexOfChild(const QAccessibleInterface *) const override { return -1; }
    QAccessibleInterface *childAt(int, int) const override { return nullptr; }
    QString text(QAccessible::Text t) const override
    {
        if (!isValid())
            return QString();
        if (t == QAccessible::Name || t == QAccessible::Description)
            return m_view->spanDescription(m_index);
        if (t == QAccessible::Value)
            return QString::number(m_view->spans().at(m_index).score, 'g', 17);
        return QString();
    }
    void setText(QAccessible::Text, const QString &) override {}
    QRect rect() const override
    {
        if (!isValid())
            return QRect();
        const QList<QRectF> rects = m_view->spanRects(m_index);
        if (rects.isEmpty())
            return QRect();
        const QRect r = rects.first().toAlignedRect();
        return QRect(m_view->viewport()->mapToGlobal(r.topLeft()), r.size());
    }
    QAccessible::Role role() const override { return QAccessible::ListItem; }
    QAccessible::State state() const override
    {
        QAccessible::State s;
        s.focusable = true;
        s.selectable = true;
        if (!isValid())
            return s;
        s.focused = m_view->currentSpan() == m_index && m_view->hasFocus();
        s.selected = m_view->markedSpans().contains(m_index);
        s.invisible = m_view->spanRects(m_index).isEmpty();
        return s;
    }

private:
    QPointer<HeatmapView> m_view;
    int m_index;
    quint64 m_generation;
};

/// The heatmap as a list whose items are its spans.
class HeatmapAccessible : public QAccessibleWidget
{
public:
    explicit HeatmapAccessible(HeatmapView *view)
        : QAccessibleWidget(view, QAccessible::List, QObject::tr("Explanation heatmap"))
    {}
    HeatmapView *view() const { return static_cast<HeatmapView *>(widget()); }
    int childCount() const override { return int(view()->spans().size()); }
    QAccessibleInterface *child(int index) const override
    {
        if (index < 0 || index >= childCount())
            return nullptr;
        const quint64 generation = view()->property("spanGeneration").toULongLong();
        if (const auto it = m_children.constFind(index); it != m_children.cend()) {
            QAccessibleInterface *cached = QAccessible::accessibleInterface(*it);
            if (cached && cached->isValid())
                return cached;
            if (cached)
                QAccessible::deleteAccessibleInterface(*it);
            m_children.remove(index);
        }
        auto *iface = new SpanAccessible(view(), index, generation);
        m_children.insert(index, QAccessible::registerAccessibleInterface(iface));
        return iface;
    }
    int indexOfChild(const QAccessibleInterface *child) const override
    {
        for (auto it = m_children.cbegin(); it != m_children.cend(); ++it)
            if (QAccessible::accessibleInterface(it.value()) == child)
                return it.key();
        return -1;
    }
    QAccessibleInterface *childAt(int x, int y) const override
    {
        const int index = view()->spanAt(view()->viewport()->mapFromGlobal(QPoint(x, y)));
        return index >= 0 ? child(index) : nullptr;
    }
    QAccessibleInterface *focusChild() const override
    {
        return view()->currentSpan() >= 0 ? child(view()->currentSpan()) : nullptr;
    }

private:
    mutable QHash<int, QAccessible::Id> m_children;
};

QAccessibleInterface *heatmapAccessibleFactory(const QString &key, QObject *object)
{
    if (key == QLatin1String("ui::HeatmapView"))
        if (auto *view = qobject_cast<HeatmapView *>(object))
            return new HeatmapAccessible(view);
    return nullptr;
}

} // namespace

void installHeatmapAccessibility()
{
    static const bool factoryInstalled = [] {
        QAccessible::installFactory(heatmapAccessibleFactory);
        return true;
    }();
    Q_UNUSED(factoryInstalled);
}

} // namespace ui
