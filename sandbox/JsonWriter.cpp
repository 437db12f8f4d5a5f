// SPDX-License-Identifier: MIT
#include "sandbox/JsonWriter.h"

#include "core/api/Json.h"

#include <bit>
#include <charconv>
#include <cmath>

namespace sandbox {

namespace {
/// The longest shortest-form float std::to_chars writes: "-1.17549435e-38".
constexpr qsizetype kFloatChars = 15;
} // namespace

JsonWriter::JsonWriter(qsizetype bytes)
{
    m_out.reserve(bytes);
}

void JsonWriter::separate()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (!m_first)
        m_out += ',';
    m_first = false;
}

void JsonWriter::beginObject()
{
    separate();
    m_out += '{';
    m_first = true;
}

void JsonWriter::endObject()
{
    m_out += '}';
    m_first = false;
}

void JsonWriter::beginArray()
{
    separate();
    m_out += '[';
    m_first = true;
}

void JsonWriter::endArray()
{
    m_out += ']';
    m_first = false;
}

void JsonWriter::key(QLatin1StringView name)
{
    separate();
    writeString(QString(name));
    m_out += ':';
    m_afterKey = true;
}

void JsonWriter::value(const QString &text)
{
    separate();
    writeString(text);
}

void JsonWriter::writeString(const QString &text)
{
    static const char hex[] = "0123456789abcdef";
    const QByteArray utf8 = text.toUtf8();
    m_out += '"';
    for (const char ch : utf8) {
        const uchar c = uchar(ch);
        switch (c) {
        case '"':
            m_out += "\\\"";
            break;
        case '\\':
            m_out += "\\\\";
            break;
        case '\b':
            m_out += "\\b";
            break;
        case '\f':
            m_out += "\\f";
            break;
        case '\n':
            m_out += "\\n";
            break;
        case '\r':
            m_out += "\\r";
            break;
        case '\t':
            m_out += "\\t";
            break;
        default:
            if (c < 0x20) {
                m_out += "\\u00";
                m_out += hex[c >> 4];
                m_out += hex[c & 0xf];
            } else {
                m_out += ch;
            }
        }
    }
    m_out += '"';
}

void JsonWriter::value(qint64 number)
{
    separate();
    m_out += QByteArray::number(number);
}

void JsonWriter::value(const QList<float> &vector)
{
    separate();
    // Straight into the buffer: room for every number at its longest ("-1.17549435e-38", 15
    // characters) and its comma, then cut to what was written. The text is appendFloat()'s.
    const qsizetype start = m_out.size();
    m_out.resize(start + 2 + vector.size() * (kFloatChars + 1));
    char *const begin = m_out.data() + start;
    char *p = begin;
    *p++ = '[';
    for (qsizetype i = 0; i < vector.size(); ++i) {
        if (i)
            *p++ = ',';
        const float v = vector.at(i);
        if (std::bit_cast<quint32>(v) == 0) // +0, common in sparse vectors: to_chars's "0"
            *p++ = '0';
        else
            p = std::to_chars(p, p + kFloatChars, std::isfinite(v) ? v : 0.0f).ptr;
    }
    *p++ = ']';
    m_out.truncate(start + (p - begin));
}

QByteArray JsonWriter::take()
{
    m_first = true;
    m_afterKey = false;
    return std::exchange(m_out, {});
}

namespace {

/// Room for `floats` numbers of at most 15 characters and the rest.
qsizetype room(qsizetype floats)
{
    return floats * 16 + 256;
}

} // namespace

QByteArray jsonText(const core::SemanticEmbeddingResponse &r)
{
    JsonWriter w(room(r.embedding.size()));
    w.beginObject();
    w.member(QLatin1StringView("model_version"), r.modelVersion);
    w.member(QLatin1StringView("embedding"), r.embedding);
    w.member(QLatin1StringView("num_tokens_prompt_total"), r.numTokensPromptTotal);
    w.endObject();
    return w.take();
}

QByteArray jsonText(const core::BatchSemanticEmbeddingResponse &r)
{
    qsizetype floats = 0;
    for (const core::Embedding &e : r.embeddings)
        floats += e.size();
    JsonWriter w(room(floats));
    w.beginObject();
    w.member(QLatin1StringView("model_version"), r.modelVersion);
    w.key(QLatin1StringView("embeddings"));
    w.beginArray();
    for (const core::Embedding &e : r.embeddings)
        w.value(e);
    w.endArray();
    w.member(QLatin1StringView("num_tokens_prompt_total"), r.numTokensPromptTotal);
    w.endObject();
    return w.take();
}

QByteArray jsonText(const core::EmbeddingResponse &r)
{
    qsizetype floats = 0;
    for (const auto &poolings :
        r.embeddings.value_or(QMap<QString, QMap<QString, core::Embedding>>{}))
        for (const core::Embedding &e : poolings)
            floats += e.size();
    JsonWriter w(room(floats));
    w.beginObject();
    w.member(QLatin1StringView("model_version"), r.modelVersion);
    if (r.embeddings) {
        w.key(QLatin1StringView("embeddings"));
        w.beginObject();
        for (auto layer = r.embeddings->begin(); layer != r.embeddings->end(); ++layer) {
            w.key(QLatin1StringView(layer.key().toLatin1()));
            w.beginObject();
            for (auto pooling = layer->begin(); pooling != layer->end(); ++pooling)
                w.member(QLatin1StringView(pooling.key().toLatin1()), pooling.value());
            w.endObject();
        }
        w.endObject();
    }
    if (r.tokens) {
        w.key(QLatin1StringView("tokens"));
        w.beginArray();
        for (const QString &t : *r.tokens)
            w.value(t);
        w.endArray();
    }
    w.member(QLatin1StringView("num_tokens_prompt_total"), r.numTokensPromptTotal);
    w.endObject();
    return w.take();
}

QByteArray jsonText(const core::EmbeddingV2Response &r)
{
    qsizetype floats = 0;
    for (const core::EmbeddingV2Data &d : r.data)
        floats += d.embedding.size();
    JsonWriter w(room(floats));
    w.beginObject();
    w.member(QLatin1StringView("object"), r.object);
    w.key(QLatin1StringView("data"));
    w.beginArray();
    for (const core::EmbeddingV2Data &d : r.data) {
        w.beginObject();
        w.member(QLatin1StringView("object"), d.object);
        if (d.embeddingBase64)
            w.member(QLatin1StringView("embedding"), *d.embeddingBase64);
        else
            w.member(QLatin1StringView("embedding"), d.embedding);
        w.member(QLatin1StringView("index"), qint64(d.index));
        w.endObject();
    }
    w.endArray();
    w.member(QLatin1StringView("model"), r.model);
    if (r.usage) {
        w.key(QLatin1StringView("usage"));
        w.beginObject();
        w.member(QLatin1StringView("prompt_tokens"), qint64(r.usage->promptTokens));
        w.member(QLatin1StringView("total_tokens"), qint64(r.usage->totalTokens));
        w.endObject();
    }
    w.endObject();
    return w.take();
}

} // namespace sandbox
