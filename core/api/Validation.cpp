// SPDX-License-Identifier: MIT
#include "core/api/Validation.h"

namespace core {

namespace {

/// Collects the first problem of one request.
class Check
{
public:
    explicit Check(QString root)
        : m_root(std::move(root))
    {}

    const QString &error() const { return m_error; }
    bool failed() const { return !m_error.isEmpty(); }

    void fail(const QString &field, const QString &message)
    {
        if (m_error.isEmpty())
            m_error = QStringLiteral("%1: field \"%2\": %3").arg(m_root, field, message);
    }

    template<class T>
    void atLeast(const std::optional<T> &value, const QString &field, T minimum)
    {
        if (value && *value < minimum)
            fail(field, QStringLiteral("must be at least %1, got %2").arg(minimum).arg(*value));
    }

    template<class T>
    void between(const std::optional<T> &value, const QString &field, T minimum, T maximum)
    {
        if (value && (*value < minimum || *value > maximum))
            fail(field,
                QStringLiteral("must be between %1 and %2, got %3")
                    .arg(minimum)
                    .arg(maximum)
                    .arg(*value));
    }

    void notEmpty(const QString &value, const QString &field)
    {
        if (value.isEmpty())
            fail(field, QStringLiteral("must not be empty"));
    }

    void prompt(const Prompt &prompt, const QString &field = QStringLiteral("prompt"))
    {
        if (failed())
            return;
        if (prompt.isPlainText())
            return;
        if (prompt.items.isEmpty()) {
            fail(field, QStringLiteral("must contain at least one item"));
            return;
        }
        for (qsizetype i = 0; i < prompt.items.size() && !failed(); ++i) {
            const PromptItem &item = prompt.items.at(i);
            const QString at = QStringLiteral("%1[%2]").arg(field).arg(i);
            if (item.type == PromptItem::Type::Image) {
                if (item.size && *item.size <= 0)
                    fail(at + QStringLiteral(".size"),
                        QStringLiteral("must be positive, got %1").arg(*item.size));
                if ((item.x || item.y || item.size) && !(item.x && item.y && item.size))
                    fail(at, QStringLiteral("a crop needs all of x, y and size"));
            }
            for (qsizetype k = 0; item.textControls && k < item.textControls->size(); ++k) {
                const TextControl &control = item.textControls->at(k);
                const QString c = QStringLiteral("%1.controls[%2]").arg(at).arg(k);
                atLeast<int>(control.start, c + QStringLiteral(".start"), 0);
                atLeast<int>(control.length, c + QStringLiteral(".length"), 0);
                atLeast<double>(control.factor, c + QStringLiteral(".factor"), 0.0);
            }
            for (qsizetype k = 0; item.imageControls && k < item.imageControls->size(); ++k) {
                const ImageControl &control = item.imageControls->at(k);
                const QString c = QStringLiteral("%1.controls[%2]").arg(at).arg(k);
                atLeast<double>(control.factor, c + QStringLiteral(".factor"), 0.0);
                between<double>(control.rect.left, c + QStringLiteral(".rect.left"), 0.0, 1.0);
                between<double>(control.rect.top, c + QStringLiteral(".rect.top"), 0.0, 1.0);
                between<double>(control.rect.width, c + QStringLiteral(".rect.width"), 0.0, 1.0);
                between<double>(control.rect.height, c + QStringLiteral(".rect.height"), 0.0, 1.0);
            }
            for (qsizetype k = 0; item.tokenControls && k < item.tokenControls->size(); ++k) {
                const TokenControl &control = item.tokenControls->at(k);
                const QString c = QStringLiteral("%1.controls[%2]").arg(at).arg(k);
                atLeast<int>(control.index, c + QStringLiteral(".index"), 0);
                atLeast<double>(control.factor, c + QStringLiteral(".factor"), 0.0);
            }
        }
    }

