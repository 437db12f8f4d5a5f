// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Translation.h"

namespace core {

/// What the history keeps as the answer of a Translation run in lines mode (one `/translate`
/// request per non-empty line of the source):
///
///     {"lines":[{"source":"Hello.","translation":"Hallo.","score":0.91}, …]}
///
/// Each line has the shape of a TranslationSegment: its source line, its translation (or the
/// text the table shows for a line that failed) and its score (0 for a line without one).
/// Read back with `RunRecord::responseAs<TranslationLines>()`; a single request's answer (a
/// TranslationResponse, which has no "lines") does not read as this: fromJson() then fails with
/// `translation lines: missing required field "lines"`, and an answer whose lines are not
/// objects with those three members with `translation lines: missing required field
/// "lines[0].translation"`.
struct TranslationLines : json::ResponseBody<TranslationLines>
{
    static constexpr QLatin1String kRoot{"translation lines"};
    QList<TranslationSegment> lines;
    QJsonObject extra;
    void read(json::Reader &r);
    void write(json::Writer &w) const;
    /// toJson() as compact JSON text, as the history stores an answer.
    QString answerText() const;
};

} // namespace core
