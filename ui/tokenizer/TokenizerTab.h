// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/TokenSpans.h"
#include "core/net/ApiClient.h"
#include "ui/common/PlaygroundTab.h"

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QTextEdit;

namespace ui {

class ModelPicker;
class RunController;
class TokenTableModel;

/// `/tokenize` and `/detokenize` (spec: TokenizationRequest, DetokenizationRequest): text in, its
/// tokens drawn over the text in alternating colours (hover for the id) with a table of index,
/// token, id and characters, and the counts; token ids in, text out. Prompt editors' "Show tokens"
/// lands here through showTokens(). Tokenize with Ctrl+Enter, Stop with Esc.
class TokenizerTab : public PlaygroundTab
{
    Q_OBJECT
public:
    explicit TokenizerTab(core::ApiClient *client, QWidget *parent = nullptr); // client not owned
    ~TokenizerTab() override;
    void setText(const QString &text);
    void setModel(const QString &model);
    /// "Show tokens" from another tab: `text` (and `model` when not empty) in, then tokenize.
    void showTokens(const QString &text, const QString &model);
    bool isBusy() const;

    /// The tokens on show (byte-level strings as /tokenize gives them), their ids and spans.
    QStringList tokens() const { return m_tokens; }
    QList<qint64> tokenIds() const { return m_ids; }
    QList<core::analysis::TokenSpan> spans() const { return m_spans; }
    /// The text the tokens on show belong to.
    QString tokenizedText() const { return m_tokenizedText; }
    /// Index of the token under `position` (a UTF-16 index of the tokenized text), or -1.
    int tokenAt(int position) const;
    QString statusText() const;
    QString countText() const;
    QString detokenizedText() const;
    QTextEdit *tokenView() const { return m_view; }
    QTableView *table() const { return m_table; }
    QLineEdit *idsEdit() const { return m_idsEdit; }

    /// Reads token ids from "1, 2 3", "[1,2,3]" or one per line; nullopt with `error` naming the
    /// first entry that is not a non-negative integer.
    static std::optional<QList<qint64>> parseIds(const QString &text, QString *error);

    // PlaygroundTab
    QString tabKey() const override { return QStringLiteral("tokenizer"); }
    core::ApiCall currentCall(QString *problem) const override;
    QVariantMap draft() const override;
    void restoreDraft(const QVariantMap &draft) override;
    void restoreRun(const core::RunRecord &run) override;
    void setRecorder(core::RunRecorder *recorder) override;
    ModelPicker *modelPicker() const override { return m_model; }
    bool canRun() const override { return true; }
    void triggerRun() override { tokenize(); }
    bool canStop() const override { return isBusy(); }
    void triggerStop() override { stop(); }
    QString openFilter() const override { return tr("Texts (*.txt *.md);;All files (*)"); }
    /// Puts the text file at `path` into the text to tokenize.
    bool openFile(const QString &path, QString *error) override
    {
        QString text;
        if (!readText(path, &text, error))
            return false;
        setText(text);
        return true;
    }

public Q_SLOTS:
    void tokenize();
    void detokenize();
    void stop();
    /// Puts the ids on show into the detokenize field.
    void useIdsForDetokenize();

Q_SIGNALS:
    void finished();
    void detokenizeFinished();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void build();
    /// The /tokenize request of the text and model on show; nullopt with `problem` set.
    std::optional<core::TokenizationRequest> request(QString *problem) const;
    void showResult(const QString &text, const core::TokenizationResponse &response);
    void onTokenized(core::ApiJob *job);
    void onDetokenized(core::ApiJob *job);

    core::ApiClient *m_client;
    RunController *m_run = nullptr; ///< /tokenize: recorded
    RunController *m_detokenize = nullptr; ///< /detokenize: a look-up, not recorded
    QString m_pendingText;
    int m_pendingIdCount = 0;

    ModelPicker *m_model = nullptr;
    QPlainTextEdit *m_input = nullptr;
    QPushButton *m_tokenizeButton = nullptr;
    QPushButton *m_stopButton = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_count = nullptr;
    QTextEdit *m_view = nullptr;
    QTableView *m_table = nullptr;
    TokenTableModel *m_tableModel = nullptr;
    QLineEdit *m_idsEdit = nullptr;
    QPushButton *m_detokenizeButton = nullptr;
    QPlainTextEdit *m_detokenized = nullptr;
    QLabel *m_detokenizeStatus = nullptr;

    QString m_tokenizedText;
    QStringList m_tokens;
    QList<qint64> m_ids;
    QList<core::analysis::TokenSpan> m_spans;
    int m_hovered = -1;
};

} // namespace ui
