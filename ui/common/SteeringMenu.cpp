// SPDX-License-Identifier: MIT
#include "ui/common/SteeringMenu.h"

#include "core/net/ApiClient.h"
#include "core/storage/SteeringLibrary.h"

#include <QHBoxLayout>
#include <QLineEdit>
#include <QMenu>
#include <QToolButton>

namespace ui {

QWidget *withSteeringLibraryMenu(
    QLineEdit *field, core::ApiClient *client, std::function<core::SteeringLibrary *()> library)
{
    auto *row = new QWidget(field->parentWidget());
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    field->setParent(row);
    layout->addWidget(field, 1);
    auto *button = new QToolButton(row);
    button->setObjectName(field->objectName() + QStringLiteral("Library"));
    button->setText(QObject::tr("Library"));
    button->setToolTip(QObject::tr("Apply a concept from the Steering tab's library"));
    button->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(button);
    button->setMenu(menu);
    layout->addWidget(button);
    QObject::connect(menu, &QMenu::aboutToShow, menu, [menu, field, client, library] {
        menu->clear();
        core::SteeringLibrary *lib = library();
        const QList<core::SteeringConceptEntry> entries
            = lib ? lib->list() : QList<core::SteeringConceptEntry>();
        const QString host = client->config().serverKey();
        QList<QAction *> here;
        QList<QAction *> elsewhere;
        for (const core::SteeringConceptEntry &e : entries) {
            const bool local = e.host == host;
            auto *action = new QAction(
                local ? e.name : QObject::tr("%1 (made on %2)").arg(e.name, e.profile), menu);
            action->setToolTip(e.description.isEmpty()
                    ? e.conceptId
                    : e.description + QLatin1Char('\n') + e.conceptId);
            action->setEnabled(local);
            const QString id = e.conceptId;
            QObject::connect(
                action, &QAction::triggered, field, [field, id] { field->setText(id); });
            (local ? here : elsewhere).append(action);
        }
        menu->addActions(here);
        if (!here.isEmpty() && !elsewhere.isEmpty())
            menu->addSeparator();
        menu->addActions(elsewhere);
        if (entries.isEmpty())
            menu->addAction(
                    QObject::tr("The library is empty: create concepts in the Steering tab"))
                ->setEnabled(false);
        menu->addSeparator();
        QObject::connect(
            menu->addAction(QObject::tr("No concept")), &QAction::triggered, field, [field] {
                field->clear();
            });
    });
    return row;
}

} // namespace ui
