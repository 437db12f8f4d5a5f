// SPDX-License-Identifier: MIT
#include "ui/connection/ProfilesDialog.h"

#include "core/settings/Preferences.h"
#include "ui/common/ErrorText.h"
#include "ui/common/Theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace ui {

ProfilesDialog::ProfilesDialog(core::ProfileStore *profiles,
    core::CredentialStore *credentials,
    QNetworkAccessManager *nam,
    SandboxProvider sandbox,
    QWidget *parent)
    : QDialog(parent)
    , m_profiles(profiles)
    , m_credentials(credentials)
    , m_nam(nam)
    , m_sandbox(std::move(sandbox))
{
    setWindowTitle(tr("Connection profiles"));
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("profileList"));
    m_list->setMaximumWidth(220);

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("name"));
    m_baseUrl = new QLineEdit(this);
    m_baseUrl->setObjectName(QStringLiteral("baseUrl"));
    m_baseUrl->setPlaceholderText(QString::fromLatin1(core::defaults::kBaseUrl));
    m_baseUrl->setToolTip(
        tr("The API's address. A self-hosted PhariaAI deployment puts the paths under /v1, "
           "e.g. https://inference-api.example.com/v1."));
    m_hosting = new QComboBox(this);
    m_hosting->setObjectName(QStringLiteral("hosting"));
    m_hosting->addItem(tr("Any datacenter"), QString());
    m_hosting->addItem(tr("Aleph Alpha's own (aleph-alpha)"), QStringLiteral("aleph-alpha"));
    m_hosting->setToolTip(
        tr("hosting: \"aleph-alpha\" processes requests only in Aleph Alpha's datacenters."));
    m_nice
        = new QCheckBox(tr("Nice (lower priority; deprioritised when the server is busy)"), this);
    m_nice->setObjectName(QStringLiteral("nice"));
    m_timeout = new QSpinBox(this);
    m_timeout->setObjectName(QStringLiteral("timeout"));
    m_timeout->setRange(1, 3600);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setToolTip(
        tr("A request with no data for this long is ended (the server itself stops at 300 s)."));
    m_retries = new QSpinBox(this);
    m_retries->setObjectName(QStringLiteral("retries"));
    m_retries->setRange(0, 20);
    m_retries->setToolTip(
        tr("Total retries of busy (503), rate-limited (429) and transient network failures."));
    m_verifyTls = new QCheckBox(tr("Verify TLS certificates"), this);
    m_verifyTls->setObjectName(QStringLiteral("verifyTls"));
    m_tlsWarning = new QLabel(
        tr("⚠ TLS verification is off: anyone on the network path can read the token."), this);
    m_tlsWarning->setObjectName(QStringLiteral("tlsWarning"));
    onThemeChange(m_tlsWarning, [this] {
        const Palette &p = Palette::current();
        m_tlsWarning->setStyleSheet(
            QStringLiteral(
                "QLabel { color: %1; background: %2; border-radius: 3px; padding: 3px; }")
                .arg(p.tlsWarningText.name(), p.tlsWarningBackground.name()));
    });
    m_tlsWarning->setWordWrap(true);
    m_caBundle = new QLineEdit(this);
    m_caBundle->setObjectName(QStringLiteral("caBundle"));
    m_caBundle->setPlaceholderText(tr("none (system certificates)"));
    auto *browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(
            this, tr("CA bundle (PEM)"), QString(), tr("PEM files (*.pem *.crt);;All files (*)"));
        if (!file.isEmpty())
            m_caBundle->setText(file);
    });
    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_caBundle, 1);
    caRow->addWidget(browse);
    m_proxyMode = new QComboBox(this);
    m_proxyMode->setObjectName(QStringLiteral("proxyMode"));
    m_proxyMode->addItem(
        tr("System and environment"), int(core::ConnectionProfile::ProxyMode::System));
    m_proxyMode->addItem(tr("No proxy"), int(core::ConnectionProfile::ProxyMode::None));
    m_proxyMode->addItem(tr("This proxy:"), int(core::ConnectionProfile::ProxyMode::Explicit));
    m_proxyUrl = new QLineEdit(this);
    m_proxyUrl->setObjectName(QStringLiteral("proxyUrl"));
    m_proxyUrl->setPlaceholderText(QStringLiteral("http://proxy.example.com:3128"));
    auto *proxyRow = new QHBoxLayout;
    proxyRow->addWidget(m_proxyMode);
    proxyRow->addWidget(m_proxyUrl, 1);
    m_token = new QLineEdit(this);
    m_token->setObjectName(QStringLiteral("token"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("API token (kept in the system keychain)"));
    m_tokenNote = new QLabel(this);
    m_tokenNote->setObjectName(QStringLiteral("tokenNote"));
    m_tokenNote->setWordWrap(true);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *form = new QFormLayout;
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Base URL"), m_baseUrl);
    form->addRow(tr("Token"), m_token);
    form->addRow(QString(), m_tokenNote);
    form->addRow(tr("Hosting"), m_hosting);
    form->addRow(QString(), m_nice);
    form->addRow(tr("Timeout"), m_timeout);
    form->addRow(tr("Retries"), m_retries);
    form->addRow(tr("TLS"), m_verifyTls);
    form->addRow(QString(), m_tlsWarning);
    form->addRow(tr("CA bundle"), caRow);
    form->addRow(tr("Proxy"), proxyRow);

    auto *addButton = new QPushButton(tr("Add"), this);
    addButton->setObjectName(QStringLiteral("add"));
    m_removeButton = new QPushButton(tr("Remove"), this);
    m_removeButton->setObjectName(QStringLiteral("remove"));
    m_saveButton = new QPushButton(tr("Save"), this);
    m_saveButton->setObjectName(QStringLiteral("save"));
    m_testButton = new QPushButton(tr("Test connection"), this);
    m_testButton->setObjectName(QStringLiteral("test"));
    auto *useButton = new QPushButton(tr("Use this profile"), this);
    useButton->setObjectName(QStringLiteral("use"));
    useButton->setDefault(true);
    connect(addButton, &QPushButton::clicked, this, &ProfilesDialog::addProfile);
    connect(m_removeButton, &QPushButton::clicked, this, &ProfilesDialog::removeProfile);
    connect(m_saveButton, &QPushButton::clicked, this, &ProfilesDialog::saveProfile);
    connect(m_testButton, &QPushButton::clicked, this, &ProfilesDialog::testConnection);
    connect(useButton, &QPushButton::clicked, this, [this] {
        const core::ConnectionProfile p = formProfile();
        if (!p.isSandbox && !saveProfile())
            return;
        Q_EMIT useProfile(m_currentId);
        accept();
    });

    auto *left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(addButton);
    listButtons->addWidget(m_removeButton);
    left->addLayout(listButtons);

    auto *right = new QVBoxLayout;
    right->addLayout(form);
    right->addWidget(m_message);
    right->addStretch(1);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_testButton);
    actions->addStretch(1);
    actions->addWidget(m_saveButton);
    actions->addWidget(useButton);
    auto *close = new QPushButton(tr("Close"), this);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    actions->addWidget(close);
    right->addLayout(actions);

    auto *layout = new QHBoxLayout(this);
    layout->addLayout(left);
    layout->addLayout(right, 1);

    connect(m_verifyTls, &QCheckBox::toggled, this, &ProfilesDialog::updateWarnings);
    connect(m_proxyMode, &QComboBox::currentIndexChanged, this, &ProfilesDialog::updateWarnings);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0)
            return;
        showProfile(m_profiles->profile(m_list->item(row)->data(Qt::UserRole).toString()));
    });
    resize(760, 520);
    reloadList(m_profiles->currentId());
}

