// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace sandbox::text {

/// A way of writing that the SyntheticModel takes on when its context asks for it (a chat's
/// system prompt "Answer like a pirate.", "Be formal.", "Answer briefly."): part of the model,
/// not of the request, so log_probs, /evaluate and /explain see it as generation does (and an
/// explanation shows the cue word as the reason for "Arr").
struct Style
{
    QString name;
    /// Words that call for the style (lower case); each occurrence in the context adds its weight.
    QStringList cues;
    /// Token text → what the style writes instead (" yes" → " aye", "." → "!").
    QList<QPair<QString, QString>> replacements;
    /// Sentences the style likes to open a reply with ("Arr, matey, here be me answer.").
    QStringList openers;
    /// Added to end-of-text's logit after a full sentence (> 0: shorter replies).
    double endBoost = 0;
};

/// The built-in styles: brief, formal, enthusiastic and pirate.
const QList<Style> &builtInStyles();

} // namespace sandbox::text
