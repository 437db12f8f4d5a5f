// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/ApiError.h"

#include <QString>

namespace core {
enum class RunStatus; // core/storage/HistoryStore.h
}

namespace ui {

/// The one place an ApiError becomes words for people (translated).
QString errorText(const core::ApiError &error);
/// "<error> — retrying 2/8 in 1.0 s…", for ApiJob::retrying().
QString retryingText(int retry, int totalRetries, int delayMs, const core::ApiError &error);
/// A run's status for people ("succeeded", "stopped"…, translated); core::runStatusName() is the
/// stored name.
QString runStatusText(core::RunStatus status);

} // namespace ui
