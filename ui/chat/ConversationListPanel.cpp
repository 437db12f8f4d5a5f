// SPDX-License-Identifier: MIT
#include "ui/chat/ConversationListPanel.h"

#include "ui/chat/ConversationListModel.h"

#include <QAction>
#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QShortcut>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

namespace ui {

namespace {

/// Two lines per conversation: the title, and its date in a smaller, quieter font.
class ConversationDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        size.setHeight(option.fontMetrics.height() * 2 + 10);
        return size;
    }

    void paint(QPainter *painter,
        const QStyleOptionViewItem &option,
        const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QString title = opt.text;
        opt.text.clear();
        const QWidget *widget = option.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
        const QRect r = option.rect.adjusted(8, 4, -8, -4);
        const bool selected = option.state & QStyle::State_Selected;
        const QPalette::ColorGroup group
            = option.state & QStyle::State_Active ? QPalette::Active : QPalette::Inactive;
        painter->save();
        const QFont titleFont = option.font;
        painter->setFont(titleFont);
        painter->setPen(
            option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text));
        const int line = option.fontMetrics.height();
        painter->drawText(QRect(r.left(), r.top(), r.width(), line),
            Qt::AlignLeft | Qt::AlignVCenter,
            QFontMetrics(titleFont).elidedText(title, Qt::ElideRight, r.width()));
        QFont small = option.font;
        small.setPointSizeF(std::max(6.0, option.font.pointSizeF() * 0.85));
        painter->setFont(small);
        painter->setPen(option.palette.color(
            group, selected ? QPalette::HighlightedText : QPalette::PlaceholderText));
        const QDateTime at
            = index.data(ConversationListModel::UpdatedRole).toDateTime().toLocalTime();
        const QDate today = QDate::currentDate();
        const QString when = at.date() == today
            ? ConversationListPanel::tr("Today, %1")
                  .arg(QLocale().toString(at.time(), QStringLiteral("HH:mm")))
            : at.date() == today.addDays(-1)
            ? ConversationListPanel::tr("Yesterday, %1")
                  .arg(QLocale().toString(at.time(), QStringLiteral("HH:mm")))
            : at.date().year() == today.year()
            ? QLocale().toString(at.date(), ConversationListPanel::tr("MMM d"))
            : QLocale().toString(at.date(), ConversationListPanel::tr("MMM d, yyyy"));
        painter->drawText(QRect(r.left(), r.top() + line + 2, r.width(), line),
            Qt::AlignLeft | Qt::AlignVCenter,
            when);
        painter->restore();
    }
};

} // namespace

