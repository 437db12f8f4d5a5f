// SPDX-License-Identifier: MIT
#include "core/analysis/ExplanationScores.h"

#include "core/util/Csv.h"

#include <QHash>
#include <QJsonArray>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace core::analysis {

QString ScoredSpan::kindName() const
{
    switch (kind) {
    case Kind::Text:
        return u"text"_s;
    case Kind::Image:
        return u"image"_s;
    case Kind::Token:
        return u"token_ids"_s;
    case Kind::Target:
        return u"target"_s;
    }
    return QString();
}

bool ScoredSpan::samePlace(const ScoredSpan &o) const
{
    if (kind != o.kind || item != o.item)
        return false;
    if (kind == Kind::Image)
        return rect.left == o.rect.left && rect.top == o.rect.top && rect.width == o.rect.width
            && rect.height == o.rect.height;
    return start == o.start && length == o.length;
}

namespace {

/// Code point offsets → UTF-16 indices of one text, in O(1) per lookup: identity for text
/// without surrogate pairs, else a table made once.
class CodePointIndex
{
public:
    explicit CodePointIndex(const QString &text)
        : m_size(int(text.size()))
    {
        bool surrogates = false;
        for (const QChar c : text)
            if (c.isSurrogate()) {
                surrogates = true;
                break;
            }
        if (!surrogates)
            return;
        for (int i = 0; i < text.size(); ++i) {
            m_table.append(i);
            if (text.at(i).isHighSurrogate() && i + 1 < text.size()
                && text.at(i + 1).isLowSurrogate())
                ++i;
        }
        m_table.append(int(text.size()));
    }
    int toUtf16(int codePoint) const
    {
        codePoint = std::max(0, codePoint);
        if (m_table.isEmpty())
            return std::min(codePoint, m_size);
        return m_table.at(std::min<qsizetype>(codePoint, m_table.size() - 1));
    }
    QPair<int, int> range(const TextScore &s) const
    {
        const int first = toUtf16(s.start);
        const qint64 end = qint64(std::max(0, s.start))
            + std::max(0, s.length); // no overflow for a length of INT_MAX
        return {first,
            std::max(first, toUtf16(int(std::min<qint64>(end, std::numeric_limits<int>::max()))))};
    }

private:
    int m_size;
    QList<int> m_table;
};

} // namespace

QList<ScoredSpan> spansOf(
    const Explanation &explanation, const Prompt &prompt, const QString &target)
{
    QList<PromptItem> items = prompt.items;
    if (prompt.isPlainText())
        items = {PromptItem::fromText(*prompt.plainText)};
    QList<ScoredSpan> out;
    int promptIndex = 0;
    for (const ExplanationItem &item : explanation.items) {
        if (item.type == ExplanationItem::Type::Target) {
            const CodePointIndex targetIndex(target);
            for (const TextScore &s : item.textScores) {
                ScoredSpan span;
                span.kind = ScoredSpan::Kind::Target;
                span.start = s.start;
                span.length = s.length;
                std::tie(span.first, span.last) = targetIndex.range(s);
                span.text = target.mid(span.first, span.last - span.first);
                span.score = s.score;
                out.append(span);
            }
            continue;
        }
        const int index = promptIndex++;
        if (index >= items.size())
            continue;
        const PromptItem &promptItem = items.at(index);
        switch (item.type) {
        case ExplanationItem::Type::Text: {
            const CodePointIndex textIndex(promptItem.text);
            for (const TextScore &s : item.textScores) {
                ScoredSpan span;
                span.kind = ScoredSpan::Kind::Text;
                span.item = index;
                span.start = s.start;
                span.length = s.length;
                std::tie(span.first, span.last) = textIndex.range(s);
                span.text = promptItem.text.mid(span.first, span.last - span.first);
                span.score = s.score;
                out.append(span);
            }
            break;
        }
        case ExplanationItem::Type::Image:
            for (const ImageScore &s : item.imageScores) {
                ScoredSpan span;
                span.kind = ScoredSpan::Kind::Image;
                span.item = index;
                span.rect = s.rect;
                span.score = s.score;
                out.append(span);
            }
            break;
        case ExplanationItem::Type::TokenIds:
            for (qsizetype k = 0; k < item.tokenScores.size(); ++k) {
                ScoredSpan span;
                span.kind = ScoredSpan::Kind::Token;
                span.item = index;
                span.start = int(k);
                span.length = 1;
                span.text = k < promptItem.tokenIds.size()
                    ? QString::number(promptItem.tokenIds.at(k))
                    : QString();
                span.score = item.tokenScores.at(k);
                out.append(span);
            }
            break;
        case ExplanationItem::Type::Target:
        case ExplanationItem::Type::Other:
            break;
        }
    }
    return out;
}

