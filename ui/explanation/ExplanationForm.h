// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Explanation.h"
#include "core/api/Models.h"
#include "ui/common/ParameterTips.h"
#include "ui/explanation/PromptItemListModel.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListView;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace ui {

class ModelPicker;
class PromptEdit;

/// The input side of the Explanation tab: the model, the prompt's items (PromptItemListModel:
/// images, token ids, text) with the prompt editor, the target, every /explain parameter, the
/// validation message, Explain and Stop, the busy bar and the status line. Makes the request
/// the form describes and fills the form from one; running is the tab's.
class ExplanationForm : public QWidget
{
    Q_OBJECT
public:
    explicit ExplanationForm(QWidget *parent = nullptr);
    void setModels(const QList<core::ModelSettings> &models);
    ModelPicker *modelPicker() const { return m_modelPicker; }

    /// See ExplanationTab::buildRequest(), applyRequest(), addImageFile(), addTokenIds() and
    /// setImageCrop().
    core::ExplanationRequest buildRequest(QString *error) const;
    void applyRequest(const core::ExplanationRequest &request);
    void addImageFile(const QString &path);
    void addTokenIds(const QList<qint64> &ids);
    bool setImageCrop(int row, const QRect &square, QString *error);
    void chooseImages();

    QString promptText() const;
    /// The editor's place among the prompt items (an empty editor is not part of the request).
    int editorPosition() const;
    /// Moves the editor's row to `position` (ignored when out of range).
    void moveEditorTo(int position);

    /// From the first try to run on, validation messages show as the form changes.
    void setShowValidation(bool show) { m_showValidation = show; }
    QString validationText() const;
    void setValidationText(const QString &text);
    QString statusText() const;
    void setStatusText(const QString &text);
    /// The status line and the Explain and Stop buttons, for the tab's RunController.
    QLabel *statusLabel() const { return m_statusLabel; }
    /// Explain, Stop, the progress bar and the status line, to be laid out by the tab below the
    /// form (which scrolls); not part of the form's own layout.
    QWidget *runBar() const { return m_runBar; }
    QPushButton *runButton() const { return m_runButton; }
    QPushButton *stopButton() const { return m_stopButton; }
    /// The busy bar, shown while a run is under way.
    void showProgress(bool busy);

Q_SIGNALS:
    /// Anything the request or the draft holds changed.
    void changed();
    void runRequested();
    void stopRequested();

private:
    using Entry = PromptItemListModel::Entry;
    QString tip(const QString &key) const;
    void revalidate();
    int currentRow() const;
    /// Makes row `row` current (clamped to the rows there are) and shows the list when it says
    /// more than the editor does.
    void showItems(int row);

    ParameterDescriptions m_descriptions;
    bool m_showValidation = false; // validation messages only once the user tried to run

    ModelPicker *m_modelPicker = nullptr;
    PromptItemListModel *m_items = nullptr;
    QListView *m_itemList = nullptr;
    PromptEdit *m_promptEdit = nullptr;
    QPlainTextEdit *m_targetEdit = nullptr;
    QComboBox *m_promptGranularity = nullptr;
    QLineEdit *m_delimiter = nullptr;
    QComboBox *m_targetGranularity = nullptr;
    QComboBox *m_postprocessing = nullptr;
    QCheckBox *m_normalize = nullptr;
    QDoubleSpinBox *m_controlFactor = nullptr;
    QCheckBox *m_useThreshold = nullptr;
    QDoubleSpinBox *m_contextualControlThreshold = nullptr;
    QCheckBox *m_controlLogAdditive = nullptr;
    QComboBox *m_controlTokenOverlap = nullptr;
    QLabel *m_validationLabel = nullptr;
    QPushButton *m_runButton = nullptr;
    QPushButton *m_stopButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_statusLabel = nullptr;
    QWidget *m_runBar = nullptr;
};

} // namespace ui
