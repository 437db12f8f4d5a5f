// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>
#include <QStringList>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace ui {

/// "Save prompt": a name (the saved prompts' names offered as completions) and comma-separated
/// tags. Saving under an existing name adds a version to that prompt, which the dialog says.
class SavePromptDialog : public QDialog
{
    Q_OBJECT
public:
    /// `names`: the saved prompts' names; `initialName` and `initialTags` fill the fields.
    SavePromptDialog(const QStringList &names,
        const QString &initialName,
        const QStringList &initialTags,
        QWidget *parent = nullptr);
    QString name() const;
    /// The tags typed, split at commas, trimmed, empties dropped.
    QStringList tags() const;

private:
    void updateHint();

    QStringList m_names;
    QLineEdit *m_name;
    QLineEdit *m_tags;
    QLabel *m_hint;
    QDialogButtonBox *m_buttons;
};

} // namespace ui
