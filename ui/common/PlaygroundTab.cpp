// SPDX-License-Identifier: MIT
#include "ui/common/PlaygroundTab.h"

#include "ui/common/ModelPicker.h"

namespace ui {

void PlaygroundTab::setModels(const QList<core::ModelSettings> &models)
{
    if (ModelPicker *picker = modelPicker())
        picker->setModels(models);
}

} // namespace ui
