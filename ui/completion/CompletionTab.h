// SPDX-License-Identifier: MIT
#pragma once

#include "core/net/ApiClient.h"

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QDoubleSpinBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace ui {

class ModelPicker;

/// `/complete`: a prompt, the main sampling parameters, streamed or whole output, n completions
/// side by side. Run with Ctrl+Enter, Stop with Esc.
class CompletionTab : public QWidget
{
    Q_OBJECT
public:
    explicit CompletionTab(core::ApiClient *client, QWidget *parent = nullptr); // client not owned
    void setModels(const QList<core::ModelSettings> &models);
    bool isBusy() const { return !m_job.isNull(); }

public Q_SLOTS:
    void run();
    void stop();

private:
    core::CompletionRequest buildRequest(QString *error) const;
    void setBusy(bool busy);
    void prepareOutputs(int n);
    void onJobFinished(core::ApiJob *job);
    void showResult(const core::CompletionResponse &response);

    core::ApiClient *m_client; // not owned
    QPointer<core::ApiJob> m_job;
    ModelPicker *m_modelPicker;
    QPlainTextEdit *m_promptEdit;
    QSpinBox *m_maximumTokensSpin;
    QDoubleSpinBox *m_temperatureSpin;
    QSpinBox *m_topKSpin;
    QDoubleSpinBox *m_topPSpin;
    QSpinBox *m_nSpin;
    QLineEdit *m_stopSequencesEdit;
    QCheckBox *m_streamCheck;
    QPushButton *m_runButton;
    QPushButton *m_stopButton;
    QHBoxLayout *m_outputsLayout;
    QList<QPlainTextEdit *> m_outputEdits;
    QLabel *m_statusLabel;
};

} // namespace ui
