// SPDX-License-Identifier: MIT
#pragma once

#include "sandbox/SyntheticModel.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QMutex>
#include <QString>

#include <optional>

namespace sandbox {

/// The steering concepts made by POST /steering_concepts (reference/API-ENDPOINTS.md §6), by id,
/// and optionally the state file that makes them outlive a restart: a JSON object
/// `{"steering_concepts": [<request>, ...]}` holding the request of every concept made, in order,
/// so that they can be made again with the same ids.
///
/// Thread-safe: every method takes the one mutex.
class SteeringConcepts
{
public:
    /// The concept of example pairs (negative, positive), as POST /steering_concepts makes it:
    /// - `positive` / `negative`: the word-list tokens of the words only one side has (both word
    ///   forms; the pieces of a word the list lacks are no words of either side);
    /// - `replacements`: from a word diff of each pair (longest common subsequence of words and
    ///   punctuation, case-insensitive), each negative word that the positive side replaces, as
    ///   one token (" good", "."), → the positive side's words in its place (" amazing", "!"),
    ///   with and without a capital first letter; a replaced run of different length maps its
    ///   first word to the whole positive run (a run that opens both sentences keeps the positive
    ///   word's own case in the lower-case replacement: "The" → "Das" gives " the" → " das");
    /// - `positiveStems` / `negativeStems`: the content words of either side (text::stemHash());
    /// - `learned`: what the word changes teach of other words (SteeringLearning.h: when a
    ///   dictionary explains them, a translation of the whole vocabulary), learned on first use.
    static Steering fromExamples(
        const Tokenizer &tokenizer, const QList<QPair<QString, QString>> &pairs);

    /// The concept `id`; nullopt when none has that id.
    std::optional<Steering> find(const QString &id) const;

    /// Keeps `steering` as `id`, replacing the concept of that id. When the id is new and a state
    /// file is set, `request` (the request body that made it) is added to the file's list and the
    /// file written again, atomically (QSaveFile); a failed write is logged, not an error.
    void insert(const QString &id, const Steering &steering, const QJsonObject &request);

    /// From now on keeps the requests of new concepts in `path`, after `requests`: those of the
    /// concepts already made from the file. Belongs to set-up (SandboxApi::setStateFile()).
    void keepIn(const QString &path, const QJsonArray &requests);

private:
    mutable QMutex m_mutex;
    QHash<QString, Steering> m_concepts;
    QString m_stateFile;
    QJsonArray m_requests; ///< the request of every concept made, as kept in m_stateFile
};

} // namespace sandbox
