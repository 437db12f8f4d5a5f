// SPDX-License-Identifier: MIT
// Fuzz target of the CSV import (core/util/Csv.h, core/util/TextFile.h): the bytes of a file the
// user opens in the Embeddings tab or imports as steering pairs.
//
// Properties:
//  - decodeText() either fails with a reason and leaves the text alone, or gives text whose UTF-8
//    is the input without its byte-order mark(s).
//  - guessCsvSeparator() is one of ',', ';' and tab.
//  - readCsv() with the guessed separator and with each of ',', ';' and tab either fails with a
//    message or gives a table whose rows are all as long as the header, and writing that table
//    back with csvField() (the app's CSV export) and reading it again gives the same table.
//  - guessCsvColumns() picks existing, distinct columns (or −1).

#include "core/util/Csv.h"
#include "core/util/TextFile.h"
#include "tests/fuzz/FuzzCheck.h"

#include <cstddef>
#include <cstdint>

using namespace core;

namespace {

QString write(const CsvTable &table, QChar separator)
{
    const auto line = [separator](const QStringList &fields) -> QString {
        QStringList out;
        for (const QString &f : fields)
            out.append(csvField(f, separator));
        return out.join(separator) + QLatin1Char('\n');
    };
    QString out = line(table.header);
    for (const QStringList &row : table.rows)
        out += line(row);
    return out;
}

QString show(QChar c)
{
    return c == u'\t' ? QStringLiteral("tab") : QString(c);
}

void checkTable(const QString &text, QChar separator)
{
    QString error;
    const std::optional<CsvTable> table = readCsv(text, &error, separator);
    if (!table) {
        FUZZ_CHECK(!error.isEmpty(), QStringLiteral("readCsv failed without a message"));
        return;
    }
    FUZZ_CHECK(!table->header.isEmpty(), QStringLiteral("an empty header"));
    for (const QStringList &row : table->rows)
        FUZZ_CHECK(row.size() == table->header.size(), QStringLiteral("a ragged row"));

    const QString written = write(*table, separator);
    QString error2;
    const std::optional<CsvTable> again = readCsv(written, &error2, separator);
    FUZZ_CHECK(again.has_value(),
        QStringLiteral("separator %1: the written table does not read back: %2\n    written: %3")
            .arg(show(separator), error2, fuzz::excerpt(written, 300)));
    const auto describe = [](const CsvTable &t) -> QString {
        QString s = QStringLiteral("%1 columns, %2 rows; header ")
                        .arg(t.header.size())
                        .arg(t.rows.size());
        for (const QString &h : t.header)
            s += QLatin1Char('[') + fuzz::excerpt(h, 30) + QLatin1Char(']');
        return s;
    };
    FUZZ_CHECK(again->header == table->header && again->rows == table->rows,
        QStringLiteral("separator %1: read %2\n    read back %3\n    written: %4")
            .arg(show(separator), describe(*table), describe(*again), fuzz::excerpt(written, 300)));

    const CsvColumnGuess guess = guessCsvColumns(*table);
    const int columns = int(table->header.size());
    FUZZ_CHECK(guess.text >= -1 && guess.text < columns && guess.label >= -1
            && guess.label < columns && (guess.label < 0 || guess.label != guess.text)
            && (columns == 0 || guess.text >= 0),
        QStringLiteral("guessCsvColumns: text %1, label %2 of %3 columns")
            .arg(guess.text)
            .arg(guess.label)
            .arg(columns));
    for (const QString &name : table->header) {
        const int c = table->column(name);
        FUZZ_CHECK(c >= 0 && c < columns, QStringLiteral("column()"));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QString text = QStringLiteral("untouched");
    QString reason;
    if (!decodeText(bytes, &text, &reason)) {
        FUZZ_CHECK(!reason.isEmpty() && text == QStringLiteral("untouched"),
            QStringLiteral("decodeText failure"));
        // Pasted text does not go through decodeText: fuzz the CSV reader with it anyway.
        text = QString::fromUtf8(bytes);
    } else {
        QByteArray rest = bytes;
        while (rest.startsWith("\xEF\xBB\xBF") && text.toUtf8() != rest)
            rest.remove(0, 3);
        FUZZ_CHECK(text.toUtf8() == rest,
            QStringLiteral("decodeText gives %1 for %2")
                .arg(fuzz::excerpt(text), fuzz::excerpt(bytes)));
    }

    const QChar guessed = guessCsvSeparator(text);
    FUZZ_CHECK(guessed == u',' || guessed == u';' || guessed == u'\t',
        QStringLiteral("guessCsvSeparator"));
    checkTable(text, guessed);
    for (const QChar separator : {QChar(u','), QChar(u';'), QChar(u'\t')})
        if (separator != guessed)
            checkTable(text, separator);
    return 0;
}
