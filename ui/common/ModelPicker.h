// SPDX-License-Identifier: MIT
#pragma once

#include "core/api/Models.h"

#include <QComboBox>

namespace ui {

/// An editable model combo: the models of /model-settings that have the wanted capability, or
/// free text when that list is not available.
class ModelPicker : public QComboBox
{
    Q_OBJECT
public:
    /// Which models are listed: /complete, chat, semantic embeddings (embedding_type "semantic"),
    /// any embeddings (/embeddings: every model with an embedding_type but "none"), translation
    /// (/model-settings has no flag for it: names with "translat" or "-mt-", else every model), or
    /// all.
    enum class Capability { Completion, Chat, SemanticEmbedding, Embedding, Translation, Any };
    ModelPicker(Capability capability, const QString &fallback, QWidget *parent = nullptr);
    void setModels(const QList<core::ModelSettings> &models);
    /// Changes the capability and lists the known models again.
    void setCapability(Capability capability);
    QString model() const { return currentText().trimmed(); }
    /// The /model-settings entry of the chosen model, when the list is known.
    std::optional<core::ModelSettings> settings() const;

private:
    Capability m_capability;
    QList<core::ModelSettings> m_models;
};

} // namespace ui
