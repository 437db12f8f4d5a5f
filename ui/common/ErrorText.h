// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/ApiError.h"

#include <QString>

namespace ui {

/// The one place an ApiError becomes words for people (translated).
QString errorText(const core::ApiError &error);

} // namespace ui