    void controls(const ControlOptions &options)
    {
        between(options.contextualControlThreshold,
            QStringLiteral("contextual_control_threshold"),
            0.0,
            1.0);
    }

private:
    QString m_root;
    QString m_error;
};

} // namespace

QString validate(const Prompt &prompt, const QString &root, const QString &field)
{
    Check check(root);
    check.prompt(prompt, field);
    return check.error();
}

QString validate(const CompletionRequest &r)
{
    Check check(QStringLiteral("complete"));
    check.notEmpty(r.model, QStringLiteral("model"));
    check.prompt(r.prompt);
    // maximum_tokens 0 only makes sense with echo (log-probabilities of the prompt alone).
    check.atLeast(
        r.maximumTokens, QStringLiteral("maximum_tokens"), r.echo.value_or(false) ? 0 : 1);
    check.atLeast(r.minimumTokens, QStringLiteral("minimum_tokens"), 0);
    if (r.minimumTokens && r.maximumTokens && *r.minimumTokens > *r.maximumTokens)
        check.fail(QStringLiteral("minimum_tokens"),
            QStringLiteral("must not exceed maximum_tokens (%1), got %2")
                .arg(*r.maximumTokens)
                .arg(*r.minimumTokens));
    check.atLeast(r.temperature, QStringLiteral("temperature"), 0.0);
    check.atLeast(r.topK, QStringLiteral("top_k"), 0);
    check.between(r.topP, QStringLiteral("top_p"), 0.0, 1.0);
    check.atLeast(r.n, QStringLiteral("n"), 1);
    check.between(r.bestOf, QStringLiteral("best_of"), 1, 100);
    if (r.bestOf && r.n.value_or(1) > 1 && *r.bestOf <= r.n.value_or(1))
        check.fail(QStringLiteral("best_of"),
            QStringLiteral("must be greater than n (%1), got %2")
                .arg(r.n.value_or(1))
                .arg(*r.bestOf));
    if (r.bestOf && r.n.value_or(1) > *r.bestOf)
        check.fail(QStringLiteral("n"),
            QStringLiteral("must not exceed best_of (%1), got %2")
                .arg(*r.bestOf)
                .arg(r.n.value_or(1)));
    check.between(r.logProbs, QStringLiteral("log_probs"), 0, 20);
    check.atLeast(r.sequencePenaltyMinLength, QStringLiteral("sequence_penalty_min_length"), 1);
    if (r.stopSequences) {
        for (const QString &stop : *r.stopSequences)
            if (stop.isEmpty())
                check.fail(QStringLiteral("stop_sequences"),
                    QStringLiteral("must not contain an empty string"));
    }
    if (r.steeringConcepts && r.steeringConcepts->size() > 1)
        check.fail(QStringLiteral("steering_concepts"),
            QStringLiteral("only one steering concept at a time is supported, got %1")
                .arg(r.steeringConcepts->size()));
    check.between(
        r.contextualControlThreshold, QStringLiteral("contextual_control_threshold"), 0.0, 1.0);
    return check.error();
}

QString validate(const ChatRequest &r)
{
    Check check(QStringLiteral("chat/completions"));
    check.notEmpty(r.model, QStringLiteral("model"));
    if (r.messages.isEmpty())
        check.fail(QStringLiteral("messages"), QStringLiteral("must contain at least one message"));
    for (qsizetype i = 0; i < r.messages.size(); ++i) {
        const ChatMessage &m = r.messages.at(i);
        static const QStringList roles{QStringLiteral("system"),
            QStringLiteral("user"),
            QStringLiteral("assistant"),
            QStringLiteral("tool")};
        if (!roles.contains(m.role))
            check.fail(QStringLiteral("messages[%1].role").arg(i),
                QStringLiteral("\"%1\" is not one of: %2")
                    .arg(m.role, roles.join(QStringLiteral(", "))));
        if (m.role == QLatin1String("tool") && !m.toolCallId)
            check.fail(QStringLiteral("messages[%1].tool_call_id").arg(i),
                QStringLiteral("is required for a message of role \"tool\""));
    }
    check.atLeast(r.maxTokens, QStringLiteral("max_tokens"), 1);
    check.atLeast(r.maximumTokens, QStringLiteral("maximum_tokens"), 1);
    check.atLeast(r.n, QStringLiteral("n"), 1);
    check.between(r.temperature, QStringLiteral("temperature"), 0.0, 2.0);
    check.between(r.topP, QStringLiteral("top_p"), 0.0, 1.0);
    check.atLeast(r.topK, QStringLiteral("top_k"), 0);
    check.between(r.frequencyPenalty, QStringLiteral("frequency_penalty"), -2.0, 2.0);
    check.between(r.presencePenalty, QStringLiteral("presence_penalty"), -2.0, 2.0);
    check.between(r.topLogprobs, QStringLiteral("top_logprobs"), 0, 20);
    if (r.topLogprobs && *r.topLogprobs > 0 && !r.logprobs.value_or(false))
        check.fail(QStringLiteral("top_logprobs"), QStringLiteral("needs \"logprobs\": true"));
    if (r.logitBias) {
        for (auto it = r.logitBias->cbegin(); it != r.logitBias->cend(); ++it)
            check.between<double>(
                it.value(), QStringLiteral("logit_bias.%1").arg(it.key()), -100.0, 100.0);
    }
    if (r.tools && r.tools->size() > 128)
        check.fail(QStringLiteral("tools"),
            QStringLiteral("at most 128 tools are allowed, got %1").arg(r.tools->size()));
    if (r.parallelToolCalls)
        check.fail(QStringLiteral("parallel_tool_calls"), QStringLiteral("is not supported"));
    if (r.steeringConcepts && r.steeringConcepts->size() > 1)
        check.fail(QStringLiteral("steering_concepts"),
            QStringLiteral("only one steering concept at a time is supported, got %1")
                .arg(r.steeringConcepts->size()));
    return check.error();
}

QString validate(const ExplanationRequest &r)
{
    Check check(QStringLiteral("explain"));
    check.notEmpty(r.model, QStringLiteral("model"));
    check.prompt(r.prompt);
    if (r.target && r.target->isEmpty())
        check.fail(QStringLiteral("target"), QStringLiteral("must not be empty"));
    check.atLeast(r.controlFactor, QStringLiteral("control_factor"), 0.0);
    if (r.promptGranularity && r.promptGranularity->type == QLatin1String("custom")
        && r.promptGranularity->delimiter.value_or(QString()).isEmpty())
        check.fail(QStringLiteral("prompt_granularity.delimiter"),
            QStringLiteral("a custom granularity needs a delimiter"));
    check.controls(r);
    return check.error();
}

QString validate(const EvaluationRequest &r)
{
    Check check(QStringLiteral("evaluate"));
    check.notEmpty(r.model, QStringLiteral("model"));
    check.prompt(r.prompt);
    check.notEmpty(r.completionExpected, QStringLiteral("completion_expected"));
    check.controls(r);
    return check.error();
}

QString validate(const SemanticEmbeddingRequest &r)
{
    Check check(QStringLiteral("semantic_embed"));
    check.prompt(r.prompt);
    check.controls(r);
    return check.error();
}

QString validate(const BatchSemanticEmbeddingRequest &r)
{
    Check check(QStringLiteral("batch_semantic_embed"));
    if (r.prompts.isEmpty())
        check.fail(QStringLiteral("prompts"), QStringLiteral("must contain at least one prompt"));
    if (r.prompts.size() > kMaxPromptsPerBatch)
        check.fail(QStringLiteral("prompts"),
            QStringLiteral("at most %1 prompts are allowed, got %2")
                .arg(kMaxPromptsPerBatch)
                .arg(r.prompts.size()));
    for (qsizetype i = 0; i < r.prompts.size() && !check.failed(); ++i)
        check.prompt(r.prompts.at(i), QStringLiteral("prompts[%1]").arg(i));
    check.controls(r);
    return check.error();
}

QString validate(const InstructableEmbeddingRequest &r)
{
    Check check(QStringLiteral("instructable_embed"));
    check.prompt(r.input, QStringLiteral("input"));
    check.controls(r);
    return check.error();
}

QString validate(const EmbeddingRequest &r)
{
    Check check(QStringLiteral("embed"));
    check.notEmpty(r.model, QStringLiteral("model"));
    check.prompt(r.prompt);
    if (r.layers && r.layers->isEmpty())
        check.fail(QStringLiteral("layers"), QStringLiteral("must name at least one layer"));
    if (r.pooling) {
        static const QStringList allowed{QStringLiteral("mean"),
            QStringLiteral("max"),
            QStringLiteral("last_token"),
            QStringLiteral("abs_max"),
            QStringLiteral("weighted_mean")};
        for (const QString &pooling : *r.pooling)
            if (!allowed.contains(pooling))
                check.fail(QStringLiteral("pooling"),
                    QStringLiteral("\"%1\" is not one of: %2")
                        .arg(pooling, allowed.join(QStringLiteral(", "))));
    }
    check.controls(r);
    return check.error();
}

QString validate(const EmbeddingV2Request &r)
{
    Check check(QStringLiteral("embeddings"));
    check.notEmpty(r.model, QStringLiteral("model"));
    if (r.input.count() == 0)
        check.fail(QStringLiteral("input"), QStringLiteral("must not be empty"));
    check.atLeast(r.dimensions, QStringLiteral("dimensions"), 1);
    return check.error();
}

QString validate(const RerankRequest &r)
{
    Check check(QStringLiteral("rerank"));
    check.notEmpty(r.query, QStringLiteral("query"));
    if (r.documents.isEmpty())
        check.fail(
            QStringLiteral("documents"), QStringLiteral("must contain at least one document"));
    check.atLeast(r.topN, QStringLiteral("top_n"), 1);
    return check.error();
}

QString validate(const TranslationRequest &r)
{
    Check check(QStringLiteral("translate"));
    check.notEmpty(r.model, QStringLiteral("model"));
    check.notEmpty(r.source, QStringLiteral("source"));
    check.notEmpty(r.targetLanguage, QStringLiteral("target_language"));
    return check.error();
}

QString validate(const CreateSteeringConceptRequest &r)
{
    Check check(QStringLiteral("steering_concepts"));
    if (r.examples.isEmpty())
        check.fail(QStringLiteral("examples"), QStringLiteral("must contain at least one example"));
    for (qsizetype i = 0; i < r.examples.size(); ++i) {
        check.notEmpty(r.examples.at(i).negative, QStringLiteral("examples[%1].negative").arg(i));
        check.notEmpty(r.examples.at(i).positive, QStringLiteral("examples[%1].positive").arg(i));
    }
    return check.error();
}

} // namespace core
