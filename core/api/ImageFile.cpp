// SPDX-License-Identifier: MIT
#include "core/api/ImageFile.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>

using namespace Qt::StringLiterals;

namespace core {

std::optional<ImageFile> ImageFile::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = u"%1: cannot read: %2"_s.arg(path, file.errorString());
        return std::nullopt;
    }
    return fromBytes(file.readAll(), QFileInfo(path).fileName(), error);
}

std::optional<ImageFile> ImageFile::fromBytes(
    const QByteArray &bytes, const QString &name, QString *error)
{
    auto fail = [&](const QString &message) -> std::optional<ImageFile> {
        if (error)
            *error = name + u": "_s + message;
        return std::nullopt;
    };
    if (bytes.isEmpty())
        return fail(u"the file is empty"_s);
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    const QByteArray format = reader.format().toLower();
    if (format != "png" && format != "jpeg" && format != "jpg" && format != "webp") {
        if (format.isEmpty())
            return fail(u"not an image this app can read; use PNG, JPEG or WebP"_s);
        return fail(u"%1 images are not supported; use PNG, JPEG or WebP"_s.arg(
            QString::fromLatin1(format.toUpper())));
    }
    const QSize size = reader.size();
    if (!size.isValid())
        return fail(u"the %1 header is damaged: %2"_s.arg(
            QString::fromLatin1(format.toUpper()), reader.errorString()));
    ImageFile image;
    image.bytes = bytes;
    image.format = format == "jpg" ? QByteArray("jpeg") : format;
    image.size = size;
    return image;
}

std::optional<QString> ImageFile::pngDataUrl(QString *error) const
{
    QByteArray png = bytes;
    if (format != "png") {
        QImage decoded;
        if (!decoded.loadFromData(bytes, format.constData())) {
            if (error)
                *error = u"cannot decode the %1 image"_s.arg(QString::fromLatin1(format.toUpper()));
            return std::nullopt;
        }
        png.clear();
        QBuffer out(&png);
        out.open(QIODevice::WriteOnly);
        decoded.save(&out, "PNG");
    }
    return u"data:image/png;base64,"_s + QString::fromLatin1(png.toBase64());
}

} // namespace core
