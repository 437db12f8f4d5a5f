// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QStringList>

#include <optional>

namespace core {

/// A table read by readCsv(): the header row and the data rows, every row as long as the header.
struct CsvTable
{
    QStringList header;
    QList<QStringList> rows;
    /// The column named `name` (exact, then case-insensitive), or −1.
    int column(const QString &name) const;
};

/// Reads CSV text as RFC 4180 describes it: fields separated by `separator` (',' by default; ';'
/// and tab are common too), records by CRLF or LF, fields in double quotes may hold separators,
/// line breaks and doubled quotes (""). A UTF-8 byte-order mark is skipped; a last empty line is
/// ignored. The first record is the header.
///
/// Fails (nullopt, `error` set) with the line number on a quote that is never closed, a stray
/// quote inside an unquoted field, text after a closing quote, an empty file, and a ragged row
/// (a record with more or fewer fields than the header: "line 7: 3 fields, the header has 2").
std::optional<CsvTable> readCsv(const QString &text, QString *error, QChar separator = u',');

/// Guesses the separator of CSV text from its first line: the most frequent of ',', ';' and tab
/// outside quotes (',' when none occurs).
QChar guessCsvSeparator(const QString &text);

/// One CSV field: quoted (quotes doubled) when it holds the separator, a quote or a line break.
QString csvField(const QString &value, QChar separator = u',');

} // namespace core
