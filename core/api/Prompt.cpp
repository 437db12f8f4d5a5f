// SPDX-License-Identifier: MIT
#include "core/api/Prompt.h"

#include "core/api/ImageFile.h"

using namespace Qt::StringLiterals;

namespace core {

void TextControl::read(json::Reader &r)
{
    r.required(u"start"_s, start);
    r.required(u"length"_s, length);
    r.required(u"factor"_s, factor);
    r.optional(u"token_overlap"_s, tokenOverlap);
}

void TextControl::write(json::Writer &w) const
{
    w.put(u"start"_s, start);
    w.put(u"length"_s, length);
    w.put(u"factor"_s, factor);
    w.put(u"token_overlap"_s, tokenOverlap);
}

void ImageRect::read(json::Reader &r)
{
    r.required(u"left"_s, left);
    r.required(u"top"_s, top);
    r.required(u"width"_s, width);
    r.required(u"height"_s, height);
}

void ImageRect::write(json::Writer &w) const
{
    w.put(u"left"_s, left);
    w.put(u"top"_s, top);
    w.put(u"width"_s, width);
    w.put(u"height"_s, height);
}

void ImageControl::read(json::Reader &r)
{
    r.required(u"rect"_s, rect);
    r.required(u"factor"_s, factor);
    r.optional(u"token_overlap"_s, tokenOverlap);
}

void ImageControl::write(json::Writer &w) const
{
    w.put(u"rect"_s, rect);
    w.put(u"factor"_s, factor);
    w.put(u"token_overlap"_s, tokenOverlap);
}

void TokenControl::read(json::Reader &r)
{
    r.required(u"index"_s, index);
    r.required(u"factor"_s, factor);
}

void TokenControl::write(json::Writer &w) const
{
    w.put(u"index"_s, index);
    w.put(u"factor"_s, factor);
}

PromptItem PromptItem::fromText(const QString &text)
{
    PromptItem item;
    item.type = Type::Text;
    item.text = text;
    item.textControls = QList<TextControl>();
    return item;
}

PromptItem PromptItem::fromTokenIds(const QList<qint64> &ids)
{
    PromptItem item;
    item.type = Type::TokenIds;
    item.tokenIds = ids;
    item.tokenControls = QList<TokenControl>();
    return item;
}

PromptItem PromptItem::fromImageBytes(const QByteArray &fileBytes)
{
    PromptItem item;
    item.type = Type::Image;
    item.imageBase64 = QString::fromLatin1(fileBytes.toBase64());
    item.imageControls = QList<ImageControl>();
    return item;
}

std::optional<PromptItem> PromptItem::fromImageFile(const QString &path, QString *error)
{
    const std::optional<ImageFile> image = ImageFile::load(path, error);
    if (!image)
        return std::nullopt;
    return fromImageBytes(image->bytes);
}

QString PromptItem::typeName(Type type)
{
    switch (type) {
    case Type::Text:
        return u"text"_s;
    case Type::Image:
        return u"image"_s;
    case Type::TokenIds:
        return u"token_ids"_s;
    }
    return {};
}

void PromptItem::read(json::Reader &r)
{
    QString typeString;
    r.required(u"type"_s, typeString);
    if (r.failed())
        return;
    if (typeString == u"text"_s) {
        type = Type::Text;
        r.required(u"data"_s, text);
        r.optional(u"controls"_s, textControls);
    } else if (typeString == u"image"_s) {
        type = Type::Image;
        r.required(u"data"_s, imageBase64);
        r.optional(u"x"_s, x);
        r.optional(u"y"_s, y);
        r.optional(u"size"_s, size);
        r.optional(u"controls"_s, imageControls);
    } else if (typeString == u"token_ids"_s) {
        type = Type::TokenIds;
        r.required(u"data"_s, tokenIds);
        r.optional(u"controls"_s, tokenControls);
    } else {
        r.context().child(u"type"_s).fail(
            u"unknown prompt item type \"%1\" (expected text, image or token_ids)"_s.arg(
                typeString));
    }
}

void PromptItem::write(json::Writer &w) const
{
    w.put(u"type"_s, typeName(type));
    switch (type) {
    case Type::Text:
        w.put(u"data"_s, text);
        w.put(u"controls"_s, textControls);
        break;
    case Type::Image:
        w.put(u"data"_s, imageBase64);
        w.put(u"x"_s, x);
        w.put(u"y"_s, y);
        w.put(u"size"_s, size);
        w.put(u"controls"_s, imageControls);
        break;
    case Type::TokenIds:
        w.put(u"data"_s, tokenIds);
        w.put(u"controls"_s, tokenControls);
        break;
    }
}

Prompt Prompt::fromText(const QString &text)
{
    Prompt prompt;
    prompt.items.append(PromptItem::fromText(text));
    return prompt;
}

QString Prompt::text() const
{
    if (plainText)
        return *plainText;
    QString out;
    for (const PromptItem &item : items) {
        if (item.type == PromptItem::Type::Text)
            out += item.text;
    }
    return out;
}

void ControlOptions::readControls(json::Reader &r)
{
    r.optional(u"contextual_control_threshold"_s, contextualControlThreshold);
    r.optional(u"control_log_additive"_s, controlLogAdditive);
}

void ControlOptions::writeControls(json::Writer &w) const
{
    w.put(u"contextual_control_threshold"_s, contextualControlThreshold);
    w.put(u"control_log_additive"_s, controlLogAdditive);
}

namespace json {

bool read(const QJsonValue &v, Prompt &out, const Context &c)
{
    out = Prompt();
    if (v.isString()) {
        out.plainText = v.toString();
        return true;
    }
    if (!v.isArray()) {
        c.fail(u"expected a string or an array of prompt items, got "_s + typeName(v));
        return false;
    }
    return read(v, out.items, c);
}

} // namespace json

QJsonValue toValue(const Prompt &v)
{
    if (v.plainText)
        return *v.plainText;
    return json::toValue(v.items);
}
} // namespace core
