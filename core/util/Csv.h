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

/// The columns to offer first when a table is imported as texts with labels (−1: none).
struct CsvColumnGuess
{
    int text = -1;
    int label = -1;
};

/// Guesses which column of `table` holds the texts and which the labels. The text column is the
/// first whose name (trimmed, case-insensitive) is "text", else "texts", "sentence", "content",
/// "document", "body" or "message" (in that order of preference); without such a name, the column
/// with the longest average cell (the first of equals; column 0 when there are no rows). The label
/// column is the first other column named "label", "labels", "category", "topic" or "class" (in
/// that order), else −1: no labels. An empty header gives {−1, −1}.
CsvColumnGuess guessCsvColumns(const CsvTable &table);

/// One CSV field: quoted (quotes doubled) when it holds the separator, a quote or a line break.
QString csvField(const QString &value, QChar separator = u',');

} // namespace core
