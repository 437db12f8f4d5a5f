// SPDX-License-Identifier: MIT
#pragma once

#include "sandbox/ModelTable.h"
#include "sandbox/Reply.h"
#include "sandbox/SteeringConcepts.h"
#include "sandbox/SyntheticModel.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <atomic>

namespace sandbox {

struct Services;

/// The API semantics of the sandbox, without HTTP: every endpoint core speaks, under its name
/// ("complete", "chat/completions", "model-settings"...), plus the Gradient embeddings API.
/// This is the protocol side: routes come from core's endpoint registry (Routes.h), and one
/// prepare step (Prepare.h) reads each request with core's typed structs in strict mode (so a
/// missing or mistyped field is a 400 that names it), checks it with core::validate() (ranges),
/// then against the model (unknown model, missing capability). The handlers (handlers/) then check
/// what only the model can (context size...) and answer from one SyntheticModel, so answers agree
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
    /// The most completions (`n`) one /complete or /chat/completions request may ask for
    /// (sandbox::kMaxSamples in ModelTable.h, which says why).
    static constexpr int kMaxSamples = sandbox::kMaxSamples;

    SandboxApi();

    /// `endpoint` is the path after /v1/ ("complete"); `method` "GET" or "POST"; `body` JSON text.
    /// 404 NOT_FOUND for an endpoint core's registry does not name, 405 METHOD_NOT_ALLOWED for the
    /// other method. `cancelled`, when given, is polled between the steps of long work (each sample
    /// of /complete and /chat/completions, each span of /explain): once it is set the answer is a
    /// 503 "CANCELLED" that nobody is waiting for.
    Reply handle(const QString &endpoint,
        const QByteArray &method,
        const QByteArray &body,
        const std::atomic_bool *cancelled = nullptr);
    /// POST /gradient/api/embeddings/{slug} with the `x-gradient-workspace-id` header's value.
    /// Errors in the Gradient shape `{"message": ...}`: 401 without a workspace, 404 without a
    /// slug, else the prepare step's status and message.
    Reply handleGradient(const QString &slug,
        const QByteArray &workspaceId,
        const QByteArray &body,
        const std::atomic_bool *cancelled = nullptr);

    /// Whether `endpoint` is one the sandbox serves (else 404), and whether it is a GET.
    static bool knows(const QString &endpoint, bool *isGet = nullptr);
    /// "sandbox-synthetic-1": the model_version of every answer.
    static QString modelVersion() { return sandbox::modelVersion(); }
    const QList<SandboxModel> &models() const { return m_models.models(); }
    const SandboxModel *findModel(const QString &name) const { return m_models.find(name); }
    const SyntheticModel &model() const { return m_model; }
    /// Keeps the steering concepts in `path` (JSON, written atomically after each new concept) and
    /// makes again the ones it already holds, with the same ids: the concepts outlive a restart.
    /// An unreadable or malformed file is set aside as `<path>.bad` and logged; nothing fails.
    void setStateFile(const QString &path);

private:
    Services services();

    SyntheticModel m_model;
    ModelTable m_models;
    SteeringConcepts m_concepts;
};

} // namespace sandbox
