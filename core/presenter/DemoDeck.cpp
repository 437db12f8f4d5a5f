// SPDX-License-Identifier: MIT
#include "core/presenter/DemoDeck.h"

#include "core/util/TextFile.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace core {

namespace {

constexpr qint64 kMaxDeckBytes = 64LL * 1024 * 1024;

/// Reads optional string `key` of `o` into `out`; false with `error` when it is not a string.
bool readString(const QJsonObject &o, const QString &key, QString *out, QString *error)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull()) {
        out->clear();
        return true;
    }
    if (!v.isString()) {
        *error = u"%1: not a string"_s.arg(key);
        return false;
    }
    *out = v.toString();
    return true;
}

/// Reads optional integer `key` (−1 when absent); false with `error` when it is not one.
bool readCount(const QJsonObject &o, const QString &key, qint64 *out, QString *error)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull()) {
        *out = -1;
        return true;
    }
    const double d = v.toDouble(-2);
    if (!v.isDouble() || d < -1 || d > 9.0e15 || d != double(qint64(d))) {
        *error = u"%1: not a whole number of at least −1"_s.arg(key);
        return false;
    }
    *out = qint64(d);
    return true;
}

} // namespace

QJsonObject recordingToJson(const RunRecord &run)
{
    QJsonObject o{{u"tab"_s, run.tab},
        {u"endpoint"_s, run.endpoint},
        {u"model"_s, run.model},
        {u"request"_s, run.request},
        {u"response"_s, run.response}};
    if (run.startedAt.isValid())
        o.insert(u"started"_s, run.startedAt.toUTC().toString(Qt::ISODateWithMs));
    if (run.durationMs >= 0)
        o.insert(u"duration_ms"_s, run.durationMs);
    if (run.promptTokens >= 0)
        o.insert(u"prompt_tokens"_s, run.promptTokens);
    if (run.completionTokens >= 0)
        o.insert(u"completion_tokens"_s, run.completionTokens);
    return o;
}

std::optional<RunRecord> recordingFromJson(const QJsonValue &json, QString *error)
{
    if (!json.isObject()) {
        *error = u"not an object"_s;
        return std::nullopt;
    }
    const QJsonObject o = json.toObject();
    RunRecord run;
    QString started;
    if (!readString(o, u"tab"_s, &run.tab, error) || !readString(o, u"model"_s, &run.model, error)
        || !readString(o, u"endpoint"_s, &run.endpoint, error)
        || !readString(o, u"response"_s, &run.response, error)
        || !readString(o, u"started"_s, &started, error))
        return std::nullopt;
    if (run.endpoint.isEmpty()) {
        *error = u"endpoint: missing"_s;
        return std::nullopt;
    }
    if (!o.value(u"request"_s).isObject()) {
        *error = u"request: not an object"_s;
        return std::nullopt;
    }
    run.request = o.value(u"request"_s).toObject();
    if (!started.isEmpty()) {
        run.startedAt = QDateTime::fromString(started, Qt::ISODateWithMs);
        if (!run.startedAt.isValid()) {
            *error = u"started: not an ISO 8601 date"_s;
            return std::nullopt;
        }
        run.startedAt = run.startedAt.toUTC();
    }
    qint64 duration = -1, promptTokens = -1, completionTokens = -1;
    if (!readCount(o, u"duration_ms"_s, &duration, error)
        || !readCount(o, u"prompt_tokens"_s, &promptTokens, error)
        || !readCount(o, u"completion_tokens"_s, &completionTokens, error))
        return std::nullopt;
    if (promptTokens > INT_MAX || completionTokens > INT_MAX) {
        *error = u"prompt_tokens: too large"_s;
        return std::nullopt;
    }
    run.durationMs = duration;
    run.promptTokens = int(promptTokens);
    run.completionTokens = int(completionTokens);
    run.status = RunStatus::Succeeded;
    if (run.startedAt.isValid() && duration >= 0)
        run.finishedAt = run.startedAt.addMSecs(duration);
    return run;
}

QJsonObject DeckStep::toJson() const
{
    QJsonObject o{{u"tab"_s, tab},
        {u"title"_s, title},
        {u"note"_s, note},
        {u"inputs"_s, QJsonObject::fromVariantMap(inputs)}};
    if (recording)
        o.insert(u"recording"_s, recordingToJson(*recording));
    return o;
}

