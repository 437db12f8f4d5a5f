// SPDX-License-Identifier: MIT
#pragma once
// k-nearest-neighbour label agreement of embeddings, for the sandbox's meaning tests and bench.

#include "core/util/Csv.h"

#include <QFile>
#include <QList>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <optional>
#include <utility>

namespace knn {

/// A labelled sample set of resources/embeddings/ (label column first, text second).
struct LabelledSet
{
    QStringList labels;
    QStringList texts;
};

/// Reads `path`; nullopt when it is missing or not a two-column CSV.
inline std::optional<LabelledSet> readSet(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    QString error;
    const std::optional<core::CsvTable> table
        = core::readCsv(QString::fromUtf8(file.readAll()), &error);
    if (!table || table->header.size() != 2)
        return std::nullopt;
    LabelledSet set;
    for (const QStringList &row : table->rows) {
        set.labels.append(row.at(0));
        set.texts.append(row.at(1));
    }
    return set;
}

inline double cosine(const QList<float> &a, const QList<float> &b)
{
    double ab = 0, aa = 0, bb = 0;
    for (qsizetype i = 0; i < a.size() && i < b.size(); ++i) {
        ab += double(a.at(i)) * b.at(i);
        aa += double(a.at(i)) * a.at(i);
        bb += double(b.at(i)) * b.at(i);
    }
    return aa > 0 && bb > 0 ? ab / std::sqrt(aa * bb) : 0.0;
}

/// The share of the `k` nearest neighbours (cosine, the text itself left out) of every text that
/// have its label, over all texts: 0..1 (1/labels by chance for balanced sets).
inline double agreement(const QList<QList<float>> &vectors, const QStringList &labels, int k = 5)
{
    qsizetype agree = 0;
    qsizetype total = 0;
    for (qsizetype i = 0; i < vectors.size(); ++i) {
        QList<std::pair<double, qsizetype>> neighbours;
        for (qsizetype j = 0; j < vectors.size(); ++j)
            if (j != i)
                neighbours.append({cosine(vectors.at(i), vectors.at(j)), j});
        std::partial_sort(neighbours.begin(),
            neighbours.begin() + std::min<qsizetype>(k, neighbours.size()),
            neighbours.end(),
            [](const auto &a, const auto &b) {
                return a.first != b.first ? a.first > b.first : a.second < b.second;
            });
        for (qsizetype n = 0; n < std::min<qsizetype>(k, neighbours.size()); ++n, ++total)
            agree += labels.at(neighbours.at(n).second) == labels.at(i);
    }
    return total ? double(agree) / double(total) : 0.0;
}

} // namespace knn
