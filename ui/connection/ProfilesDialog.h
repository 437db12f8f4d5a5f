// SPDX-License-Identifier: MIT
#pragma once

#include "core/auth/CredentialStore.h"
#include "core/net/ConnectionTest.h"
#include "core/settings/ConnectionProfile.h"

#include <QDialog>
#include <QPointer>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace ui {

/// Connection profiles: name, base URL, hosting, nice, timeout, retries, TLS verification (off
/// shows a warning), CA bundle, proxy, and the token (saved through the CredentialStore, never
/// elsewhere). "Test connection" asks GET /users/me with the form's settings (or /model-settings
/// when the server has no /users/me) and shows the answer.
class ProfilesDialog : public QDialog
{
    Q_OBJECT
public:
    /// Gives the offline sandbox's base URL and token (starting it if needed); "" on failure.
    using SandboxProvider = std::function<core::ClientConfig(QString *error)>;

    ProfilesDialog(core::ProfileStore *profiles,
        core::CredentialStore *credentials,
        QNetworkAccessManager *nam,
        SandboxProvider sandbox,
        QWidget *parent = nullptr);
    /// Selects the profile with this id in the list.
    void selectProfile(const QString &id);
    /// "Connect to Aleph Alpha": selects the first saved profile for Aleph Alpha's API (the
    /// default base URL), or starts a new one named "Aleph Alpha" with the token field focused.
    void connectToAlephAlpha();
    /// The profile being edited, as the form shows it.
    core::ConnectionProfile formProfile() const;
    QString selectedId() const;

public Q_SLOTS:
    void addProfile();
    void removeProfile();
    /// Validates and stores the form (profile in QSettings, token in the keychain).
    bool saveProfile();
    void testConnection();

Q_SIGNALS:
    /// A profile was saved or removed; `id` is the profile concerned.
    void profilesChanged(const QString &id);
    /// "Use this profile" was pressed.
    void useProfile(const QString &id);
    /// "Test connection" finished: ok, and the text shown.
    void connectionTested(bool ok, const QString &message);
    /// A token save finished (persisted false: session only or failed).
    void tokenSaved(bool persisted, const QString &message);

private:
    void reloadList(const QString &selectId);
    void showProfile(const core::ConnectionProfile &profile);
    void updateWarnings();

    core::ProfileStore *m_profiles;
    core::CredentialStore *m_credentials;
    QNetworkAccessManager *m_nam;
    SandboxProvider m_sandbox;
    QString m_currentId;
    QPointer<core::ConnectionTest> m_test;

    QListWidget *m_list;
    QLineEdit *m_name;
    QLineEdit *m_baseUrl;
    QComboBox *m_hosting;
    QCheckBox *m_nice;
    QSpinBox *m_timeout;
    QSpinBox *m_retries;
    QCheckBox *m_verifyTls;
    QLabel *m_tlsWarning;
    QLineEdit *m_caBundle;
    QComboBox *m_proxyMode;
    QLineEdit *m_proxyUrl;
    QLineEdit *m_token;
    QLabel *m_tokenNote;
    QLabel *m_message;
    QPushButton *m_removeButton;
    QPushButton *m_saveButton;
    QPushButton *m_testButton;
};

} // namespace ui
