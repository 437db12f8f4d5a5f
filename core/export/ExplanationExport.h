// SPDX-License-Identifier: MIT
#pragma once

#include "core/analysis/ExplanationScores.h"

#include <QByteArray>
#include <QList>

namespace core {

/// Every explanation of `response` with its spans (`spans[i]` belongs to explanation i; extra
/// entries on either side are left out): what the CSV and JSON exports hold.
QList<analysis::ExportedExplanation> exportedExplanations(
    const ExplanationResponse &response, const QList<QList<analysis::ScoredSpan>> &spans);

/// The bytes of a CSV export of `response`'s explanations (analysis::toCsv()).
QByteArray explanationCsv(
    const ExplanationResponse &response, const QList<QList<analysis::ScoredSpan>> &spans);

/// The bytes of a JSON export (analysis::toJson(), indented UTF-8): the explanations of
/// `response` to `request`, with the response's model version ("" when it gives none).
QByteArray explanationJson(const ExplanationRequest &request,
    const ExplanationResponse &response,
    const QList<QList<analysis::ScoredSpan>> &spans);

} // namespace core
