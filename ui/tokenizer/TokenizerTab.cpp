// SPDX-License-Identifier: MIT
#include "ui/tokenizer/TokenizerTab.h"

#include "ui/common/ErrorText.h"
#include "ui/common/ModelPicker.h"
#include "ui/common/PresenterHint.h"
#include "ui/common/RunController.h"
#include "ui/common/Shortcuts.h"
#include "ui/common/TextHit.h"
#include "ui/common/Theme.h"

#include <QAbstractTableModel>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHelpEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMouseEvent>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QTableView>
#include <QTextBlock>
#include <QTextEdit>
#include <QToolTip>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ui {

namespace {

/// Two fills that tell neighbouring tokens apart in every common colour-vision deficiency (blue
/// and orange: Palette::tokenFills), with the text colour Palette::textOn picks for them.
QColor tokenFill(int index)
{
    return Palette::current().tokenFills[index % 2];
}

/// A token's text with its white space made visible ("·hello", "↵"); a token that is part of a
/// multi-byte character shows its bytes in hex ("⟨C3⟩").
QString visibleText(const QByteArray &bytes)
{
    QString text = QString::fromUtf8(bytes);
    if (text.contains(QChar::ReplacementCharacter) && !bytes.contains("\xEF\xBF\xBD")) {
        QStringList hex;
        for (const char b : bytes)
            hex.append(QString::number(uchar(b), 16).toUpper().rightJustified(2, u'0'));
        return u"⟨%1⟩"_s.arg(hex.join(u' '));
    }
    text.replace(u' ', u'·');
    text.replace(u'\n', u'↵');
    text.replace(u'\t', u'→');
    return text;
}

/// Every token's characters in `document` on its alternating fill, in one edit block (again after a
/// theme change).
void fillTokens(QTextDocument *document, const QList<core::analysis::TokenSpan> &spans)
{
    QTextCursor cursor(document);
    cursor.beginEditBlock();
    for (int i = 0; i < spans.size(); ++i) {
        const core::analysis::TokenSpan &span = spans.at(i);
        if (span.start < 0 || span.length == 0)
            continue;
        cursor.setPosition(span.start);
        cursor.setPosition(span.start + span.length, QTextCursor::KeepAnchor);
        QTextCharFormat format;
        format.setBackground(tokenFill(i));
        format.setForeground(Palette::current().textOn(tokenFill(i)));
        cursor.mergeCharFormat(format);
    }
    cursor.endEditBlock();
}

} // namespace

/// Rows: the tokens on show. Columns: index, text (white space visible), /tokenize's byte-level
/// form, id.
class TokenTableModel : public QAbstractTableModel
{
public:
    using QAbstractTableModel::QAbstractTableModel;
    void setTokens(const QStringList &tokens, const QList<qint64> &ids)
    {
        beginResetModel();
        m_tokens = tokens;
        m_ids = ids;
        m_text.clear();
        m_text.reserve(tokens.size());
        for (const QString &t : tokens)
            m_text.append(visibleText(core::analysis::byteLevelBytes(t)));
        endResetModel();
    }
    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(std::max(m_tokens.size(), m_ids.size()));
    }
    int columnCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : 4;
    }
    QVariant data(const QModelIndex &index, int role) const override
    {
        const int row = index.row();
        if (role == Qt::TextAlignmentRole && (index.column() == 0 || index.column() == 3))
            return int(Qt::AlignRight | Qt::AlignVCenter);
        if (role == Qt::BackgroundRole && index.column() == 1)
            return tokenFill(row);
        if (role == Qt::ForegroundRole && index.column() == 1)
            return Palette::current().textOn(tokenFill(row));
        if (role != Qt::DisplayRole)
            return {};
        switch (index.column()) {
        case 0:
            return row;
        case 1:
            return row < m_text.size() ? m_text.at(row) : QString();
        case 2:
            return row < m_tokens.size() ? m_tokens.at(row) : QString();
        default:
            return row < m_ids.size() ? QVariant(m_ids.at(row)) : QVariant();
        }
    }
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
            return {};
        static const QStringList names{TokenizerTab::tr("#"),
            TokenizerTab::tr("text"),
            TokenizerTab::tr("tokens"),
            TokenizerTab::tr("token_ids")};
        return names.value(section);
    }

