// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Steering.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace core {

class Database;

/// One concept of the local library: what was sent to `POST /steering_concepts` and what came back.
struct SteeringConceptEntry
{
    qint64 rowId = 0; ///< SQLite rowid; 0 until stored
    QString name;
    QString description;
    QList<SteeringConceptExample> examples; ///< the pairs sent, in order
    QString conceptId; ///< the API's id (201 answer's `id`)
    QString profile; ///< connection profile name at creation
    QString host; ///< base URL the concept was created on
    QDateTime createdAt; ///< UTC
};

/// The local library of steering concepts (table `steering_concepts`, schema 4), because the API
/// cannot list concepts (reference/API-ENDPOINTS.md §6). Ids are only valid on the installation
/// that made them, so each entry keeps its profile and host. Used on the thread that opened the
/// Database. Failing calls return false / 0 / nullopt and leave a message in lastError().
class SteeringLibrary
{
public:
    explicit SteeringLibrary(Database *db); // not owned

    /// Every entry, newest first.
    QList<SteeringConceptEntry> list() const;
    std::optional<SteeringConceptEntry> find(qint64 rowId) const;
    /// Stores a new entry (its rowId is ignored; createdAt defaults to now) and returns its rowid.
    qint64 add(const SteeringConceptEntry &entry);
    /// Rewrites every field of the entry with `entry.rowId`.
    bool update(const SteeringConceptEntry &entry);
    bool rename(qint64 rowId, const QString &name);
    bool remove(qint64 rowId);
    /// A copy of the entry named "<name> (copy)"; its rowid.
    qint64 duplicate(qint64 rowId);
    QString lastError() const { return m_lastError; }

private:
    Database *m_db;
    mutable QString m_lastError;
};

/// Example pairs as CSV with the header `negative,positive` (RFC 4180 quoting, LF line ends).
QString steeringExamplesToCsv(const QList<SteeringConceptExample> &examples);
/// Reads pairs from CSV with `negative` and `positive` columns (any order, other columns ignored,
/// separator guessed). nullopt with `error` ("line 4: …", or a missing column) on bad input.
std::optional<QList<SteeringConceptExample>> steeringExamplesFromCsv(
    const QString &text, QString *error);

} // namespace core
