// SPDX-License-Identifier: MIT
#pragma once

#include "core/storage/HistoryStore.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <optional>

namespace core {

/// One step of a demo deck: a tab and what was typed into it, with a note for the presenter and,
/// once rehearsed, the answer the step got then (issue 24).
struct DeckStep
{
    /// The tab, by the history's name of it: one of DemoDeck::tabKeys() ("completion", "chat", …).
    QString tab;
    /// A short title for the progress strip ("Explain the reply"); may be empty (the tab's name
    /// is shown then).
    QString title;
    /// The tab's inputs as plain values (strings, numbers, booleans, lists and maps of them), as
    /// the tab gives and takes them (ui::PlaygroundTab::stepInputs()): the prompt, conversation,
    /// explanation target, texts, steering pairs or translation source, model and parameters.
    /// Never a token: a tab's inputs hold none (a Gradient token, like every token, stays in the
    /// keychain).
    QVariantMap inputs;
    /// What the presenter wants to say at this step; may be empty. Plain text.
    QString note;
    /// The answer of the rehearsal run, as the history records a run (request exactly as sent,
    /// response as kept; the run's status is Succeeded). nullopt: not rehearsed, or the tab's run
    /// is not one the history keeps (Steering's A/B streams).
    std::optional<RunRecord> recording;

    /// `{"tab", "title", "note", "inputs", "recording"?}` (docs/demo-deck-format.md).
    QJsonObject toJson() const;
    /// nullopt with `error` naming the field ("inputs: not an object") on anything else.
    static std::optional<DeckStep> fromJson(const QJsonValue &json, QString *error);
};

/// A demo deck: an ordered list of steps that Presenter mode plays one by one, saved as the JSON
/// documented in docs/demo-deck-format.md (`"format": "aleph-playground.deck"`, version 1).
struct DemoDeck
{
    static constexpr QLatin1String kFormat{"aleph-playground.deck"};
    static constexpr int kVersion = 1;

    QString title; ///< "What a language model does"
    QString description; ///< one or two sentences for the deck's reader; may be empty
    QList<DeckStep> steps;

    /// The tabs a step may name, in the window's order: completion, chat, explanation,
    /// embeddings, translation, steering, tokenizer.
    static QStringList tabKeys();
    /// How many steps have a recording.
    int recordedSteps() const;

    QJsonObject toJson() const;
    /// Reads the saved format; nullopt with `error` naming the step and field
    /// ("steps[2].recording.request: not an object") on anything else. A file of a later
    /// version is refused, naming the version.
    static std::optional<DemoDeck> fromJson(const QJsonObject &json, QString *error);
    /// The same document as plain values (maps, lists, strings, numbers), for the app's drafts
    /// (core::DraftStore), which keep the deck being built between sessions.
    QVariantMap toVariant() const;
    /// Reads toVariant()'s form back; nullopt with `error` as fromJson().
    static std::optional<DemoDeck> fromVariant(const QVariantMap &map, QString *error);
};

/// A run of the history as a deck's recording: `{"tab", "endpoint", "model", "started",
/// "duration_ms", "request", "response", "prompt_tokens", "completion_tokens"}` (the profile
/// and the history's id are left out: they say nothing on another machine).
QJsonObject recordingToJson(const RunRecord &run);
/// The recording read back, with status Succeeded; nullopt with `error` naming the field.
std::optional<RunRecord> recordingFromJson(const QJsonValue &json, QString *error);

/// Reads a deck file (UTF-8 JSON, at most 64 MB); nullopt with `error` naming the file.
std::optional<DemoDeck> loadDemoDeck(const QString &path, QString *error);
/// Writes `deck` to `path` atomically (QSaveFile); false with `error` naming the file.
bool saveDemoDeck(const DemoDeck &deck, const QString &path, QString *error);

} // namespace core
