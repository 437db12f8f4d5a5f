// SPDX-License-Identifier: MIT
#include "ui/history/HistoryPanel.h"

#include "ui/common/ErrorText.h"
#include "ui/common/Palette.h"
#include "ui/common/Theme.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ui {

HistoryPanel::HistoryPanel(core::HistoryStore *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
{
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("historySearch"));
    m_search->setPlaceholderText(tr("Search prompts, replies, errors, models…"));
    m_search->setClearButtonEnabled(true);
    m_tab = new QComboBox(this);
    m_tab->addItem(tr("All tabs"), QString());
    m_tab->addItem(tr("Chat"), QStringLiteral("chat"));
    m_tab->addItem(tr("Completion"), QStringLiteral("completion"));
    m_tab->addItem(tr("Explanation"), QStringLiteral("explanation"));
    m_tab->addItem(tr("Embeddings"), QStringLiteral("embeddings"));
    m_tab->addItem(tr("Translation"), QStringLiteral("translation"));
    m_tab->addItem(tr("Steering"), QStringLiteral("steering"));
    m_tab->addItem(tr("Tokenizer"), QStringLiteral("tokenizer"));
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("historyList"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setHeaderLabels({tr("When"),
        tr("Tab"),
        tr("Model"),
        tr("Status"),
        tr("Time"),
        tr("Tokens"),
        tr("Request")});
    m_list->header()->setStretchLastSection(true);
    m_list->setAlternatingRowColors(true);
    m_empty = new QLabel(
        tr("No runs yet. Every request you send is recorded here; double-click one to restore it."),
        this);
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setStyleSheet(QStringLiteral("padding: 12px;"));
    setTextRole(m_empty, TextRole::Muted);

    auto *top = new QHBoxLayout;
    top->addWidget(m_search, 1);
    top->addWidget(m_tab);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_empty);

    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(150);
    connect(&m_refreshTimer, &QTimer::timeout, this, &HistoryPanel::refresh);
    connect(m_search, &QLineEdit::textChanged, &m_refreshTimer, qOverload<>(&QTimer::start));
    connect(m_tab, &QComboBox::currentIndexChanged, this, &HistoryPanel::refresh);
    connect(themeNotifier(),
        &ThemeNotifier::changed,
        this,
        &HistoryPanel::refresh); // failed runs in the new error colour
    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        restoreRow(m_list->indexOfTopLevelItem(item));
    });
    m_store = nullptr;
    m_loading = store == nullptr;
    setStore(store);
}

void HistoryPanel::setStore(core::HistoryStore *store)
{
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    if (store)
        connect(store, &core::HistoryStore::changed, this, [this] { m_refreshTimer.start(); });
    m_loading = m_loading && !store;
    m_store = store;
    refresh();
}

int HistoryPanel::rowCount() const
{
    return m_list->topLevelItemCount();
}

void HistoryPanel::refresh()
{
    // The tab column names a tab as the filter does (translated); the stored name is the key.
    const auto tabName = [this](const QString &tab) {
        const int i = m_tab->findData(tab);
        return i > 0 ? m_tab->itemText(i) : tab;
    };
    const QList<core::RunRecord> runs = m_store
        ? m_store->search(m_search->text().trimmed(), m_tab->currentData().toString())
        : QList<core::RunRecord>();
    m_list->clear();
    QList<QTreeWidgetItem *> items;
    for (const core::RunRecord &r : runs) {
        QString tokens;
        if (r.promptTokens >= 0 || r.completionTokens >= 0)
            tokens = QStringLiteral("%L1 → %L2")
                         .arg(std::max(0, r.promptTokens))
                         .arg(std::max(0, r.completionTokens));
        auto *item = new QTreeWidgetItem(
            QStringList{QLocale().toString(r.startedAt.toLocalTime(), tr("MMM d, HH:mm:ss")),
                tabName(r.tab),
                r.model,
                runStatusText(r.status),
                r.durationMs >= 0 ? tr("%L1 s").arg(r.durationMs / 1000.0, 0, 'f', 2) : QString(),
                tokens,
                r.summary()});
        item->setData(0, Qt::UserRole, r.id);
        item->setToolTip(6, r.error.isEmpty() ? r.summary() : r.error);
        if (r.status == core::RunStatus::Failed || r.status == core::RunStatus::Interrupted)
            item->setForeground(3, Palette::current().error);
        items.append(item);
    }
    m_list->addTopLevelItems(items);
    const bool empty = runs.isEmpty();
    if (!m_store)
        m_empty->setText(m_loading ? tr("Loading the history…")
                                   : tr("The history is not available in this session."));
    else
        m_empty->setText(m_search->text().isEmpty()
                ? tr("No runs yet. Every request you send is recorded here; double-click one to "
                     "restore it.")
                : tr("No run matches \"%1\".").arg(m_search->text()));
    m_empty->setVisible(empty);
    m_list->setVisible(!empty);
}

void HistoryPanel::restoreRow(int row)
{
    QTreeWidgetItem *item = m_list->topLevelItem(row);
    if (!item || !m_store)
        return;
    if (const auto run = m_store->run(item->data(0, Qt::UserRole).toLongLong()))
        Q_EMIT restoreRequested(*run);
}

} // namespace ui
