// SPDX-License-Identifier: MIT
#include "core/export/TableText.h"

#include "core/util/Csv.h"

#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace core {

QString tableToCsv(const QStringList &header, const QList<QStringList> &rows)
{
    const auto record = [](const QStringList &cells) -> QString {
        QStringList fields;
        for (const QString &cell : cells)
            fields.append(csvField(cell));
        return fields.join(u',') + u'\n';
    };
    QString out = record(header);
    for (const QStringList &row : rows)
        out += record(row);
    return out;
}

QString tableToTabSeparated(const QList<QStringList> &rows)
{
    QStringList lines;
    for (const QStringList &row : rows) {
        QStringList cells;
        for (QString cell : row)
            cells.append(cell.replace(u'\t', u' ').replace(u'\n', u' '));
        lines.append(cells.join(u'\t'));
    }
    return lines.join(u'\n');
}

bool saveTextFile(const QString &path, const QString &text, QString *reason)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit()) {
        *reason = file.errorString();
        return false;
    }
    return true;
}

} // namespace core