QList<ScoredSpan> meanOf(const QList<QList<ScoredSpan>> &explanations)
{
    QList<ScoredSpan> out;
    if (explanations.isEmpty())
        return out;
    out = explanations.first();
    // Places seen so far, for spans that are not where the first explanation had them (target
    // spans grow from one token to the next). Explanations of one prompt list the prompt's spans
    // in the same order, so most spans match by position and the map is rarely consulted.
    QHash<QString, qsizetype> index;
    const auto key = [](const ScoredSpan &s) {
        return s.kind == ScoredSpan::Kind::Image
            ? QStringLiteral("%1/%2/%3/%4/%5/%6")
                  .arg(int(s.kind))
                  .arg(s.item)
                  .arg(s.rect.left)
                  .arg(s.rect.top)
                  .arg(s.rect.width)
                  .arg(s.rect.height)
            : QStringLiteral("%1/%2/%3/%4").arg(int(s.kind)).arg(s.item).arg(s.start).arg(s.length);
    };
    bool indexed = false;
    for (qsizetype e = 1; e < explanations.size(); ++e) {
        const QList<ScoredSpan> &spans = explanations.at(e);
        for (qsizetype i = 0; i < spans.size(); ++i) {
            const ScoredSpan &span = spans.at(i);
            if (i < out.size() && out.at(i).samePlace(span)) {
                out[i].score += span.score;
                continue;
            }
            if (!indexed) {
                for (qsizetype k = 0; k < out.size(); ++k)
                    index.insert(key(out.at(k)), k);
                indexed = true;
            }
            const QString k = key(span);
            if (const auto it = index.constFind(k); it != index.cend()) {
                out[it.value()].score += span.score;
            } else {
                index.insert(k, out.size());
                out.append(span);
            }
        }
    }
    const double n = double(explanations.size());
    for (ScoredSpan &span : out)
        span.score /= n;
    return out;
}

double maxAbsScore(const QList<ScoredSpan> &spans)
{
    double m = 0;
    for (const ScoredSpan &s : spans)
        if (std::isfinite(s.score))
            m = std::max(m, std::abs(s.score));
    return m;
}

Prompt withControls(Prompt prompt, const QList<ScoredSpan> &spans, double factor)
{
    if (prompt.isPlainText()) {
        const QString text = *prompt.plainText;
        prompt.plainText.reset();
        prompt.items = {PromptItem::fromText(text)};
    }
    for (const ScoredSpan &span : spans) {
        if (span.item < 0 || span.item >= prompt.items.size())
            continue;
        PromptItem &item = prompt.items[span.item];
        switch (span.kind) {
        case ScoredSpan::Kind::Text:
            if (item.type == PromptItem::Type::Text) {
                TextControl c;
                c.start = span.start;
                c.length = span.length;
                c.factor = factor;
                if (!item.textControls)
                    item.textControls = QList<TextControl>();
                item.textControls->append(c);
            }
            break;
        case ScoredSpan::Kind::Image:
            if (item.type == PromptItem::Type::Image) {
                ImageControl c;
                c.rect = span.rect;
                c.rect.extra = {};
                c.factor = factor;
                if (!item.imageControls)
                    item.imageControls = QList<ImageControl>();
                item.imageControls->append(c);
            }
            break;
        case ScoredSpan::Kind::Token:
            if (item.type == PromptItem::Type::TokenIds) {
                TokenControl c;
                c.index = span.start;
                c.factor = factor;
                if (!item.tokenControls)
                    item.tokenControls = QList<TokenControl>();
                item.tokenControls->append(c);
            }
            break;
        case ScoredSpan::Kind::Target:
            break;
        }
    }
    return prompt;
}

