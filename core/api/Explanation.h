// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Prompt.h"

#include <QRect>

#include <optional>

/// `POST /explain` (spec: ExplanationRequest / ExplanationResponse; reference/API-ENDPOINTS.md
/// §1.2 and §4; client behaviour in reference/CLIENT-SEMANTICS.md §5.9).
namespace core {

/// How the prompt is cut into the units that get a score (spec:
/// ExplanationRequest.prompt_granularity). type: "token" | "word" | "sentence" | "paragraph" |
/// "custom" (then `delimiter` is required and the prompt is split on it). For image items it sets
/// the tile grid: token 12×12, word 6×6, sentence 3×3, paragraph 1 tile. Unset: the server aims at
/// about 30 units.
struct PromptGranularity
{
    QString type = QStringLiteral("word");
    std::optional<QString> delimiter;
    QJsonObject extra;
    static PromptGranularity custom(const QString &delimiter);
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

/// Body of `POST /explain`. Required: model, prompt, target (the completion text to explain; the
/// spec allows null). Every other field is left out when unset, as the official client does.
struct ExplanationRequest : ControlOptions, json::RequestBody<ExplanationRequest>
{
    static constexpr QLatin1String kRoot{"explain"};
    QString model;
    std::optional<QString> hosting; ///< only "aleph-alpha" or unset
    Prompt prompt;
    std::optional<QString> target; ///< written as null when unset
    std::optional<double>
        controlFactor; ///< "control_factor": suppression while probing, default 0.1
    std::optional<QString> postprocessing; ///< "none" | "absolute" (|x|) | "square" (x²)
    std::optional<bool> normalize; ///< rescale scores to 0..1 after postprocessing
    std::optional<PromptGranularity> promptGranularity;
    std::optional<QString>
        targetGranularity; ///< "complete" (one explanation) | "token" (one per target token)
    std::optional<QString> controlTokenOverlap; ///< "partial" | "complete"
    QJsonObject extra;
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

/// Score of a character range of a text item, or of the target (spec:
/// TextPromptItemImportance.scores, TargetItemImportance.scores).
/// `start` and `length` count characters (Unicode code points, as the official client's Python
/// slicing counts them) of that item's text. They equal UTF-16 indices for text without
/// characters outside the Basic Multilingual Plane (emoji); utf16Range() converts.
struct TextScore
{
    int start = 0;
    int length = 0;
    double score = 0;
    QJsonObject extra;
    /// The UTF-16 range [first, second) of `text` that this score covers, clamped to the text.
    QPair<int, int> utf16Range(const QString &text) const;
    /// A score over UTF-16 range [utf16Start, utf16Start + utf16Length) of `text`, in code points.
    static TextScore fromUtf16(const QString &text, int utf16Start, int utf16Length, double score);
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

/// TextScore from a simdjson document (FastJson.h): json::readNumberObject() for the plain
/// {"start", "length", "score"}, the general Reader for anything else (the same result and
/// messages either way). json::read of a QList<TextScore> finds it by argument-dependent lookup.
bool read(const json::Element &v, TextScore &out, const json::Context &c);

/// Score of a rectangle of an image item (spec: ImagePromptItemImportance.scores). The rectangle
/// is in 0..1 of the
/// whole image, like ImageControl.
struct ImageScore
{
    ImageRect rect;
    double score = 0;
    QJsonObject extra;
    /// The rectangle in pixels of an image of `width` × `height`, truncated to integers as the
    /// official client does (cropping is not taken into account). Fractions outside 0..1, NaN
    /// and infinities from a server are clamped: the result always lies within the image.
    QRect inPixels(int width, int height) const;
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

/// The scores of one prompt item, or of the target (the last item of every explanation).
/// Unknown item types are kept as they came (`type` and `extra["scores"]`), never an error.
struct ExplanationItem
{
    enum class Type { Text, Image, TokenIds, Target, Other };
    Type type = Type::Text;
    QString typeName; ///< as sent: "text", "image", "token_ids", "target"
    QList<TextScore> textScores; ///< Type::Text and Type::Target
    QList<ImageScore> imageScores; ///< Type::Image
    QList<double> tokenScores; ///< Type::TokenIds: one score per token of the item
    QJsonObject extra;
    /// The substring of `text` that a TextScore covers (the prompt item's text, or the request's
    /// target for Type::Target).
    static QString segmentText(const QString &text, const TextScore &score);
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

/// One explanation: what drove the model to produce `target` (the whole target, or one token of
/// it). `items` has one entry per prompt item in prompt order, then the target entry.
struct Explanation
{
    QString target;
    QList<ExplanationItem> items;
    QJsonObject extra;
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

/// Response of `POST /explain`.
struct ExplanationResponse : json::ResponseBody<ExplanationResponse>
{
    static constexpr QLatin1String kRoot{"explain response"};
    std::optional<QString> modelVersion;
    QList<Explanation> explanations;
    QJsonObject extra;
    void read(json::Reader &r);
    void write(json::Writer &w) const;
};

} // namespace core
