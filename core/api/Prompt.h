// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Json.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace core {

/// Attention control over characters of a text prompt item (AtMan).
/// Spec: TextPromptItem.controls. `start` and `length` count characters of the item's text.
/// factor: 0 ≤ f < 1 suppresses, 1 leaves alone, f > 1 amplifies.
struct TextControl
{
    int start = 0;
    int length = 0;
    double factor = 1.0;
    std::optional<QString>
        tokenOverlap; ///< "token_overlap": "partial" (server default) | "complete"
    QJsonObject extra;
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

/// A rectangle in logical coordinates 0..1 of the *whole* image (not of the crop).
struct ImageRect
{
    double left = 0;
    double top = 0;
    double width = 0;
    double height = 0;
    QJsonObject extra;
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

/// Attention control over a region of an image prompt item. Spec: ImagePromptItem.controls.
struct ImageControl
{
    ImageRect rect;
    double factor = 1.0;
    std::optional<QString> tokenOverlap;
    QJsonObject extra;
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

/// Attention control over one token of a token_ids prompt item. Spec: TokenIdsPromptItem.controls.
struct TokenControl
{
    int index = 0; ///< position inside this item's token list
    double factor = 1.0;
    QJsonObject extra;
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

/// One item of a multimodal prompt: text, image (base64 of the original file bytes, never
/// re-encoded) or token ids. Spec: TextPromptItem / ImagePromptItem / TokenIdsPromptItem.
/// The `controls` list is kept as "present or absent" so that a body round-trips exactly (the
/// official client always sends `"controls": []`).
struct PromptItem
{
    enum class Type { Text, Image, TokenIds };
    Type type = Type::Text;
    QString text; ///< Type::Text: "data"
    QString imageBase64; ///< Type::Image: "data"
    QList<qint64> tokenIds; ///< Type::TokenIds: "data"
    std::optional<int> x; ///< Type::Image crop: top-left x in pixels
    std::optional<int> y; ///< Type::Image crop: top-left y in pixels
    std::optional<int> size; ///< Type::Image crop: side of the square in pixels
    std::optional<QList<TextControl>> textControls;
    std::optional<QList<ImageControl>> imageControls;
    std::optional<QList<TokenControl>> tokenControls;
    QJsonObject extra; ///< responses only (e.g. "add_prefix_space" in optimized_prompt)

    static PromptItem fromText(const QString &text);
    static PromptItem fromTokenIds(const QList<qint64> &ids);
    /// Base64 of `fileBytes` exactly as they are (PNG, JPEG or WebP); nothing is decoded.
    static PromptItem fromImageBytes(const QByteArray &fileBytes);
    /// An image item from a PNG, JPEG or WebP file, its bytes unchanged (ImageFile::load checks
    /// the format). nullopt with a message naming the file otherwise.
    static std::optional<PromptItem> fromImageFile(const QString &path, QString *error);
    static QString typeName(Type type);

    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

/// A prompt: either a plain string or a list of items. Spec: Prompt (oneOf string | array).
struct Prompt
{
    std::optional<QString> plainText; ///< set when the prompt is a JSON string
    QList<PromptItem> items; ///< used when plainText is unset

    /// One text item with an empty controls list: what the official client sends for a string.
    static Prompt fromText(const QString &text);
    bool isPlainText() const { return plainText.has_value(); }
    /// The concatenated text of a plain prompt or of all text items (images and tokens skipped).
    QString text() const;
};

/// The attention-control knobs of every endpoint that takes a prompt with controls (spec:
/// contextual_control_threshold and control_log_additive of the embed, evaluate and explain
/// requests; reference/API-ENDPOINTS.md §1.1).
struct ControlOptions
{
    /// null: controls touch only the marked tokens; set: also tokens whose embedding cosine
    /// similarity to them is at least this.
    std::optional<double> contextualControlThreshold;
    /// true (server default): add log(factor) to the attention scores; false: shift and multiply.
    std::optional<bool> controlLogAdditive;
    void readControls(json::Reader &r);
    void writeControls(json::Writer &w) const;
};

namespace json {
bool read(const QJsonValue &v, Prompt &out, const Context &c);
} // namespace json
/// Found by argument-dependent lookup from json::Writer.
QJsonValue toValue(const Prompt &v);

} // namespace core
