// SPDX-License-Identifier: MIT
#include "sandbox/SandboxApi.h"

#include "core/api/Chat.h"
#include "core/api/Completion.h"
#include "core/api/Embedding.h"
#include "core/api/Evaluation.h"
#include "core/api/Explanation.h"
#include "core/api/Gradient.h"
#include "core/api/Rerank.h"
#include "core/api/Steering.h"
#include "core/api/Tokenization.h"
#include "core/api/Translation.h"
#include "core/api/Validation.h"

#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QMutexLocker>
#include <QSaveFile>
#include <QRectF>
#include <QSize>
#include <QtEndian>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

using namespace Qt::StringLiterals;

namespace sandbox {

namespace {

constexpr int kExplanationTiles = 3; // image scores: 3 × 3 tiles of 4 × 4 patches
constexpr qint64 kMaxImageSide = 1 << 20; // no image is larger: a crop beyond it cannot fit
/// /explain scores every span against every target token, each over the whole context: the work
/// is about spans × target tokens × context tokens steps (some 35 million a second on a laptop
/// core). An explanation above this bound (about half a minute) is refused with a 400 that says
/// how to make it smaller, so that one request cannot keep a worker busy for hours.
constexpr double kMaxExplanationSteps = 1e9;

/// The cancellation flag of the request the calling thread is working on (SandboxApi::handle).
thread_local const std::atomic_bool *t_cancelled = nullptr;

/// Whether the client of the request being worked on has gone: long loops stop early.
bool cancelled()
{
    return t_cancelled && t_cancelled->load(std::memory_order_relaxed);
}

Reply cancelledReply()
{
    return Reply::error(503, u"the request was cancelled"_s, u"CANCELLED"_s);
}

/// Sets t_cancelled for one call of SandboxApi::handle().
class CancelScope
{
public:
    explicit CancelScope(const std::atomic_bool *flag)
        : m_previous(t_cancelled)
    {
        t_cancelled = flag;
    }
    ~CancelScope() { t_cancelled = m_previous; }
    CancelScope(const CancelScope &) = delete;
    CancelScope &operator=(const CancelScope &) = delete;

private:
    const std::atomic_bool *m_previous;
};

QByteArray compact(const QJsonValue &value)
{
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
}

QString hex(quint64 value)
{
    return QString::number(value, 16).rightJustified(16, u'0');
}

Reply badRequest(const QString &message)
{
    return Reply::error(400, message, u"INVALID_REQUEST"_s);
}

Reply missingCapability(const QString &what)
{
    return Reply::error(400,
                        u"Sadly the model you chose does not provide that capability: %1 You could try to choose another model."_s.arg(what),
                        u"MISSING_CAPABILITY"_s);
}

/// Reads a request body with core's typed struct (strict) and checks its ranges.
template<class T>
std::optional<T> parseRequest(const QByteArray &body, Reply *reply, QJsonObject *object = nullptr)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *reply = Reply::error(400,
                              u"the request body is not valid JSON: %1 at offset %2"_s.arg(parseError.errorString()).arg(parseError.offset),
                              u"INVALID_JSON"_s);
        return std::nullopt;
    }
    if (!document.isObject()) {
        *reply = badRequest(u"the request body must be a JSON object"_s);
        return std::nullopt;
    }
    QString error;
    std::optional<T> request = T::fromJson(document.object(), &error);
    if (!request) {
        *reply = badRequest(error);
        return std::nullopt;
    }
    if constexpr (requires { core::validate(*request); }) {
        const QString problem = core::validate(*request);
        if (!problem.isEmpty()) {
            *reply = badRequest(problem);
            return std::nullopt;
        }
    }
    if (object)
        *object = document.object();
    return request;
}