private:
    QStringList m_tokens;
    QList<qint64> m_ids;
    QStringList m_text;
};

TokenizerTab::TokenizerTab(core::ApiClient *client, QWidget *parent)
    : PlaygroundTab(parent)
    , m_client(client)
{
    build();
    m_run = new RunController(tabKey(), this);
    watchRun(m_run);
    m_run->setStatusLabel(m_status);
    m_run->setButtons(m_tokenizeButton, m_stopButton, false);
    connect(m_run, &RunController::ended, this, &TokenizerTab::onTokenized);
    connect(m_run, &RunController::finished, this, &TokenizerTab::finished);
    m_detokenize = new RunController(tabKey(), this);
    watchRun(m_detokenize);
    m_detokenize->setStatusLabel(m_detokenizeStatus);
    m_detokenize->setButtons(m_detokenizeButton, m_stopButton, false);
    connect(m_detokenize, &RunController::ended, this, &TokenizerTab::onDetokenized);
    connect(m_detokenize, &RunController::finished, this, &TokenizerTab::detokenizeFinished);
    // Stop stays on while either job runs.
    const auto updateStop = [this] {
        m_stopButton->setEnabled(isBusy());
    };
    connect(m_run, &RunController::busyChanged, this, updateStop);
    connect(m_detokenize, &RunController::busyChanged, this, updateStop);
    addRunStopShortcuts(this, &TokenizerTab::tokenize, &TokenizerTab::stop);
}

TokenizerTab::~TokenizerTab() = default;

void TokenizerTab::setRecorder(core::RunRecorder *recorder)
{
    m_run->setRecorder(recorder);
}

bool TokenizerTab::isBusy() const
{
    return m_run->isBusy() || m_detokenize->isBusy();
}

