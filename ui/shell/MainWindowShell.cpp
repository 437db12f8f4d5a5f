// SPDX-License-Identifier: MIT
// MainWindow's menu bar and preferences: kept apart from MainWindow.cpp (tabs, profiles, drafts).
#include "ui/MainWindow.h"
#include "ui/chat/ChatTab.h"
#include "ui/common/ModelPicker.h"
#include "ui/completion/CompletionTab.h"
#include "ui/explanation/ExplanationTab.h"
#include "ui/shell/PreferencesDialog.h"
#include "ui/shell/ShellMenus.h"
#include "ui/testsets/TestSetWindow.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QDoubleSpinBox>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>

namespace ui {

namespace {
using P = core::Preferences;

/// The application's font before any zoom (the system's), taken once.
QFont baseFont()
{
    static const QFont font = QApplication::font();
    return font;
}
} // namespace

TestSetWindow *MainWindow::showTestSets()
{
    if (!m_testSetWindow) {
        m_testSetWindow = new TestSetWindow(m_services.client, this);
        CompletionSource source;
        source.templateText = [this] {
            return m_completionTab->templateText();
        };
        source.values = [this] {
            return m_completionTab->templateValues();
        };
        source.request = [this](QString *error) {
            return m_completionTab->buildRequest(error);
        };
        m_testSetWindow->setCompletionSource(source);
        m_testSetWindow->setPromptLibrary(m_services.promptLibrary);
        m_testSetWindow->setAvailableModels(m_models);
        connect(m_testSetWindow,
            &TestSetWindow::explainRequested,
            this,
            [this](const core::Prompt &prompt, const QString &answer, const QString &model) {
                m_tabs->setCurrentWidget(m_explanationTab);
                m_explanationTab->setInput(prompt, answer, model);
                raise();
                activateWindow();
            });
    }
    m_testSetWindow->show();
    m_testSetWindow->raise();
    m_testSetWindow->activateWindow();
    return m_testSetWindow;
}

void MainWindow::buildShell(QAction *history, QAction *viewCode, QAction *profiles)
{
    m_preferences = m_services.preferences;
    if (!m_preferences) {
        m_ownPreferences = std::make_unique<core::Preferences>(nullptr);
        m_preferences = m_ownPreferences.get();
    }
    ShellMenus::Hooks hooks;
    hooks.currentTab = [this] {
        return currentPlaygroundTab();
    };
    hooks.newChat = [this] {
        newChat();
    };
    hooks.preferences = [this] {
        showPreferences();
    };
    hooks.chooseModel = [this] {
        if (ModelPicker *picker
            = currentPlaygroundTab() ? currentPlaygroundTab()->modelPicker() : nullptr) {
            picker->setFocus();
            picker->showPopup();
        }
    };
    hooks.zoom = [this](int delta) {
        zoom(delta);
    };
    hooks.theme = [this] {
        return m_preferences->theme();
    };
    hooks.setTheme = [this](const QString &theme) {
        m_preferences->setValue(QLatin1String(P::kTheme), theme);
    };
    hooks.testSets = [this] {
        showTestSets();
    };
    m_menus = new ShellMenus(this, hooks, history, viewCode, profiles);
    for (PlaygroundTab *tab : playgroundTabs()) {
        m_menus->retireDuplicates(tab);
        connect(tab, &PlaygroundTab::commandsChanged, m_menus, &ShellMenus::refresh);
        connect(tab, &PlaygroundTab::commandMessage, this, [this](const QString &text) {
            statusBar()->showMessage(text, 10000);
        });
    }
    connect(m_tabs, &QTabWidget::currentChanged, m_menus, &ShellMenus::refresh);
    m_menus->addTabActions(m_tabs);

    // The preferences' effects, now and whenever they change.
    m_chatTab->setEnterSends(m_preferences->enterSends());
    connect(m_chatTab, &ChatTab::enterSendsChanged, this, [this](bool on) {
        m_preferences->setValue(QLatin1String(P::kEnterSends), on);
    });
    connect(m_preferences, &core::Preferences::changed, this, &MainWindow::applyPreference);
    if (m_preferences->textSize() != 100)
        applyTextSize(m_preferences->textSize());
}

void MainWindow::applyPreference(const QString &key, const QVariant &value)
{
    if (key == QLatin1String(P::kTextSize))
        applyTextSize(value.toInt());
    else if (key == QLatin1String(P::kEnterSends))
        m_chatTab->setEnterSends(value.toBool());
    else if (key == QLatin1String(P::kTheme))
        Q_EMIT themeChoiceChanged(value.toString());
    else if (key == QLatin1String(P::kLanguage))
        Q_EMIT languageChoiceChanged(value.toString());
}

void MainWindow::zoom(int delta)
{
    const P::Entry *entry = P::entry(QLatin1String(P::kTextSize));
    const int percent = delta == 0
        ? entry->defaultValue.toInt()
        : std::clamp(
            m_preferences->textSize() + 10 * delta, entry->minimum.toInt(), entry->maximum.toInt());
    m_preferences->setValue(QLatin1String(P::kTextSize), percent);
    statusBar()->showMessage(tr("Text size %1 %").arg(percent), 3000);
}

void MainWindow::applyTextSize(int percent)
{
    if (percent == m_textSize)
        return;
    const double ratio = double(percent) / m_textSize;
    m_textSize = percent;
    QFont font = baseFont();
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * percent / 100.0);
    else
        font.setPixelSize(std::max(1, qRound(font.pixelSize() * percent / 100.0)));
    QApplication::setFont(font);
    // Widgets that set their own size (a larger heading, a monospace view) keep their proportion.
    for (QWidget *w : findChildren<QWidget *>()) {
        if (!w->testAttribute(Qt::WA_SetFont) || !(w->font().resolveMask() & QFont::SizeResolved))
            continue;
        QFont own = w->font();
        if (own.pointSizeF() > 0)
            own.setPointSizeF(std::max(4.0, own.pointSizeF() * ratio));
        else if (own.pixelSize() > 0)
            own.setPixelSize(std::max(4, qRound(own.pixelSize() * ratio)));
        w->setFont(own);
    }
    // Widgets under a style sheet keep the font it resolved once: they resolve it again after
    // the font change has reached them (it arrives as posted events).
    QTimer::singleShot(0, this, [this] {
        for (QWidget *w : findChildren<QWidget *>()) {
            if (!w->styleSheet().isEmpty())
                w->setStyleSheet(w->styleSheet());
        }
    });
}