/// A seed that is the same for the same request: the hash of its canonical JSON (keys sorted by
/// QJsonObject), without the fields that only change the framing.
quint64 requestSeed(QJsonObject object)
{
    object.remove(u"stream"_s);
    object.remove(u"stream_options"_s);
    return SyntheticModel::stableHash(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

quint64 mix(quint64 seed, quint64 k)
{
    return SyntheticModel::stableHash(QByteArray::number(k), seed);
}

// ---- prompts ----

struct EncodedItem
{
    core::PromptItem::Type type = core::PromptItem::Type::Text;
    qsizetype first = 0; ///< first context position
    qsizetype count = 0;
    QString text;
    QList<TextToken> tokens; ///< text items
    QSize imageSize;         ///< image items: the whole image
    QRect crop;              ///< image items: the part the patches cover
};

struct EncodedPrompt
{
    QList<ContextToken> context;
    QList<EncodedItem> items;
    QString text; ///< the text items joined (echo)
};

/// Patch (row, column) of an image item as a rectangle in 0..1 coordinates of the whole image.
QRectF patchRect(const EncodedItem &item, int row, int column, int span = 1)
{
    // An uncropped image that is not square: the grid is stretched over the whole image, as the
    // real API's tiles are (recorded explanations of a 1200×630 image give thirds of both sides).
    const double cellWidth = double(item.crop.width()) / SyntheticModel::kPatchGrid;
    const double cellHeight = double(item.crop.height()) / SyntheticModel::kPatchGrid;
    const double w = std::max(1, item.imageSize.width());
    const double h = std::max(1, item.imageSize.height());
    return QRectF((item.crop.x() + column * cellWidth) / w, (item.crop.y() + row * cellHeight) / h, span * cellWidth / w,
                  span * cellHeight / h);
}


core::ImageScore imageScore(const QRectF &rect, double score)
{
    core::ImageScore out;
    out.rect.left = rect.left();
    out.rect.top = rect.top();
    out.rect.width = rect.width();
    out.rect.height = rect.height();
    out.score = score;
    return out;
}

bool overlaps(qint64 start, qint64 end, qint64 spanStart, qint64 spanEnd, bool complete)
{
    if (complete)
        return start >= spanStart && end <= spanEnd;
    return start < spanEnd && end > spanStart;
}

/// Characters of a token without its leading space (what the token "is" when ranges are compared).
std::pair<int, int> tokenRange(const QString &text, const TextToken &t)
{
    int start = t.start;
    const int end = t.start + t.length;
    if (t.length > 1 && text.at(start) == u' ')
        ++start;
    return {start, end};
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
            for (const core::TextControl &control : item.textControls.value_or(QList<core::TextControl>())) {
                const bool complete = control.tokenOverlap.value_or(defaultOverlap) == u"complete"_s;
                for (qsizetype k = 0; k < encoded.tokens.size(); ++k) {
                    const auto [start, end] = tokenRange(item.text, encoded.tokens.at(k));
                    // 64-bit: start and length are the request's own, each up to INT_MAX
                    if (overlaps(start, end, control.start, qint64(control.start) + control.length, complete)) {
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
                *error = u"prompt item %1: the crop (x %2, y %3, size %4) is outside any image"_s.arg(i).arg(*item.x).arg(*item.y).arg(*item.size);
                return std::nullopt;
            }
            const QByteArray bytes = QByteArray::fromBase64(item.imageBase64.toLatin1());
            QSize size;
            const std::optional<QList<qint64>> patches = model.imagePatches(bytes, item.x, item.y, item.size, &size, error);
            if (!patches) {
                *error = u"prompt item %1: %2"_s.arg(i).arg(*error);
                return std::nullopt;
            }
            encoded.imageSize = size;
            // Not cropped: the patches cover the whole image, cells stretched to its sides.
            encoded.crop = item.size ? QRect(*item.x, *item.y, *item.size, *item.size) : QRect(QPoint(0, 0), size);
            for (const qint64 id : *patches)
                out.context.append({id, 1.0});
            for (const core::ImageControl &control : item.imageControls.value_or(QList<core::ImageControl>())) {
                const QRectF rect(control.rect.left, control.rect.top, control.rect.width, control.rect.height);
                const bool complete = control.tokenOverlap.value_or(defaultOverlap) == u"complete"_s;
                for (int row = 0; row < SyntheticModel::kPatchGrid; ++row) {
                    for (int column = 0; column < SyntheticModel::kPatchGrid; ++column) {
                        const QRectF patch = patchRect(encoded, row, column);
                        if (complete ? rect.contains(patch) : rect.intersects(patch)) {
                            const qsizetype position = encoded.first + row * SyntheticModel::kPatchGrid + column;
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
                    *error = u"prompt item %1: token id %2 is not in the vocabulary (1..%3)"_s.arg(i).arg(id).arg(
                        model.tokenizer().vocabularySize() - 1);
                    return std::nullopt;
                }
                out.context.append({id, 1.0});
            }
            for (const core::TokenControl &control : item.tokenControls.value_or(QList<core::TokenControl>())) {
                if (control.index >= item.tokenIds.size()) {
                    *error = u"prompt item %1: control index %2 is beyond the item's %3 tokens"_s.arg(i).arg(control.index).arg(
                        item.tokenIds.size());
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

/// Spans of a text for a prompt granularity: (start, length) in UTF-16 units.
QList<QPair<int, int>> segments(const QString &text, const QList<TextToken> &tokens, const QString &granularity,
                                const QString &delimiter)
{
    QList<QPair<int, int>> out;
    const int n = int(text.size());
    const auto addTrimmed = [&](int start, int end) {
        while (start < end && text.at(start).isSpace())
            ++start;
        while (end > start && text.at(end - 1).isSpace())
            --end;
        if (end > start)
            out.append({start, end - start});
    };
    if (granularity == u"token"_s) {
        for (const TextToken &t : tokens) {
            const auto [start, end] = tokenRange(text, t);
            if (out.isEmpty() || out.constLast().first != start)
                out.append({start, end - start});
        }
    } else if (granularity == u"sentence"_s) {
        int start = 0;
        for (int i = 0; i < n; ++i) {
            const QChar c = text.at(i);
            if ((c == u'.' || c == u'!' || c == u'?') && (i + 1 == n || text.at(i + 1).isSpace())) {
                addTrimmed(start, i + 1);
                start = i + 1;
            }
        }
        addTrimmed(start, n);
    } else if (granularity == u"paragraph"_s) {
        int start = 0;
        for (qsizetype at = text.indexOf(u"\n\n"_s); at >= 0; at = text.indexOf(u"\n\n"_s, start)) {
            addTrimmed(start, int(at));
            start = int(at) + 2;
        }
        addTrimmed(start, n);
    } else if (granularity == u"custom"_s && !delimiter.isEmpty()) {
        int start = 0;
        for (qsizetype at = text.indexOf(delimiter); at >= 0; at = text.indexOf(delimiter, start)) {
            addTrimmed(start, int(at));
            start = int(at + delimiter.size());
        }
        addTrimmed(start, n);
    } else { // word: runs of letters and digits; every other visible character on its own
        int i = 0;
        while (i < n) {
            if (text.at(i).isLetterOrNumber()) {
                int j = i;
                while (j < n && text.at(j).isLetterOrNumber())
                    ++j;
                out.append({i, j - i});
                i = j;
            } else {
                if (!text.at(i).isSpace())
                    out.append({i, 1});
                ++i;
            }
        }
    }
    return out;
}

/// Context positions (relative to the item) of the tokens a span covers.
QList<qsizetype> positionsOf(const QString &text, const QList<TextToken> &tokens, int start, int length, bool complete)
{
    QList<qsizetype> out;
    for (qsizetype k = 0; k < tokens.size(); ++k) {
        const auto [s, e] = tokenRange(text, tokens.at(k));
        if (overlaps(s, e, start, start + length, complete))
            out.append(k);
    }
    return out;
}

// ---- JSON Schema instances (chat response_format and tool arguments) ----

class SchemaInstance
{
public:
    SchemaInstance(const SyntheticModel &model, const QList<ContextToken> &context, const QJsonObject &root, quint64 seed)
        : m_model(model)
        , m_context(context)
        , m_root(root)
        , m_seed(seed)
    {
    }

    QJsonValue make(const QJsonObject &schema, const QString &name, int depth = 0)
    {
        if (depth > 8)
            return QJsonValue();
        const QString ref = schema.value(u"$ref"_s).toString();
        if (ref.startsWith(u"#/"_s)) {
            QJsonValue node = m_root;
            for (const QString &part : ref.mid(2).split(u'/'))
                node = node.toObject().value(part);
            return make(node.toObject(), name, depth + 1);
        }
        if (schema.contains(u"const"_s))
            return schema.value(u"const"_s);
        const QJsonArray choices = schema.value(u"enum"_s).toArray();
        if (!choices.isEmpty())
            return choices.at(qsizetype(next() % quint64(choices.size())));
        for (const QString &key : {u"anyOf"_s, u"oneOf"_s, u"allOf"_s}) {
            const QJsonArray options = schema.value(key).toArray();
            for (const QJsonValue &option : options)
                if (option.toObject().value(u"type"_s).toString() != u"null"_s)
                    return make(option.toObject(), name, depth + 1);
        }
        QString type = schema.value(u"type"_s).toString();
        if (schema.value(u"type"_s).isArray()) {
            for (const QJsonValue &t : schema.value(u"type"_s).toArray())
                if (t.toString() != u"null"_s) {
                    type = t.toString();
                    break;
                }
        }
        if (type.isEmpty() && schema.contains(u"properties"_s))
            type = u"object"_s;
        if (type == u"object"_s) {
            QJsonObject object;
            const QJsonObject properties = schema.value(u"properties"_s).toObject();
            for (auto it = properties.constBegin(); it != properties.constEnd(); ++it)
                object.insert(it.key(), make(it.value().toObject(), it.key(), depth + 1));
            return object;
        }
        if (type == u"array"_s) {
            const int count = std::max(1, schema.value(u"minItems"_s).toInt(2));
            QJsonArray array;
            for (int i = 0; i < count; ++i)
                array.append(make(schema.value(u"items"_s).toObject(), name, depth + 1));
            return array;
        }
        if (type == u"integer"_s)
            return qint64(next() % 100);
        if (type == u"number"_s)
            return double(next() % 1000) / 10.0;
        if (type == u"boolean"_s)
            return bool(next() & 1);
        if (type == u"null"_s)
            return QJsonValue();
        return phrase(name);
    }

private:
    quint64 next() { return m_seed = SyntheticModel::stableHash("next", m_seed); }

    QString phrase(const QString &name)
    {
        QList<ContextToken> context = m_context;
        context += m_model.contextOf(u" "_s + QString(name).replace(u'_', u' ') + u":"_s);
        Sampling sampling;
        sampling.maximumTokens = 4;
        sampling.minimumTokens = 1;
        sampling.seed = next();
        sampling.temperature = 0.7;
        const QString text = m_model.generate(context, sampling).text.trimmed();
        return text.isEmpty() ? u"sandbox"_s : text;
    }

    const SyntheticModel &m_model;
    QList<ContextToken> m_context;
    QJsonObject m_root;
    quint64 m_seed;
};

// ---- translation ----

QString translateWord(const QString &word, const QString &language, bool *known)
{
    static const QHash<QString, QHash<QString, QString>> dictionary{
        {u"de"_s, {{u"the"_s, u"die"_s}, {u"a"_s, u"ein"_s}, {u"and"_s, u"und"_s}, {u"is"_s, u"ist"_s}, {u"hello"_s, u"hallo"_s},
                   {u"world"_s, u"Welt"_s}, {u"good"_s, u"gut"_s}, {u"morning"_s, u"Morgen"_s}, {u"day"_s, u"Tag"_s},
                   {u"i"_s, u"ich"_s}, {u"you"_s, u"du"_s}, {u"we"_s, u"wir"_s}, {u"not"_s, u"nicht"_s}, {u"with"_s, u"mit"_s},
                   {u"house"_s, u"Haus"_s}, {u"water"_s, u"Wasser"_s}, {u"thank"_s, u"danke"_s}, {u"yes"_s, u"ja"_s},
                   {u"no"_s, u"nein"_s}, {u"cat"_s, u"Katze"_s}, {u"dog"_s, u"Hund"_s}, {u"city"_s, u"Stadt"_s},
                   {u"of"_s, u"von"_s}, {u"in"_s, u"in"_s}, {u"to"_s, u"zu"_s}, {u"my"_s, u"mein"_s}, {u"this"_s, u"dies"_s}}},
        {u"fr"_s, {{u"the"_s, u"le"_s}, {u"a"_s, u"un"_s}, {u"and"_s, u"et"_s}, {u"is"_s, u"est"_s}, {u"hello"_s, u"bonjour"_s},
                   {u"world"_s, u"monde"_s}, {u"good"_s, u"bon"_s}, {u"day"_s, u"jour"_s}, {u"i"_s, u"je"_s}, {u"you"_s, u"vous"_s},
                   {u"we"_s, u"nous"_s}, {u"with"_s, u"avec"_s}, {u"house"_s, u"maison"_s}, {u"water"_s, u"eau"_s},
                   {u"yes"_s, u"oui"_s}, {u"no"_s, u"non"_s}, {u"cat"_s, u"chat"_s}, {u"dog"_s, u"chien"_s}, {u"of"_s, u"de"_s},
                   {u"in"_s, u"dans"_s}, {u"my"_s, u"mon"_s}, {u"city"_s, u"ville"_s}}},
        {u"es"_s, {{u"the"_s, u"el"_s}, {u"a"_s, u"un"_s}, {u"and"_s, u"y"_s}, {u"is"_s, u"es"_s}, {u"hello"_s, u"hola"_s},
                   {u"world"_s, u"mundo"_s}, {u"good"_s, u"bueno"_s}, {u"day"_s, u"día"_s}, {u"i"_s, u"yo"_s}, {u"you"_s, u"tú"_s},
                   {u"with"_s, u"con"_s}, {u"house"_s, u"casa"_s}, {u"water"_s, u"agua"_s}, {u"yes"_s, u"sí"_s},
                   {u"no"_s, u"no"_s}, {u"cat"_s, u"gato"_s}, {u"dog"_s, u"perro"_s}, {u"of"_s, u"de"_s}, {u"in"_s, u"en"_s},
                   {u"my"_s, u"mi"_s}, {u"city"_s, u"ciudad"_s}}},
    };
    const QString lower = word.toLower();
    const auto language_ = dictionary.constFind(language.left(2).toLower());
    if (language_ != dictionary.cend()) {
        const auto it = language_->constFind(lower);
        if (it != language_->cend()) {
            *known = true;
            QString out = it.value();
            if (word.at(0).isUpper())
                out[0] = out.at(0).toUpper();
            return out;
        }
    }
    *known = false;
    return word;
}

} // namespace

// ---- Reply ----

Reply Reply::error(int status, const QString &message, const QString &code)
{
    return json(QJsonObject{{u"error"_s, message}, {u"code"_s, code}}, status);
}

Reply Reply::json(const QJsonValue &value, int status)
{
    Reply reply;
    reply.status = status;
    reply.body = compact(value);
    return reply;
}

Reply Reply::text(const QByteArray &text)
{
    Reply reply;
    reply.contentType = "text/plain; charset=utf-8";
    reply.body = text;
    return reply;
}

// ---- SandboxApi ----

SandboxApi::SandboxApi()
{
    const auto model = [](const QString &name, const QString &description) {
        SandboxModel m;
        m.settings.name = name;
        m.settings.status = u"available"_s;
        m.settings.description = description;
        m.settings.multimodal = false;
        m.settings.maxContextSize = 8192;
        m.settings.semanticEmbedding = false;
        m.settings.completionType = u"none"_s;
        m.settings.embeddingType = u"none"_s;
        m.settings.aligned = false;
        m.settings.chat = false;
        m.settings.maximumCompletionTokens = 1024;
        return m;
    };
    SandboxModel base = model(u"sandbox-luminous-base"_s,
                              u"Offline sandbox: synthetic completions, explanations, evaluations and semantic embeddings "
                              u"(5120 dimensions, or 128 compressed). Images in prompts."_s);
    base.settings.multimodal = true;
    base.settings.completionType = u"full"_s;
    base.settings.embeddingType = u"semantic"_s;
    base.settings.semanticEmbedding = true;
    base.hiddenSize = 5120;
    base.layers = 40;
    base.embeddingSize = 5120;
    base.steering = true;
    m_models.append(base);

    SandboxModel chat = model(u"sandbox-llama-3.1-8b-instruct"_s,
                              u"Offline sandbox: synthetic chat and completions with steering concepts, tools and JSON schemas."_s);
    chat.settings.multimodal = true;
    chat.settings.completionType = u"full"_s;
    chat.settings.chat = true;
    chat.settings.aligned = true;
    chat.settings.promptTemplate = u"<|begin_of_text|>{% for message in messages %}<|start_header_id|>{{message.role}}<|end_header_id|>\n\n"
                                   u"{{message.content}}<|eot_id|>{% endfor %}<|start_header_id|>assistant<|end_header_id|>\n\n"_s;
    chat.steering = true;
    m_models.append(chat);

    SandboxModel embedding = model(u"sandbox-pharia-1-embedding"_s,
                                   u"Offline sandbox: synthetic instructable embeddings (1024 dimensions), also on /embeddings."_s);
    embedding.settings.embeddingType = u"instructable"_s;
    embedding.embeddingSize = 1024;
    m_models.append(embedding);

    SandboxModel translation = model(u"sandbox-pharia-1-mt-translation"_s,
                                     u"Offline sandbox: labelled pseudo-translations with segment scores (POST /translate)."_s);
    translation.translation = true;
    m_models.append(translation);

    SandboxModel reranker = model(u"sandbox-bge-reranker-v2-m3"_s,
                                  u"Offline sandbox: relevance scores from lexical similarity (POST /rerank)."_s);
    reranker.rerank = true;
    m_models.append(reranker);
}

QString SandboxApi::modelVersion()
{
    return u"sandbox-synthetic-1"_s;
}

const SandboxModel *SandboxApi::findModel(const QString &name) const
{
    for (const SandboxModel &m : m_models)
        if (m.name() == name)
            return &m;
    return nullptr;
}

bool SandboxApi::knows(const QString &endpoint, bool *isGet)
{
    static const QStringList gets{u"model-settings"_s, u"models_available"_s, u"users/me"_s, u"version"_s};
    static const QStringList posts{u"complete"_s, u"chat/completions"_s, u"tokenize"_s, u"detokenize"_s, u"evaluate"_s,
                                   u"explain"_s, u"embed"_s, u"semantic_embed"_s, u"batch_semantic_embed"_s,
                                   u"instructable_embed"_s, u"embeddings"_s, u"translate"_s, u"rerank"_s,
                                   u"steering_concepts"_s};
    if (isGet)
        *isGet = gets.contains(endpoint);
    return gets.contains(endpoint) || posts.contains(endpoint);
}

namespace {

const SandboxModel *requireModel(const SandboxApi &api, const QString &name, Reply *reply)
{
    const SandboxModel *model = api.findModel(name);
    if (!model) {
        QStringList names;
        for (const SandboxModel &m : api.models())
            names.append(m.name());
        *reply = Reply::error(400, u"unknown model \"%1\"; the sandbox serves: %2"_s.arg(name, names.join(u", "_s)),
                              u"UNKNOWN_MODEL"_s);
    }
    return model;
}

} // namespace

Reply SandboxApi::handle(const QString &endpoint, const QByteArray &method, const QByteArray &body,
                         const std::atomic_bool *cancelFlag)
{
    const CancelScope scope(cancelFlag);
    bool isGet = false;
    if (!knows(endpoint, &isGet))
        return Reply::error(404, u"no endpoint /%1"_s.arg(endpoint), u"NOT_FOUND"_s);
    if ((method == "GET") != isGet)
        return Reply::error(405, u"/%1 takes %2"_s.arg(endpoint, isGet ? u"GET"_s : u"POST"_s), u"METHOD_NOT_ALLOWED"_s);
    if (endpoint == u"model-settings"_s) {
        core::ModelSettingsResponse response;
        for (const SandboxModel &m : m_models)
            response.models.append(m.settings);
        return Reply::json(response.toJson());
    }
    if (endpoint == u"models_available"_s) {
        core::ModelsAvailableResponse response;
        for (const SandboxModel &m : m_models) {
            core::ModelAvailable available;
            available.name = m.name();
            available.description = m.settings.description;
            available.hostings = QStringList{u"aleph-alpha"_s};
            response.models.append(available);
        }
        return Reply::json(response.toJson());
    }
    if (endpoint == u"users/me"_s) {
        core::UserDetail user;
        user.id = 1;
        user.email = u"sandbox@localhost"_s;
        user.role = u"Client"_s;
        user.creditsRemaining = 0.0; // the legacy constants the spec still requires
        user.invoiceAllowed = false;
        user.outOfCreditsThreshold = 0;
        user.termsOfServiceVersion = u"sandbox"_s;
        return Reply::json(user.toJson());
    }
    if (endpoint == u"version"_s)
        return Reply::text("1.0.0-sandbox");
    if (endpoint == u"complete"_s)
        return complete(body);
    if (endpoint == u"chat/completions"_s)
        return chat(body);
    if (endpoint == u"tokenize"_s)
        return tokenize(body);
    if (endpoint == u"detokenize"_s)
        return detokenize(body);
    if (endpoint == u"evaluate"_s)
        return evaluate(body);
    if (endpoint == u"explain"_s)
        return explain(body);
    if (endpoint == u"embed"_s)
        return embed(body);
    if (endpoint == u"semantic_embed"_s)
        return semanticEmbed(body);
    if (endpoint == u"batch_semantic_embed"_s)
        return batchSemanticEmbed(body);
    if (endpoint == u"instructable_embed"_s)
        return instructableEmbed(body);
    if (endpoint == u"embeddings"_s)
        return embeddings(body);
    if (endpoint == u"translate"_s)
        return translate(body);
    if (endpoint == u"rerank"_s)
        return rerank(body);
    return createSteeringConcept(body);
}

std::optional<Steering> SandboxApi::steering(const QString &id) const
{
    QMutexLocker lock(&m_conceptsMutex);
    const auto it = m_concepts.constFind(id);
    if (it == m_concepts.cend())
        return std::nullopt;
    return it.value();
}

namespace {

/// The text of each generated token as a stream sends it, the last one cut where the stop
/// sequence cut the text.
QStringList piecesOf(const Generation &g)
{
    QStringList pieces;
    qsizetype remaining = g.text.size();
    for (const QString &piece : g.pieces) {
        if (remaining <= 0)
            break;
        pieces.append(piece.left(remaining));
        remaining -= piece.size();
    }
    return pieces;
}

/// `logit_bias` (token id as a string → bias) into `sampling`; false with a 400 in `reply`.
bool readLogitBias(const QString &root, const std::optional<QMap<QString, double>> &bias, const Tokenizer &tokenizer,
                   Sampling *sampling, Reply *reply)
{
    if (!bias)
        return true;
    for (auto it = bias->cbegin(); it != bias->cend(); ++it) {
        bool ok = false;
        const qint64 id = it.key().toLongLong(&ok);
        if (!ok || !tokenizer.isValid(id)) {
            *reply = badRequest(u"%1: field \"logit_bias\": \"%2\" is not a token id"_s.arg(root, it.key()));
            return false;
        }
        sampling->logitBias.insert(id, it.value());
    }
    return true;
}

} // namespace

bool SandboxApi::resolveSteering(const QString &root, const std::optional<QStringList> &ids, const SandboxModel &model,
                                 std::optional<Steering> *out, Reply *reply) const
{
    if (!ids || ids->isEmpty())
        return true;
    if (!model.steering) {
        *reply = missingCapability(u"This model does not support steering concepts."_s);
        return false;
    }
    *out = steering(ids->first());
    if (!*out) {
        *reply = badRequest(u"%1: field \"steering_concepts\": unknown steering concept \"%2\""_s.arg(root, ids->first()));
        return false;
    }
    return true;
}

// ---- /complete ----

Reply SandboxApi::complete(const QByteArray &body)
{
    Reply reply;
    QJsonObject object;
    const std::optional<core::CompletionRequest> r = parseRequest<core::CompletionRequest>(body, &reply, &object);
    if (!r)
        return reply;
    const SandboxModel *model = requireModel(*this, r->model, &reply);
    if (!model)
        return reply;
    if (!model->settings.supportsCompletion())
        return missingCapability(u"This model does not support completions."_s);
    std::optional<Steering> steer;
    if (!resolveSteering(u"complete"_s, r->steeringConcepts, *model, &steer, &reply))
        return reply;
    QString error;
    const std::optional<EncodedPrompt> prompt = encodePrompt(m_model, r->prompt, *model, r->contextualControlThreshold, u"partial"_s, &error);
    if (!prompt)
        return badRequest(u"complete: field \"prompt\": %1"_s.arg(error));
    // In 64-bit, before any work: maximum_tokens may be anything up to INT_MAX (as may n).
    const qint64 context = model->settings.maxContextSize.value_or(8192);
    const qint64 promptLength = prompt->context.size();
    if (promptLength > context)
        return badRequest(u"complete: field \"prompt\": the prompt has %1 tokens, more than the model's context of %2 tokens"_s
                              .arg(promptLength).arg(context));
    if (r->maximumTokens && promptLength + qint64(*r->maximumTokens) > context)
        return badRequest(u"complete: field \"maximum_tokens\": the prompt has %1 tokens; with maximum_tokens %2 that exceeds the "
                          u"model's context of %3 tokens"_s.arg(promptLength).arg(*r->maximumTokens).arg(context));
    if (r->n.value_or(1) > kMaxSamples)
        return badRequest(u"complete: field \"n\": at most %1 completions per request, got %2"_s.arg(kMaxSamples).arg(*r->n));
    // Within the context now, so these fit an int.
    const int promptTokens = int(promptLength);
    const int maximumTokens = r->maximumTokens.value_or(
        std::min(int(model->settings.maximumCompletionTokens.value_or(1024)), int(context - promptLength)));

    Sampling sampling;
    sampling.temperature = r->temperature.value_or(0.0);
    sampling.topK = r->topK.value_or(0);
    sampling.topP = r->topP.value_or(0.0);
    sampling.maximumTokens = maximumTokens;
    sampling.minimumTokens = r->minimumTokens.value_or(0);
    sampling.stopSequences = r->stopSequences.value_or(QStringList());
    sampling.presencePenalty = r->presencePenalty.value_or(0.0);
    sampling.frequencyPenalty = r->frequencyPenalty.value_or(0.0);
    sampling.penaltiesIncludePrompt = r->repetitionPenaltiesIncludePrompt.value_or(false);
    sampling.alternatives = r->logProbs.value_or(0);
    if (!readLogitBias(u"complete"_s, r->logitBias, m_model.tokenizer(), &sampling, &reply))
        return reply;
    for (const QString &excluded : r->completionBiasExclusion.value_or(QStringList())) {
        const QList<qint64> ids = m_model.tokenizer().encodeIds(excluded);
        if (!ids.isEmpty())
            sampling.excludedFirstTokens.insert(ids.first());
    }
    const quint64 seed = requestSeed(object);
    const int n = r->n.value_or(1);
    const int runs = std::max(n, r->bestOf.value_or(n));
    const QStringList inclusion = r->completionBiasInclusion.value_or(QStringList());

    QList<Generation> generations;
    for (int k = 0; k < runs; ++k) {
        if (cancelled())
            return cancelledReply();
        sampling.seed = mix(seed, quint64(k));
        if (!inclusion.isEmpty()) {
            // The completion is one of the allowed strings: the likeliest (or a sample by likelihood).
            QList<double> scores;
            QList<QList<qint64>> options;
            QList<QList<double>> optionLogProbs;
            for (const QString &option : inclusion) {
                if (cancelled())
                    return cancelledReply();
                options.append(m_model.tokenizer().encodeIds(option));
                optionLogProbs.append(m_model.continuationLogProbs(prompt->context, options.constLast(), steer ? &*steer : nullptr));
                scores.append(std::accumulate(optionLogProbs.constLast().cbegin(), optionLogProbs.constLast().cend(), 0.0));
            }
            qsizetype best = std::max_element(scores.cbegin(), scores.cend()) - scores.cbegin();
            if (sampling.temperature > 0) {
                std::mt19937_64 random(sampling.seed);
                QList<double> weights;
                for (const double s : std::as_const(scores))
                    weights.append(std::exp((s - scores.at(best)) / sampling.temperature));
                best = std::discrete_distribution<qsizetype>(weights.cbegin(), weights.cend())(random);
            }
            Generation g;
            g.tokens = options.at(best);
            g.logProbs = optionLogProbs.at(best);
            g.alternatives.resize(g.tokens.size());
            for (const qint64 id : std::as_const(g.tokens))
                g.pieces.append(m_model.tokenizer().text(id));
            g.text = g.rawText = inclusion.at(best);
            g.finishReason = u"end_of_text"_s;
            generations.append(g);
        } else {
            generations.append(m_model.generate(prompt->context, sampling, steer ? &*steer : nullptr));
        }
    }
    QList<int> chosen(runs);
    std::iota(chosen.begin(), chosen.end(), 0);
    if (r->bestOf) { // the best n by log-probability per token
        const auto perToken = [&](int k) {
            const Generation &g = generations.at(k);
            return g.tokens.isEmpty() ? -1e300 : g.logProbability() / double(g.tokens.size());
        };
        std::stable_sort(chosen.begin(), chosen.end(), [&](int a, int b) { return perToken(a) > perToken(b); });
        chosen.resize(n);
    }

    // echo: the prompt's own log-probabilities come first
    QList<QMap<QString, double>> echoLogProbs;
    if (r->echo.value_or(false) && r->logProbs) {
        // One entry per token of the echoed text; image patches have no text and are left out.
        QList<qint64> ids;
        QList<bool> echoed;
        for (const EncodedItem &item : prompt->items)
            for (qsizetype k = 0; k < item.count; ++k) {
                ids.append(prompt->context.at(item.first + k).id);
                echoed.append(item.type != core::PromptItem::Type::Image);
            }
        const QList<double> lps = m_model.continuationLogProbs({}, ids);
        for (qsizetype i = 0; i < ids.size(); ++i)
            if (echoed.at(i))
                echoLogProbs.append({{m_model.tokenizer().text(ids.at(i)), lps.at(i)}});
    }

    core::CompletionResponse response;
    response.modelVersion = modelVersion();
    response.numTokensPromptTotal = promptTokens * runs;
    QList<QStringList> streamPieces;
    for (int i = 0; i < n; ++i) {
        const Generation &g = generations.at(chosen.at(i));
        core::CompletionResult result;
        result.index = i;
        const QString prefix = r->echo.value_or(false) ? prompt->text : QString();
        result.completion = prefix + g.text;
        result.finishReason = g.finishReason;
        if (r->rawCompletion.value_or(false))
            result.rawCompletion = prefix + g.rawText;
        if (r->tokens.value_or(false)) {
            QStringList tokens;
            // Decoded text, as the real API sends them (cassette test_complete_with_echo: " Hello"),
            // so they match the keys of log_probs.
            for (const qint64 id : g.tokens)
                tokens.append(m_model.tokenizer().text(id));
            result.completionTokens = tokens;
        }
        if (r->logProbs) {
            QList<QMap<QString, double>> logProbs = echoLogProbs;
            for (qsizetype t = 0; t < g.tokens.size(); ++t) {
                QMap<QString, double> entry;
                for (const auto &alternative : g.alternatives.value(t))
                    entry.insert(m_model.tokenizer().text(alternative.first), alternative.second);
                entry.insert(m_model.tokenizer().text(g.tokens.at(t)), g.logProbs.at(t));
                logProbs.append(entry);
            }
            result.logProbs = logProbs;
        }
        response.completions.append(result);
        // The stream carries the completion's text piece by piece, cut where the stop sequence cut it.
        QStringList pieces = piecesOf(g);
        if (!prefix.isEmpty())
            pieces.prepend(prefix);
        streamPieces.append(pieces);
    }
    for (const Generation &g : std::as_const(generations))
        response.numTokensGenerated += int(g.tokens.size());

    if (!r->stream.value_or(false))
        return Reply::json(response.toJson());

    reply = Reply();
    reply.stream = true;
    reply.contentType = "text/event-stream";
    for (int i = 0; i < n; ++i) {
        // Each chunk carries its own completion_tokens / log_probs / raw_completion when they were
        // asked for. When a stop sequence cut the text (pieces and tokens no longer line up), the
        // last chunk carries them for the whole completion.
        const core::CompletionResult &whole = response.completions.at(i);
        const QStringList &pieces = streamPieces.at(i);
        const bool hasPrefix = r->echo.value_or(false) && !prompt->text.isEmpty();
        const qsizetype tokenCount = whole.completionTokens ? whole.completionTokens->size()
                                     : whole.logProbs      ? whole.logProbs->size() - echoLogProbs.size()
                                                           : -1;
        const bool aligned = tokenCount == pieces.size() - (hasPrefix ? 1 : 0);
        for (qsizetype p = 0; p < pieces.size(); ++p) {
            core::CompletionStreamEvent chunk;
            chunk.type = core::CompletionStreamEvent::Type::StreamChunk;
            chunk.index = i;
            chunk.completion = pieces.at(p);
            const bool isPrefix = hasPrefix && p == 0;
            const qsizetype t = p - (hasPrefix ? 1 : 0);
            if (aligned) {
                if (whole.rawCompletion)
                    chunk.rawCompletion = pieces.at(p);
                if (whole.completionTokens && !isPrefix)
                    chunk.completionTokens = QStringList{whole.completionTokens->at(t)};
                if (whole.logProbs)
                    chunk.logProbs = isPrefix ? echoLogProbs : QList<QMap<QString, double>>{whole.logProbs->at(echoLogProbs.size() + t)};
            } else if (p == pieces.size() - 1) {
                chunk.rawCompletion = whole.rawCompletion;
                chunk.completionTokens = whole.completionTokens;
                chunk.logProbs = whole.logProbs;
            }
            reply.events.append(compact(chunk.toJson()));
        }
        core::CompletionStreamEvent summary;
        summary.type = core::CompletionStreamEvent::Type::StreamSummary;
        summary.index = i;
        summary.modelVersion = modelVersion();
        summary.finishReason = response.completions.at(i).finishReason;
        reply.events.append(compact(summary.toJson()));
    }
    core::CompletionStreamEvent total;
    total.type = core::CompletionStreamEvent::Type::CompletionSummary;
    total.numTokensPromptTotal = response.numTokensPromptTotal;
    total.numTokensGenerated = response.numTokensGenerated;
    reply.events.append(compact(total.toJson()));
    return reply;
}

// ---- /chat/completions ----

Reply SandboxApi::chat(const QByteArray &body)
{
    Reply reply;
    QJsonObject object;
    const std::optional<core::ChatRequest> r = parseRequest<core::ChatRequest>(body, &reply, &object);
    if (!r)
        return reply;
    const SandboxModel *model = requireModel(*this, r->model, &reply);
    if (!model)
        return reply;
    if (!model->settings.supportsChat())
        return missingCapability(u"This model does not support chat conversations."_s);
    std::optional<Steering> steer;
    if (!resolveSteering(u"chat/completions"_s, r->steeringConcepts, *model, &steer, &reply))
        return reply;

    // The conversation as context: each message's text, images as colour patches.
    QList<ContextToken> context;
    for (qsizetype i = 0; i < r->messages.size(); ++i) {
        const core::ChatMessage &message = r->messages.at(i);
        for (const core::ChatContentPart &part : message.contentParts.value_or(QList<core::ChatContentPart>())) {
            if (part.type != u"image_url"_s || !part.imageUrl)
                continue;
            if (!model->settings.multimodal.value_or(false))
                return missingCapability(u"This model does not accept images."_s);
            const QString url = part.imageUrl->url;
            const qsizetype comma = url.indexOf(u',');
            if (!url.startsWith(u"data:image/"_s) || comma < 0 || !url.left(comma).endsWith(u";base64"_s))
                return badRequest(u"chat/completions: field \"messages[%1].content\": image_url must be a base64 data URL "
                                  u"(data:image/png;base64,...)"_s.arg(i));
            QString error;
            QSize size;
            const auto patches = m_model.imagePatches(QByteArray::fromBase64(url.mid(comma + 1).toLatin1()), {}, {}, {}, &size, &error);
            if (!patches)
                return badRequest(u"chat/completions: field \"messages[%1].content\": %2"_s.arg(i).arg(error));
            for (const qint64 id : *patches)
                context.append({id, 1.0});
        }
        context += m_model.contextOf(i + 1 < r->messages.size() ? message.text() + u"\n\n"_s : message.text());
    }
    // In 64-bit, before any work: max_tokens may be anything up to INT_MAX (as may n).
    const qint64 conversationLength = context.size() + 4 * qint64(r->messages.size()) + 4; // + the template's markers
    const qint64 contextSize = model->settings.maxContextSize.value_or(8192);
    if (conversationLength > contextSize)
        return badRequest(u"chat/completions: field \"messages\": the conversation has %1 tokens, more than the model's context of %2 tokens"_s
                              .arg(conversationLength).arg(contextSize));
    const std::optional<int> requested = r->maxTokens ? r->maxTokens : r->maximumTokens;
    const QString requestedField = r->maxTokens ? u"max_tokens"_s : u"maximum_tokens"_s;
    if (requested && conversationLength + qint64(*requested) > contextSize)
        return badRequest(u"chat/completions: field \"%1\": the conversation has %2 tokens; with %1 %3 that exceeds the model's "
                          u"context of %4 tokens"_s.arg(requestedField).arg(conversationLength).arg(*requested).arg(contextSize));
    if (r->n.value_or(1) > kMaxSamples)
        return badRequest(u"chat/completions: field \"n\": at most %1 choices per request, got %2"_s.arg(kMaxSamples).arg(*r->n));
    // Within the context now, so these fit an int.
    const int promptTokens = int(conversationLength);
    const int maximumTokens = requested.value_or(std::min<int>(512, int(contextSize - conversationLength)));

    Sampling sampling;
    sampling.temperature = r->temperature.value_or(1.0);
    sampling.endOfTextBias = 3.0; // replies of a sentence or two, like an assistant's
    sampling.minimumTokens = std::min(3, maximumTokens); // but never an empty one
    sampling.topK = r->topK.value_or(0);
    sampling.topP = r->topP.value_or(0.0);
    sampling.maximumTokens = maximumTokens;
    sampling.stopSequences = r->stop ? r->stop->sequences : QStringList();
    sampling.presencePenalty = r->presencePenalty.value_or(0.0);
    sampling.frequencyPenalty = r->frequencyPenalty.value_or(0.0);
    sampling.alternatives = r->topLogprobs.value_or(0);
    if (!readLogitBias(u"chat/completions"_s, r->logitBias, m_model.tokenizer(), &sampling, &reply))
        return reply;
    const quint64 seed = requestSeed(object);

    // A tool call when the caller requires one, or when the last user message names a tool.
    const core::ChatTool *tool = nullptr;
    if (r->tools && !r->tools->isEmpty() && (!r->toolChoice || r->toolChoice->mode != u"none"_s)) {
        QString lastUser;
        for (const core::ChatMessage &m : r->messages)
            if (m.role == u"user"_s)
                lastUser = m.text().toLower();
        const bool lastIsTool = r->messages.constLast().role == u"tool"_s;
        for (const core::ChatTool &candidate : *r->tools) {
            const QString name = candidate.function.name;
            if (r->toolChoice && r->toolChoice->mode == u"function"_s) {
                if (r->toolChoice->functionName == name)
                    tool = &candidate;
            } else if (r->toolChoice && r->toolChoice->mode == u"required"_s) {
                tool = tool ? tool : &candidate;
            } else if (!lastIsTool && (lastUser.contains(name.toLower()) || lastUser.contains(QString(name).replace(u'_', u' ').toLower()))) {
                tool = tool ? tool : &candidate;
            }
        }
        if (r->toolChoice && r->toolChoice->mode == u"function"_s && !tool)
            return badRequest(u"chat/completions: field \"tool_choice\": no tool is named \"%1\""_s.arg(
                r->toolChoice->functionName.value_or(QString())));
    }

    core::ChatResponse response;
    response.id = u"chatcmpl-sandbox-"_s + hex(seed);
    response.object = u"chat.completion"_s;
    response.created = QDateTime::currentSecsSinceEpoch();
    response.model = model->name();
    int completionTokens = 0;
    QList<QStringList> streamPieces;
    const int n = r->n.value_or(1);
    for (int i = 0; i < n; ++i) {
        if (cancelled())
            return cancelledReply();
        sampling.seed = mix(seed, quint64(i));
        core::ChatChoice choice;
        choice.index = i;
        core::ChatMessage message;
        message.role = u"assistant"_s;
        QStringList pieces;
        if (tool) {
            SchemaInstance instance(m_model, context, tool->function.parameters.value_or(QJsonObject()), sampling.seed);
            core::ChatToolCall call;
            call.id = u"call_"_s + hex(sampling.seed).left(12);
            call.type = u"function"_s;
            core::ChatFunctionCall function;
            function.name = tool->function.name;
            function.arguments = QString::fromUtf8(compact(instance.make(tool->function.parameters.value_or(QJsonObject()), tool->function.name)));
            call.function = function;
            message.toolCalls = QList<core::ChatToolCall>{call};
            message.content = QString();
            choice.finishReason = u"tool_calls"_s;
            completionTokens += int(m_model.tokenizer().encode(*function.arguments).size());
        } else if (r->responseFormat) {
            const QJsonObject schema = r->responseFormat->jsonSchema.schema;
            SchemaInstance instance(m_model, context, schema, sampling.seed);
            const QString json = QString::fromUtf8(compact(instance.make(schema, r->responseFormat->jsonSchema.name)));
            message.content = json;
            for (const TextToken &t : m_model.tokenizer().encode(json))
                pieces.append(json.mid(t.start, t.length));
            completionTokens += int(pieces.size());
            choice.finishReason = u"stop"_s;
        } else {
            const Generation g = m_model.generate(context, sampling, steer ? &*steer : nullptr);
            // A reply starts at its first word, not with the space the first token carries.
            const qsizetype skip = g.text.startsWith(u' ') ? 1 : 0;
            message.content = g.text.mid(skip);
            pieces = piecesOf(g);
            if (skip && !pieces.isEmpty())
                pieces.first().remove(0, 1);
            completionTokens += int(g.tokens.size());
            choice.finishReason = g.finishReason == u"maximum_tokens"_s ? u"length"_s : u"stop"_s;
            if (r->logprobs.value_or(false)) {
                core::ChatLogprobs logprobs;
                QList<core::ChatTokenLogprob> content;
                for (qsizetype t = 0; t < g.tokens.size(); ++t) {
                    const auto bytesOf = [this](qint64 id) {
                        QList<int> bytes;
                        for (const char b : m_model.tokenizer().bytes(id))
                            bytes.append(int(uchar(b)));
                        return bytes;
                    };
                    core::ChatTokenLogprob entry;
                    entry.token = m_model.tokenizer().text(g.tokens.at(t));
                    entry.logprob = g.logProbs.at(t);
                    entry.bytes = bytesOf(g.tokens.at(t));
                    QList<core::ChatTopLogprob> top;
                    for (const auto &alternative : g.alternatives.value(t)) {
                        core::ChatTopLogprob a;
                        a.token = m_model.tokenizer().text(alternative.first);
                        a.logprob = alternative.second;
                        a.bytes = bytesOf(alternative.first);
                        top.append(a);
                    }
                    entry.topLogprobs = top;
                    content.append(entry);
                }
                logprobs.content = content;
                choice.logprobs = logprobs;
            }
        }
        choice.message = message;
        response.choices.append(choice);
        streamPieces.append(pieces);
    }
    core::ChatUsage usage;
    usage.promptTokens = promptTokens;
    usage.completionTokens = completionTokens;
    usage.totalTokens = promptTokens + completionTokens;
    response.usage = usage;

    if (!r->stream.value_or(false))
        return Reply::json(response.toJson());

    reply = Reply();
    reply.stream = true;
    reply.doneMarker = true;
    reply.contentType = "text/event-stream";
    const auto chunk = [&](int index, const core::ChatDelta &delta, const std::optional<QString> &finish) {
        core::ChatResponse c;
        c.id = response.id;
        c.object = u"chat.completion.chunk"_s;
        c.created = response.created;
        c.model = response.model;
        core::ChatChoice choice;
        choice.index = index;
        choice.delta = delta;
        choice.finishReason = finish;
        c.choices.append(choice);
        reply.events.append(compact(c.toJson()));
    };
    for (int i = 0; i < n; ++i) {
        core::ChatDelta first;
        first.role = u"assistant"_s;
        first.content = QString();
        chunk(i, first, std::nullopt);
        const core::ChatMessage &message = *response.choices.at(i).message;
        if (message.toolCalls) {
            core::ChatDelta calls;
            QList<core::ChatToolCall> toolCalls = *message.toolCalls;
            toolCalls[0].index = 0;
            calls.toolCalls = toolCalls;
            chunk(i, calls, std::nullopt);
        }
        for (const QString &piece : streamPieces.at(i)) {
            core::ChatDelta delta;
            delta.content = piece;
            chunk(i, delta, std::nullopt);
        }
        chunk(i, core::ChatDelta(), response.choices.at(i).finishReason);
    }
    if (r->streamOptions && r->streamOptions->includeUsage.value_or(false)) {
        core::ChatResponse last;
        last.id = response.id;
        last.object = u"chat.completion.chunk"_s;
        last.created = response.created;
        last.model = response.model;
        last.usage = usage;
        reply.events.append(compact(last.toJson()));
    }
    return reply;
}

// ---- /tokenize, /detokenize ----

Reply SandboxApi::tokenize(const QByteArray &body)
{
    Reply reply;
    const std::optional<core::TokenizationRequest> r = parseRequest<core::TokenizationRequest>(body, &reply);
    if (!r)
        return reply;
    if (!requireModel(*this, r->model, &reply))
        return reply;
    core::TokenizationResponse response;
    const QList<qint64> ids = m_model.tokenizer().encodeIds(r->prompt);
    if (r->tokens) {
        QStringList tokens;
        for (const qint64 id : ids)
            tokens.append(m_model.tokenizer().displayForm(id));
        response.tokens = tokens;
    }
    if (r->tokenIds)
        response.tokenIds = ids;
    return Reply::json(response.toJson());
}

Reply SandboxApi::detokenize(const QByteArray &body)
{
    Reply reply;
    const std::optional<core::DetokenizationRequest> r = parseRequest<core::DetokenizationRequest>(body, &reply);
    if (!r)
        return reply;
    if (!requireModel(*this, r->model, &reply))
        return reply;
    QString error;
    const std::optional<QString> text = m_model.tokenizer().decode(r->tokenIds, &error);
    if (!text)
        return badRequest(u"detokenize: field \"token_ids\": %1"_s.arg(error));
    core::DetokenizationResponse response;
    response.result = *text;
    return Reply::json(response.toJson());
}

// ---- /evaluate ----

Reply SandboxApi::evaluate(const QByteArray &body)
{
    Reply reply;
    const std::optional<core::EvaluationRequest> r = parseRequest<core::EvaluationRequest>(body, &reply);
    if (!r)
        return reply;
    const SandboxModel *model = requireModel(*this, r->model, &reply);
    if (!model)
        return reply;
    if (!model->settings.supportsCompletion())
        return missingCapability(u"This model does not support evaluation."_s);
    QString error;
    const std::optional<EncodedPrompt> prompt = encodePrompt(m_model, r->prompt, *model, r->contextualControlThreshold, u"partial"_s, &error);
    if (!prompt)
        return badRequest(u"evaluate: field \"prompt\": %1"_s.arg(error));
    const QList<qint64> expected = m_model.tokenizer().encodeIds(r->completionExpected);
    QList<qint64> greedy;
    const QList<double> logProbs = m_model.continuationLogProbs(prompt->context, expected, nullptr, &greedy);
    const double sum = std::accumulate(logProbs.cbegin(), logProbs.cend(), 0.0);
    core::EvaluationResponse response;
    response.modelVersion = modelVersion();
    response.result.logProbability = sum;
    response.result.logPerplexity = -sum;
    response.result.logPerplexityPerToken = expected.isEmpty() ? 0.0 : -sum / double(expected.size());
    response.result.logPerplexityPerCharacter = -sum / double(std::max<qsizetype>(1, r->completionExpected.size()));
    response.result.correctGreedy = greedy == expected;
    response.result.tokenCount = int(expected.size());
    response.result.characterCount = int(r->completionExpected.size());
    QString ignored;
    response.result.completion = m_model.tokenizer().decode(greedy, &ignored).value_or(QString());
    response.numTokensPromptTotal = int(prompt->context.size() + expected.size());
    return Reply::json(response.toJson());
}

// ---- /explain ----

Reply SandboxApi::explain(const QByteArray &body)
{
    Reply reply;
    const std::optional<core::ExplanationRequest> r = parseRequest<core::ExplanationRequest>(body, &reply);
    if (!r)
        return reply;
    const SandboxModel *model = requireModel(*this, r->model, &reply);
    if (!model)
        return reply;
    if (!model->settings.supportsCompletion())
        return missingCapability(u"This model does not support explanations."_s);
    const QString overlap = r->controlTokenOverlap.value_or(u"partial"_s);
    QString error;
    const std::optional<EncodedPrompt> prompt = encodePrompt(m_model, r->prompt, *model, r->contextualControlThreshold, overlap, &error);
    if (!prompt)
        return badRequest(u"explain: field \"prompt\": %1"_s.arg(error));

    QString target = r->target.value_or(QString());
    if (target.isEmpty()) { // no target: explain what the model would write
        Sampling sampling;
        sampling.maximumTokens = 16;
        sampling.minimumTokens = 1;
        target = m_model.generate(prompt->context, sampling).text;
    }
    const QList<TextToken> targetTokens = m_model.tokenizer().encode(target);
    const qsizetype promptSize = prompt->context.size();
    const double factor = r->controlFactor.value_or(0.1);
    const QString granularity = r->promptGranularity ? r->promptGranularity->type : u"word"_s;
    const QString delimiter = r->promptGranularity ? r->promptGranularity->delimiter.value_or(QString()) : QString();
    const bool complete = overlap == u"complete"_s;
    const bool perToken = r->targetGranularity.value_or(u"complete"_s) == u"token"_s;

    // Every span that can be suppressed: its item (−1 for the target), what the score describes,
    // and the context positions it covers (prompt and target tokens form one context).
    struct Span
    {
        int item = -1;
        int start = 0;
        int length = 0;
        QRectF rect;
        QList<qsizetype> positions;
    };
    QList<Span> spans;
    for (qsizetype i = 0; i < prompt->items.size(); ++i) {
        const EncodedItem &item = prompt->items.at(i);
        if (item.type == core::PromptItem::Type::Text) {
            for (const auto &[start, length] : segments(item.text, item.tokens, granularity, delimiter)) {
                Span span{int(i), start, length, {}, {}};
                for (const qsizetype k : positionsOf(item.text, item.tokens, start, length, complete))
                    span.positions.append(item.first + k);
                spans.append(span);
            }
        } else if (item.type == core::PromptItem::Type::Image) {
            const int cells = SyntheticModel::kPatchGrid / kExplanationTiles;
            for (int row = 0; row < kExplanationTiles; ++row) {
                for (int column = 0; column < kExplanationTiles; ++column) {
                    Span span{int(i), 0, 0, patchRect(item, row * cells, column * cells, cells), {}};
                    for (int pr = row * cells; pr < (row + 1) * cells; ++pr)
                        for (int pc = column * cells; pc < (column + 1) * cells; ++pc)
                            span.positions.append(item.first + pr * SyntheticModel::kPatchGrid + pc);
                    spans.append(span);
                }
            }
        } else {
            for (qsizetype k = 0; k < item.count; ++k)
                spans.append({int(i), int(k), 1, {}, {item.first + k}});
        }
    }
    const qsizetype firstTargetSpan = spans.size();
    for (const auto &[start, length] : segments(target, targetTokens, granularity, delimiter)) {
        Span span{-1, start, length, {}, {}};
        for (const qsizetype k : positionsOf(target, targetTokens, start, length, complete))
            span.positions.append(promptSize + k);
        spans.append(span);
    }

    // The target's log-probabilities with nothing suppressed, then with each span suppressed.
    QList<qint64> targetIds;
    for (const TextToken &t : targetTokens)
        targetIds.append(t.id);
    QList<ContextToken> full = prompt->context;
    for (const qint64 id : std::as_const(targetIds))
        full.append({id, 1.0});
    const auto targetLogProbs = [&](const QList<ContextToken> &context) {
        QList<double> out;
        for (qsizetype k = 0; k < targetIds.size(); ++k)
            out.append(m_model.next(context, promptSize + k).logProb(targetIds.at(k)));
        return out;
    };
    const double steps = double(spans.size() + 1) * double(targetIds.size()) * double(full.size());
    if (steps > kMaxExplanationSteps)
        return badRequest(u"explain: %1 spans scored against %2 target tokens in a context of %3 tokens is more work than the "
                          u"sandbox does for one request; use a coarser prompt_granularity, a shorter prompt or a shorter target"_s
                              .arg(spans.size()).arg(targetIds.size()).arg(full.size()));
    const QList<double> base = targetLogProbs(full);
    QList<QList<double>> deltas; // [span][target token]
    deltas.reserve(spans.size());
    for (const Span &span : std::as_const(spans)) {
        if (cancelled())
            return cancelledReply();
        QList<ContextToken> probed = full;
        for (const qsizetype p : span.positions)
            probed[p].weight *= factor;
        const QList<double> suppressed = targetLogProbs(probed);
        QList<double> delta;
        for (qsizetype k = 0; k < base.size(); ++k) {
            // A span of the target only explains the target tokens after it.
            const bool after = span.item >= 0 || (!span.positions.isEmpty() && span.positions.constLast() < promptSize + k);
            delta.append(after ? base.at(k) - suppressed.at(k) : 0.0);
        }
        deltas.append(delta);
    }

    const QString postprocessing = r->postprocessing.value_or(u"none"_s);
    const auto explanation = [&](const QString &targetText, qsizetype firstToken, qsizetype endToken) {
        QList<double> scores;
        for (const QList<double> &delta : std::as_const(deltas)) {
            double s = 0;
            for (qsizetype k = firstToken; k < endToken; ++k)
                s += delta.at(k);
            if (postprocessing == u"absolute"_s)
                s = std::abs(s);
            else if (postprocessing == u"square"_s)
                s = s * s;
            scores.append(s);
        }
        if (r->normalize.value_or(false)) {
            double largest = 0;
            for (const double s : std::as_const(scores))
                largest = std::max(largest, std::abs(s));
            if (largest > 0)
                for (double &s : scores)
                    s /= largest;
        }
        core::Explanation out;
        out.target = targetText;
        for (qsizetype i = 0; i < prompt->items.size(); ++i) {
            core::ExplanationItem item;
            const core::PromptItem::Type type = prompt->items.at(i).type;
            item.type = type == core::PromptItem::Type::Text    ? core::ExplanationItem::Type::Text
                        : type == core::PromptItem::Type::Image ? core::ExplanationItem::Type::Image
                                                                : core::ExplanationItem::Type::TokenIds;
            item.typeName = type == core::PromptItem::Type::Text    ? u"text"_s
                            : type == core::PromptItem::Type::Image ? u"image"_s
                                                                    : u"token_ids"_s;
            for (qsizetype s = 0; s < firstTargetSpan; ++s) {
                const Span &span = spans.at(s);
                if (span.item != i)
                    continue;
                if (type == core::PromptItem::Type::Text)
                    item.textScores.append(core::TextScore::fromUtf16(prompt->items.at(i).text, span.start, span.length, scores.at(s)));
                else if (type == core::PromptItem::Type::Image)
                    item.imageScores.append(imageScore(span.rect, scores.at(s)));
                else
                    item.tokenScores.append(scores.at(s));
            }
            out.items.append(item);
        }
        core::ExplanationItem targetItem;
        targetItem.type = core::ExplanationItem::Type::Target;
        targetItem.typeName = u"target"_s;
        // Parts of the target explain only the target tokens after them.
        const int firstTokenStart = firstToken < targetTokens.size() ? targetTokens.at(firstToken).start : int(target.size());
        for (qsizetype s = firstTargetSpan; s < spans.size(); ++s) {
            const Span &span = spans.at(s);
            if (!perToken || span.start + span.length <= firstTokenStart)
                targetItem.textScores.append(core::TextScore::fromUtf16(target, span.start, span.length, scores.at(s)));
        }
        out.items.append(targetItem);
        return out;
    };

    core::ExplanationResponse response;
    response.modelVersion = modelVersion();
    if (perToken) {
        for (qsizetype k = 0; k < targetTokens.size(); ++k)
            response.explanations.append(
                explanation(target.mid(targetTokens.at(k).start, targetTokens.at(k).length), k, k + 1));
    } else {
        response.explanations.append(explanation(target, 0, targetTokens.size()));
    }
    return Reply::json(response.toJson());
}

// ---- embeddings ----

namespace {

/// Features of a prompt for the embedding functions: its text's lexical features (weighted by
/// the attention factor of the token each word starts in) and a colour feature per image patch.
QList<QPair<QString, double>> promptFeatures(const EncodedPrompt &prompt)
{
    QList<QPair<QString, double>> features;
    for (const EncodedItem &item : prompt.items) {
        if (item.type == core::PromptItem::Type::Image) {
            for (qsizetype k = 0; k < item.count; ++k)
                features.append({u"image:"_s + QString::number(prompt.context.at(item.first + k).id),
                                 0.15 * prompt.context.at(item.first + k).weight});
            continue;
        }
        if (item.type == core::PromptItem::Type::TokenIds) {
            for (qsizetype k = 0; k < item.count; ++k)
                features.append({u"id:"_s + QString::number(prompt.context.at(item.first + k).id),
                                 prompt.context.at(item.first + k).weight});
            continue;
        }
        QList<double> charWeights(item.text.size(), 1.0);
        for (qsizetype k = 0; k < item.tokens.size(); ++k)
            for (int c = item.tokens.at(k).start; c < item.tokens.at(k).start + item.tokens.at(k).length; ++c)
                charWeights[c] = prompt.context.at(item.first + k).weight;
        int wordStart = 0;
        for (int c = 0; c <= item.text.size(); ++c) {
            if (c == item.text.size() || !item.text.at(c).isLetterOrNumber()) {
                if (c > wordStart) {
                    const double weight = charWeights.at(wordStart);
                    for (auto f : SyntheticModel::textFeatures(item.text.mid(wordStart, c - wordStart))) {
                        f.second *= weight;
                        features.append(f);
                    }
                }
                wordStart = c + 1;
            }
        }
    }
    return features;
}

/// `[x0,x1,...]` with each float's shortest round-trip digits (core::json::appendFloat).
void appendFloatArray(QByteArray &out, const QList<float> &v)
{
    out.reserve(out.size() + v.size() * 12 + 2);
    out += '[';
    for (qsizetype i = 0; i < v.size(); ++i) {
        if (i)
            out += ',';
        core::json::appendFloat(out, v.at(i));
    }
    out += ']';
}

quint64 salt(const QString &what)
{
    return SyntheticModel::stableHash(what.toUtf8());
}

/// The semantic embedding of a prompt: the model's space, plus a small component that depends on
/// the representation (so "document" and "query" differ, but stay close).
QList<float> semanticVector(const EncodedPrompt &prompt, const QString &modelName, core::Representation representation,
                            int dims, bool normalize)
{
    const QList<QPair<QString, double>> features = promptFeatures(prompt);
    QList<float> v = SyntheticModel::embedFeatures(features, dims, salt(modelName + QString::number(dims)));
    if (representation != core::Representation::Symmetric) {
        double norm = 0;
        for (const float x : std::as_const(v))
            norm += double(x) * x;
        // The representation's direction is the same for every text: computed once per
        // (model, representation, size) and scaled (embedFeatures is linear in the weight).
        static thread_local QHash<QString, QList<float>> directions;
        const QString key = modelName + u'\n' + core::toString(representation) + u'\n' + QString::number(dims);
        auto it = directions.find(key);
        if (it == directions.end())
            it = directions.insert(key, SyntheticModel::embedFeatures({{u"representation:"_s + core::toString(representation), 1.0}},
                                                                      dims, salt(modelName)));
        const float weight = float(0.3 * std::sqrt(norm) / 2.0);
        const QList<float> &direction = *it;
        for (int i = 0; i < dims; ++i)
            v[i] += weight * direction.at(i);
    }
    if (normalize)
        SyntheticModel::normalize(v);
    return v;
}

} // namespace

Reply SandboxApi::embed(const QByteArray &body)
{
    Reply reply;
    const std::optional<core::EmbeddingRequest> r = parseRequest<core::EmbeddingRequest>(body, &reply);
    if (!r)
        return reply;
    const SandboxModel *model = requireModel(*this, r->model, &reply);
    if (!model)
        return reply;
    if (model->hiddenSize <= 0)
        return missingCapability(u"This model does not support /embed."_s);
    QString error;
    const std::optional<EncodedPrompt> prompt = encodePrompt(m_model, r->prompt, *model, r->contextualControlThreshold, u"partial"_s, &error);
    if (!prompt)
        return badRequest(u"embed: field \"prompt\": %1"_s.arg(error));
    QMap<QString, QMap<QString, core::Embedding>> embeddings;
    const QList<QPair<QString, double>> features = promptFeatures(*prompt);
    for (const int layer : r->layers.value_or(QList<int>{-1})) {
        if (layer > model->layers || layer < -(model->layers + 1))
            return badRequest(u"embed: field \"layers\": layer %1 is outside -%2..%3"_s.arg(layer).arg(model->layers + 1).arg(model->layers));
        const int index = layer < 0 ? model->layers + 1 + layer : layer;
        for (const QString &pooling : r->pooling.value_or(QStringList{u"max"_s})) {
            QList<float> v = SyntheticModel::embedFeatures(features, model->hiddenSize,
                                                           salt(model->name() + u"/layer/"_s + QString::number(index) + pooling));
            if (r->normalize.value_or(false))
                SyntheticModel::normalize(v);
            embeddings[u"layer_"_s + QString::number(index)][pooling] = v;
        }
    }
    core::EmbeddingResponse response;
    response.modelVersion = modelVersion();
    response.embeddings = embeddings;
    if (r->tokens.value_or(false)) {
        QStringList tokens;
        for (const ContextToken &t : prompt->context)
            tokens.append(m_model.tokenizer().text(t.id));
        response.tokens = tokens;
    }
    response.numTokensPromptTotal = int(prompt->context.size());
    return Reply::json(response.toJson());
}

Reply SandboxApi::semanticEmbed(const QByteArray &body)
{
    Reply reply;
    const std::optional<core::SemanticEmbeddingRequest> r = parseRequest<core::SemanticEmbeddingRequest>(body, &reply);
    if (!r)
        return reply;
    const SandboxModel *model = requireModel(*this, r->model.value_or(u"sandbox-luminous-base"_s), &reply);
    if (!model)
        return reply;
    if (model->settings.embeddingType != u"semantic"_s)
        return missingCapability(u"This model does not support semantic embeddings."_s);
    QString error;
    const std::optional<EncodedPrompt> prompt = encodePrompt(m_model, r->prompt, *model, r->contextualControlThreshold, u"partial"_s, &error);
    if (!prompt)
        return badRequest(u"semantic_embed: field \"prompt\": %1"_s.arg(error));
    core::SemanticEmbeddingResponse response;
    response.modelVersion = modelVersion();
    response.embedding = semanticVector(*prompt, model->name(), r->representation,
                                        r->compressToSize.value_or(model->embeddingSize), r->normalize.value_or(false));
    response.numTokensPromptTotal = int(prompt->context.size());
    return Reply::json(response.toJson());
}

Reply SandboxApi::batchSemanticEmbed(const QByteArray &body)
{
    Reply reply;
    const std::optional<core::BatchSemanticEmbeddingRequest> r = parseRequest<core::BatchSemanticEmbeddingRequest>(body, &reply);
    if (!r)
        return reply;
    const SandboxModel *model = requireModel(*this, r->model.value_or(u"sandbox-luminous-base"_s), &reply);
    if (!model)
        return reply;
    if (model->settings.embeddingType != u"semantic"_s)
        return missingCapability(u"This model does not support semantic embeddings."_s);
    // Written straight to bytes rather than through QJsonArray: a 100-prompt answer of 5,120
    // floats each is half a million numbers, and the sandbox must not be what a batch benchmark
    // measures. Same text as BatchSemanticEmbeddingResponse::toJson() (shortest float digits).
    const QByteArray version = compact(QJsonArray{modelVersion()}); // ["…"]: the string, escaped
    QByteArray text = R"({"model_version":)" + version.mid(1, version.size() - 2) + R"(,"embeddings":[)";
    int tokens = 0;
    for (qsizetype i = 0; i < r->prompts.size(); ++i) {
        QString error;
        const std::optional<EncodedPrompt> prompt = encodePrompt(m_model, r->prompts.at(i), *model, r->contextualControlThreshold, u"partial"_s, &error);
        if (!prompt)
            return badRequest(u"batch_semantic_embed: field \"prompts[%1]\": %2"_s.arg(i).arg(error));
        const QList<float> v = semanticVector(*prompt, model->name(), r->representation,
                                              r->compressToSize.value_or(model->embeddingSize), r->normalize.value_or(false));
        if (i)
            text += ',';
        appendFloatArray(text, v);
        tokens += int(prompt->context.size());
    }
    text += R"(],"num_tokens_prompt_total":)" + QByteArray::number(tokens) + '}';
    Reply out;
    out.body = std::move(text);
    return out;
}

Reply SandboxApi::instructableEmbed(const QByteArray &body)
{
    Reply reply;
    const std::optional<core::InstructableEmbeddingRequest> r = parseRequest<core::InstructableEmbeddingRequest>(body, &reply);
    if (!r)
        return reply;
    const SandboxModel *model = requireModel(*this, r->model.value_or(u"sandbox-pharia-1-embedding"_s), &reply);
    if (!model)
        return reply;
    if (model->settings.embeddingType != u"instructable"_s)
        return missingCapability(u"This model does not support instructable embeddings."_s);
    QString error;
    const std::optional<EncodedPrompt> input = encodePrompt(m_model, r->input, *model, r->contextualControlThreshold, u"partial"_s, &error);
    if (!input)
        return badRequest(u"instructable_embed: field \"input\": %1"_s.arg(error));
    QList<QPair<QString, double>> features = promptFeatures(*input);
    for (auto f : SyntheticModel::textFeatures(r->instruction)) {
        f.second *= 0.3;
        features.append(f);
    }
    core::SemanticEmbeddingResponse response;
    response.modelVersion = modelVersion();
    response.embedding = SyntheticModel::embedFeatures(features, model->embeddingSize, salt(model->name()));
    if (r->normalize.value_or(false))
        SyntheticModel::normalize(response.embedding);
    response.numTokensPromptTotal = int(input->context.size());
    return Reply::json(response.toJson());
}

Reply SandboxApi::embeddings(const QByteArray &body)
{
    Reply reply;
    const std::optional<core::EmbeddingV2Request> r = parseRequest<core::EmbeddingV2Request>(body, &reply);
    if (!r)
        return reply;
    const SandboxModel *model = requireModel(*this, r->model, &reply);
    if (!model)
        return reply;
    if (model->embeddingSize <= 0)
        return missingCapability(u"This model does not support embeddings."_s);
    const int dims = r->dimensions.value_or(model->embeddingSize);
    if (dims > model->embeddingSize)
        return badRequest(u"embeddings: field \"dimensions\": must be at most %1 for %2, got %3"_s.arg(model->embeddingSize).arg(model->name()).arg(dims));
    QStringList texts;
    switch (r->input.kind) {
    case core::EmbeddingV2Input::Kind::Text:
        texts = {r->input.text};
        break;
    case core::EmbeddingV2Input::Kind::Texts:
        texts = r->input.texts;
        break;
    case core::EmbeddingV2Input::Kind::TokenIds:
    case core::EmbeddingV2Input::Kind::TokenIdLists: {
        const QList<QList<qint64>> lists = r->input.kind == core::EmbeddingV2Input::Kind::TokenIds
                                               ? QList<QList<qint64>>{r->input.tokenIds}
                                               : r->input.tokenIdLists;
        for (const QList<qint64> &ids : lists) {
            QString error;
            const std::optional<QString> text = m_model.tokenizer().decode(ids, &error);
            if (!text)
                return badRequest(u"embeddings: field \"input\": %1"_s.arg(error));
            texts.append(*text);
        }
        break;
    }
    }
    core::EmbeddingV2Response response;
    response.object = u"list"_s;
    response.model = model->name();
    const bool base64 = r->encodingFormat.value_or(u"float"_s) == u"base64"_s;
    int tokens = 0;
    for (qsizetype i = 0; i < texts.size(); ++i) {
        QList<float> v = SyntheticModel::embedFeatures(SyntheticModel::textFeatures(texts.at(i)), model->embeddingSize,
                                                       salt(model->name()));
        v.resize(dims); // like Matryoshka embeddings: the first `dims` components, then unit length
        SyntheticModel::normalize(v);
        core::EmbeddingV2Data data;
        data.object = u"embedding"_s;
        data.index = int(i);
        if (base64) {
            QByteArray raw(qsizetype(v.size()) * 4, Qt::Uninitialized);
            for (qsizetype k = 0; k < v.size(); ++k)
                qToLittleEndian(v.at(k), raw.data() + 4 * k);
            data.embeddingBase64 = QString::fromLatin1(raw.toBase64());
        } else {
            data.embedding = v;
        }
        response.data.append(data);
        tokens += int(m_model.tokenizer().encode(texts.at(i)).size());
    }
    core::EmbeddingV2Usage usage;
    usage.promptTokens = tokens;
    usage.totalTokens = tokens;
    response.usage = usage;
    return Reply::json(response.toJson());
}

Reply SandboxApi::handleGradient(const QString &slug, const QByteArray &workspaceId, const QByteArray &body,
                                 const std::atomic_bool *cancelFlag)
{
    const CancelScope scope(cancelFlag);
    if (workspaceId.isEmpty())
        return Reply::json(QJsonObject{{u"message"_s, u"missing header x-gradient-workspace-id"_s}}, 401);
    if (slug.isEmpty())
        return Reply::json(QJsonObject{{u"message"_s, u"no model slug in the path"_s}}, 404);
    Reply reply;
    const std::optional<core::GradientEmbeddingsRequest> r = parseRequest<core::GradientEmbeddingsRequest>(body, &reply);
    if (!r)
        return Reply::json(QJsonObject{{u"message"_s, QJsonDocument::fromJson(reply.body).object().value(u"error"_s)}}, reply.status);
    core::GradientEmbeddingsResponse response;
    for (qsizetype i = 0; i < r->inputs.size(); ++i) {
        core::GradientEmbedding e;
        e.embedding = SyntheticModel::embedFeatures(SyntheticModel::textFeatures(r->inputs.at(i).input), 1024,
                                                    salt(u"gradient/"_s + slug));
        SyntheticModel::normalize(e.embedding);
        e.index = int(i);
        response.embeddings.append(e);
    }
    // The service answers in no particular order; keep the client honest about `index`.
    std::reverse(response.embeddings.begin(), response.embeddings.end());
    return Reply::json(response.toJson());
}

// ---- /translate, /rerank, /steering_concepts ----

Reply SandboxApi::translate(const QByteArray &body)
{
    Reply reply;
    const std::optional<core::TranslationRequest> r = parseRequest<core::TranslationRequest>(body, &reply);
    if (!r)
        return reply;
    const SandboxModel *model = requireModel(*this, r->model, &reply);
    if (!model)
        return reply;
    if (!model->translation)
        return missingCapability(u"This model does not support translation."_s);
    const QString language = r->targetLanguage.trimmed().toLower();
    if (!core::translationLanguageCodes().contains(language))
        return badRequest(u"translate: field \"target_language\": \"%1\" is not a supported language; use one of %2"_s.arg(
            r->targetLanguage, core::translationLanguageCodes().join(u", "_s)));
    core::TranslationResponse response;
    QList<core::TranslationSegment> segmentsOut;
    double weighted = 0;
    double totalLength = 0;
    QStringList translated;
    for (const auto &[start, length] : segments(r->source, {}, u"sentence"_s, QString())) {
        const QString source = r->source.mid(start, length);
        QString out;
        int known = 0;
        int words = 0;
        QString word;
        const auto flush = [&] {
            if (word.isEmpty())
                return;
            bool isKnown = false;
            out += translateWord(word, language, &isKnown);
            known += isKnown;
            ++words;
            word.clear();
        };
        for (const QChar c : source) {
            if (c.isLetter()) {
                word += c;
            } else {
                flush();
                out += c;
            }
        }
        flush();
        const double score = 0.55 + 0.4 * (words ? double(known) / words : 1.0);
        segmentsOut.append({source, out, score, {}});
        translated.append(out);
        weighted += score * length;
        totalLength += length;
    }
    response.translation = u"[%1] "_s.arg(language) + translated.join(u' ');
    response.score = totalLength > 0 ? weighted / totalLength : 0.0;
    response.segments = segmentsOut;
    response.numTokensPromptTotal = int(m_model.tokenizer().encode(r->source).size());
    response.numTokensGenerated = 0;
    return Reply::json(response.toJson());
}

Reply SandboxApi::rerank(const QByteArray &body)
{
    Reply reply;
    const std::optional<core::RerankRequest> r = parseRequest<core::RerankRequest>(body, &reply);
    if (!r)
        return reply;
    const SandboxModel *model = requireModel(*this, r->model.value_or(u"sandbox-bge-reranker-v2-m3"_s), &reply);
    if (!model)
        return reply;
    if (!model->rerank)
        return missingCapability(u"This model does not support reranking."_s);
    const auto vector = [](const QString &text) {
        QList<float> v = SyntheticModel::embedFeatures(SyntheticModel::textFeatures(text), 512, salt(u"rerank"_s));
        SyntheticModel::normalize(v);
        return v;
    };
    const QList<float> query = vector(r->query);
    core::RerankResponse response;
    int tokens = int(m_model.tokenizer().encode(r->query).size());
    for (qsizetype i = 0; i < r->documents.size(); ++i) {
        const QList<float> document = vector(r->documents.at(i));
        double cosine = 0;
        for (int k = 0; k < query.size(); ++k)
            cosine += double(query.at(k)) * document.at(k);
        core::RerankResult result;
        result.index = int(i);
        result.relevanceScore = 1.0 / (1.0 + std::exp(-8.0 * (cosine - 0.25)));
        response.results.append(result);
        tokens += int(m_model.tokenizer().encode(r->documents.at(i)).size());
    }
    std::stable_sort(response.results.begin(), response.results.end(),
                     [](const core::RerankResult &a, const core::RerankResult &b) { return a.relevanceScore > b.relevanceScore; });
    if (r->topN && *r->topN < response.results.size())
        response.results.resize(*r->topN);
    core::RerankUsage usage;
    usage.completionTokens = 0;
    usage.promptTokens = tokens;
    usage.totalTokens = tokens;
    response.usage = usage;
    return Reply::json(response.toJson());
}

void SandboxApi::setStateFile(const QString &path)
{
    QFile file(path);
    QJsonArray requests;
    if (file.exists()) {
        QJsonParseError error{};
        const QJsonDocument doc = file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.read(64 << 20), &error) : QJsonDocument();
        file.close();
        if (!doc.isObject() || !doc.object().value(u"steering_concepts"_s).isArray()) {
            qWarning("aleph-sandbox: %s is not a sandbox state file; set aside as .bad", qPrintable(path));
            QFile::remove(path + u".bad"_s);
            QFile::rename(path, path + u".bad"_s);
        } else {
            requests = doc.object().value(u"steering_concepts"_s).toArray();
        }
    }
    // Made again through the endpoint itself, so the ids and the concepts are the same as before.
    QJsonArray made;
    for (const QJsonValue &request : std::as_const(requests)) {
        const Reply reply = createSteeringConcept(QJsonDocument(request.toObject()).toJson(QJsonDocument::Compact));
        if (reply.status == 201)
            made.append(request);
    }
    QMutexLocker lock(&m_conceptsMutex);
    for (const QJsonValue &request : std::as_const(made))
        m_conceptRequests.append(request);
    m_stateFile = path;
}

Reply SandboxApi::createSteeringConcept(const QByteArray &body)
{
    Reply reply;
    const std::optional<core::CreateSteeringConceptRequest> r = parseRequest<core::CreateSteeringConceptRequest>(body, &reply);
    if (!r)
        return reply;
    // The concept: words of the positive examples that the negative ones lack, and the reverse.
    const auto wordsOf = [this](const QString &text) {
        QSet<qint64> ids;
        for (const TextToken &t : m_model.tokenizer().encode(text)) {
            if (t.id <= 256)
                continue;
            const QString word = text.mid(t.start, t.length).trimmed();
            ids.insert(t.id);
            for (const bool space : {true, false}) {
                const qint64 id = m_model.tokenizer().wordId(word, space);
                if (id >= 0)
                    ids.insert(id);
            }
        }
        return ids;
    };
    Steering steeringConcept;
    QByteArray key;
    for (const core::SteeringConceptExample &example : r->examples) {
        steeringConcept.positive += wordsOf(example.positive);
        steeringConcept.negative += wordsOf(example.negative);
        key += example.negative.toUtf8() + '\0' + example.positive.toUtf8() + '\0';
    }
    const QSet<qint64> both = steeringConcept.positive & steeringConcept.negative;
    steeringConcept.positive -= both;
    steeringConcept.negative -= both;
    const QString id = u"sandbox-concept-"_s + hex(SyntheticModel::stableHash(key));
    {
        QMutexLocker lock(&m_conceptsMutex);
        const bool known = m_concepts.contains(id);
        m_concepts.insert(id, steeringConcept);
        if (!known && !m_stateFile.isEmpty()) {
            m_conceptRequests.append(r->toJson());
            QSaveFile file(m_stateFile);
            if (!file.open(QIODevice::WriteOnly)
                || file.write(QJsonDocument(QJsonObject{{u"steering_concepts"_s, m_conceptRequests}}).toJson()) < 0 || !file.commit())
                qWarning("aleph-sandbox: cannot keep steering concepts in %s: %s", qPrintable(m_stateFile), qPrintable(file.errorString()));
        }
    }
    core::CreateSteeringConceptResponse response;
    response.id = id;
    return Reply::json(response.toJson(), 201);
}

} // namespace sandbox