ConversationListPanel::ConversationListPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new ConversationListModel(this))
{
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("conversationSearch"));
    m_search->setPlaceholderText(tr("Search chats"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_model->setFilter(text.trimmed());
        setCurrentId(m_currentId);
        updateEmptyState();
    });

    auto *newButton = new QPushButton(tr("New chat"), this);
    newButton->setObjectName(QStringLiteral("newChat"));
    newButton->setToolTip(tr("Start a new conversation; this one stays in the list (Ctrl+N)"));
    connect(newButton, &QPushButton::clicked, this, &ConversationListPanel::newChatRequested);

    m_view = new QListView(this);
    m_view->setObjectName(QStringLiteral("conversations"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new ConversationDelegate(m_view));
    m_view->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::DoubleClicked);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setUniformItemSizes(true);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view,
        &QListView::customContextMenuRequested,
        this,
        &ConversationListPanel::showContextMenu);
    connect(m_view, &QListView::clicked, this, [this](const QModelIndex &index) {
        const qint64 id = m_model->idAt(index.row());
        if (id > 0 && id != m_currentId)
            Q_EMIT openRequested(id);
    });
    connect(m_view, &QListView::activated, this, [this](const QModelIndex &index) {
        const qint64 id = m_model->idAt(index.row());
        if (id > 0 && id != m_currentId)
            Q_EMIT openRequested(id);
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        setCurrentId(m_currentId);
        updateEmptyState();
    });

    auto *deleteKey = new QShortcut(QKeySequence::Delete, m_view);
    deleteKey->setContext(Qt::WidgetShortcut);
    connect(deleteKey, &QShortcut::activated, this, [this] {
        const qint64 id = m_model->idAt(m_view->currentIndex().row());
        if (id > 0)
            deleteConversation(id);
    });
    auto *undoKey = new QShortcut(QKeySequence::Undo, this);
    undoKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(undoKey, &QShortcut::activated, this, &ConversationListPanel::undoDelete);

    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("conversationsEmpty"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setForegroundRole(QPalette::PlaceholderText);

    m_undoBar = new QWidget(this);
    m_undoBar->setObjectName(QStringLiteral("undoBar"));
    auto *undoLayout = new QHBoxLayout(m_undoBar);
    undoLayout->setContentsMargins(0, 0, 0, 0);
    m_undoLabel = new QLabel(m_undoBar);
    m_undoLabel->setWordWrap(true);
    auto *undoButton = new QPushButton(tr("Undo"), m_undoBar);
    undoButton->setObjectName(QStringLiteral("undoDelete"));
    undoButton->setToolTip(tr("Bring the deleted conversation back (Ctrl+Z)"));
    connect(undoButton, &QPushButton::clicked, this, &ConversationListPanel::undoDelete);
    undoLayout->addWidget(m_undoLabel, 1);
    undoLayout->addWidget(undoButton);
    m_undoBar->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(newButton);
    layout->addWidget(m_search);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_empty, 1);
    layout->addWidget(m_undoBar);
    updateEmptyState();
}

void ConversationListPanel::setStore(core::ConversationStore *store)
{
    m_store = store;
    m_model->setStore(store);
}

void ConversationListPanel::setCurrentId(qint64 id)
{
    m_currentId = id;
    const int row = m_model->rowOf(id);
    if (row >= 0)
        m_view->setCurrentIndex(m_model->index(row));
    else
        m_view->clearSelection();
}

void ConversationListPanel::deleteConversation(qint64 id)
{
    if (!m_store)
        return;
    const auto record = m_store->conversation(id);
    if (!record || !m_store->remove(id))
        return;
    m_deleted.append(id);
    m_undoLabel->setText(tr("Deleted “%1”.").arg(record->title));
    m_undoBar->show();
    Q_EMIT deleted(id);
}

void ConversationListPanel::undoDelete()
{
    if (!m_store || m_deleted.isEmpty())
        return;
    const qint64 id = m_deleted.takeLast();
    if (m_store->restore(id))
        Q_EMIT restored(id);
    if (m_deleted.isEmpty())
        m_undoBar->hide();
    else
        m_undoLabel->setText(
            tr("%n more deleted conversation(s) can come back.", nullptr, int(m_deleted.size())));
}

void ConversationListPanel::renameConversation(qint64 id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    m_view->setCurrentIndex(m_model->index(row));
    m_view->edit(m_model->index(row));
}

void ConversationListPanel::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_view->indexAt(pos);
    const qint64 id = m_model->idAt(index.row());
    if (id <= 0)
        return;
    QMenu menu(this);
    menu.addAction(tr("Open"), this, [this, id] { Q_EMIT openRequested(id); });
    menu.addAction(tr("Rename…"), this, [this, id] { renameConversation(id); })
        ->setShortcut(QKeySequence(Qt::Key_F2));
    menu.addAction(tr("Delete"), this, [this, id] { deleteConversation(id); })
        ->setShortcut(QKeySequence::Delete);
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

void ConversationListPanel::updateEmptyState()
{
    const bool empty = m_model->rowCount() == 0;
    m_empty->setText(m_model->filter().isEmpty()
            ? tr("Your conversations appear here. Each one keeps its messages, branches and system "
                 "prompt.")
            : tr("No chat contains “%1”.").arg(m_model->filter()));
    m_empty->setVisible(empty);
    m_view->setVisible(!empty);
}

} // namespace ui
