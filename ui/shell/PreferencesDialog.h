// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>
#include <QHash>
#include <QMessageBox>
#include <QPointer>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace core {
class HistoryStore;
class Preferences;
} // namespace core

namespace ui {

/// File ▸ Preferences… (Ctrl+,): theme, language, text size, Enter sends, the default model of
/// each tab, the default parameters of a new completion, the data folder, and clearing the
/// history. Everything is read from and written to core::Preferences, the one typed table; OK
/// stores (apply()), Cancel drops the changes. Clear history asks first.
class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    /// `preferences` and `history` (may be null: no Clear history) are not owned. `models`: the
    /// models each tab lists now (tab key → names), offered for its default.
    PreferencesDialog(core::Preferences *preferences,
        core::HistoryStore *history,
        const QHash<QString, QStringList> &models,
        const QString &dataFolder,
        QWidget *parent = nullptr);

    /// Stores every field in the preferences (changed() follows for each that differs).
    void apply();
    /// The fields back to the table's defaults (stored by OK).
    void restoreDefaults();
    /// Asks whether to delete every run of the history; Yes deletes them.
    void clearHistory();
    /// The question clearHistory() shows (null when none), for tests.
    QMessageBox *clearHistoryQuestion() const { return m_question; }

Q_SIGNALS:
    /// The history was cleared (after the user said yes).
    void historyCleared();

private:
    void load();

    core::Preferences *m_preferences;
    core::HistoryStore *m_history;
    QComboBox *m_theme;
    QComboBox *m_language;
    QSpinBox *m_textSize;
    QCheckBox *m_enterSends;
    QHash<QString, QComboBox *> m_models;
    QSpinBox *m_maximumTokens;
    QDoubleSpinBox *m_temperature;
    QLineEdit *m_dataFolder;
    QPushButton *m_clearHistory = nullptr;
    QLabel *m_historyStatus = nullptr;
    QPointer<QMessageBox> m_question;
};

} // namespace ui
