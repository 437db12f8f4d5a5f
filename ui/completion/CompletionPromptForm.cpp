// SPDX-License-Identifier: MIT
#include "ui/completion/CompletionPromptForm.h"

#include "core/api/ImageFile.h"
#include "core/workbench/Template.h"
#include "ui/common/ModelPicker.h"
#include "ui/common/PromptEdit.h"
#include "ui/completion/ImageListModel.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QRegularExpression>
#include <QShortcut>
#include <QVBoxLayout>

namespace ui {

CompletionPromptForm::CompletionPromptForm(ModelPicker *models, QWidget *parent)
    : QWidget(parent)
    , m_models(models)
{
    m_promptEdit = new PromptEdit(this);
    m_promptEdit->setObjectName(QStringLiteral("prompt"));
    m_promptEdit->setPlaceholderText(
        tr("Write a prompt, then press Ctrl+Enter to complete it.\n"
           "{{ name }} makes a template variable; drop images here to add them."));
    connect(m_promptEdit, &PromptEdit::imagesDropped, this, [this](const QStringList &paths) {
        for (const QString &p : paths)
            addImageFile(p);
    });

    m_images = new ImageListModel(this);
    m_imageList = new QListView(this);
    m_imageList->setObjectName(QStringLiteral("images"));
    m_imageList->setModel(m_images);
    m_imageList->setViewMode(QListView::IconMode);
    m_imageList->setIconSize(QSize(56, 56));
    m_imageList->setFlow(QListView::LeftToRight);
    m_imageList->setWrapping(false);
    m_imageList->setFixedHeight(90);
    m_imageList->setToolTip(
        tr("Images sent before the text. Select one and press Delete to remove it."));
    m_imageList->hide();
    auto *removeImage = new QShortcut(QKeySequence::Delete, m_imageList);
    removeImage->setContext(Qt::WidgetShortcut);
    connect(removeImage, &QShortcut::activated, this, [this] {
        const int row = m_imageList->currentIndex().row();
        if (row < 0)
            return;
        m_images->removeAt(row);
        m_imageList->setVisible(!m_images->isEmpty());
        Q_EMIT edited();
    });
    auto *addImageButton = new QPushButton(tr("Add image…"), this);
    addImageButton->setObjectName(QStringLiteral("addImage"));
    connect(addImageButton, &QPushButton::clicked, this, &CompletionPromptForm::chooseImages);

    m_templateBox = new QGroupBox(tr("Template variables"), this);
    m_templateBox->setObjectName(QStringLiteral("templateVariables"));
    m_templateForm = new QFormLayout(m_templateBox);
    m_templateBox->hide();

    m_layout = new QVBoxLayout(this);
    auto *promptLayout = m_layout;
    promptLayout->setContentsMargins(0, 0, 0, 0);
    auto *promptHeader = new QHBoxLayout;
    m_header = promptHeader;
    promptHeader->addWidget(new QLabel(tr("Prompt"), this));
    promptHeader->addStretch(1);
    promptHeader->addWidget(addImageButton);
    promptLayout->addLayout(promptHeader);
    promptLayout->addWidget(m_imageList);
    promptLayout->addWidget(m_promptEdit, 1);
    promptLayout->addWidget(m_templateBox);
    setFocusProxy(m_promptEdit);

    connect(m_promptEdit, &QPlainTextEdit::textChanged, this, [this] {
        updateTemplateForm();
        Q_EMIT edited();
    });
}

void CompletionPromptForm::addHeaderWidget(QWidget *widget)
{
    m_header->insertWidget(m_header->count() - 1, widget);
}

void CompletionPromptForm::setSteeringIndicator(QWidget *indicator)
{
    m_layout->insertWidget(m_layout->indexOf(m_templateBox), indicator);
}

QStringList CompletionPromptForm::templateVariables() const
{
    return core::templateVariables(m_promptEdit->toPlainText());
}

QString CompletionPromptForm::templateText() const
{
    return m_promptEdit->toPlainText();
}

QHash<QString, QString> CompletionPromptForm::currentTemplateValues() const
{
    QHash<QString, QString> values;
    for (const QString &name : templateVariables())
        values.insert(name, m_templateValues.value(name));
    return values;
}

void CompletionPromptForm::setTemplateValue(const QString &name, const QString &value)
{
    m_templateValues.insert(name, value);
    if (auto *edit = m_templateBox->findChild<QLineEdit *>(QStringLiteral("var:") + name))
        edit->setText(value);
}

QVariantMap CompletionPromptForm::templateValues() const
{
    QVariantMap vars;
    for (auto it = m_templateValues.cbegin(); it != m_templateValues.cend(); ++it)
        vars.insert(it.key(), it.value());
    return vars;
}

void CompletionPromptForm::insertTemplateValues(const QVariantMap &values)
{
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        m_templateValues.insert(it.key(), it.value().toString());
}

void CompletionPromptForm::updateTemplateForm()
{
    const QStringList names = templateVariables();
    if (names == m_templateNames)
        return;
    m_templateNames = names;
    while (m_templateForm->rowCount() > 0)
        m_templateForm->removeRow(0);
    for (const QString &name : names) {
        auto *edit = new QLineEdit(m_templateValues.value(name), m_templateBox);
        edit->setObjectName(QStringLiteral("var:") + name);
        edit->setPlaceholderText(tr("value of {{ %1 }}").arg(name));
        connect(edit, &QLineEdit::textChanged, this, [this, name](const QString &text) {
            m_templateValues.insert(name, text);
            Q_EMIT edited();
        });
        m_templateForm->addRow(name, edit);
    }
    m_templateBox->setVisible(!names.isEmpty());
}

void CompletionPromptForm::addImageFile(const QString &path)
{
    QString error;
    const auto image = core::ImageFile::load(path, &error);
    if (!image) {
        Q_EMIT message(error);
        return;
    }
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        Q_EMIT message(tr("Cannot read %1: %2").arg(path, f.errorString()));
        return;
    }
    const QByteArray bytes = f.readAll();
    QPixmap thumb;
    thumb.loadFromData(bytes);
    m_images->append(core::PromptItem::fromImageBytes(bytes),
        QIcon(thumb.scaled(56, 56, Qt::KeepAspectRatio, Qt::SmoothTransformation)),
        QFileInfo(path).fileName(),
        path);
    m_imageList->show();
    if (auto s = m_models->settings(); s && !s->multimodal.value_or(false))
        Q_EMIT message(tr("%1 does not take images (multimodal is false); choose another model.")
                           .arg(s->name));
    Q_EMIT edited();
}

