// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Completion.h"
#include "core/storage/Database.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QObject>
#include <QStringList>
#include <QVariant>

#include <optional>

namespace core {

/// One version of a saved prompt: everything a Completion run needs except images (a template is
/// text only; images are not kept).
struct PromptVersion
{
    int number = 0; ///< 1, 2, ... within its prompt; 0 until stored
    QDateTime created; ///< UTC; invalid: "now" when stored
    QString templateText; ///< the raw prompt text, `{{ name }}` placeholders not substituted
    QMap<QString, QString> variables; ///< placeholder name → value
    QString model; ///< e.g. "luminous-base"
    /// The `/complete` request's other fields under the API's names ("maximum_tokens",
    /// "temperature", "stop_sequences", ...), as CompletionRequest::toJson() writes them; never
    /// "model", "prompt", "stream" or "steering_concepts".
    QJsonObject parameters;
    QStringList steeringConcepts; ///< `steering_concepts` ids (empty: no steering)

    /// The version a Completion request describes: `request`'s model, steering and parameters
    /// (stream left out), `templateText` and `variables` as given (`request.prompt` is not read).
    static PromptVersion fromRequest(const CompletionRequest &request,
        const QString &templateText,
        const QMap<QString, QString> &variables);
    /// The request this version describes, its prompt the raw template text (placeholders kept).
    /// nullopt with `error` (CompletionRequest::fromJson's message) when the parameters are not
    /// `/complete`'s.
    std::optional<CompletionRequest> request(QString *error) const;
    /// Same template, variables, model, parameters and steering (number and date not compared).
    bool sameContent(const PromptVersion &other) const;
};

/// A saved prompt (a row of `prompts`): its name, tags and dates, without its versions.
struct SavedPrompt
{
    qint64 id = 0;
    QString name;
    QStringList tags;
    QDateTime created; ///< UTC
    QDateTime updated; ///< UTC, the date of its newest version
    int versionCount = 0;
    int latestVersion = 0; ///< the newest version's number
};

/// A saved prompt with all its versions, oldest first: what the JSON file holds per prompt.
struct PromptEntry
{
    SavedPrompt prompt;
    QList<PromptVersion> versions;
};

/// One difference between two versions, for the library's diff: `field` is "template", "model",
/// "steering_concepts", "variables.<name>" or a parameter's API name ("temperature"); `before` and
/// `after` are its values as text (JSON for lists; "" when unset).
struct PromptChange
{
    QString field;
    QString before;
    QString after;
    bool operator==(const PromptChange &) const = default;
};
/// What changed from `a` to `b`: the template (when it differs), the model, each variable, each
/// parameter (in name order) and the steering concepts. Empty when sameContent().
QList<PromptChange> promptChanges(const PromptVersion &a, const PromptVersion &b);

/// The prompt library's file, UTF-8 JSON (docs/prompt-library-format.md):
///
///     {"format": "aleph-playground.prompts", "version": 1, "exported": "<ISO 8601 UTC>",
///      "prompts": [{"name": "...", "tags": ["..."], "created": "<ISO 8601 UTC>",
///                   "versions": [{"version": 1, "created": "<ISO 8601 UTC>",
///                                 "template": "Hello {{ name }}", "variables": {"name": "Ada"},
///                                 "model": "luminous-base",
///                                 "parameters": {"maximum_tokens": 64, "temperature": 0.0},
///                                 "steering_concepts": []}]}]}
///
/// Versions are oldest first. `parameters` uses `/complete`'s names and types and is read as
/// strictly as a request (an unknown or mistyped field is an error).
inline constexpr char kPromptFileFormat[] = "aleph-playground.prompts";
inline constexpr int kPromptFileVersion = 1;
/// `entries` as the file's JSON (indented), `exported` the time of writing (UTC).
QByteArray writePromptFile(const QList<PromptEntry> &entries, const QDateTime &exported);
/// Reads a prompt file. nullopt with `error` naming the place ("prompts[2].versions[0]: field
/// \"temperature\": expected a number") when it is not JSON, not this format, a newer version, or
/// a prompt or version is incomplete or wrong; names must be non-empty, versions at least one.
/// Version numbers in the file are kept in order but renumbered from 1 when stored.
std::optional<QList<PromptEntry>> readPromptFile(const QByteArray &data, QString *error);

/// What PromptLibrary::importFile() did.
struct PromptImport
{
    int added = 0; ///< new prompts
    int merged = 0; ///< prompts of the same name that got versions
    int versions = 0; ///< versions stored in all
};

/// The Completion tab's saved prompts and their versions in the app's database (tables `prompts`
/// and `prompt_versions`, schema 7). Every change is one committed transaction. Names are
/// unique among the prompts not deleted: saving under a name that exists adds a version to that
/// prompt. Deleting is undoable for the session: remove() marks the prompt, restore() clears the
/// mark, and marked prompts are purged when the next session opens the library. Failing calls
/// return 0 / false / nullopt and leave a message in lastError(). Used on the thread that opened
/// the Database.
class PromptLibrary : public QObject
{
    Q_OBJECT
public:
    /// `db` is open and not owned. Purges the prompts deleted in an earlier session.
    explicit PromptLibrary(Database *db, QObject *parent = nullptr);

