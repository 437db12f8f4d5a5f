// SPDX-License-Identifier: MIT
#include "core/util/Csv.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace core {

int CsvTable::column(const QString &name) const
{
    const int exact = int(header.indexOf(name));
    if (exact >= 0)
        return exact;
    for (int i = 0; i < header.size(); ++i)
        if (header.at(i).compare(name, Qt::CaseInsensitive) == 0)
            return i;
    return -1;
}

std::optional<CsvTable> readCsv(const QString &input, QString *error, QChar separator)
{
    QStringView text(input);
    if (text.startsWith(QChar(0xFEFF)))
        text = text.mid(1);
    QList<QStringList> records;
    QList<int> recordLines; // the line each record starts on, for messages
    QStringList record;
    QString field;
    int line = 1;
    int recordLine = 1;
    qsizetype i = 0;
    const qsizetype n = text.size();
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    bool atFieldStart = true;
    bool quotedField = false;
    while (i < n) {
        const QChar c = text.at(i);
        if (atFieldStart && c == u'"') {
            quotedField = true;
            atFieldStart = false;
            const int quoteLine = line;
            ++i;
            bool closed = false;
            while (i < n) {
                const QChar q = text.at(i);
                if (q == u'"') {
                    if (i + 1 < n && text.at(i + 1) == u'"') {
                        field += u'"';
                        i += 2;
                        continue;
                    }
                    closed = true;
                    ++i;
                    break;
                }
                if (q == u'\n')
                    ++line;
                field += q;
                ++i;
            }
            if (!closed)
                return fail(QCoreApplication::translate(
                    "core::Csv", "line %1: a quoted field is never closed")
                                .arg(quoteLine));
            if (i < n && text.at(i) != separator && text.at(i) != u'\n' && text.at(i) != u'\r')
                return fail(QCoreApplication::translate(
                    "core::Csv", "line %1: text after the closing quote of a field")
                                .arg(line));
            continue;
        }
        if (c == separator) {
            record.append(field);
            field.clear();
            atFieldStart = true;
            quotedField = false;
            ++i;
            continue;
        }
        if (c == u'\r' || c == u'\n') {
            if (c == u'\r' && i + 1 < n && text.at(i + 1) == u'\n')
                ++i;
            ++i;
            record.append(field);
            records.append(record);
            recordLines.append(recordLine);
            record.clear();
            field.clear();
            atFieldStart = true;
            quotedField = false;
            ++line;
            recordLine = line;
            continue;
        }
        if (c == u'"' && !quotedField)
            return fail(QCoreApplication::translate("core::Csv",
                "line %1: a quote inside an unquoted field (quote the whole field and double the "
                "quote)")
                            .arg(line));
        field += c;
        atFieldStart = false;
        ++i;
    }
    if (!field.isEmpty() || !record.isEmpty() || quotedField) {
        record.append(field);
        records.append(record);
        recordLines.append(recordLine);
    }
    // Blank lines (one empty field) carry nothing: dropped.
    for (qsizetype r = records.size() - 1; r >= 0; --r) {
        if (records.at(r).size() == 1 && records.at(r).first().isEmpty()) {
            records.removeAt(r);
            recordLines.removeAt(r);
        }
    }
    if (records.isEmpty())
        return fail(QCoreApplication::translate("core::Csv", "the file holds no rows"));
    CsvTable table;
    table.header = records.takeFirst();
    recordLines.removeFirst();
    for (qsizetype r = 0; r < records.size(); ++r) {
        if (records.at(r).size() != table.header.size())
            return fail(
                QCoreApplication::translate("core::Csv", "line %1: %2 fields, the header has %3")
                    .arg(recordLines.at(r))
                    .arg(records.at(r).size())
                    .arg(table.header.size()));
    }
    table.rows = std::move(records);
    return table;
}

QChar guessCsvSeparator(const QString &text)
{
    int comma = 0, semicolon = 0, tab = 0;
    bool quoted = false;
    for (const QChar c : text) {
        if (c == u'"')
            quoted = !quoted;
        else if (!quoted && (c == u'\n' || c == u'\r'))
            break;
        else if (!quoted && c == u',')
            ++comma;
        else if (!quoted && c == u';')
            ++semicolon;
        else if (!quoted && c == u'\t')
            ++tab;
    }
    if (tab > comma && tab >= semicolon)
        return u'\t';
    if (semicolon > comma)
        return u';';
    return u',';
}

CsvColumnGuess guessCsvColumns(const CsvTable &table)
{
    CsvColumnGuess guess;
    const auto named = [&table](std::initializer_list<QStringView> names, int skip) {
        for (const QStringView name : names)
            for (int i = 0; i < table.header.size(); ++i)
                if (i != skip
                    && QStringView(table.header.at(i)).trimmed().compare(name, Qt::CaseInsensitive)
                        == 0)
                    return i;
        return -1;
    };
    if (table.header.isEmpty())
        return guess;
    guess.text
        = named({u"text", u"texts", u"sentence", u"content", u"document", u"body", u"message"}, -1);
    if (guess.text < 0) {
        // The longest average cell: the prose, not ids, numbers or categories.
        double best = -1;
        for (int i = 0; i < table.header.size(); ++i) {
            qint64 total = 0;
            for (const QStringList &row : table.rows)
                total += row.value(i).trimmed().size();
            const double average
                = table.rows.isEmpty() ? 0.0 : double(total) / double(table.rows.size());
            if (average > best) {
                best = average;
                guess.text = i;
            }
        }
    }
    guess.label = named({u"label", u"labels", u"category", u"topic", u"class"}, guess.text);
    return guess;
}

QString csvField(const QString &value, QChar separator)
{
    // A leading U+FEFF is quoted too: unquoted, a reader would take it for a byte-order mark.
    if (!value.contains(separator) && !value.contains(u'"') && !value.contains(u'\n')
        && !value.contains(u'\r') && !value.startsWith(QChar(0xFEFF)))
        return value;
    QString quoted = value;
    quoted.replace(u"\""_s, u"\"\""_s);
    return u'"' + quoted + u'"';
}

} // namespace core
