// SPDX-License-Identifier: MIT
#include "ui/shell/PreferencesDialog.h"

#include "core/settings/Preferences.h"
#include "core/storage/HistoryStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

namespace ui {

namespace {
using P = core::Preferences;

QString key(const char *k)
{
    return QLatin1String(k);
}

QLabel *note(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    QFont f = label->font();
    f.setPointSizeF(f.pointSizeF() * 0.9);
    label->setFont(f);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

QString recordedText(int n)
{
    return QCoreApplication::translate("ui::PreferencesDialog", "%n run(s) recorded", nullptr, n);
}

QString tabName(const QString &tab)
{
    static const QHash<QString, const char *> names = {
        {QStringLiteral("chat"), QT_TRANSLATE_NOOP("ui::PreferencesDialog", "Chat")},
        {QStringLiteral("completion"), QT_TRANSLATE_NOOP("ui::PreferencesDialog", "Completion")},
        {QStringLiteral("explanation"), QT_TRANSLATE_NOOP("ui::PreferencesDialog", "Explanation")},
        {QStringLiteral("embeddings"), QT_TRANSLATE_NOOP("ui::PreferencesDialog", "Embeddings")},
        {QStringLiteral("translation"), QT_TRANSLATE_NOOP("ui::PreferencesDialog", "Translation")},
        {QStringLiteral("steering"), QT_TRANSLATE_NOOP("ui::PreferencesDialog", "Steering")},
        {QStringLiteral("tokenizer"), QT_TRANSLATE_NOOP("ui::PreferencesDialog", "Tokenizer")}};
    return QCoreApplication::translate("ui::PreferencesDialog", names.value(tab, "?"));
}
} // namespace

PreferencesDialog::PreferencesDialog(core::Preferences *preferences,
    core::HistoryStore *history,
    const QHash<QString, QStringList> &models,
    const QString &dataFolder,
    QWidget *parent)
    : QDialog(parent)
    , m_preferences(preferences)
    , m_history(history)
{
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));
    auto *outer = new QVBoxLayout(this);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *page = new QWidget(scroll);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 6, 0);
    scroll->setWidget(page);
    outer->addWidget(scroll, 1);

    // Appearance
    auto *look = new QGroupBox(tr("Appearance"), page);
    auto *lookForm = new QFormLayout(look);
    m_theme = new QComboBox(look);
    m_theme->setObjectName(QStringLiteral("theme"));
    m_theme->addItem(tr("System"), QStringLiteral("system"));
    m_theme->addItem(tr("Light"), QStringLiteral("light"));
    m_theme->addItem(tr("Dark"), QStringLiteral("dark"));
    lookForm->addRow(tr("Theme"), m_theme);
    m_language = new QComboBox(look);
    m_language->setObjectName(QStringLiteral("language"));
    m_language->addItem(tr("System"), QStringLiteral("system"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    lookForm->addRow(tr("Language"), m_language);
    lookForm->addRow(QString(), note(tr("The language applies after a restart."), look));
    m_textSize = new QSpinBox(look);
    m_textSize->setObjectName(QStringLiteral("textSize"));
    const P::Entry *size = P::entry(key(P::kTextSize));
    m_textSize->setRange(size->minimum.toInt(), size->maximum.toInt());
    m_textSize->setSingleStep(10);
    m_textSize->setSuffix(QStringLiteral(" %"));
    m_textSize->setToolTip(
        size->doc + u' ' + tr("View ▸ Zoom in/out (Ctrl+= / Ctrl+-) changes it too."));
    lookForm->addRow(tr("Text size"), m_textSize);
    layout->addWidget(look);

    // Chat and new tabs
    auto *tabs = new QGroupBox(tr("New tabs"), page);
    auto *tabsForm = new QFormLayout(tabs);
    m_enterSends = new QCheckBox(tr("Enter sends a chat message (Shift+Enter: a new line)"), tabs);
    m_enterSends->setObjectName(QStringLiteral("enterSends"));
    m_enterSends->setToolTip(P::entry(key(P::kEnterSends))->doc);
    tabsForm->addRow(m_enterSends);
    // The default models two by two, so the dialog fits a 700-pixel-high screen.
    auto *modelGrid = new QGridLayout;
    modelGrid->setColumnStretch(1, 1);
    modelGrid->setColumnStretch(3, 1);
    int index = 0;
    for (const QString &tab : P::modelTabs()) {
        auto *combo = new QComboBox(tabs);
        combo->setObjectName(QStringLiteral("model-") + tab);
        combo->setEditable(true);
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(14);
        combo->addItem(QString());
        combo->addItems(models.value(tab));
        combo->lineEdit()->setPlaceholderText(tr("the first model listed"));
        combo->setToolTip(P::entry(P::defaultModelKey(tab))->doc);
        m_models.insert(tab, combo);
        auto *label = new QLabel(tabName(tab), tabs);
        label->setBuddy(combo);
        modelGrid->addWidget(label, index / 2, (index % 2) * 2);
        modelGrid->addWidget(combo, index / 2, (index % 2) * 2 + 1);
        ++index;
    }
    tabsForm->addRow(new QLabel(tr("The model each tab starts with:"), tabs));
    tabsForm->addRow(modelGrid);
    m_maximumTokens = new QSpinBox(tabs);
    m_maximumTokens->setObjectName(QStringLiteral("maximumTokens"));
    const P::Entry *tokens = P::entry(key(P::kMaximumTokens));
    m_maximumTokens->setRange(tokens->minimum.toInt(), tokens->maximum.toInt());
    m_maximumTokens->setToolTip(tokens->doc);
    auto *parameters = new QHBoxLayout;
    parameters->addWidget(new QLabel(QStringLiteral("maximum_tokens"), tabs));
    parameters->addWidget(m_maximumTokens, 1);
    parameters->addSpacing(12);
    m_temperature = new QDoubleSpinBox(tabs);
    m_temperature->setObjectName(QStringLiteral("temperature"));
    const P::Entry *temperature = P::entry(key(P::kTemperature));
    m_temperature->setRange(temperature->minimum.toDouble(), temperature->maximum.toDouble());
    m_temperature->setSingleStep(0.05);
    m_temperature->setToolTip(temperature->doc);
    parameters->addWidget(new QLabel(QStringLiteral("temperature"), tabs));
    parameters->addWidget(m_temperature, 1);
    tabsForm->addRow(tr("New completion"), parameters);
    tabsForm->addRow(
        QString(), note(tr("The models and parameters apply to tabs that start empty."), tabs));
    layout->addWidget(tabs);

    // Data
    auto *dataBox = new QGroupBox(tr("Data"), page);
    auto *dataForm = new QFormLayout(dataBox);
    auto *folderRow = new QHBoxLayout;
    m_dataFolder = new QLineEdit(dataBox);
    m_dataFolder->setObjectName(QStringLiteral("dataFolder"));
    m_dataFolder->setPlaceholderText(dataFolder);
    m_dataFolder->setToolTip(P::entry(key(P::kDataFolder))->doc);
    m_dataFolder->setClearButtonEnabled(true);
    auto *choose = new QPushButton(tr("Choose…"), dataBox);
    choose->setObjectName(QStringLiteral("chooseDataFolder"));
    connect(choose, &QPushButton::clicked, this, [this, dataFolder] {
        const QString dir = QFileDialog::getExistingDirectory(this,
            tr("Data folder"),
            m_dataFolder->text().isEmpty() ? dataFolder : m_dataFolder->text());
        if (!dir.isEmpty())
            m_dataFolder->setText(dir);
    });
    folderRow->addWidget(m_dataFolder, 1);
    folderRow->addWidget(choose);
    dataForm->addRow(tr("Data folder"), folderRow);
    dataForm->addRow(QString(),
        note(tr("Settings, history and conversations are kept there. A new folder applies after a "
                "restart; nothing is moved."),
            dataBox));
    if (m_history) {
        auto *historyRow = new QHBoxLayout;
        m_clearHistory = new QPushButton(tr("Clear history…"), dataBox);
        m_clearHistory->setObjectName(QStringLiteral("clearHistory"));
        m_clearHistory->setToolTip(tr("Delete every recorded run (conversations and drafts stay)"));
        connect(m_clearHistory, &QPushButton::clicked, this, &PreferencesDialog::clearHistory);
        m_historyStatus = new QLabel(recordedText(m_history->count()), dataBox);
        m_historyStatus->setObjectName(QStringLiteral("historyStatus"));
        historyRow->addWidget(m_clearHistory);
        historyRow->addWidget(m_historyStatus, 1);
        dataForm->addRow(tr("History"), historyRow);
    }
    layout->addWidget(dataBox);
    layout->addStretch(1);

    auto *buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        apply();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults),
        &QPushButton::clicked,
        this,
        &PreferencesDialog::restoreDefaults);
    outer->addWidget(buttons);
    load();
    resize(640, 630);
}

