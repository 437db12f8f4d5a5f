// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

// Categories for core. Nothing logged through them may contain a token or an Authorization header.
Q_DECLARE_LOGGING_CATEGORY(lcNet)
Q_DECLARE_LOGGING_CATEGORY(lcAuth)
Q_DECLARE_LOGGING_CATEGORY(lcStorage)
