// SPDX-License-Identifier: MIT
#include "core/util/TextFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace core {

bool decodeText(const QByteArray &bytes, QString *text, QString *reason)
{
    const auto fail = [reason](const QString &message) {
        if (reason)
            *reason = message;
        return false;
    };
    if (bytes.contains('\0'))
        return fail(u"it holds NUL bytes, as binary data and UTF-16 text do"_s);
    // Stateless: a sequence cut off at the end counts as invalid too.
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString decoded = decoder.decode(bytes);
    if (decoder.hasError())
        return fail(u"it is not valid UTF-8: binary data, or text in another encoding"_s);
    if (decoded.startsWith(QChar(0xFEFF)))
        decoded.remove(0, 1);
    if (text)
        *text = std::move(decoded);
    return true;
}

bool readTextFile(const QString &path, QString *text, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QCoreApplication::translate("core::TextFile", "Cannot open %1: %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        if (error)
            *error = QCoreApplication::translate("core::TextFile", "Cannot read %1: %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    QString reason;
    if (!decodeText(bytes, text, &reason)) {
        if (error)
            *error = u"%1 is not a text file (%2)"_s.arg(QFileInfo(path).fileName(), reason);
        return false;
    }
    return true;
}

bool readJsonObjectFile(const QString &path, QJsonObject *object, QString *error)
{
    QString text;
    if (!readTextFile(path, &text, error))
        return false;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = u"%1: %2 at offset %3"_s.arg(QFileInfo(path).fileName(), parseError.errorString())
                     .arg(parseError.offset);
        return false;
    }
    if (!doc.isObject()) {
        *error = u"%1: not a JSON object"_s.arg(QFileInfo(path).fileName());
        return false;
    }
    *object = doc.object();
    return true;
}

bool writeJsonObjectFile(const QString &path, const QJsonObject &object, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)
        || file.write(QJsonDocument(object).toJson(QJsonDocument::Indented)) < 0
        || !file.commit()) {
        *error = QCoreApplication::translate("core::TextFile", "Cannot write %1: %2")
                     .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

} // namespace core