    /// Saves `version` under `name` (trimmed, not empty) with `tags` (trimmed, empties and
    /// repeats dropped): a new prompt, or, when a prompt of that name exists, its tags are replaced
    /// and `version` added to it as addVersion() does. Returns the prompt's id.
    qint64 save(const QString &name, const QStringList &tags, const PromptVersion &version);
    /// Adds `version` to prompt `id` as its next version, only when its content differs from the
    /// newest version. Returns the number of the newest version afterwards (the new one, or the
    /// unchanged one); 0 when `id` does not exist.
    int addVersion(qint64 id, const PromptVersion &version);
    bool rename(qint64 id, const QString &name);
    bool setTags(qint64 id, const QStringList &tags);
    /// A copy of prompt `id` with all its versions, named "<name> (copy)" ("(copy 2)"... when
    /// taken); its id.
    qint64 duplicate(qint64 id);
    /// Marks `id` deleted (hidden from list()); restore() undoes it during this session.
    bool remove(qint64 id);
    bool restore(qint64 id);

    /// The prompts not deleted, most recently changed first. `text` (case-insensitive, may be
    /// empty) must occur in the name, a tag or the template of any version.
    QList<SavedPrompt> list(const QString &text = QString()) const;
    std::optional<SavedPrompt> prompt(qint64 id) const;
    /// The prompt not deleted named `name` exactly, or nullopt.
    std::optional<SavedPrompt> findByName(const QString &name) const;
    /// The versions of `id`, oldest first.
    QList<PromptVersion> versions(qint64 id) const;
    std::optional<PromptVersion> version(qint64 id, int number) const;

    /// The prompts `ids` (all prompts not deleted when empty) as the JSON file
    /// (writePromptFile()).
    QByteArray exportFile(const QList<qint64> &ids = {}) const;
    /// Reads a prompt file and stores it, all in one transaction. Nothing is overwritten: a
    /// prompt whose name is new is added; one whose name exists gets the file's versions whose
    /// content none of its versions has, after its own, in the file's order with their dates, and
    /// the file's tags added to its own. nullopt with `error` when the file is malformed (see
    /// readPromptFile()) or the database fails: then nothing changed.
    std::optional<PromptImport> importFile(const QByteArray &data, QString *error);

    QString lastError() const { return m_lastError; }

Q_SIGNALS:
    /// A prompt was saved, versioned, renamed, duplicated, deleted, restored or imported.
    void changed();

private:
    qint64 insertPrompt(const QString &name, const QStringList &tags, const QDateTime &created);
    bool insertVersion(qint64 id, int number, const PromptVersion &version);
    /// Sets `column` of prompt `id` (not deleted) to `value`; changed() on success.
    bool updatePrompt(const QString &column, const QVariant &value, qint64 id);
    bool fail(const QString &message) const;

    Database *m_db;
    mutable QString m_lastError;
};

} // namespace core
