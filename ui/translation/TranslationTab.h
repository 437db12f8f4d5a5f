// SPDX-License-Identifier: MIT
#pragma once

#include "core/net/ApiClient.h"
#include "ui/common/PlaygroundTab.h"

#include <QElapsedTimer>
#include <QPointer>

#include <optional>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableView;
class QTextEdit;

namespace ui {

class ModelPicker;
class RunController;
class TranslationForm;
class TranslationView;

/// `/translate` (reference/API-ENDPOINTS.md §5): source text, target language and model; the
/// translation with its overall quality score, and its segments with their own scores, coloured by
/// score, listed in a table; hovering a segment (in the translation or the table) marks its source
/// span. Swap direction; "one request per line" translates many lines with a progress bar into the
/// same table. Copy and CSV export of the table. Translate with Ctrl+Enter, Stop with Esc.
/// The tab wires a TranslationForm (parameters) to a TranslationView (texts and segments table)
/// and runs the requests.
class TranslationTab : public PlaygroundTab
{
    Q_OBJECT
public:
    explicit TranslationTab(core::ApiClient *client, QWidget *parent = nullptr); // client not owned
    ~TranslationTab() override;
    void setModels(const QList<core::ModelSettings> &models) override;
    void setRecorder(core::RunRecorder *recorder) override;

    void setSource(const QString &text);
    QString source() const;
    void setModel(const QString &model);
    /// ISO 639 code (or any text the server should see) of the target / source language.
    void setTargetLanguage(const QString &code);
    QString targetLanguage() const;
    void setSourceLanguage(const QString &code);
    QString sourceLanguage() const;
    void setLinesMode(bool perLine);
    bool isBusy() const;

    QString translation() const;
    /// The overall score on show, or nullopt.
    std::optional<double> score() const;
    QString statusText() const;
    QTableView *table() const;
    QTextEdit *translationView() const;
    QPlainTextEdit *sourceEdit() const { return m_sourceEdit; }
    /// The source range marked now (start, length in UTF-16 units), or (-1, 0).
    QPair<int, int> markedSource() const;
    /// Marks segment `index` (table row) in the translation and its span in the source.
    void highlightSegment(int index);
    /// Removes those marks (the mouse left the translation or the table).
    void clearHighlight();

    /// The table as CSV (header then rows; RFC 4180 quoting) and as tab-separated text.
    QString tableCsv() const;
    bool exportCsv(const QString &path, QString *error) const;

    /// The code in a language combo's text: "German (de)" → "de"; anything else trimmed.
    static QString languageCode(const QString &text);

    // PlaygroundTab
    QString tabKey() const override { return QStringLiteral("translation"); }
    core::ApiCall currentCall(QString *problem) const override;
    QVariantMap draft() const override;
    void restoreDraft(const QVariantMap &draft) override;
    void restoreRun(const core::RunRecord &run) override;
    ModelPicker *modelPicker() const override { return m_model; }
    bool canRun() const override { return true; }
    void triggerRun() override { translate(); }
    bool canStop() const override { return isBusy(); }
    void triggerStop() override { stop(); }
    QString openFilter() const override { return tr("Texts (*.txt *.md);;All files (*)"); }
    /// Puts the text file at `path` into the source.
    bool openFile(const QString &path, QString *error) override;

public Q_SLOTS:
    void translate();
    void stop();
    void swapDirection();
    void copyTable();
    void chooseExportFile();

Q_SIGNALS:
    /// A run (one request, or every line) ended, any way.
    void finished();

private:
    void build();
    /// The request of the text to translate now (lines mode: its first non-empty line), or
    /// nullopt with `problem` set.
    std::optional<core::TranslationRequest> request(QString *problem) const;
    core::TranslationRequest requestFor(const QString &source) const;
    void onTranslated(core::ApiJob *job);
    void startLines();
    void startLine(int row);
    void lineFinished(int row, core::TranslationJob *job);
    /// Lines mode: every line has ended; records the run and says so.
    void endLines(core::RunStatus status, const QString &answer, const QString &error);
    void setBusy(bool busy);

    core::ApiClient *m_client;
    /// One request (not lines mode): started, shown, recorded and stopped by the controller.
    QAbstractButton *exportButton() const override;
    RunController *m_run = nullptr;
    QString m_pendingText; // the source of the request running

    // Lines mode: one run of many jobs, recorded through the recorder's low-level begin/finish;
    // the lines, which are next, and how many have ended.
    QList<QPointer<core::TranslationJob>> m_jobs;
    qint64 m_runId = 0;
    QElapsedTimer m_clock;
    QStringList m_lines;
    int m_nextLine = 0;
    int m_doneLines = 0;
    int m_failedLines = 0;
    QString m_firstLineError;

    TranslationForm *m_form = nullptr;
    TranslationView *m_view = nullptr;
    // Widgets of the form and the view that the run code uses.
    ModelPicker *m_model = nullptr;
    QCheckBox *m_perLine = nullptr;
    QPlainTextEdit *m_sourceEdit = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
};

} // namespace ui