int CompletionPromptForm::imageCount() const
{
    return m_images->rowCount();
}

void CompletionPromptForm::chooseImages()
{
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Add images"), QString(), tr("Images (*.png *.jpg *.jpeg *.webp)"));
    for (const QString &f : files)
        addImageFile(f);
}

core::Prompt CompletionPromptForm::buildPrompt(QString *error) const
{
    // Substitute {{ name }} from the variables form; an empty value is an error (flagged).
    QString missing;
    const QString out = core::fillTemplate(m_promptEdit->toPlainText(), m_templateValues, &missing);
    if (!missing.isEmpty() && error && error->isEmpty())
        *error = tr("Template variable {{ %1 }} has no value.").arg(missing);
    if (m_images->isEmpty())
        return core::Prompt::fromText(out);
    core::Prompt prompt;
    prompt.items = m_images->items();
    if (!out.isEmpty())
        prompt.items.append(core::PromptItem::fromText(out));
    return prompt;
}

core::Prompt CompletionPromptForm::rawPrompt() const
{
    core::Prompt raw;
    raw.items = m_images->items();
    raw.items.append(core::PromptItem::fromText(m_promptEdit->toPlainText()));
    return raw;
}

void CompletionPromptForm::setPrompt(const core::Prompt &prompt)
{
    QString text;
    m_images->clear();
    if (prompt.isPlainText()) {
        text = *prompt.plainText;
    } else {
        for (const core::PromptItem &item : prompt.items) {
            if (item.type == core::PromptItem::Type::Text) {
                text += item.text;
            } else if (item.type == core::PromptItem::Type::Image) {
                QPixmap thumb;
                thumb.loadFromData(QByteArray::fromBase64(item.imageBase64.toLatin1()));
                m_images->append(item,
                    QIcon(thumb.scaled(56, 56, Qt::KeepAspectRatio)),
                    tr("image %1").arg(m_images->rowCount() + 1));
            }
        }
    }
    m_imageList->setVisible(!m_images->isEmpty());
    m_promptEdit->setPlainText(text);
}

} // namespace ui
