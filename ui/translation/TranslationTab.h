// SPDX-License-Identifier: MIT
#pragma once

#include "core/net/ApiClient.h"
#include "ui/common/PlaygroundTab.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QTextEdit;

namespace ui {

class ModelPicker;

/// `/translate` (reference/API-ENDPOINTS.md §5): source text, target language and model; the
/// translation with its overall quality score, and its segments with their own scores, coloured by
/// score, listed in a table; hovering a segment (in the translation or the table) marks its source
/// span. Swap direction; "one request per line" translates many lines with a progress bar into the
/// same table. Copy and CSV export of the table. Translate with Ctrl+Enter, Stop with Esc.
class TranslationTab : public PlaygroundTab
{
    Q_OBJECT
public:
    explicit TranslationTab(core::ApiClient *client, QWidget *parent = nullptr); // client not owned
    ~TranslationTab() override;
    void setModels(const QList<core::ModelSettings> &models) override;
    void setRecorder(core::RunRecorder *recorder) override { m_recorder = recorder; }

    void setSource(const QString &text);
    QString source() const;
    void setModel(const QString &model);
    /// ISO 639 code (or any text the server should see) of the target / source language.
    void setTargetLanguage(const QString &code);
    QString targetLanguage() const;
    void setSourceLanguage(const QString &code);
    QString sourceLanguage() const;
    void setLinesMode(bool perLine);
    bool isBusy() const { return !m_jobs.isEmpty(); }

    QString translation() const;
    /// The overall score on show, or nullopt.
    std::optional<double> score() const { return m_score; }
    QString statusText() const;
    QTableWidget *table() const { return m_table; }
    QTextEdit *translationView() const { return m_translationView; }
    QPlainTextEdit *sourceEdit() const { return m_sourceEdit; }
    /// The source range marked now (start, length in UTF-16 units), or (-1, 0).
    QPair<int, int> markedSource() const { return m_marked; }
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
    /// The request the tab would send now. False with `error` set when the input is not valid.
    bool currentRequest(QString *endpoint, QJsonObject *body, QString *error) const;

public Q_SLOTS:
    void translate();
    void stop();
    void swapDirection();
    void copyTable();
    void chooseExportFile();

Q_SIGNALS:
    /// A run (one request, or every line) ended, any way.
    void finished();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QJsonObject draftJson() const;
    void restoreDraftJson(const QJsonObject &draft);
    struct Segment
    {
        QString source;
        QString translation;
        double score = 0;
        bool scored = false;       // the answer had a score (lines mode: a line may fail)
        int sourceStart = -1;      // in the source editor
        int translationStart = -1; // in the translation view
    };
    void build();
    void showResponse(const QString &source, const core::TranslationResponse &response);
    /// Fills each scored segment's characters in the translation view with its score colour.
    void fillSegments();
    void startLine(int row);
    void lineFinished(int row, core::TranslationJob *job);
    void finishRun(core::RunStatus status);
    void setBusy(bool busy);
    core::TranslationRequest requestFor(const QString &source) const;

    core::ApiClient *m_client;
    core::RunRecorder *m_recorder = nullptr;
    QList<QPointer<core::TranslationJob>> m_jobs;
    qint64 m_runId = 0;
    QElapsedTimer m_clock;

    // Lines mode: the lines, which are next, and how many have ended.
    QStringList m_lines;
    int m_nextLine = 0;
    int m_doneLines = 0;
    int m_failedLines = 0;
    QString m_firstLineError;

    ModelPicker *m_model = nullptr;
    QComboBox *m_from = nullptr;
    QComboBox *m_to = nullptr;
    QCheckBox *m_perLine = nullptr;
    QPushButton *m_translateButton = nullptr;
    QPushButton *m_stopButton = nullptr;
    QPlainTextEdit *m_sourceEdit = nullptr;
    QTextEdit *m_translationView = nullptr;
    QLabel *m_scoreLabel = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QTableWidget *m_table = nullptr;

    QList<Segment> m_segments;
    std::optional<double> m_score;
    QPair<int, int> m_marked{-1, 0};
};

} // namespace ui
