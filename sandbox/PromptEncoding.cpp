// SPDX-License-Identifier: MIT
#include "sandbox/PromptEncoding.h"

#include "sandbox/TextSpans.h"

#include <QHash>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace sandbox {

namespace {

constexpr qint64 kMaxImageSide = 1 << 20; // no image is larger: a crop beyond it cannot fit

} // namespace

QRectF patchRect(const EncodedItem &item, int row, int column, int span)
{
    // An uncropped image that is not square: the grid is stretched over the whole image, as the
    // real API's tiles are (recorded explanations of a 1200×630 image give thirds of both sides).
    const double cellWidth = double(item.crop.width()) / SyntheticModel::kPatchGrid;
    const double cellHeight = double(item.crop.height()) / SyntheticModel::kPatchGrid;
    const double w = std::max(1, item.imageSize.width());
    const double h = std::max(1, item.imageSize.height());
    return QRectF((item.crop.x() + column * cellWidth) / w,
        (item.crop.y() + row * cellHeight) / h,
        span * cellWidth / w,
        span * cellHeight / h);
}

std::optional<EncodedPrompt> encodePrompt(const SyntheticModel &model,
    const core::Prompt &prompt,
    const SandboxModel &target,
    std::optional<double> contextualControlThreshold,
    const QString &defaultOverlap,
    QString *error)
{
    EncodedPrompt out;
    QList<core::PromptItem> items = prompt.items;
    if (prompt.isPlainText())
        items = {core::PromptItem::fromText(*prompt.plainText)};
    QSet<qsizetype> controlled;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const core::PromptItem &item = items.at(i);
        EncodedItem encoded;
        encoded.type = item.type;
        encoded.first = out.context.size();
        switch (item.type) {
        case core::PromptItem::Type::Text: {
            encoded.text = item.text;
            encoded.tokens = model.tokenizer().encode(item.text);
            for (const TextToken &t : std::as_const(encoded.tokens))
                out.context.append({t.id, 1.0});
            for (const core::TextControl &control :
                item.textControls.value_or(QList<core::TextControl>())) {
                const bool complete
                    = control.tokenOverlap.value_or(defaultOverlap) == u"complete"_s;
                for (qsizetype k = 0; k < encoded.tokens.size(); ++k) {
                    const auto [start, end] = tokenRange(item.text, encoded.tokens.at(k));
                    // 64-bit: start and length are the request's own, each up to INT_MAX
                    if (overlaps(start,
                            end,
                            control.start,
                            qint64(control.start) + control.length,
                            complete)) {
                        out.context[encoded.first + k].weight *= control.factor;
                        controlled.insert(encoded.first + k);
                    }
                }
            }
            out.text += item.text;
            break;
        }
        case core::PromptItem::Type::Image: {
            if (!target.settings.multimodal.value_or(false)) {
                *error = u"This model does not accept images in the prompt."_s;
                return std::nullopt;
            }
            if (item.x && item.y && item.size
                && (*item.x < 0 || *item.y < 0 || qint64(*item.x) + *item.size > kMaxImageSide
                    || qint64(*item.y) + *item.size > kMaxImageSide)) {
                // Checked here in 64-bit: QRect(x, y, size, size) would overflow for such values.
                *error = u"prompt item %1: the crop (x %2, y %3, size %4) is outside any image"_s
                             .arg(i)
                             .arg(*item.x)
                             .arg(*item.y)
                             .arg(*item.size);
                return std::nullopt;
            }
            const QByteArray bytes = QByteArray::fromBase64(item.imageBase64.toLatin1());
            QSize size;
            const std::optional<QList<qint64>> patches
                = model.imagePatches(bytes, item.x, item.y, item.size, &size, error);
            if (!patches) {
                *error = u"prompt item %1: %2"_s.arg(i).arg(*error);
                return std::nullopt;
            }
            encoded.imageSize = size;
            // Not cropped: the patches cover the whole image, cells stretched to its sides.
            encoded.crop = item.size ? QRect(*item.x, *item.y, *item.size, *item.size)
                                     : QRect(QPoint(0, 0), size);
            for (const qint64 id : *patches)
                out.context.append({id, 1.0});
            for (const core::ImageControl &control :
                item.imageControls.value_or(QList<core::ImageControl>())) {
                const QRectF rect(
                    control.rect.left, control.rect.top, control.rect.width, control.rect.height);
                const bool complete
                    = control.tokenOverlap.value_or(defaultOverlap) == u"complete"_s;
                for (int row = 0; row < SyntheticModel::kPatchGrid; ++row) {
                    for (int column = 0; column < SyntheticModel::kPatchGrid; ++column) {
                        const QRectF patch = patchRect(encoded, row, column);
                        if (complete ? rect.contains(patch) : rect.intersects(patch)) {
                            const qsizetype position
                                = encoded.first + row * SyntheticModel::kPatchGrid + column;
                            out.context[position].weight *= control.factor;
                            controlled.insert(position);
                        }
                    }
                }
            }
            break;
        }
        case core::PromptItem::Type::TokenIds: {
            for (const qint64 id : item.tokenIds) {
                if (!model.tokenizer().isValid(id) || id == Tokenizer::kEndOfText) {
                    *error
                        = u"prompt item %1: token id %2 is not in the vocabulary (1..%3)"_s.arg(i)
                              .arg(id)
                              .arg(model.tokenizer().vocabularySize() - 1);
                    return std::nullopt;
                }
                out.context.append({id, 1.0});
            }
            for (const core::TokenControl &control :
                item.tokenControls.value_or(QList<core::TokenControl>())) {
                if (control.index >= item.tokenIds.size()) {
                    *error = u"prompt item %1: control index %2 is beyond the item's %3 tokens"_s
                                 .arg(i)
                                 .arg(control.index)
                                 .arg(item.tokenIds.size());
                    return std::nullopt;
                }
                out.context[encoded.first + control.index].weight *= control.factor;
                controlled.insert(encoded.first + control.index);
            }
            QString ignored;
            out.text += model.tokenizer().decode(item.tokenIds, &ignored).value_or(QString());
            break;
        }
        }
        encoded.count = out.context.size() - encoded.first;
        out.items.append(encoded);
    }
    // contextual_control_threshold: a control also applies to the same tokens elsewhere (their
    // similarity, 1, is above any threshold).
    if (contextualControlThreshold) {
        QHash<qint64, double> factors;
        for (const qsizetype position : std::as_const(controlled))
            factors.insert(out.context.at(position).id, out.context.at(position).weight);
        for (qsizetype p = 0; p < out.context.size(); ++p)
            if (!controlled.contains(p) && factors.contains(out.context.at(p).id))
                out.context[p].weight *= factors.value(out.context.at(p).id);
    }
    return out;
}

} // namespace sandbox
