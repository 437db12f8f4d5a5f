// SPDX-License-Identifier: MIT
#include "core/api/Explanation.h"

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace core {

PromptGranularity PromptGranularity::custom(const QString &delimiter)
{
    PromptGranularity g;
    g.type = u"custom"_s;
    g.delimiter = delimiter;
    return g;
}

void PromptGranularity::read(json::Reader &r)
{
    r.requiredEnum(
        u"type"_s, type, {u"token"_s, u"word"_s, u"sentence"_s, u"paragraph"_s, u"custom"_s});
    r.optional(u"delimiter"_s, delimiter);
    if (!r.failed() && r.context().mode == json::Mode::Strict && type == u"custom"_s
        && delimiter.value_or(QString()).isEmpty())
        r.context().child(u"delimiter"_s).fail(u"required and non-empty when type is \"custom\""_s);
}

void PromptGranularity::write(json::Writer &w) const
{
    w.put(u"type"_s, type);
    w.put(u"delimiter"_s, delimiter);
}

void ExplanationRequest::read(json::Reader &r)
{
    r.required(u"model"_s, model);
    r.optionalEnum(u"hosting"_s, hosting, {u"aleph-alpha"_s});
    r.required(u"prompt"_s, prompt);
    if (r.value(u"target"_s).isUndefined() && r.context().mode == json::Mode::Strict)
        r.context().child(u"target"_s).failMissing(); // required, though it may be null
    r.optional(u"target"_s, target);
    r.optional(u"control_factor"_s, controlFactor);
    readControls(r);
    r.optionalEnum(u"postprocessing"_s, postprocessing, {u"none"_s, u"absolute"_s, u"square"_s});
    r.optional(u"normalize"_s, normalize);
    r.optional(u"prompt_granularity"_s, promptGranularity);
    r.optionalEnum(u"target_granularity"_s, targetGranularity, {u"complete"_s, u"token"_s});
    r.optionalEnum(u"control_token_overlap"_s, controlTokenOverlap, {u"partial"_s, u"complete"_s});
}

void ExplanationRequest::write(json::Writer &w) const
{
    w.put(u"model"_s, model);
    w.put(u"hosting"_s, hosting);
    w.put(u"prompt"_s, prompt);
    w.putValue(u"target"_s, target ? QJsonValue(*target) : QJsonValue(QJsonValue::Null));
    w.put(u"control_factor"_s, controlFactor);
    writeControls(w);
    w.put(u"postprocessing"_s, postprocessing);
    w.put(u"normalize"_s, normalize);
    w.put(u"prompt_granularity"_s, promptGranularity);
    w.put(u"target_granularity"_s, targetGranularity);
    w.put(u"control_token_overlap"_s, controlTokenOverlap);
}

void TextScore::read(json::Reader &r)
{
    r.required(u"start"_s, start);
    r.required(u"length"_s, length);
    r.required(u"score"_s, score);
}

bool read(const json::Element &v, TextScore &out, const json::Context &c)
{
    const json::NumberMember members[]{{"start", &out.start, nullptr},
        {"length", &out.length, nullptr},
        {"score", nullptr, &out.score}};
    if (json::readNumberObject(v, members, 3)) {
        out.extra = {};
        return true;
    }
    return json::read<TextScore>(v, out, c);
}

void TextScore::write(json::Writer &w) const
{
    w.put(u"start"_s, start);
    w.put(u"length"_s, length);
    w.put(u"score"_s, score);
}

namespace {
/// `fraction` of `size` in pixels, within 0..size: a server's NaN, infinity or 6.4e302 cannot
/// overflow the conversion to int.
int pixels(double fraction, int size)
{
    if (!std::isfinite(fraction))
        return 0;
    return int(std::clamp(fraction, 0.0, 1.0) * std::max(0, size));
}

/// start + length of a server's TextScore without overflow (a length of 2147483647 is the end).
int endOf(int start, int length)
{
    return int(std::min<qint64>(
        qint64(std::max(0, start)) + std::max(0, length), std::numeric_limits<int>::max()));
}
} // namespace

QRect ImageScore::inPixels(int width, int height) const
{
    const int left = pixels(rect.left, width);
    const int top = pixels(rect.top, height);
    return QRect(left,
        top,
        std::min(pixels(rect.width, width), std::max(0, width) - left),
        std::min(pixels(rect.height, height), std::max(0, height) - top));
}

void ImageScore::read(json::Reader &r)
{
    r.required(u"rect"_s, rect);
    r.required(u"score"_s, score);
}

void ImageScore::write(json::Writer &w) const
{
    w.put(u"rect"_s, rect);
    w.put(u"score"_s, score);
}

namespace {
/// The UTF-16 index of code point `codePoints` of `text` (clamped to the end).
int utf16Index(const QString &text, int codePoints, int from = 0, int counted = 0)
{
    int i = from;
    while (counted < codePoints && i < text.size()) {
        i += (text.at(i).isHighSurrogate() && i + 1 < text.size()
                 && text.at(i + 1).isLowSurrogate())
            ? 2
            : 1;
        ++counted;
    }
    return i;
}

int codePointCount(const QString &text, int from, int to)
{
    int n = 0;
    for (int i = from; i < to && i < text.size(); ++i)
        if (!(text.at(i).isLowSurrogate() && i > 0 && text.at(i - 1).isHighSurrogate()))
            ++n;
    return n;
}
} // namespace

QPair<int, int> TextScore::utf16Range(const QString &text) const
{
    const int first = utf16Index(text, std::max(0, start));
    const int last = utf16Index(text, endOf(start, length), first, std::max(0, start));
    return {first, last};
}

TextScore TextScore::fromUtf16(const QString &text, int utf16Start, int utf16Length, double score)
{
    TextScore s;
    s.start = codePointCount(text, 0, utf16Start);
    s.length = codePointCount(text, utf16Start, utf16Start + utf16Length);
    s.score = score;
    return s;
}

QString ExplanationItem::segmentText(const QString &text, const TextScore &score)
{
    const auto [first, last] = score.utf16Range(text);
    return text.mid(first, last - first);
}

void ExplanationItem::read(json::Reader &r)
{
    r.required(u"type"_s, typeName);
    if (r.failed())
        return;
    if (typeName == u"text"_s || typeName == u"target"_s) {
        type = typeName == u"text"_s ? Type::Text : Type::Target;
        r.required(u"scores"_s, textScores);
    } else if (typeName == u"image"_s) {
        type = Type::Image;
        r.required(u"scores"_s, imageScores);
    } else if (typeName == u"token_ids"_s) {
        type = Type::TokenIds;
        r.required(u"scores"_s, tokenScores);
    } else {
        type = Type::Other; // a newer item type: "scores" stays in extra
    }
}

void ExplanationItem::write(json::Writer &w) const
{
    w.put(u"type"_s, typeName);
    switch (type) {
    case Type::Text:
    case Type::Target:
        w.put(u"scores"_s, textScores);
        break;
    case Type::Image:
        w.put(u"scores"_s, imageScores);
        break;
    case Type::TokenIds:
        w.put(u"scores"_s, tokenScores);
        break;
    case Type::Other:
        break;
    }
}

void Explanation::read(json::Reader &r)
{
    r.required(u"target"_s, target);
    r.required(u"items"_s, items);
}

void Explanation::write(json::Writer &w) const
{
    w.put(u"target"_s, target);
    w.put(u"items"_s, items);
}

void ExplanationResponse::read(json::Reader &r)
{
    r.optional(u"model_version"_s, modelVersion);
    r.required(u"explanations"_s, explanations);
}

void ExplanationResponse::write(json::Writer &w) const
{
    w.put(u"model_version"_s, modelVersion);
    w.put(u"explanations"_s, explanations);
}

} // namespace core
