// SPDX-License-Identifier: MIT
#include "core/net/RetryPolicy.h"

#include <algorithm>
#include <cmath>

namespace core {

bool RetryPolicy::shouldRetry(const ApiError &error, int retriesDone) const
{
    return error.retryable() && retriesDone < totalRetries;
}

int RetryPolicy::delayMs(int retryIndex, std::optional<int> retryAfterMs, double random01) const
{
    if (retryAfterMs)
        return std::clamp(*retryAfterMs, 0, std::max(0, maxDelayMs));
    const double base = double(firstDelayMs) * std::pow(2.0, std::clamp(retryIndex, 0, 30));
    const double spread = 1.0 + jitter * (2.0 * random01 - 1.0);
    return int(std::clamp(base * spread, 0.0, double(maxDelayMs)));
}

} // namespace core