void TokenizerTab::build()
{
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Model"), this));
    m_model = new ModelPicker(ModelPicker::Capability::Any, u"luminous-base"_s, this);
    m_model->setObjectName(u"model"_s);
    m_model->setToolTip(tr(
        "Every model has its own tokenizer: the same text gives other tokens on another model."));
    top->addWidget(m_model);
    m_tokenizeButton = new QPushButton(tr("Tokenize"), this);
    m_tokenizeButton->setObjectName(u"tokenize"_s);
    hideInPresenterMode(m_tokenizeButton); // the presenter bar's Run and Stop do it
    m_tokenizeButton->setToolTip(tr("POST /tokenize (Ctrl+Enter)"));
    m_tokenizeButton->setDefault(true);
    top->addWidget(m_tokenizeButton);
    m_stopButton = new QPushButton(tr("Stop"), this);
    hideInPresenterMode(m_stopButton);
    m_stopButton->setToolTip(tr("Esc"));
    m_stopButton->setEnabled(false);
    top->addWidget(m_stopButton);
    m_status = new QLabel(this);
    m_status->setObjectName(u"status"_s);
    top->addWidget(m_status, 1);
    layout->addLayout(top);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("tokenizerSplitter"));
    auto *left = new QWidget(split);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(new QLabel(tr("<b>Text</b>"), left));
    m_input = new QPlainTextEdit(left);
    m_input->setObjectName(u"text"_s);
    m_input->setPlaceholderText(
        tr("Type or paste text, then Tokenize (Ctrl+Enter). In any prompt editor, "
           "right-click → Show tokens (Ctrl+Shift+T) brings its text here."));
    leftLayout->addWidget(m_input, 2);
    leftLayout->addWidget(
        new QLabel(tr("<b>Tokens over the text</b> — hover a token for its id"), left));
    m_view = new QTextEdit(left);
    m_view->setObjectName(u"tokenView"_s);
    m_view->setReadOnly(true);
    m_view->setMouseTracking(true);
    m_view->viewport()->setMouseTracking(true);
    m_view->viewport()->installEventFilter(this);
    m_view->setPlaceholderText(tr("No tokens yet."));
    connect(themeNotifier(), &ThemeNotifier::changed, this, [this] {
        if (!m_spans.isEmpty() && m_view->toPlainText() == m_tokenizedText)
            fillTokens(m_view->document(), m_spans);
    });
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(mono.pointSizeF() * 1.1);
    m_view->setFont(mono);
    leftLayout->addWidget(m_view, 3);
    m_count = new QLabel(left);
    m_count->setObjectName(u"count"_s);
    m_count->setTextInteractionFlags(Qt::TextSelectableByMouse);
    leftLayout->addWidget(m_count);

    auto *right = new QWidget(split);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_tableModel = new TokenTableModel(this);
    m_table = new QTableView(right);
    m_table->setObjectName(u"tokens"_s);
    m_table->setModel(m_tableModel);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    // Column widths from the first rows only: measuring 100,000 tokens would stall the GUI.
    m_table->horizontalHeader()->setResizeContentsPrecision(200);
    m_table->setWordWrap(false);
    rightLayout->addWidget(m_table, 1);

    auto *detokenizeRow = new QHBoxLayout;
    m_idsEdit = new QLineEdit(right);
    m_idsEdit->setObjectName(u"token_ids"_s);
    m_idsEdit->setPlaceholderText(tr("token ids: 1, 2, 3 or [1,2,3]"));
    detokenizeRow->addWidget(m_idsEdit, 1);
    auto *useIds = new QPushButton(tr("Use ids above"), right);
    useIds->setToolTip(tr("Copy the ids of the tokens on show into this field"));
    detokenizeRow->addWidget(useIds);
    m_detokenizeButton = new QPushButton(tr("Detokenize"), right);
    m_detokenizeButton->setObjectName(u"detokenize"_s);
    m_detokenizeButton->setToolTip(tr("POST /detokenize (Enter in the ids field)"));
    detokenizeRow->addWidget(m_detokenizeButton);
    rightLayout->addWidget(new QLabel(tr("<b>Token ids → text</b>"), right));
    rightLayout->addLayout(detokenizeRow);
    m_detokenized = new QPlainTextEdit(right);
    m_detokenized->setObjectName(u"detokenized"_s);
    m_detokenized->setReadOnly(true);
    m_detokenized->setPlaceholderText(tr("The text of the ids appears here."));
    m_detokenized->setMaximumHeight(110);
    rightLayout->addWidget(m_detokenized);
    m_detokenizeStatus = new QLabel(right);
    m_detokenizeStatus->setObjectName(u"detokenizeStatus"_s);
    m_detokenizeStatus->setWordWrap(true);
    rightLayout->addWidget(m_detokenizeStatus);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);

    connect(m_tokenizeButton, &QPushButton::clicked, this, &TokenizerTab::tokenize);
    connect(m_stopButton, &QPushButton::clicked, this, &TokenizerTab::stop);
    connect(m_detokenizeButton, &QPushButton::clicked, this, &TokenizerTab::detokenize);
    connect(m_idsEdit, &QLineEdit::returnPressed, this, &TokenizerTab::detokenize);
    connect(useIds, &QPushButton::clicked, this, &TokenizerTab::useIdsForDetokenize);
    connect(m_input, &QPlainTextEdit::textChanged, this, &TokenizerTab::draftChanged);
    connect(m_idsEdit, &QLineEdit::textChanged, this, &TokenizerTab::draftChanged);
    connect(m_model, &QComboBox::currentTextChanged, this, &TokenizerTab::draftChanged);
    connect(m_table->selectionModel(),
        &QItemSelectionModel::currentRowChanged,
        this,
        [this](const QModelIndex &current) {
            const int row = current.isValid() ? current.row() : -1;
            if (row < 0 || row >= m_spans.size() || m_spans.at(row).start < 0) {
                m_view->setExtraSelections({});
                return;
            }
            QTextEdit::ExtraSelection selection;
            selection.cursor = QTextCursor(m_view->document());
            selection.cursor.setPosition(m_spans.at(row).start);
            selection.cursor.setPosition(
                m_spans.at(row).start + m_spans.at(row).length, QTextCursor::KeepAnchor);
            selection.format.setBackground(Palette::current().tokenCurrent);
            selection.format.setForeground(
                Palette::current().textOn(Palette::current().tokenCurrent));
            m_view->setExtraSelections({selection});
            QTextCursor visible = selection.cursor;
            visible.clearSelection();
            m_view->setTextCursor(visible);
            m_view->ensureCursorVisible();
        });
}

void TokenizerTab::setText(const QString &text)
{
    m_input->setPlainText(text);
}

void TokenizerTab::setModel(const QString &model)
{
    m_model->setCurrentText(model);
}

