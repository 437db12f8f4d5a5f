// SPDX-License-Identifier: MIT
#include "core/export/ExplanationExport.h"

#include <QJsonDocument>

namespace core {

QList<analysis::ExportedExplanation> exportedExplanations(
    const ExplanationResponse &response, const QList<QList<analysis::ScoredSpan>> &spans)
{
    QList<analysis::ExportedExplanation> list;
    const qsizetype count = std::min(response.explanations.size(), spans.size());
    for (qsizetype i = 0; i < count; ++i)
        list.append({response.explanations.at(i).target, spans.at(i)});
    return list;
}

QByteArray explanationCsv(
    const ExplanationResponse &response, const QList<QList<analysis::ScoredSpan>> &spans)
{
    return analysis::toCsv(exportedExplanations(response, spans));
}

QByteArray explanationJson(const ExplanationRequest &request,
    const ExplanationResponse &response,
    const QList<QList<analysis::ScoredSpan>> &spans)
{
    const QJsonObject json = analysis::toJson(
        exportedExplanations(response, spans), request, response.modelVersion.value_or(QString()));
    return QJsonDocument(json).toJson(QJsonDocument::Indented);
}

} // namespace core
