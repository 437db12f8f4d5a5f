// SPDX-License-Identifier: MIT
#include "ui/library/PromptKeeper.h"

namespace ui {

PromptKeeper::PromptKeeper(std::function<core::PromptVersion()> current, QObject *parent)
    : QObject(parent)
    , m_current(std::move(current))
{}

void PromptKeeper::setLibrary(core::PromptLibrary *library)
{
    if (m_library)
        disconnect(m_library, nullptr, this, nullptr);
    m_library = library;
    if (m_library)
        connect(m_library, &core::PromptLibrary::changed, this, &PromptKeeper::linkChanged);
    Q_EMIT linkChanged();
}

void PromptKeeper::setLinkedId(qint64 id)
{
    if (id == m_id)
        return;
    m_id = id;
    Q_EMIT linkChanged();
}

qint64 PromptKeeper::save(const QString &name, const QStringList &tags, QString *error)
{
    if (!m_library) {
        *error = tr("There is no prompt library (the history database is not open).");
        return 0;
    }
    const qint64 id = m_library->save(name, tags, m_current());
    if (id == 0) {
        *error = m_library->lastError();
        return 0;
    }
    m_id = id;
    Q_EMIT linkChanged();
    return id;
}

int PromptKeeper::recordRun()
{
    if (!m_library || m_id == 0)
        return 0;
    const auto saved = m_library->prompt(m_id);
    if (!saved) {
        setLinkedId(0); // deleted meanwhile
        return 0;
    }
    const int number = m_library->addVersion(m_id, m_current());
    return number > saved->latestVersion ? number : 0;
}

QString PromptKeeper::linkText() const
{
    const auto saved = m_library && m_id ? m_library->prompt(m_id) : std::nullopt;
    if (!saved)
        return QString();
    return tr("Saved prompt “%1” · version %2").arg(saved->name).arg(saved->latestVersion);
}

} // namespace ui
