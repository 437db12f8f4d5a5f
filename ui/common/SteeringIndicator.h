// SPDX-License-Identifier: MIT
#pragma once

#include <QFrame>

#include <functional>

class QLabel;
class QLineEdit;
class QToolButton;

namespace core {
class SteeringLibrary;
struct ApiError;
} // namespace core

namespace ui {

/// Shows beside an input that a steering concept is on, so that it is never only inside a
/// collapsed options panel: "Steering: <name from the library, or the id>" with a button that
/// turns it off (clears `field`, the tab's steering_concepts line edit). Hidden while `field` is
/// empty. After a request failed because the server does not know the concept, it turns red,
/// names the id and offers to clear it.
class SteeringIndicator : public QFrame
{
    Q_OBJECT
public:
    /// `library()` may return null (names are then the ids).
    SteeringIndicator(QLineEdit *field,
        std::function<core::SteeringLibrary *()> library,
        QWidget *parent = nullptr);

    /// True when `error` says the server does not know one of the concepts in `field`.
    bool isUnknownConceptError(const core::ApiError &error) const;
    /// Marks the concept as unknown to the server (red, "Turn off" offered) until `field` changes.
    void setUnknown(bool unknown);
    bool isUnknown() const { return m_unknown; }
    /// The text shown ("" when hidden).
    QString text() const;

public Q_SLOTS:
    /// Clears the field: no concept is sent any more.
    void turnOff();

private:
    void update();

    QLineEdit *m_field;
    std::function<core::SteeringLibrary *()> m_library;
    QLabel *m_label;
    QToolButton *m_off;
    bool m_unknown = false;
};

} // namespace ui
