// SPDX-License-Identifier: MIT
#include "core/util/Logging.h"

Q_LOGGING_CATEGORY(lcNet, "aleph.net", QtWarningMsg)
Q_LOGGING_CATEGORY(lcAuth, "aleph.auth", QtWarningMsg)
Q_LOGGING_CATEGORY(lcStorage, "aleph.storage", QtWarningMsg)
