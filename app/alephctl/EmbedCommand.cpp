// SPDX-License-Identifier: MIT
// alephctl embed -m MODEL [...] [TEXT...|--file FILE|-]: any number of texts through
// BatchEmbedder (/batch_semantic_embed in chunks), one JSON array of floats per text, in order.
#include "app/alephctl/Cli.h"
#include "app/alephctl/Command.h"
#include "core/net/BatchEmbedder.h"

#include <QFile>

#include <bit>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace alephctl {

namespace {

/// The texts of `embed`: the arguments, else the non-blank lines of --file FILE (or stdin).
int readTexts(const Friendly &f, QStringList *texts)
{
    if (!f.words.isEmpty()) {
        if (f.options.contains(u"--file"_s))
            return usage(u"embed: give texts as arguments or with --file, not both"_s);
        *texts = f.words;
        return Ok;
    }
    const QString file = f.options.value(u"--file"_s, u"-"_s);
    QFile in;
    if (int rc = openInput(file, &in))
        return rc;
    const QByteArray bytes = in.readAll();
    QString text = QString::fromUtf8(bytes);
    if (text.toUtf8() != bytes)
        return usage(u"%1: not UTF-8 text"_s.arg(file));
    text.replace(u"\r\n"_s, u"\n"_s);
    for (const QString &line : text.split(u'\n')) {
        if (!line.trimmed().isEmpty())
            texts->append(line);
    }
    if (texts->isEmpty())
        return usage(u"embed: no texts in "_s + (file == u"-"_s ? u"standard input"_s : file));
    return Ok;
}

/// One line `[x0,x1,...]` per vector, each float in its shortest round-trip form (what
/// json::appendFloat writes: std::to_chars, 0 for what is not finite), written straight into one
/// buffer of about 4 MB: no QJsonArray per vector, no append call per number.
void printVectors(const QList<core::Embedding> &vectors)
{
    constexpr qsizetype kFlushBytes = 4 << 20;
    constexpr qsizetype kFloatChars = 15; // the longest: "-1.17549435e-38"
    QByteArray buffer;
    buffer.reserve(kFlushBytes + (64 << 10));
    for (const core::Embedding &e : vectors) {
        const qsizetype start = buffer.size();
        buffer.resize(start + 3 + e.size() * (kFloatChars + 1));
        char *const begin = buffer.data() + start;
        char *p = begin;
        *p++ = '[';
        for (qsizetype i = 0; i < e.size(); ++i) {
            if (i)
                *p++ = ',';
            const float v = e.at(i);
            if (std::bit_cast<quint32>(v) == 0) // +0, common in sparse vectors
                *p++ = '0';
            else
                p = std::to_chars(p, p + kFloatChars, std::isfinite(v) ? v : 0.0f).ptr;
        }
        *p++ = ']';
        *p++ = '\n';
        buffer.truncate(start + (p - begin));
        if (buffer.size() >= kFlushBytes) {
            out(buffer);
            buffer.clear(); // keeps the capacity
        }
    }
    if (!buffer.isEmpty())
        out(buffer);
}

} // namespace

int embedCommand(QCoreApplication &app, core::ApiClient &client, const QStringList &args)
{
    Friendly f;
    f.wordsOptional = true;
    if (int rc = parseFriendly(args,
            {u"--representation"_s,
                u"--compress-to-size"_s,
                u"--batch-size"_s,
                u"--parallel"_s,
                u"--file"_s},
            &f,
            {u"--normalize"_s}))
        return rc;
    QStringList texts;
    if (int rc = readTexts(f, &texts))
        return rc;
    // What the official client sends (reference/CLIENT-SEMANTICS.md §5.7).
    core::SemanticEmbeddingOptions options;
    options.model = f.model;
    options.normalize = f.flags.contains(u"--normalize"_s);
    options.controlLogAdditive = true;
    const QString representation = f.options.value(u"--representation"_s, u"symmetric"_s);
    const std::optional<core::Representation> r = core::representationFromString(representation);
    if (!r)
        return usage(u"--representation takes symmetric, document or query"_s);
    options.representation = *r;
    if (f.options.contains(u"--compress-to-size"_s)) {
        if (f.options.value(u"--compress-to-size"_s) != u"128"_s)
            return usage(u"--compress-to-size takes 128 (leave it out for the full size)"_s);
        options.compressToSize = core::kCompressedEmbeddingSize;
    }
    core::BatchOptions batch;
    bool ok = true;
    if (f.options.contains(u"--batch-size"_s))
        batch.chunkSize = f.options.value(u"--batch-size"_s).toInt(&ok);
    if (!ok || batch.chunkSize < 1 || batch.chunkSize > core::kMaxPromptsPerBatch)
        return usage(u"--batch-size takes 1..100"_s);
    if (f.options.contains(u"--parallel"_s))
        batch.maxInFlight = f.options.value(u"--parallel"_s).toInt(&ok);
    if (!ok || batch.maxInFlight < 1)
        return usage(u"--parallel takes a whole number ≥ 1"_s);
    QList<core::Prompt> prompts;
    prompts.reserve(texts.size());
    for (const QString &text : std::as_const(texts))
        prompts.append(core::Prompt::fromText(text));
    auto *job = new core::BatchEmbedder(&client, options, std::move(prompts), batch);
    if (isatty(STDERR_FILENO)) {
        QObject::connect(job, &core::EmbeddingBatchJob::progress, &app, [](int done, int total) {
            std::fprintf(stderr, "\ralephctl: embedded %d of %d", done, total);
            if (done == total)
                std::fputc('\n', stderr);
        });
    }
    return runJob(app, job, [](core::BatchEmbedder *j) { printVectors(j->embeddings()); });
}

} // namespace alephctl
