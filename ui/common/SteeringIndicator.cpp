// SPDX-License-Identifier: MIT
#include "ui/common/SteeringIndicator.h"

#include "core/api/ApiError.h"
#include "core/storage/SteeringLibrary.h"
#include "ui/common/Theme.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

namespace ui {

namespace {
QStringList conceptIds(const QLineEdit *field)
{
    QStringList ids;
    for (const QString &id : field->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!id.trimmed().isEmpty())
            ids << id.trimmed();
    }
    return ids;
}
/// Blue when steering is on, red when the concept is unknown to the server: from the palette table.
void styleIndicator(QFrame *frame, bool unknown)
{
    const Palette &p = Palette::current();
    const QColor &bg = unknown ? p.steeringProblemBackground : p.steeringBadgeBackground;
    const QColor &border = unknown ? p.steeringProblemBorder : p.steeringBadgeBorder;
    const QColor &text = unknown ? p.steeringProblemText : p.steeringBadgeText;
    frame->setStyleSheet(QStringLiteral(
        "#steeringIndicator { background: %1; border: 1px solid %2; border-radius: 4px; }"
        " #steeringIndicatorText { color: %3; }")
                             .arg(bg.name(), border.name(), text.name()));
}
} // namespace

SteeringIndicator::SteeringIndicator(
    QLineEdit *field, std::function<core::SteeringLibrary *()> library, QWidget *parent)
    : QFrame(parent)
    , m_field(field)
    , m_library(std::move(library))
{
    setObjectName(QStringLiteral("steeringIndicator"));
    m_label = new QLabel(this);
    m_label->setObjectName(QStringLiteral("steeringIndicatorText"));
    m_label->setTextFormat(Qt::PlainText);
    m_off = new QToolButton(this);
    m_off->setObjectName(QStringLiteral("steeringOff"));
    m_off->setText(tr("Turn off"));
    m_off->setAutoRaise(true);
    m_off->setToolTip(tr("Send without the steering concept (clears steering_concepts)"));
    connect(m_off, &QToolButton::clicked, this, &SteeringIndicator::turnOff);
    connect(themeNotifier(), &ThemeNotifier::changed, this, [this] {
        styleIndicator(this, m_unknown);
    });
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 1, 2, 1);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_off);
    connect(m_field, &QLineEdit::textChanged, this, [this] {
        m_unknown = false;
        update();
    });
    update();
}

bool SteeringIndicator::isUnknownConceptError(const core::ApiError &error) const
{
    if (error.kind != core::ApiError::Kind::BadRequest && error.httpStatus != 404
        && error.httpStatus != 422)
        return false;
    for (const QString &id : conceptIds(m_field)) {
        if (error.message.contains(id))
            return true;
    }
    return error.message.contains(QLatin1String("steering"), Qt::CaseInsensitive)
        && error.message.contains(QLatin1String("unknown"), Qt::CaseInsensitive);
}

void SteeringIndicator::setUnknown(bool unknown)
{
    m_unknown = unknown;
    update();
}

QString SteeringIndicator::text() const
{
    return isHidden() ? QString() : m_label->text();
}

void SteeringIndicator::turnOff()
{
    m_field->clear();
}

void SteeringIndicator::update()
{
    const QStringList ids = conceptIds(m_field);
    if (ids.isEmpty()) {
        hide();
        return;
    }
    QStringList names;
    core::SteeringLibrary *library = m_library ? m_library() : nullptr;
    const QList<core::SteeringConceptEntry> entries
        = library ? library->list() : QList<core::SteeringConceptEntry>();
    for (const QString &id : ids) {
        QString name = id;
        for (const core::SteeringConceptEntry &e : entries) {
            if (e.conceptId == id && !e.name.isEmpty()) {
                name = e.name;
                break;
            }
        }
        names << name;
    }
    if (m_unknown) {
        m_label->setText(
            tr("Steering concept %1 is not known to this server, so requests with it fail.")
                .arg(ids.join(QStringLiteral(", "))));
        m_off->setText(tr("Clear it"));
        styleIndicator(this, true);
    } else {
        m_label->setText(tr("Steering: %1").arg(names.join(QStringLiteral(", "))));
        m_off->setText(tr("Turn off"));
        styleIndicator(this, false);
    }
    m_label->setToolTip(ids.join(QLatin1Char('\n')));
    show();
}

} // namespace ui
