// SPDX-License-Identifier: MIT
#include "sandbox/Cancellation.h"

using namespace Qt::StringLiterals;

namespace sandbox {

namespace {

/// The cancellation flag of the request the calling thread is working on (SandboxApi::handle).
thread_local const std::atomic_bool *t_cancelled = nullptr;

} // namespace

bool cancelled()
{
    return t_cancelled && t_cancelled->load(std::memory_order_relaxed);
}

Reply cancelledReply()
{
    return Reply::error(503, u"the request was cancelled"_s, u"CANCELLED"_s);
}

CancelScope::CancelScope(const std::atomic_bool *flag)
    : m_previous(t_cancelled)
{
    t_cancelled = flag;
}

CancelScope::~CancelScope()
{
    t_cancelled = m_previous;
}

} // namespace sandbox
