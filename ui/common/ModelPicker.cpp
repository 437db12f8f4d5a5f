// SPDX-License-Identifier: MIT
#include "ui/common/ModelPicker.h"

namespace ui {

ModelPicker::ModelPicker(Capability capability, const QString &fallback, QWidget *parent)
    : QComboBox(parent)
    , m_capability(capability)
{
    setEditable(true);
    setInsertPolicy(QComboBox::NoInsert);
    setMinimumContentsLength(18);
    setSizeAdjustPolicy(
        QComboBox::AdjustToContents); // long names ("sandbox-llama-3.1-8b-instruct") stay readable
    addItem(fallback);
    setToolTip(tr("The model to use. The list comes from /model-settings; any name can be typed."));
}

void ModelPicker::setModels(const QList<core::ModelSettings> &models)
{
    const QString current = model();
    m_models = models;
    QStringList names;
    for (const core::ModelSettings &m : models) {
        bool ok = true;
        switch (m_capability) {
        case Capability::Completion:
            ok = m.supportsCompletion();
            break;
        case Capability::Chat:
            ok = m.supportsChat();
            break;
        case Capability::SemanticEmbedding:
            ok = m.supportsSemanticEmbedding();
            break;
        case Capability::Embedding:
            ok = !m.embeddingType.value_or(QStringLiteral("none")).isEmpty()
                && m.embeddingType.value_or(QStringLiteral("none")) != QLatin1String("none");
            break;
        case Capability::Translation:
            ok = m.name.contains(QLatin1String("translat"), Qt::CaseInsensitive)
                || m.name.contains(QLatin1String("-mt-"));
            break;
        case Capability::Any:
            break;
        }
        if (ok)
            names.append(m.name);
    }
    if (names.isEmpty() && m_capability == Capability::Translation) {
        for (const core::ModelSettings &m : models)
            names.append(m.name);
    }
    if (names.isEmpty())
        return;
    clear();
    addItems(names);
    const int index = names.indexOf(current);
    setCurrentIndex(index >= 0 ? index : 0);
}

} // namespace ui

namespace ui {

std::optional<core::ModelSettings> ModelPicker::settings() const
{
    const QString name = model();
    for (const core::ModelSettings &m : m_models) {
        if (m.name == name)
            return m;
    }
    return std::nullopt;
}

void ModelPicker::setCapability(Capability capability)
{
    if (capability == m_capability)
        return;
    m_capability = capability;
    if (!m_models.isEmpty())
        setModels(m_models);
}

} // namespace ui
