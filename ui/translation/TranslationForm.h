// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Models.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QPushButton;

namespace ui {

class ModelPicker;

/// The Translation tab's parameter row: model, source and target language, Swap, Translate and
/// Stop; it also owns the "One request per line" check box, which the view shows by its table.
class TranslationForm : public QWidget
{
    Q_OBJECT
public:
    /// Lines mode: how many lines are translated at a time.
    static constexpr int LinesInFlight = 3;
    explicit TranslationForm(QWidget *parent = nullptr);
    void setModels(const QList<core::ModelSettings> &models);
    ModelPicker *modelPicker() const { return m_model; }
    QCheckBox *perLineBox() const { return m_perLine; }
    QPushButton *translateButton() const { return m_translateButton; }
    QPushButton *stopButton() const { return m_stopButton; }
    QPushButton *swapButton() const { return m_swap; }

    void setTargetLanguage(const QString &code);
    QString targetLanguage() const;
    void setSourceLanguage(const QString &code);
    QString sourceLanguage() const;
    /// Translate enabled when idle, Stop when busy.
    void setBusy(bool busy);

    /// The code in a language combo's text: "German (de)" → "de"; anything else trimmed.
    static QString languageCode(const QString &text);
    /// "German (de)" for "de"; the code itself for a language Qt does not know.
    static QString languageLabel(const QString &code);

Q_SIGNALS:
    /// A parameter changed (the draft is worth saving).
    void edited();

private:
    ModelPicker *m_model = nullptr;
    QComboBox *m_from = nullptr;
    QComboBox *m_to = nullptr;
    QPushButton *m_swap = nullptr;
    QCheckBox *m_perLine = nullptr;
    QPushButton *m_translateButton = nullptr;
    QPushButton *m_stopButton = nullptr;
};

} // namespace ui