void ProfilesDialog::reloadList(const QString &selectId)
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    int select = 0;
    const QList<core::ConnectionProfile> all = m_profiles->profiles();
    for (int i = 0; i < all.size(); ++i) {
        auto *item = new QListWidgetItem(
            all.at(i).name + (all.at(i).verifyTls ? QString() : QStringLiteral("  ⚠")), m_list);
        item->setData(Qt::UserRole, all.at(i).id);
        if (all.at(i).id == selectId)
            select = i;
    }
    m_list->setCurrentRow(select);
    showProfile(all.at(select));
}

void ProfilesDialog::selectProfile(const QString &id)
{
    reloadList(id);
}

QString ProfilesDialog::selectedId() const
{
    return m_currentId;
}

void ProfilesDialog::showProfile(const core::ConnectionProfile &p)
{
    m_currentId = p.id;
    m_name->setText(p.name);
    m_baseUrl->setText(p.isSandbox ? tr("(a free port on this computer)") : p.baseUrl.toString());
    m_hosting->setCurrentIndex(p.hosting.isEmpty() ? 0 : 1);
    m_nice->setChecked(p.nice);
    m_timeout->setValue(p.timeoutSeconds);
    m_retries->setValue(p.totalRetries);
    m_verifyTls->setChecked(p.verifyTls);
    m_caBundle->setText(p.caBundlePath);
    m_proxyMode->setCurrentIndex(m_proxyMode->findData(int(p.proxyMode)));
    m_proxyUrl->setText(p.proxyUrl.toString());
    m_token->clear();
    m_message->clear();
    for (QWidget *w : std::initializer_list<QWidget *>{m_name,
             m_baseUrl,
             m_hosting,
             m_nice,
             m_timeout,
             m_retries,
             m_verifyTls,
             m_caBundle,
             m_proxyMode,
             m_proxyUrl,
             m_token,
             m_saveButton,
             m_removeButton})
        w->setEnabled(!p.isSandbox);
    if (p.isSandbox) {
        m_tokenNote->setText(tr("The offline sandbox runs on this computer and needs no token. Its "
                                "answers are synthetic."));
    } else if (!p.id.isEmpty()) {
        m_tokenNote->setText(tr("Reading the token from the keychain…"));
        const QString id = p.id;
        m_credentials->token(id, this, [this, id](const QString &token, const QString &problem) {
            if (id != m_currentId)
                return;
            if (m_token->text().isEmpty()) // never overwrite what was typed meanwhile
                m_token->setText(token);
            if (!problem.isEmpty())
                m_tokenNote->setText(problem + QLatin1Char(' ')
                    + tr("A token entered here is kept for this session only."));
            else
                m_tokenNote->setText(token.isEmpty()
                        ? tr("No token stored for this profile.")
                        : tr("Stored in the %1.").arg(m_credentials->backend()->name()));
        });
    }
    updateWarnings();
}

