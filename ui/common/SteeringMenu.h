// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <functional>

class QHBoxLayout;
class QLineEdit;
class QToolButton;
class QWidget;

namespace core {
class ApiClient;
class SteeringLibrary;
} // namespace core

namespace ui {

/// `field` (a steering_concepts line edit) with a "Library ▾" button beside it, in one row. The
/// button's menu lists the concepts of the steering library (`library()` may return null) when it
/// opens: those made on the connection in use first; those made elsewhere are disabled and say
/// where they were made (their ids only work there). Choosing one puts its id into `field`.
QWidget *withSteeringLibraryMenu(
    QLineEdit *field, core::ApiClient *client, std::function<core::SteeringLibrary *()> library);

} // namespace ui