void TokenizerTab::showTokens(const QString &text, const QString &model)
{
    if (!model.trimmed().isEmpty())
        setModel(model.trimmed());
    setText(text);
    tokenize();
}

std::optional<core::TokenizationRequest> TokenizerTab::request(QString *problem) const
{
    if (m_model->model().isEmpty()) {
        *problem = tr("Choose a model: tokens depend on it.");
        return std::nullopt;
    }
    if (m_input->toPlainText().isEmpty()) {
        *problem = tr("Type some text to tokenize.");
        return std::nullopt;
    }
    core::TokenizationRequest request;
    request.model = m_model->model();
    request.prompt = m_input->toPlainText();
    return request;
}

core::ApiCall TokenizerTab::currentCall(QString *problem) const
{
    const std::optional<core::TokenizationRequest> r = request(problem);
    return r ? core::ApiCall::of(*r) : core::ApiCall();
}

void TokenizerTab::tokenize()
{
    QString problem;
    const std::optional<core::TokenizationRequest> r = request(&problem);
    if (!r) {
        m_run->stop();
        m_run->refuse(problem);
        return;
    }
    m_run->start(m_client->tokenize(*r), tr("Tokenizing…"));
    m_pendingText = r->prompt; // after start(): a replaced run's end may not see it
}

void TokenizerTab::onTokenized(core::ApiJob *job)
{
    if (job->state() != core::ApiJob::State::Succeeded)
        return; // the status line says Stopped or the error
    auto *tokenization = static_cast<core::TokenizationJob *>(job);
    showResult(m_pendingText, tokenization->result());
    m_run->setStatus(tr("Tokenized in %L1 ms").arg(job->elapsedMs()));
    m_run->setTokens(int(m_ids.size()));
}

void TokenizerTab::showResult(const QString &text, const core::TokenizationResponse &response)
{
    m_tokenizedText = text;
    m_tokens = response.tokens.value_or(QStringList());
    m_ids = response.tokenIds.value_or(QList<qint64>());
    int placed = 0;
    m_spans = core::analysis::tokenSpans(text, m_tokens, &placed);
    m_hovered = -1;
    m_tableModel->setTokens(m_tokens, m_ids);
    m_table->resizeColumnsToContents();

    // The text with every token's characters on an alternating fill, in one edit block.
    m_view->setExtraSelections({});
    m_view->setPlainText(text);
    fillTokens(m_view->document(), m_spans);

    const qsizetype count = std::max(m_tokens.size(), m_ids.size());
    QStringList parts{
        tr("%Ln token(s)", nullptr, int(count)), tr("%Ln character(s)", nullptr, int(text.size()))};
    if (count > 0)
        parts << tr("%L1 characters per token").arg(double(text.size()) / double(count), 0, 'f', 2);
    if (!m_spans.isEmpty() && m_spans.first().addedSpace)
        parts << tr("the tokenizer added a leading space");
    if (placed < m_tokens.size())
        parts << tr("%Ln token(s) could not be placed over the text",
            nullptr,
            int(m_tokens.size() - placed));
    if (!response.tokens)
        parts << tr("the answer has no token strings");
    m_count->setText(parts.join(u" · "_s));
}

int TokenizerTab::tokenAt(int position) const
{
    // Spans are in text order; the last one starting at or before `position` may cover it.
    int lo = 0;
    int hi = int(m_spans.size()) - 1;
    int found = -1;
    while (lo <= hi) {
        const int mid = (lo + hi) / 2;
        const core::analysis::TokenSpan &span = m_spans.at(mid);
        if (span.start >= 0 && span.start <= position) {
            found = mid;
            lo = mid + 1;
        } else {
            hi = mid - 1;
        }
    }
    while (found >= 0 && m_spans.at(found).length == 0)
        --found;
    if (found < 0 || position >= m_spans.at(found).start + m_spans.at(found).length)
        return -1;
    return found;
}

