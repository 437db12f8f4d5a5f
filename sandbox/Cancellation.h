// SPDX-License-Identifier: MIT
#pragma once

#include "sandbox/Reply.h"

#include <atomic>

namespace sandbox {

/// Whether the client of the request the calling thread works on has gone: the flag given to
/// SandboxApi::handle() (or handleGradient()) is set. Long loops (each sample of /complete and
/// /chat/completions, each span of /explain) poll it between steps and stop early with
/// cancelledReply(). False when no flag was given. Relaxed load: only a hint to stop.
bool cancelled();

/// 503 with code CANCELLED: the answer to a request nobody is waiting for any more.
Reply cancelledReply();

/// Makes `flag` the calling thread's cancellation flag (what cancelled() reads) for the lifetime of
/// the scope, then restores the previous one, so scopes nest. `flag` may be nullptr (never
/// cancelled); it is not owned and must outlive the scope.
class CancelScope
{
public:
    explicit CancelScope(const std::atomic_bool *flag);
    ~CancelScope();
    CancelScope(const CancelScope &) = delete;
    CancelScope &operator=(const CancelScope &) = delete;

private:
    const std::atomic_bool *m_previous; // not owned
};

} // namespace sandbox