void PreferencesDialog::load()
{
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(m_preferences->theme())));
    m_language->setCurrentIndex(std::max(0, m_language->findData(m_preferences->language())));
    m_textSize->setValue(m_preferences->textSize());
    m_enterSends->setChecked(m_preferences->enterSends());
    for (auto it = m_models.cbegin(); it != m_models.cend(); ++it)
        it.value()->setCurrentText(m_preferences->defaultModel(it.key()));
    m_maximumTokens->setValue(m_preferences->value(key(P::kMaximumTokens)).toInt());
    m_temperature->setValue(m_preferences->value(key(P::kTemperature)).toDouble());
    m_dataFolder->setText(m_preferences->dataFolder());
}

void PreferencesDialog::restoreDefaults()
{
    const auto def = [](const char *k) {
        return P::entry(key(k))->defaultValue;
    };
    m_theme->setCurrentIndex(m_theme->findData(def(P::kTheme)));
    m_language->setCurrentIndex(m_language->findData(def(P::kLanguage)));
    m_textSize->setValue(def(P::kTextSize).toInt());
    m_enterSends->setChecked(def(P::kEnterSends).toBool());
    for (QComboBox *combo : std::as_const(m_models))
        combo->setCurrentText(QString());
    m_maximumTokens->setValue(def(P::kMaximumTokens).toInt());
    m_temperature->setValue(def(P::kTemperature).toDouble());
    m_dataFolder->clear();
}