bool TokenizerTab::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport()) {
        if (event->type() == QEvent::MouseMove || event->type() == QEvent::ToolTip) {
            const QPoint pos = event->type() == QEvent::ToolTip
                ? static_cast<QHelpEvent *>(event)->pos()
                : static_cast<QMouseEvent *>(event)->position().toPoint();
            const int position = characterAt(m_view, pos);
            const int token = position < 0 ? -1 : tokenAt(position);
            if (event->type() == QEvent::ToolTip) {
                if (token < 0) {
                    QToolTip::hideText();
                } else {
                    const QString id
                        = token < m_ids.size() ? QString::number(m_ids.at(token)) : tr("(none)");
                    QToolTip::showText(static_cast<QHelpEvent *>(event)->globalPos(),
                        tr("token %1 · id %2 · %3")
                            .arg(token)
                            .arg(id, m_tokens.value(token).toHtmlEscaped()),
                        m_view->viewport());
                }
                return true;
            }
            if (token != m_hovered) {
                m_hovered = token;
                if (token >= 0) {
                    m_table->setCurrentIndex(m_tableModel->index(token, 0));
                    m_table->scrollTo(m_table->currentIndex());
                }
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

std::optional<QList<qint64>> TokenizerTab::parseIds(const QString &text, QString *error)
{
    QList<qint64> ids;
    static const QRegularExpression separators(u"[\\s,;\\[\\]]+"_s);
    for (const QString &part : text.split(separators, Qt::SkipEmptyParts)) {
        bool ok = false;
        const qint64 id = part.toLongLong(&ok);
        if (!ok || id < 0) {
            *error = tr("\"%1\" is not a token id (ids are whole numbers from 0).").arg(part);
            return std::nullopt;
        }
        ids.append(id);
    }
    if (ids.isEmpty()) {
        *error = tr("Type token ids to detokenize, e.g. 1, 2, 3.");
        return std::nullopt;
    }
    return ids;
}

void TokenizerTab::useIdsForDetokenize()
{
    QStringList parts;
    for (const qint64 id : std::as_const(m_ids))
        parts.append(QString::number(id));
    m_idsEdit->setText(parts.join(u", "_s));
}

void TokenizerTab::detokenize()
{
    QString error;
    const std::optional<QList<qint64>> ids = parseIds(m_idsEdit->text(), &error);
    if (!ids) {
        m_detokenize->stop();
        m_detokenize->refuse(error);
        return;
    }
    core::DetokenizationRequest request;
    request.model = m_model->model();
    request.tokenIds = *ids;
    m_detokenize->start(m_client->detokenize(request), tr("Detokenizing…"), false);
    m_pendingIdCount = int(ids->size());
}

void TokenizerTab::onDetokenized(core::ApiJob *job)
{
    if (job->state() != core::ApiJob::State::Succeeded)
        return;
    const QString text = static_cast<core::DetokenizationJob *>(job)->result().result;
    m_detokenized->setPlainText(text);
    m_detokenize->setStatus(tr("%Ln id(s)", nullptr, int(m_pendingIdCount)) + u" → "_s
        + tr("%Ln character(s)", nullptr, int(text.size())));
}

QString TokenizerTab::detokenizedText() const
{
    return m_detokenized->toPlainText();
}

void TokenizerTab::stop()
{
    m_run->stop();
    m_detokenize->stop();
}

QString TokenizerTab::statusText() const
{
    return m_status->text();
}

QString TokenizerTab::countText() const
{
    return m_count->text();
}

QVariantMap TokenizerTab::draft() const
{
    return {{u"model"_s, m_model->model()},
        {u"text"_s, m_input->toPlainText()},
        {u"token_ids"_s, m_idsEdit->text()}};
}

void TokenizerTab::restoreDraft(const QVariantMap &draft)
{
    if (draft.contains(u"model"_s))
        setModel(draft.value(u"model"_s).toString());
    m_input->setPlainText(draft.value(u"text"_s).toString());
    m_idsEdit->setText(draft.value(u"token_ids"_s).toString());
}

void TokenizerTab::restoreRun(const core::RunRecord &run)
{
    QString error;
    const auto request = run.requestAs<core::TokenizationRequest>(&error);
    if (!request) {
        m_status->setText(tr("This run cannot be restored: %1").arg(error));
        return;
    }
    setModel(request->model);
    setText(request->prompt);
    const auto response = run.responseAs<core::TokenizationResponse>(&error);
    if (run.status == core::RunStatus::Succeeded && response) {
        showResult(request->prompt, *response);
        m_status->setText(
            tr("Restored from the history (%1).").arg(run.startedAt.toLocalTime().toString()));
    } else {
        m_status->setText(
            run.error.isEmpty() ? tr("Restored (%1).").arg(runStatusText(run.status)) : run.error);
    }
}

} // namespace ui