core::ConnectionProfile ProfilesDialog::formProfile() const
{
    if (m_currentId == QLatin1String(core::ConnectionProfile::kSandboxId))
        return core::ConnectionProfile::offlineSandbox();
    core::ConnectionProfile p;
    p.id = m_currentId;
    p.name = m_name->text().trimmed();
    p.baseUrl = QUrl(m_baseUrl->text().trimmed());
    p.hosting = m_hosting->currentData().toString();
    p.nice = m_nice->isChecked();
    p.timeoutSeconds = m_timeout->value();
    p.totalRetries = m_retries->value();
    p.verifyTls = m_verifyTls->isChecked();
    p.caBundlePath = m_caBundle->text().trimmed();
    p.proxyMode = core::ConnectionProfile::ProxyMode(m_proxyMode->currentData().toInt());
    p.proxyUrl = QUrl(m_proxyUrl->text().trimmed());
    return p;
}

void ProfilesDialog::updateWarnings()
{
    const bool sandbox = m_currentId == QLatin1String(core::ConnectionProfile::kSandboxId);
    m_tlsWarning->setVisible(!sandbox && !m_verifyTls->isChecked());
    m_proxyUrl->setEnabled(!sandbox
        && m_proxyMode->currentData().toInt() == int(core::ConnectionProfile::ProxyMode::Explicit));
}

