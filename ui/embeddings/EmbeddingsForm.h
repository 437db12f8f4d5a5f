// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>
#include <QWidget>

#include <atomic>
#include <memory>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTimer;

namespace core {
class ApiClient;
class EmbeddingProvider;
} // namespace core

namespace ui {

class ModelPicker;

/// The Embeddings tab's inputs, its left column: the texts editor (pasted, opened from a TXT or
/// CSV file, or a sample set) with its summary, the provider and its parameter rows, the batch
/// sizes, the Embed / Cancel / Resume buttons, the run's progress bar and the status line. Makes
/// the provider the parameters describe; the tab starts and stops the runs.
class EmbeddingsForm : public QWidget
{
    Q_OBJECT
public:
    /// In the order of the provider box's entries (EmbeddingsTab::Provider).
    enum class Provider { Symmetric, Asymmetric, EmbeddingsV2, Gradient };

    explicit EmbeddingsForm(QWidget *parent = nullptr);

    /// Editors up to this many characters are parsed at once on the GUI thread (about 1 ms);
    /// larger ones on a worker thread.
    static constexpr int kParseAtOnce = 100'000;

    /// Texts and their labels (one label per text, empty when unlabelled), as parsed from the
    /// editor.
    struct Input
    {
        QStringList texts;
        QStringList labels;
    };

    void setTextsAndLabels(const QStringList &texts, const QStringList &labels);
    /// The editor's texts and labels as the next run would send them (parsed on the calling
    /// thread: about 50 ms for 100,000 lines; a run reads large texts with readInputLater()).
    void parseInput(QStringList *texts, QStringList *labels) const;
    /// Parses `rawText` (the editor's rawInput()) in the editor's format: one text per line, a
    /// label before a tab; texts and labels trimmed, lines without a text skipped, equal labels
    /// sharing one string. Thread-safe (touches no widget). Returns an empty Input as soon as
    /// `cancel` (may be null) is set.
    static Input parseText(QString rawText, const std::atomic<bool> *cancel = nullptr);
    /// The editor's text as QTextDocument keeps it (paragraph separators, no-break spaces), one
    /// copy without a pass over its characters: for parseText() on another thread.
    QString rawInput() const;
    /// Characters in the editor (the cost of parsing it).
    int inputSize() const;
    /// See EmbeddingsTab::importFile().
    bool importFile(
        const QString &path, const QString &textColumn, const QString &labelColumn, QString *error);
    bool loadSample(const QString &name);
    /// The provider the form describes, sending through `client`; null with `error` when a
    /// setting is missing or bad.
    std::unique_ptr<core::EmbeddingProvider> makeProvider(
        core::ApiClient *client, QString *error) const;
    void setStatus(const QString &text, bool error = false);
    QString statusText() const;

    // The inputs, for the tab's drafts, requests and runs.
    QPlainTextEdit *input() const { return m_input; }
    QComboBox *provider() const { return m_provider; }
    ModelPicker *model() const { return m_model; }
    QComboBox *compress() const { return m_compress; }
    QCheckBox *normalize() const { return m_normalize; }
    QCheckBox *thresholdOn() const { return m_thresholdOn; }
    QDoubleSpinBox *threshold() const { return m_threshold; }
    QCheckBox *logAdditive() const { return m_logAdditive; }
    QSpinBox *dimensions() const { return m_dimensions; }
    QSpinBox *chunkSize() const { return m_chunkSize; }
    QSpinBox *inFlight() const { return m_inFlight; }
    QLineEdit *gradientUrl() const { return m_gradientUrl; }
    QLineEdit *gradientWorkspace() const { return m_gradientWorkspace; }
    QPushButton *embedButton() const { return m_embedButton; }
    QPushButton *cancelButton() const { return m_cancelButton; }
    QPushButton *resumeButton() const { return m_resumeButton; }
    QProgressBar *progress() const { return m_progress; }
    QLabel *statusLabel() const { return m_status; } ///< the tab's one status line
    /// Embed, Cancel, Resume, the progress and the status line, for the tab to place where they
    /// stay in view (below the form, which scrolls on a small screen).
    QWidget *runPanel() const { return m_runPanel; }

Q_SIGNALS:
    /// The texts or the provider changed.
    void draftChanged();
    /// The texts (or their labels) were edited, replaced or loaded.
    void textsChanged();

private:
    QWidget *buildTexts();
    QWidget *buildProvider();
    void updateProviderWidgets();
    /// "N texts, M labels" under the editor.
    void showSummary(const Input &input);
    /// Counts the editor's texts and labels on a worker thread for showSummary().
    void summarizeLater();
    void openFile();

    QComboBox *m_provider = nullptr;
    ModelPicker *m_model = nullptr;
    QComboBox *m_compress = nullptr;
    QCheckBox *m_normalize = nullptr;
    QCheckBox *m_thresholdOn = nullptr;
    QDoubleSpinBox *m_threshold = nullptr;
    QCheckBox *m_logAdditive = nullptr;
    QSpinBox *m_dimensions = nullptr;
    QSpinBox *m_chunkSize = nullptr;
    QSpinBox *m_inFlight = nullptr;
    QWidget *m_aaOptions = nullptr;
    QWidget *m_v2Options = nullptr;
    QWidget *m_gradientOptions = nullptr;
    QLineEdit *m_gradientUrl = nullptr;
    QLineEdit *m_gradientWorkspace = nullptr;
    QLineEdit *m_gradientToken = nullptr;
    QLineEdit *m_gradientQueryPrefix = nullptr;

    QPlainTextEdit *m_input = nullptr;
    QLabel *m_inputSummary = nullptr;
    QTimer *m_summaryTimer = nullptr;
    int m_summaryGeneration
        = 0; ///< of the editor's text: a late summary of an older one is dropped
    QPushButton *m_embedButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPushButton *m_resumeButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QWidget *m_runPanel = nullptr;
};

} // namespace ui
