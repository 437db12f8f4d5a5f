// SPDX-License-Identifier: MIT
#include "ui/steering/SteeringABForm.h"

#include "ui/common/ModelPicker.h"
#include "ui/common/PresenterHint.h"
#include "ui/common/PromptEdit.h"
#include "ui/steering/SteeringWidgets.h"

#include <QBoxLayout>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QSpinBox>

using namespace Qt::StringLiterals;

namespace ui {

SteeringABForm::SteeringABForm(QWidget *box, QBoxLayout *layout)
    : QObject(box)
{
    auto *top = new QHBoxLayout;
    m_mode = new QComboBox(box);
    m_mode->setObjectName(u"abMode"_s);
    m_mode->addItem(tr("Completion (/complete)"));
    m_mode->addItem(tr("Chat (/chat/completions)"));
    top->addWidget(m_mode);
    top->addWidget(new QLabel(tr("Model"), box));
    m_model = new ModelPicker(ModelPicker::Capability::Completion, u"luminous-base"_s, box);
    m_model->setObjectName(u"abModel"_s);
    top->addWidget(m_model);
    top->addStretch(1);
    layout->addLayout(top);
    // Two rows, so that the tab fits a 1024-pixel screen.
    top = new QHBoxLayout;
    auto *maximumTokensLabel = new QLabel(tr("maximum_tokens"), box);
    top->addWidget(maximumTokensLabel);
    m_maximumTokens = new QSpinBox(box);
    m_maximumTokens->setObjectName(u"maximum_tokens"_s);
    m_maximumTokens->setRange(1, 4096);
    m_maximumTokens->setValue(64);
    top->addWidget(m_maximumTokens);
    auto *temperatureLabel = new QLabel(tr("temperature"), box);
    top->addWidget(temperatureLabel);
    m_temperature = new QDoubleSpinBox(box);
    m_temperature->setObjectName(u"temperature"_s);
    m_temperature->setRange(0, 2);
    m_temperature->setSingleStep(0.1);
    m_temperature->setValue(0);
    m_temperature->setToolTip(tr(
        "The same for A and B. At 0 both are greedy, so any difference comes from the concept."));
    top->addWidget(m_temperature);
    // Presenter mode: the audience sees the prompt and the two answers, not the parameters.
    for (QWidget *w : std::initializer_list<QWidget *>{
             m_mode, maximumTokensLabel, m_maximumTokens, temperatureLabel, m_temperature})
        hideInPresenterMode(w);
    m_run = steering::button(
        tr("Run A/B"), u"runAB"_s, tr("Stream both (Ctrl+Enter in the prompt)"), box);
    m_stop = steering::button(tr("Stop"), u"stopAB"_s, tr("Esc"), box);
    m_stop->setEnabled(false);
    hideInPresenterMode(m_run); // the presenter bar's Run and Stop do it
    hideInPresenterMode(m_stop);
    top->addWidget(m_run);
    top->addWidget(m_stop);
    top->addStretch(1);
    layout->addLayout(top);
    m_prompt = new PromptEdit(box);
    m_prompt->setMinimumHeight(40);
    m_prompt->setObjectName(u"abPrompt"_s);
    m_prompt->setPlaceholderText(
        tr("A prompt to run twice, e.g. \"Write one sentence about the weekend:\""));
    m_prompt->setMaximumHeight(80);
    layout->addWidget(m_prompt);

    connect(m_mode, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_model->setCapability(
            index == 1 ? ModelPicker::Capability::Chat : ModelPicker::Capability::Completion);
        Q_EMIT edited();
    });
    connect(m_prompt, &QPlainTextEdit::textChanged, this, &SteeringABForm::edited);
}

} // namespace ui
