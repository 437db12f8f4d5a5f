// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Models.h"
#include "sandbox/SyntheticModel.h"

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonValue>
#include <QList>
#include <QMutex>
#include <QString>

#include <atomic>

namespace sandbox {

/// What the sandbox answers to one request, before HTTP framing (SandboxServer frames it).
struct Reply
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;            ///< a whole body; empty for a stream
    bool stream = false;        ///< text/event-stream: `events`, each sent as `data: <json>\n\n`
    QList<QByteArray> events;   ///< compact JSON of each event
    bool doneMarker = false;    ///< chat streams end with `data: [DONE]`

    /// `{"error": message, "code": code}` with `status`: the real API's error shape
    /// (cassettes/test_chat/test_can_not_chat_with_all_models).
    static Reply error(int status, const QString &message, const QString &code);
    static Reply json(const QJsonValue &value, int status = 200);
    static Reply text(const QByteArray &text);
};

/// A model the sandbox serves: what /model-settings says of it, plus what the sandbox needs.
struct SandboxModel
{
    core::ModelSettings settings;
    int hiddenSize = 0;        ///< /embed vector size
    int layers = 0;            ///< /embed layers 0..layers
    int embeddingSize = 0;     ///< /semantic_embed, /instructable_embed, /embeddings (0: none)
    bool translation = false;  ///< POST /translate
    bool rerank = false;       ///< POST /rerank
    bool steering = false;     ///< accepts steering_concepts
    QString name() const { return settings.name; }
};

/// The API semantics of the sandbox, without HTTP: every endpoint core speaks, under its name
/// ("complete", "chat/completions", "model-settings"...), plus the Gradient embeddings API.
/// Requests are read with core's typed structs in strict mode (so a missing or mistyped field is a
/// 400 that names it), checked with core::validate() (ranges), then against the model (unknown
/// model, missing capability, context size). Answers come from one SyntheticModel, so they agree
/// with each other, and every one is marked synthetic (modelVersion()).
///
/// Thread-safe: handle() and handleGradient() may run on several threads at once (SandboxServer
/// runs them on a thread pool). The steering concepts (and the state file) are behind a mutex; the
/// models, the SyntheticModel and its Tokenizer are only read after construction; the one cache
/// (semantic embeddings' representation directions) is per thread. setStateFile() belongs to
/// set-up, before any request.
class SandboxApi
{
public:
    /// The most completions (`n`) one /complete or /chat/completions request may ask for. The
    /// spec gives `n` no maximum (best_of has 100); the sandbox caps it so that one request's work
    /// stays bounded (n = 20,000 took seconds), far above what the app asks (at most 8).
    static constexpr int kMaxSamples = 20;

    SandboxApi();

    /// `endpoint` is the path after /v1/ ("complete"); `method` "GET" or "POST"; `body` JSON text.
    /// `cancelled`, when given, is polled between the steps of long work (each sample of
    /// /complete and /chat/completions, each span of /explain): once it is set the answer is a
    /// 503 "CANCELLED" that nobody is waiting for.
    Reply handle(const QString &endpoint, const QByteArray &method, const QByteArray &body,
                 const std::atomic_bool *cancelled = nullptr);
    /// POST /gradient/api/embeddings/{slug} with the `x-gradient-workspace-id` header's value.
    Reply handleGradient(const QString &slug, const QByteArray &workspaceId, const QByteArray &body,
                         const std::atomic_bool *cancelled = nullptr);

    /// Whether `endpoint` is one the sandbox serves (else 404), and whether it is a GET.
    static bool knows(const QString &endpoint, bool *isGet = nullptr);
    /// "sandbox-synthetic-1": the model_version of every answer.
    static QString modelVersion();
    const QList<SandboxModel> &models() const { return m_models; }
    const SandboxModel *findModel(const QString &name) const;
    const SyntheticModel &model() const { return m_model; }
    /// Keeps the steering concepts in `path` (JSON, written atomically after each new concept) and
    /// makes again the ones it already holds, with the same ids: the concepts outlive a restart.
    /// An unreadable or malformed file is set aside as `<path>.bad` and logged; nothing fails.
    void setStateFile(const QString &path);

private:
    Reply complete(const QByteArray &body);
    Reply chat(const QByteArray &body);
    Reply tokenize(const QByteArray &body);
    Reply detokenize(const QByteArray &body);
    Reply evaluate(const QByteArray &body);
    Reply explain(const QByteArray &body);
    Reply embed(const QByteArray &body);
    Reply semanticEmbed(const QByteArray &body);
    Reply batchSemanticEmbed(const QByteArray &body);
    Reply instructableEmbed(const QByteArray &body);
    Reply embeddings(const QByteArray &body);
    Reply translate(const QByteArray &body);
    Reply rerank(const QByteArray &body);
    Reply createSteeringConcept(const QByteArray &body);

    /// The steering concept `id` resolved to tokens; nullopt when the id is unknown.
    std::optional<Steering> steering(const QString &id) const;
    /// The request's steering concept (at most one, core::validate() checks) into `out`; false
    /// with a 400 in `reply` when the model cannot steer or the id is unknown.
    bool resolveSteering(const QString &root, const std::optional<QStringList> &ids, const SandboxModel &model,
                         std::optional<Steering> *out, Reply *reply) const;

    SyntheticModel m_model;
    QList<SandboxModel> m_models;
    mutable QMutex m_conceptsMutex;
    QHash<QString, Steering> m_concepts;
    QString m_stateFile;
    QJsonArray m_conceptRequests; ///< the examples of every concept made, as kept in m_stateFile
};

} // namespace sandbox
