// SPDX-License-Identifier: MIT
#pragma once

#include "core/storage/PromptLibrary.h"

#include <QObject>
#include <QPointer>

#include <functional>

namespace ui {

/// Keeps the Completion tab's prompt in the prompt library: which saved prompt the tab shows (its
/// link), saving it under a name, and a new version each time a run sends content that differs
/// from the saved prompt's newest version.
class PromptKeeper : public QObject
{
    Q_OBJECT
public:
    /// `current` gives the version the tab's form describes now (its date not set).
    explicit PromptKeeper(std::function<core::PromptVersion()> current, QObject *parent = nullptr);

    /// Where prompts are kept (not owned; may be null: nothing is kept).
    void setLibrary(core::PromptLibrary *library);
    core::PromptLibrary *library() const { return m_library; }
    /// The saved prompt the tab shows (0: none).
    qint64 linkedId() const { return m_id; }
    /// The tab shows saved prompt `id` now (0: none).
    void setLinkedId(qint64 id);

    /// Saves the current prompt as `name` with `tags` (a new prompt, or a new version of the one
    /// of that name) and links the tab to it. The prompt's id; 0 with `error` on failure.
    qint64 save(const QString &name, const QStringList &tags, QString *error);
    /// A run is sent: when the tab is linked and its content changed, a new version is stored.
    /// The new version's number, or 0 when none was made. A link to a deleted prompt is dropped.
    int recordRun();
    /// One line for the tab: "Saved prompt “Poem” · version 3", or "" when not linked.
    QString linkText() const;

Q_SIGNALS:
    /// The link or the linked prompt's name or version changed (linkText()).
    void linkChanged();

private:
    std::function<core::PromptVersion()> m_current;
    QPointer<core::PromptLibrary> m_library;
    qint64 m_id = 0;
};

} // namespace ui
