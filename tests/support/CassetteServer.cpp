// SPDX-License-Identifier: MIT
#include "tests/support/CassetteServer.h"

#include "core/api/Json.h"
#include "tests/support/TestHttpServer.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace testsupport {

QByteArray Interaction::responseBytes() const
{
    if (responseBody.isString())
        return responseBody.toString().toUtf8();
    if (responseBody.isArray())
        return QJsonDocument(responseBody.toArray()).toJson(QJsonDocument::Compact);
    return QJsonDocument(responseBody.toObject()).toJson(QJsonDocument::Compact);
}

QString cassetteDir()
{
    const QByteArray env = qgetenv("ALEPH_CASSETTES");
    if (!env.isEmpty())
        return QString::fromLocal8Bit(env);
    return QStringLiteral(ALEPH_SOURCE_DIR "/tests/data/cassettes");
}

QList<Interaction> loadCassettes(QString *error)
{
    QList<Interaction> out;
    const QDir dir(cassetteDir());
    QStringList files;
    QDirIterator it(dir.path(), {u"*.json"_s}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(dir.relativeFilePath(it.next()));
    files.sort();
    for (const QString &file : files) {
        QFile f(dir.filePath(file));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
        const QJsonArray interactions = root.value(u"interactions"_s).toArray();
        for (qsizetype i = 0; i < interactions.size(); ++i) {
            const QJsonObject o = interactions.at(i).toObject();
            Interaction in;
            in.file = file;
            in.index = int(i);
            in.method = o.value(u"method"_s).toString().toLatin1();
            in.path = o.value(u"path"_s).toString().toUtf8();
            in.requestBody = o.value(u"request_body"_s);
            in.status = o.value(u"status"_s).toInt();
            in.contentType = o.value(u"response_headers"_s)
                                 .toObject()
                                 .value(u"Content-Type"_s)
                                 .toString()
                                 .toLatin1();
            in.responseBody = o.value(u"response_body"_s);
            out.append(in);
        }
    }
    if (out.isEmpty() && error)
        *error = u"no cassettes found in "_s + dir.absolutePath();
    return out;
}

QList<QByteArray> splitStream(const QByteArray &body)
{
    QList<QByteArray> chunks;
    qsizetype pos = 0;
    while (pos < body.size()) {
        qsizetype next = body.indexOf("\n\n", pos);
        next = next < 0 ? body.size() : next + 2;
        const QByteArray event = body.mid(pos, next - pos);
        // Cut each event in two, mid-line, so clients must join partial lines.
        const qsizetype half = event.size() / 2;
        if (half > 0) {
            chunks.append(event.left(half));
            chunks.append(event.mid(half));
        } else {
            chunks.append(event);
        }
        pos = next;
    }
    return chunks;
}

CassetteServer::CassetteServer(QObject *parent)
    : LoopbackHttpServer(parent)
{}

bool CassetteServer::load(QString *error)
{
    m_interactions = loadCassettes(error);
    return !m_interactions.isEmpty();
}

static QJsonValue parseBody(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return QJsonValue(QJsonValue::Null);
    const QJsonDocument doc = QJsonDocument::fromJson(bytes);
    if (doc.isObject())
        return doc.object();
    if (doc.isArray())
        return doc.array();
    return QString::fromUtf8(bytes);
}

void CassetteServer::handle(const RecordedRequest &request, Responder *responder)
{
    const QJsonValue body = core::json::stripNulls(parseBody(request.body));
    QList<int> matches;
    int closest = -1;
    int closestScore = -1;
    QString closestDiff;
    for (int i = 0; i < m_interactions.size(); ++i) {
        const Interaction &in = m_interactions.at(i);
        if (in.method != request.method || in.path != request.path)
            continue;
        const QJsonValue recorded = core::json::stripNulls(in.requestBody);
        const QString diff = core::json::firstDifference(recorded, body);
        if (diff.isEmpty()) {
            matches.append(i);
            continue;
        }
        // Closeness: how many top-level members agree.
        int score = 0;
        const QJsonObject ro = recorded.toObject();
        const QJsonObject bo = body.toObject();
        for (auto it = ro.begin(); it != ro.end(); ++it) {
            if (core::json::firstDifference(it.value(), bo.value(it.key())).isEmpty())
                ++score;
        }
        if (score > closestScore) {
            closestScore = score;
            closest = i;
            closestDiff = diff;
        }
    }
    if (matches.isEmpty()) {
        QJsonObject answer{{u"error"_s, u"no recorded interaction matches this request"_s},
            {u"method"_s, QString::fromLatin1(request.method)},
            {u"path"_s, QString::fromUtf8(request.path)}};
        if (closest >= 0) {
            answer.insert(u"closest"_s, m_interactions.at(closest).name());
            answer.insert(u"first_difference"_s, closestDiff);
            answer.insert(u"error"_s,
                u"no recorded interaction matches this request; closest: %1, first difference at \"%2\""_s
                    .arg(m_interactions.at(closest).name(), closestDiff));
        }
        responder->send(
            404, "application/json", QJsonDocument(answer).toJson(QJsonDocument::Compact));
        return;
    }
    // The same request recorded several times is answered in recorded order, then from the start.
    const int key = matches.first();
    const int pick = matches.at(m_servedCount[key]++ % matches.size());
    const Interaction &in = m_interactions.at(pick);
    if (!in.isStream()) {
        responder->send(in.status, in.contentType, in.responseBytes());
        return;
    }
    QList<QByteArray> chunks = splitStream(in.responseBytes());
    bool hold = false;
    if (m_holdAfter >= 0 && m_holdAfter < chunks.size()) {
        chunks = chunks.mid(0, m_holdAfter);
        hold = true;
    }
    responder->beginChunks(in.status, in.contentType);
    playChunks(responder, chunks, m_chunkDelayMs, hold, false);
}

} // namespace testsupport
