// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Prompt.h"

#include <QHash>
#include <QVariantMap>
#include <QWidget>

class QFormLayout;
class QGroupBox;
class QHBoxLayout;
class QListView;
class QVBoxLayout;

namespace ui {

class ImageListModel;
class ModelPicker;
class PromptEdit;

/// The Completion tab's prompt form: the prompt editor with `{{ name }}` template variables and
/// their value fields, and the images sent before the text (file picker or drag and drop, shown
/// from an ImageListModel). It builds the prompt a request sends.
class CompletionPromptForm : public QWidget
{
    Q_OBJECT
public:
    /// `models` (not owned) says whether the chosen model takes images.
    explicit CompletionPromptForm(ModelPicker *models, QWidget *parent = nullptr);
    /// Shows `indicator` (the steering field's) under the editor.
    /// Places `widget` in the prompt's header row, before "Add image…".
    void addHeaderWidget(QWidget *widget);
    void setSteeringIndicator(QWidget *indicator);

    PromptEdit *promptEdit() const { return m_promptEdit; }
    ImageListModel *imageModel() const { return m_images; }

    /// The prompt with the template variables substituted; `error` (when set and still empty) is
    /// set when a variable has no value.
    core::Prompt buildPrompt(QString *error) const;
    /// The images and the raw template text (not substituted), as a draft keeps them.
    core::Prompt rawPrompt() const;
    /// Shows `prompt`: its text in the editor, its images in the list.
    void setPrompt(const core::Prompt &prompt);

    /// The template variables found in the prompt, in order of first appearance.
    QStringList templateVariables() const;
    /// The prompt text as typed, its {{ name }} variables not substituted.
    QString templateText() const;
    /// The values of the prompt's variables now (name → text; "" for one without a value).
    QHash<QString, QString> currentTemplateValues() const;
    void setTemplateValue(const QString &name, const QString &value);
    /// Every value typed so far (name → text), as a draft keeps them.
    QVariantMap templateValues() const;
    /// Adds `values` (name → text) to the known values, for variables that appear later too.
    void insertTemplateValues(const QVariantMap &values);
    /// Rebuilds the value fields when the prompt's variables changed.
    void updateTemplateForm();

    void addImageFile(const QString &path);
    int imageCount() const;

public Q_SLOTS:
    void chooseImages();

Q_SIGNALS:
    /// The prompt text, a template value or the images changed.
    void edited();
    /// Something to tell the user (an image that cannot be read, a model without images).
    void message(const QString &text);

private:
    ModelPicker *m_models; // not owned
    PromptEdit *m_promptEdit;
    ImageListModel *m_images;
    QListView *m_imageList;
    QGroupBox *m_templateBox;
    QFormLayout *m_templateForm;
    QVBoxLayout *m_layout;
    QHBoxLayout *m_header; // "Prompt", added widgets, "Add image…"
    QHash<QString, QString> m_templateValues;
    QStringList m_templateNames;
};

} // namespace ui
