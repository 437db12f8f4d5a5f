// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace core {

/// A table as CSV text: the header row, then the rows, every field through csvField() (RFC 4180
/// quoting), every record ended by LF. Rows are written as they are (no padding to the header).
QString tableToCsv(const QStringList &header, const QList<QStringList> &rows);

/// Rows as tab-separated text for the clipboard: tabs and line breaks inside a cell become
/// spaces, cells are joined by a tab, rows by LF (no LF after the last row).
QString tableToTabSeparated(const QList<QStringList> &rows);

/// Writes `text` as UTF-8 to `path` through QSaveFile (all or nothing). False, with `reason` set
/// to the file's error string, when the file cannot be opened, written or committed.
bool saveTextFile(const QString &path, const QString &text, QString *reason);

} // namespace core
