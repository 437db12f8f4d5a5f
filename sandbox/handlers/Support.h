// SPDX-License-Identifier: MIT
#pragma once

#include "sandbox/handlers/Handlers.h"

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace sandbox {

// What several handlers share: seeds, ids and the request fields that only the model can check.

/// `value` as 16 lower-case hex digits (ids: `chatcmpl-sandbox-…`, `call_…`, `sandbox-concept-…`).
QString hex(quint64 value);

/// A seed that is the same for the same request: the stable hash of its canonical JSON (keys
/// sorted by QJsonObject), without the fields that only change the framing (`stream`,
/// `stream_options`), so a streamed answer says what the whole one says.
quint64 requestSeed(QJsonObject object);

/// The seed of sample `k` of a request whose seed is `seed`.
quint64 mix(quint64 seed, quint64 k);

/// The text of each generated token as a stream sends it, the last one cut where the stop
/// sequence cut the text; the pieces join to `g.text`.
QStringList piecesOf(const Generation &g);

/// `logit_bias` (token id as a decimal string → bias added to its logit) into `sampling`; false
/// with a 400 in `reply` (`<root>: field "logit_bias": "<key>" is not a token id`) for a key that
/// is not an id of the vocabulary. Nothing to do when `bias` is unset.
bool readLogitBias(const QString &root,
    const std::optional<QMap<QString, double>> &bias,
    const Tokenizer &tokenizer,
    Sampling *sampling,
    Reply *reply);

} // namespace sandbox