namespace {

QByteArray csvField(const QString &value)
{
    return core::csvField(value).toUtf8();
}

QByteArray number(double v)
{
    return QByteArray::number(v, 'g', 17);
}

} // namespace

QByteArray toCsv(const QList<ExportedExplanation> &explanations)
{
    QByteArray out
        = "explanation,target,kind,item,start,length,left,top,width,height,text,score\r\n";
    for (qsizetype e = 0; e < explanations.size(); ++e) {
        const ExportedExplanation &x = explanations.at(e);
        for (const ScoredSpan &s : x.spans) {
            QByteArrayList row;
            row << QByteArray::number(e) << csvField(x.target) << s.kindName().toUtf8()
                << QByteArray::number(s.item);
            if (s.kind == ScoredSpan::Kind::Image) {
                row << QByteArray() << QByteArray() << number(s.rect.left) << number(s.rect.top)
                    << number(s.rect.width) << number(s.rect.height);
            } else {
                row << QByteArray::number(s.start) << QByteArray::number(s.length) << QByteArray()
                    << QByteArray() << QByteArray() << QByteArray();
            }
            row << csvField(s.text) << number(s.score);
            out += row.join(',') + "\r\n";
        }
    }
    return out;
}

QJsonObject toJson(const QList<ExportedExplanation> &explanations,
    const ExplanationRequest &request,
    const QString &modelVersion)
{
    QJsonObject body = request.toJson();
    // The prompt's images would make the file as large as the images: their size stands in.
    if (body.value(u"prompt"_s).isArray()) {
        QJsonArray prompt = body.value(u"prompt"_s).toArray();
        for (qsizetype i = 0; i < prompt.size(); ++i) {
            QJsonObject item = prompt.at(i).toObject();
            if (item.value(u"type"_s).toString() == u"image"_s) {
                item.insert(u"data"_s,
                    u"(image, %1 bytes of base64)"_s.arg(item.value(u"data"_s).toString().size()));
                prompt.replace(i, item);
            }
        }
        body.insert(u"prompt"_s, prompt);
    }
    QJsonArray list;
    for (const ExportedExplanation &x : explanations) {
        QJsonArray spans;
        for (const ScoredSpan &s : x.spans) {
            QJsonObject o{{u"kind"_s, s.kindName()}, {u"item"_s, s.item}, {u"score"_s, s.score}};
            if (s.kind == ScoredSpan::Kind::Image) {
                o.insert(u"rect"_s,
                    QJsonObject{{u"left"_s, s.rect.left},
                        {u"top"_s, s.rect.top},
                        {u"width"_s, s.rect.width},
                        {u"height"_s, s.rect.height}});
            } else {
                o.insert(u"start"_s, s.start);
                o.insert(u"length"_s, s.length);
                o.insert(u"text"_s, s.text);
            }
            spans.append(o);
        }
        list.append(QJsonObject{{u"target"_s, x.target}, {u"spans"_s, spans}});
    }
    return QJsonObject{{u"format"_s, u"aleph-playground/explanation-scores@1"_s},
        {u"model"_s, request.model},
        {u"model_version"_s, modelVersion},
        {u"request"_s, body},
        {u"explanations"_s, list}};
}

} // namespace core::analysis
