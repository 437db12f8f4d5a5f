// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace core {

/// Decodes `bytes` as UTF-8 text into `text` (a UTF-8 byte-order mark is dropped). False, with
/// `reason` saying why ("it holds NUL bytes …", "it is not valid UTF-8 …"), when the bytes are not
/// text: a NUL byte anywhere (binary data, or UTF-16/UTF-32 text) or a byte sequence that is not
/// UTF-8 (including one cut off at the end). `text` is left untouched then.
bool decodeText(const QByteArray &bytes, QString *text, QString *reason);

/// Reads the file at `path` (a resource path like ":/x.csv" works too) as UTF-8 text, with the
/// checks of decodeText(). False, with `error` set and `text` untouched, when the file cannot be
/// opened or read ("Cannot open <path>: <reason>") or is not text ("<file name> is not a text file
/// (<reason>)"). The messages name the file and hold no trailing full stop, so callers can add
/// what follows ("; nothing was imported.").
bool readTextFile(const QString &path, QString *text, QString *error);

/// Reads the file at `path` as one UTF-8 JSON object (a saved test set, a demo deck). False with
/// `error` when it is not: readTextFile()'s messages, or "<file name>: <parse error> at offset
/// N" and "<file name>: not a JSON object".
bool readJsonObjectFile(const QString &path, QJsonObject *object, QString *error);

/// Writes `object` as indented JSON to `path` atomically (QSaveFile: the old file stays whole
/// until the new one is complete). False with `error` ("Cannot write <path>: <reason>").
bool writeJsonObjectFile(const QString &path, const QJsonObject &object, QString *error);

} // namespace core