void ProfilesDialog::addProfile()
{
    core::ConnectionProfile p;
    p.name = tr("New profile");
    m_currentId.clear();
    showProfile(p);
    m_list->clearSelection();
    m_name->setFocus();
    m_name->selectAll();
    m_tokenNote->setText(tr("Enter the token; it is stored in the keychain when you save."));
}

void ProfilesDialog::connectToAlephAlpha()
{
    for (const core::ConnectionProfile &p : m_profiles->profiles())
        if (!p.isSandbox && p.baseUrl == core::defaults::baseUrl()) {
            selectProfile(p.id);
            m_token->setFocus();
            return;
        }
    addProfile();
    m_name->setText(tr("Aleph Alpha"));
    m_token->setFocus();
    m_tokenNote->setText(tr("Paste your Aleph Alpha API token (made in your account's settings "
                            "at app.aleph-alpha.com), then Save and Use this profile. It is stored "
                            "in the keychain."));
}

void ProfilesDialog::removeProfile()
{
    if (m_currentId.isEmpty() || m_currentId == QLatin1String(core::ConnectionProfile::kSandboxId))
        return;
    const QString id = m_currentId;
    m_profiles->remove(id);
    m_credentials->removeToken(id, this, [](bool, const QString &) {});
    reloadList(m_profiles->currentId());
    Q_EMIT profilesChanged(id);
}

bool ProfilesDialog::saveProfile()
{
    core::ConnectionProfile p = formProfile();
    if (p.isSandbox)
        return true;
    const QString problem = p.validate();
    if (!problem.isEmpty()) {
        m_message->setText(coloredHtml(problem.toHtmlEscaped(), TextRole::Error));
        return false;
    }
    const QString id = m_profiles->save(p);
    m_currentId = id;
    m_credentials->setToken(
        id, m_token->text().trimmed(), this, [this](bool persisted, const QString &why) {
            m_tokenNote->setText(
                persisted ? tr("Stored in the %1.").arg(m_credentials->backend()->name()) : why);
            Q_EMIT tokenSaved(persisted, why);
        });
    m_message->setText(tr("Saved."));
    const QString token = m_token->text();
    reloadList(id);
    m_token->setText(token); // reloadList re-reads asynchronously; keep what was typed meanwhile
    Q_EMIT profilesChanged(id);
    return true;
}

void ProfilesDialog::testConnection()
{
    core::ClientConfig config;
    QString error;
    const core::ConnectionProfile p = formProfile();
    if (p.isSandbox) {
        config = m_sandbox ? m_sandbox(&error) : core::ClientConfig();
    } else {
        error = p.validate();
        if (error.isEmpty())
            config = p.toClientConfig(m_token->text().trimmed(), &error);
    }
    if (!error.isEmpty()) {
        m_message->setText(coloredHtml(error.toHtmlEscaped(), TextRole::Error));
        Q_EMIT connectionTested(false, error);
        return;
    }
    delete m_test;
    m_test = new core::ConnectionTest(m_nam, config, this);
    m_message->setText(tr("Testing %1…").arg(m_test->baseUrl().toDisplayString()));
    m_testButton->setEnabled(false);
    connect(m_test, &core::ConnectionTest::finished, this, [this, test = m_test.data()] {
        QString text;
        if (!test->succeeded()) {
            text = tr("Failed: %1").arg(errorText(test->error()));
        } else if (const std::optional<core::UserDetail> user = test->user()) {
            text = tr("Connected. The token belongs to %1.")
                       .arg(user->email.isEmpty() ? tr("user %1").arg(user->id) : user->email);
        } else {
            text = tr("Connected. %n model(s) available.", nullptr, test->modelCount());
        }
        m_testButton->setEnabled(true);
        m_message->setText(coloredHtml(
            text.toHtmlEscaped(), test->succeeded() ? TextRole::Success : TextRole::Error));
        Q_EMIT connectionTested(test->succeeded(), text);
    });
    m_test->start();
}

} // namespace ui
