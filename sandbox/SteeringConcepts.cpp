// SPDX-License-Identifier: MIT
#include "sandbox/SteeringConcepts.h"

#include <QJsonDocument>
#include <QMutexLocker>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace sandbox {

std::optional<Steering> SteeringConcepts::find(const QString &id) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_concepts.constFind(id);
    if (it == m_concepts.cend())
        return std::nullopt;
    return it.value();
}

void SteeringConcepts::insert(const QString &id, const Steering &steering, const QJsonObject &request)
{
    QMutexLocker lock(&m_mutex);
    const bool known = m_concepts.contains(id);
    m_concepts.insert(id, steering);
    if (!known && !m_stateFile.isEmpty()) {
        m_requests.append(request);
        QSaveFile file(m_stateFile);
        if (!file.open(QIODevice::WriteOnly)
            || file.write(QJsonDocument(QJsonObject{{u"steering_concepts"_s, m_requests}}).toJson()) < 0 || !file.commit())
            qWarning("aleph-sandbox: cannot keep steering concepts in %s: %s", qPrintable(m_stateFile), qPrintable(file.errorString()));
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
