// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QSize>
#include <QString>

#include <optional>

namespace core {

/// An image for a prompt, loaded from a file: PNG, JPEG or WebP. The bytes are kept exactly as in
/// the file; `/complete`, `/explain` and the embeddings get their base64 unchanged
/// (reference/CLIENT-SEMANTICS.md §8). Only the header is read to learn the format and size.
struct ImageFile
{
    QByteArray bytes; ///< the file's bytes, unchanged
    QByteArray format; ///< "png" | "jpeg" | "webp"
    QSize size; ///< pixels of the original image (for explanations "in pixels")

    /// Errors: unreadable file, empty file, or a format other than PNG, JPEG or WebP
    /// ("photo.gif: GIF images are not supported; use PNG, JPEG or WebP").
    static std::optional<ImageFile> load(const QString &path, QString *error);
    /// Same checks on bytes already in memory; `name` only labels errors.
    static std::optional<ImageFile> fromBytes(
        const QByteArray &bytes, const QString &name, QString *error);

    QString base64() const { return QString::fromLatin1(bytes.toBase64()); }
    /// `data:image/png;base64,...` for a chat image_url part. The recorded chat traffic carries PNG
    /// (the official client re-encodes every bitmap as PNG): PNG files go as they are, JPEG and
    /// WebP are decoded and re-encoded as PNG. nullopt (with `error`) when decoding fails.
    std::optional<QString> pngDataUrl(QString *error) const;
};

} // namespace core