void MainWindow::applyTabDefaults(PlaygroundTab *tab)
{
    const QString model = m_preferences->defaultModel(tab->tabKey());
    if (ModelPicker *picker = tab->modelPicker(); picker && !model.isEmpty())
        picker->setCurrentText(model);
    if (tab != m_completionTab)
        return;
    if (auto *tokens = tab->findChild<QSpinBox *>(QStringLiteral("maximum_tokens")))
        tokens->setValue(m_preferences->value(QLatin1String(P::kMaximumTokens)).toInt());
    if (auto *temperature = tab->findChild<QDoubleSpinBox *>(QStringLiteral("temperature")))
        temperature->setValue(m_preferences->value(QLatin1String(P::kTemperature)).toDouble());
}

void MainWindow::newChat()
{
    m_tabs->setCurrentWidget(m_chatTab);
    m_chatTab->newConversation();
    if (auto *input = m_chatTab->findChild<QPlainTextEdit *>(QStringLiteral("input")))
        input->setFocus();
}

QDialog *MainWindow::showPreferences()
{
    if (auto *open = findChild<PreferencesDialog *>(); open && open->isVisible()) {
        open->raise();
        open->activateWindow();
        return open;
    }
    QHash<QString, QStringList> models;
    for (PlaygroundTab *tab : playgroundTabs()) {
        QStringList names;
        if (ModelPicker *picker = tab->modelPicker()) {
            for (int i = 0; i < picker->count(); ++i)
                names << picker->itemText(i);
        }
        models.insert(tab->tabKey(), names);
    }
    auto *dialog = new PreferencesDialog(
        m_preferences, m_services.history, models, m_services.dataFolder, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &PreferencesDialog::historyCleared, this, [this] {
        statusBar()->showMessage(tr("The history was cleared."), 5000);
    });
    dialog->open();
    return dialog;
}

} // namespace ui
