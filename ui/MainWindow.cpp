// SPDX-License-Identifier: MIT
#include "ui/MainWindow.h"

#include "ui/chat/ChatTab.h"
#include "ui/common/ErrorText.h"
#include "ui/completion/CompletionTab.h"

#include <QLabel>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace ui {

MainWindow::MainWindow(core::ApiClient *client, const QString &banner, QWidget *parent)
    : QMainWindow(parent)
    , m_client(client)
{
    setWindowTitle(tr("Aleph Playground"));
    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    m_completionTab = new CompletionTab(client, this);
    m_chatTab = new ChatTab(client, this);
    m_tabs->addTab(m_chatTab, tr("Chat"));
    m_tabs->addTab(m_completionTab, tr("Completion"));
    m_tabs->addTab(placeholder(tr("Explanation"),
                               tr("Heatmaps of which parts of a prompt drove the model's answer, "
                                  "for text and images.")),
                   tr("Explanation"));
    m_tabs->addTab(placeholder(tr("Embeddings"),
                               tr("Batch embedding, semantic search, a 2-D map and a similarity "
                                  "matrix.")),
                   tr("Embeddings"));
    m_tabs->addTab(placeholder(tr("Translation"),
                               tr("Translation with a quality score per segment.")),
                   tr("Translation"));
    m_tabs->addTab(placeholder(tr("Steering"),
                               tr("Build steering concepts from paired examples and compare "
                                  "steered and unsteered output.")),
                   tr("Steering"));
    m_tabs->addTab(placeholder(tr("Tokenizer"),
                               tr("Token boundaries, ids and counts for any text.")),
                   tr("Tokenizer"));

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);
    if (!banner.isEmpty()) {
        auto *bannerLabel = new QLabel(banner, central);
        bannerLabel->setObjectName(QStringLiteral("banner"));
        bannerLabel->setWordWrap(true);
        bannerLabel->setStyleSheet(QStringLiteral(
            "QLabel { background: #fff4ce; color: #3b2f00; border: 1px solid #e0c36a; "
            "border-radius: 4px; padding: 6px; }"));
        layout->addWidget(bannerLabel);
    }
    layout->addWidget(m_tabs, 1);
    setCentralWidget(central);

    m_connectionLabel = new QLabel(this);
    m_connectionLabel->setText(tr("Server: %1").arg(client->config().baseUrl.toDisplayString()));
    statusBar()->addPermanentWidget(m_connectionLabel);
    resize(1180, 760);
}

QWidget *MainWindow::placeholder(const QString &title, const QString &text)
{
    auto *w = new QWidget(this);
    auto *layout = new QVBoxLayout(w);
    auto *label = new QLabel(
        QStringLiteral("<h2>%1</h2><p>%2</p><p style='color:gray'>%3</p>")
            .arg(title.toHtmlEscaped(), text.toHtmlEscaped(), tr("Not available yet in this version.").toHtmlEscaped()),
        w);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    layout->addWidget(label);
    return w;
}

void MainWindow::refreshModels()
{
    auto *job = m_client->modelSettings();
    connect(job, &core::ApiJob::finished, this, [this, job] {
        if (job->state() == core::ApiJob::State::Succeeded) {
            const QList<core::ModelSettings> models = job->result().models;
            m_completionTab->setModels(models);
            m_chatTab->setModels(models);
            statusBar()->showMessage(tr("%n model(s) available", nullptr, int(models.size())), 5000);
        } else if (job->state() == core::ApiJob::State::Failed) {
            statusBar()->showMessage(tr("Could not list models (%1); type a model name.")
                                         .arg(errorText(job->error())),
                                     10000);
        }
    });
}

} // namespace ui
