// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/ApiError.h"
#include "core/settings/Preferences.h"

#include <optional>

namespace core {

/// When and how long to wait before trying a request again. Pure: no timers, no I/O.
/// Defaults follow the official client (reference/CLIENT-SEMANTICS.md §2): 8 retries, the first
/// after 0.5 s, doubling, `Retry-After` honoured. Tests set firstDelayMs to 1.
struct RetryPolicy
{
    int totalRetries
        = defaults::kTotalRetries; ///< retries after the first attempt (so at most 9 attempts)
    int firstDelayMs = 500;
    int maxDelayMs = 60000;
    double jitter = 0.0; ///< ± fraction of the delay, 0..1 (0 = deterministic)

    /// Whether to retry after `error` when `retriesDone` retries have been made already.
    bool shouldRetry(const ApiError &error, int retriesDone) const;
    /// The wait before retry number `retryIndex` (0-based), at most maxDelayMs; `Retry-After`
    /// wins when given, within the same maximum (a server cannot park the client for an hour).
    /// `random01` is a value in [0,1) used for the jitter.
    int delayMs(int retryIndex, std::optional<int> retryAfterMs, double random01 = 0.5) const;
};

} // namespace core