std::optional<DeckStep> DeckStep::fromJson(const QJsonValue &json, QString *error)
{
    if (!json.isObject()) {
        *error = u"not an object"_s;
        return std::nullopt;
    }
    const QJsonObject o = json.toObject();
    DeckStep step;
    if (!readString(o, u"tab"_s, &step.tab, error) || !readString(o, u"title"_s, &step.title, error)
        || !readString(o, u"note"_s, &step.note, error))
        return std::nullopt;
    if (!DemoDeck::tabKeys().contains(step.tab)) {
        *error = u"tab: \"%1\" is not a tab (%2)"_s.arg(
            step.tab.left(40), DemoDeck::tabKeys().join(u", "_s));
        return std::nullopt;
    }
    const QJsonValue inputs = o.value(u"inputs"_s);
    if (!inputs.isUndefined() && !inputs.isNull() && !inputs.isObject()) {
        *error = u"inputs: not an object"_s;
        return std::nullopt;
    }
    step.inputs = inputs.toObject().toVariantMap();
    if (o.contains(u"recording"_s) && !o.value(u"recording"_s).isNull()) {
        QString e;
        step.recording = recordingFromJson(o.value(u"recording"_s), &e);
        if (!step.recording) {
            *error = u"recording: %1"_s.arg(e);
            return std::nullopt;
        }
        if (step.recording->tab.isEmpty())
            step.recording->tab = step.tab;
        if (step.recording->tab != step.tab) {
            *error = u"recording.tab: \"%1\" is not the step's tab \"%2\""_s.arg(
                step.recording->tab.left(40), step.tab);
            return std::nullopt;
        }
    }
    return step;
}

QStringList DemoDeck::tabKeys()
{
    return {u"completion"_s,
        u"chat"_s,
        u"explanation"_s,
        u"embeddings"_s,
        u"translation"_s,
        u"steering"_s,
        u"tokenizer"_s};
}

int DemoDeck::recordedSteps() const
{
    return int(std::count_if(
        steps.cbegin(), steps.cend(), [](const DeckStep &s) { return s.recording.has_value(); }));
}

QJsonObject DemoDeck::toJson() const
{
    QJsonArray array;
    for (const DeckStep &step : steps)
        array.append(step.toJson());
    return {{u"format"_s, QString(kFormat)},
        {u"version"_s, kVersion},
        {u"title"_s, title},
        {u"description"_s, description},
        {u"steps"_s, array}};
}

std::optional<DemoDeck> DemoDeck::fromJson(const QJsonObject &json, QString *error)
{
    if (json.value(u"format"_s).toString() != kFormat) {
        *error = u"not a demo deck (\"format\" is not \"%1\")"_s.arg(kFormat);
        return std::nullopt;
    }
    const QJsonValue version = json.value(u"version"_s);
    if (!version.isDouble() || version.toDouble() != double(version.toInt())
        || version.toInt() < 1) {
        *error = u"version: not a version number"_s;
        return std::nullopt;
    }
    if (version.toInt() > kVersion) {
        *error = u"version %1 is newer than this build reads (%2)"_s.arg(version.toInt())
                     .arg(kVersion);
        return std::nullopt;
    }
    DemoDeck deck;
    if (!readString(json, u"title"_s, &deck.title, error)
        || !readString(json, u"description"_s, &deck.description, error))
        return std::nullopt;
    const QJsonValue steps = json.value(u"steps"_s);
    if (!steps.isArray()) {
        *error = u"steps: not an array"_s;
        return std::nullopt;
    }
    const QJsonArray array = steps.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        QString e;
        std::optional<DeckStep> step = DeckStep::fromJson(array.at(i), &e);
        if (!step) {
            *error = u"steps[%1]: %2"_s.arg(i).arg(e);
            return std::nullopt;
        }
        deck.steps.append(std::move(*step));
    }
    return deck;
}

QVariantMap DemoDeck::toVariant() const
{
    return toJson().toVariantMap();
}

std::optional<DemoDeck> DemoDeck::fromVariant(const QVariantMap &map, QString *error)
{
    return fromJson(QJsonObject::fromVariantMap(map), error);
}

std::optional<DemoDeck> loadDemoDeck(const QString &path, QString *error)
{
    const QFileInfo info(path);
    if (info.exists() && info.size() > kMaxDeckBytes) {
        *error = QCoreApplication::translate(
            "core::DemoDeck", "%1 is larger than a demo deck can be (64 MB)")
                     .arg(info.fileName());
        return std::nullopt;
    }
    QJsonObject json;
    if (!readJsonObjectFile(path, &json, error))
        return std::nullopt;
    QString e;
    std::optional<DemoDeck> deck = DemoDeck::fromJson(json, &e);
    if (!deck)
        *error = u"%1: %2"_s.arg(info.fileName(), e);
    return deck;
}

bool saveDemoDeck(const DemoDeck &deck, const QString &path, QString *error)
{
    return writeJsonObjectFile(path, deck.toJson(), error);
}

} // namespace core
