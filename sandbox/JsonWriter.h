// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Embedding.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

/// JSON text written straight into one byte buffer, for the sandbox's large answers (embeddings):
/// a 100-prompt /batch_semantic_embed answer of 5,120 floats each is half a million numbers, which
/// a QJsonArray tree holds as 16-byte values and writes with a second pass. The text is the same
/// as QJsonDocument::toJson(Compact) of the typed response (member order aside): floats in their
/// shortest round-trip form (core::json::appendFloat), strings escaped as JSON requires.
namespace sandbox {

class JsonWriter
{
public:
    /// Reserves `bytes` up front (an answer's size is known from its vectors).
    explicit JsonWriter(qsizetype bytes = 0);

    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    /// The name of the next member of the current object.
    void key(QLatin1StringView name);
    void value(const QString &text);
    void value(qint64 number);
    /// `[x0,x1,...]`
    void value(const QList<float> &vector);

    /// key() then value(), skipped when `v` is empty (the typed responses leave those out).
    template<class T>
    void member(QLatin1StringView name, const T &v)
    {
        key(name);
        value(v);
    }
    template<class T>
    void member(QLatin1StringView name, const std::optional<T> &v)
    {
        if (v)
            member(name, *v);
    }

    /// The text written so far; the writer is empty afterwards.
    QByteArray take();

private:
    void separate();
    void writeString(const QString &text);
    QByteArray m_out;
    bool m_first = true; // no value yet in the current object or array
    bool m_afterKey = false;
};

/// The JSON text of the embedding answers, as their toJson() gives it (`extra` is left out: the
/// sandbox sets none). Float arrays are written number by number, never as QJsonArrays.
QByteArray jsonText(const core::SemanticEmbeddingResponse &response);
QByteArray jsonText(const core::BatchSemanticEmbeddingResponse &response);
QByteArray jsonText(const core::EmbeddingResponse &response);
QByteArray jsonText(const core::EmbeddingV2Response &response);

} // namespace sandbox
