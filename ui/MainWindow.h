// SPDX-License-Identifier: MIT
#pragma once

#include "core/net/ApiClient.h"

#include <QMainWindow>

class QLabel;
class QTabWidget;

namespace ui {

class ChatTab;
class CompletionTab;

/// The main window: one tab per capability, all on the one ApiClient made in main().
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    /// `client` is not owned. `banner` is shown above the tabs when non-empty (e.g. no token).
    explicit MainWindow(core::ApiClient *client, const QString &banner = {}, QWidget *parent = nullptr);
    CompletionTab *completionTab() const { return m_completionTab; }
    ChatTab *chatTab() const { return m_chatTab; }
    QTabWidget *tabs() const { return m_tabs; }
    /// Fetches /model-settings and hands the list to the tabs.
    void refreshModels();

private:
    QWidget *placeholder(const QString &title, const QString &text);

    core::ApiClient *m_client; // not owned
    QTabWidget *m_tabs;
    CompletionTab *m_completionTab;
    ChatTab *m_chatTab;
    QLabel *m_connectionLabel;
};

} // namespace ui