void PreferencesDialog::apply()
{
    m_preferences->setValue(key(P::kTheme), m_theme->currentData());
    m_preferences->setValue(key(P::kLanguage), m_language->currentData());
    m_preferences->setValue(key(P::kTextSize), m_textSize->value());
    m_preferences->setValue(key(P::kEnterSends), m_enterSends->isChecked());
    for (auto it = m_models.cbegin(); it != m_models.cend(); ++it)
        m_preferences->setValue(P::defaultModelKey(it.key()), it.value()->currentText().trimmed());
    m_preferences->setValue(key(P::kMaximumTokens), m_maximumTokens->value());
    m_preferences->setValue(key(P::kTemperature), m_temperature->value());
    m_preferences->setValue(key(P::kDataFolder), m_dataFolder->text().trimmed());
}

void PreferencesDialog::clearHistory()
{
    if (!m_history || m_question)
        return;
    m_question = new QMessageBox(QMessageBox::Warning,
        tr("Clear history"),
        tr("Delete all %n recorded run(s)? This cannot be undone. Conversations and drafts are "
           "kept.",
            nullptr,
            int(m_history->count())),
        QMessageBox::Yes | QMessageBox::Cancel,
        this);
    m_question->setObjectName(QStringLiteral("clearHistoryQuestion"));
    m_question->setDefaultButton(QMessageBox::Cancel);
    m_question->button(QMessageBox::Yes)->setText(tr("Delete all runs"));
    m_question->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_question, &QMessageBox::finished, this, [this](int result) {
        if (result != QMessageBox::Yes)
            return;
        m_history->clear();
        m_historyStatus->setText(recordedText(m_history->count()));
        Q_EMIT historyCleared();
    });
    m_question->open();
}

} // namespace ui
