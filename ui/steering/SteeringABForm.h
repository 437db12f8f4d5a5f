// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class QBoxLayout;
class QComboBox;
class QDoubleSpinBox;
class QPushButton;
class QSpinBox;

namespace ui {

class ModelPicker;
class PromptEdit;

/// The inputs of the Steering tab's A/B run: mode (/complete or /chat/completions), model,
/// maximum_tokens, temperature (the same for both sides), Run A/B and Stop, and the prompt. The
/// widgets are children of `box`, laid out in its `layout` (the A/B box the view shares).
class SteeringABForm : public QObject
{
    Q_OBJECT
public:
    SteeringABForm(QWidget *box, QBoxLayout *layout);
    QComboBox *mode() const { return m_mode; }
    ModelPicker *model() const { return m_model; }
    QSpinBox *maximumTokens() const { return m_maximumTokens; }
    QDoubleSpinBox *temperature() const { return m_temperature; }
    QPushButton *runButton() const { return m_run; }
    QPushButton *stopButton() const { return m_stop; }
    PromptEdit *prompt() const { return m_prompt; }

Q_SIGNALS:
    /// The mode or the prompt changed.
    void edited();

private:
    QComboBox *m_mode = nullptr;
    ModelPicker *m_model = nullptr;
    QSpinBox *m_maximumTokens = nullptr;
    QDoubleSpinBox *m_temperature = nullptr;
    QPushButton *m_run = nullptr;
    QPushButton *m_stop = nullptr;
    PromptEdit *m_prompt = nullptr;
};

} // namespace ui
