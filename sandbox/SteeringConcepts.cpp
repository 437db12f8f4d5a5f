// SPDX-License-Identifier: MIT
#include "sandbox/SteeringConcepts.h"

#include "sandbox/SteeringLearning.h"
#include "sandbox/text/Words.h"

#include <QJsonDocument>
#include <QMutexLocker>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace sandbox {

namespace {

/// Words (runs of letters, digits and apostrophes) and single punctuation marks of `text`.
QStringList diffUnits(const QString &text)
{
    QStringList out;
    QString word;
    for (const QChar c : text) {
        if (c.isLetterOrNumber() || c == u'\'') {
            word += c;
            continue;
        }
        if (!word.isEmpty())
            out.append(word);
        word.clear();
        if (!c.isSpace())
            out.append(QString(c));
    }
    if (!word.isEmpty())
        out.append(word);
    return out;
}

bool isPunctuation(const QString &unit)
{
    return unit.size() == 1 && !unit.at(0).isLetterOrNumber();
}

/// The text of `units` as the model writes it: words after a space, punctuation attached.
QString spaced(const QStringList &units)
{
    QString out;
    for (const QString &unit : units)
        out += isPunctuation(unit) ? unit : u' ' + unit;
    return out;
}

QString capitalised(QString s)
{
    for (qsizetype i = 0; i < s.size(); ++i)
        if (s.at(i).isLetter()) {
            s[i] = s.at(i).toUpper();
            break;
        }
    return s;
}

QString lowered(QString s)
{
    for (qsizetype i = 0; i < s.size(); ++i)
        if (s.at(i).isLetter()) {
            s[i] = s.at(i).toLower();
            break;
        }
    return s;
}

} // namespace

Steering SteeringConcepts::fromExamples(
    const Tokenizer &tokenizer, const QList<QPair<QString, QString>> &pairs)
{
    Steering steering;
    const auto wordsOf = [&tokenizer](const QString &text) {
        QSet<qint64> ids;
        for (const TextToken &t : tokenizer.encode(text)) {
            if (!tokenizer.isWord(t.id)) // pieces of words say nothing alone
                continue;
            const QString word = text.mid(t.start, t.length).trimmed();
            ids.insert(t.id);
            for (const bool space : {true, false}) {
                const qint64 id = tokenizer.wordId(word, space);
                if (id >= 0)
                    ids.insert(id);
            }
        }
        return ids;
    };
    const auto stemsOf = [](const QString &text) {
        QSet<quint64> stems;
        text::forEachWord(text.toUtf8(), [&](QByteArrayView word) {
            if (!text::isStopword(word))
                stems.insert(text::stemHash(word));
        });
        return stems;
    };
    QList<QPair<QString, QString>> wordChanges;
    // `atStart`: both runs open their sentences, so their capitals say nothing of the words.
    const auto addReplacement = [&](const QString &from, const QString &to, bool atStart) {
        for (const bool upper : {false, true}) {
            const QString f = upper ? capitalised(from) : lowered(from);
            const QList<qint64> fromIds = tokenizer.encodeIds(f);
            if (fromIds.size() != 1)
                continue;
            const QString t = upper ? capitalised(to) : atStart ? lowered(to) : to;
            const QList<qint64> toIds = tokenizer.encodeIds(t);
            if (toIds != fromIds)
                steering.replacements.append({fromIds.first(), toIds});
        }
    };
    for (const auto &[negative, positive] : pairs) {
        steering.positive += wordsOf(positive);
        steering.negative += wordsOf(negative);
        steering.positiveStems += stemsOf(positive);
        steering.negativeStems += stemsOf(negative);
        // Word diff: the longest common subsequence, then each replaced run.
        const QStringList a = diffUnits(negative);
        const QStringList b = diffUnits(positive);
        QList<QList<int>> lcs(a.size() + 1, QList<int>(b.size() + 1, 0));
        for (qsizetype i = a.size() - 1; i >= 0; --i)
            for (qsizetype j = b.size() - 1; j >= 0; --j)
                lcs[i][j] = a.at(i).compare(b.at(j), Qt::CaseInsensitive) == 0
                    ? lcs[i + 1][j + 1] + 1
                    : std::max(lcs[i + 1][j], lcs[i][j + 1]);
        qsizetype i = 0, j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size()
                && a.at(i).compare(b.at(j), Qt::CaseInsensitive) == 0) {
                ++i;
                ++j;
                continue;
            }
            const qsizetype i0 = i, j0 = j;
            while (i < a.size() || j < b.size()) {
                if (i < a.size() && j < b.size()
                    && a.at(i).compare(b.at(j), Qt::CaseInsensitive) == 0)
                    break;
                if (j >= b.size() || (i < a.size() && lcs[i + 1][j] >= lcs[i][j + 1]))
                    ++i;
                else
                    ++j;
            }
            const QStringList from = a.mid(i0, i - i0);
            const QStringList to = b.mid(j0, j - j0);
            if (from.isEmpty() || to.isEmpty())
                continue;
            const bool atStart = i0 == 0 && j0 == 0;
            if (from.size() == to.size()) {
                for (qsizetype k = 0; k < from.size(); ++k) {
                    addReplacement(spaced({from.at(k)}), spaced({to.at(k)}), atStart && k == 0);
                    if (!isPunctuation(from.at(k)) && !isPunctuation(to.at(k)))
                        wordChanges.append({from.at(k), to.at(k)});
                }
            } else {
                addReplacement(spaced({from.first()}), spaced(to), atStart);
            }
        }
    }
    steering.learned = std::make_shared<const LearnedSteering>(tokenizer, wordChanges);
    const QSet<qint64> both = steering.positive & steering.negative;
    steering.positive -= both;
    steering.negative -= both;
    const QSet<quint64> shared = steering.positiveStems & steering.negativeStems;
    steering.positiveStems -= shared;
    steering.negativeStems -= shared;
    return steering;
}

std::optional<Steering> SteeringConcepts::find(const QString &id) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_concepts.constFind(id);
    if (it == m_concepts.cend())
        return std::nullopt;
    return it.value();
}

void SteeringConcepts::insert(
    const QString &id, const Steering &steering, const QJsonObject &request)
{
    QMutexLocker lock(&m_mutex);
    const bool known = m_concepts.contains(id);
    m_concepts.insert(id, steering);
    if (!known && !m_stateFile.isEmpty()) {
        m_requests.append(request);
        QSaveFile file(m_stateFile);
        if (!file.open(QIODevice::WriteOnly)
            || file.write(QJsonDocument(QJsonObject{{u"steering_concepts"_s, m_requests}}).toJson())
                < 0
            || !file.commit())
            qWarning("aleph-sandbox: cannot keep steering concepts in %s: %s",
                qPrintable(m_stateFile),
                qPrintable(file.errorString()));
    }
}

void SteeringConcepts::keepIn(const QString &path, const QJsonArray &requests)
{
    QMutexLocker lock(&m_mutex);
    for (const QJsonValue &request : requests)
        m_requests.append(request);
    m_stateFile = path;
}

} // namespace sandbox
