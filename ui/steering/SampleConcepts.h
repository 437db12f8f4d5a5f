// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QPair>
#include <QString>

namespace ui {

/// A steering concept ready to try: its name, what it does, and its example pairs
/// (negative → positive). Pure data (no widgets), shared by the Steering tab's "Samples" menu and
/// the tests that check the sandbox's steering with them.
struct SampleConcept
{
    QString name;
    QString description;
    QList<QPair<QString, QString>> pairs; ///< (negative, positive)

    /// The name and description in the window's language (name and description stay English:
    /// they are the key and what a library entry stores).
    QString displayName() const;
    QString displayDescription() const;
};

/// Neutral → enthusiastic, casual → formal, English → German words.
const QList<SampleConcept> &sampleConcepts();

} // namespace ui
