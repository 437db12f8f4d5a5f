// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Prompt.h"
#include "sandbox/ModelTable.h"
#include "sandbox/SyntheticModel.h"

#include <QList>
#include <QRect>
#include <QRectF>
#include <QSize>
#include <QString>

#include <optional>

namespace sandbox {

/// One prompt item as the model sees it: the context positions it fills.
struct EncodedItem
{
    core::PromptItem::Type type = core::PromptItem::Type::Text;
    qsizetype first = 0; ///< first context position
    qsizetype count = 0; ///< positions: tokens of a text, 144 patches of an image, ids of token_ids
    QString text;
    QList<TextToken> tokens; ///< text items
    QSize imageSize; ///< image items: the whole image, in pixels
    QRect crop; ///< image items: the part the patches cover, in pixels
};

/// A whole prompt as the model sees it.
struct EncodedPrompt
{
    QList<ContextToken> context; ///< every item's positions, in item order
    QList<EncodedItem> items;
    QString text; ///< the text items joined (echo)
};

/// Encodes a prompt (reference/API-ENDPOINTS.md, "Prompt"; a plain string is one text item) for
/// `target`, with its attention controls applied to the positions' weights:
/// - text: the Tokenizer's tokens; a text control multiplies the weight of each token whose
///   tokenRange() overlaps() [start, start + length), by its token_overlap or `defaultOverlap`
///   ("partial" or "complete");
/// - image (multimodal models only): 144 colour-word positions, a 12 × 12 grid over the crop
///   (x, y, size in pixels) or, uncropped, stretched over the whole image; an image control's
///   rect (0..1 of the whole image) weights the patches it intersects or, "complete", contains;
/// - token_ids: the ids as given; a control's index counts within the item.
/// With `contextualControlThreshold`, a controlled token's factor also applies to the same token
/// id everywhere else (their similarity, 1, is above any threshold).
///
/// nullopt with a message in `error` (the caller adds endpoint and field) when the model takes no
/// images, a crop reaches beyond 2^20 pixels or below 0, the bytes are not an image, a token id is
/// end-of-text or outside the vocabulary, or a token control's index is beyond its item.
std::optional<EncodedPrompt> encodePrompt(const SyntheticModel &model,
    const core::Prompt &prompt,
    const SandboxModel &target,
    std::optional<double> contextualControlThreshold,
    const QString &defaultOverlap,
    QString *error);

/// Patch (row, column) of an image item, `span` patches high and wide, as a rectangle in 0..1
/// coordinates of the whole image (the rects of image controls and of /explain's image scores).
/// Rows and columns count 0..11 over the crop.
QRectF patchRect(const EncodedItem &item, int row, int column, int span = 1);

} // namespace sandbox
