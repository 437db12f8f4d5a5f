// SPDX-License-Identifier: MIT
// The Steering tab's sample concepts. Written for this project. Each pair says the same thing both
// ways, word for word where it can, so that a word diff of the pair shows what the concept changes.
#include "ui/steering/SampleConcepts.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace ui {

const QList<SampleConcept> &sampleConcepts()
{
    static const QList<SampleConcept> concepts{
        {QString::fromUtf8(QT_TRANSLATE_NOOP("ui::SampleConcepts", "Enthusiastic")),
            QString::fromUtf8(QT_TRANSLATE_NOOP("ui::SampleConcepts",
                "neutral → enthusiastic: exclamation marks and stronger words")),
            {{u"The food was good."_s, u"The food was amazing!"_s},
                {u"It is a nice day."_s, u"It is a wonderful day!"_s},
                {u"The city is large and interesting."_s,
                    u"The city is enormous and fascinating!"_s},
                {u"This is a very useful book."_s, u"This is a truly exciting book!"_s},
                {u"The weather is fine."_s, u"The weather is absolutely fantastic!"_s}}},
        {QString::fromUtf8(QT_TRANSLATE_NOOP("ui::SampleConcepts", "Formal")),
            QString::fromUtf8(QT_TRANSLATE_NOOP(
                "ui::SampleConcepts", "casual → formal: longer, more formal words")),
            {{u"Cats and dogs are nice."_s, u"Cats as well as dogs are delightful."_s},
                {u"The kids got a big present."_s, u"The children received a substantial gift."_s},
                {u"We need more info about it."_s,
                    u"We require further information regarding it."_s},
                {u"It is used to make stuff."_s, u"It is utilized to manufacture goods."_s},
                {u"It was cheap but good."_s, u"It was inexpensive however excellent."_s},
                {u"The person needs many parts."_s,
                    u"The individual requires numerous components."_s},
                {u"This is the thing that we got."_s, u"This is the item which we received."_s},
                {u"People often use it to show a small part of the whole."_s,
                    u"Individuals frequently utilize it to demonstrate a minor portion of the entire."_s}}},
        {QString::fromUtf8(QT_TRANSLATE_NOOP("ui::SampleConcepts", "German words")),
            QString::fromUtf8(QT_TRANSLATE_NOOP(
                "ui::SampleConcepts", "English → German: common words in German")),
            {{u"The house is big and old."_s, u"Das Haus ist groß und alt."_s},
                {u"A dog is a good friend."_s, u"Ein Hund ist ein guter Freund."_s},
                {u"The water is cold and clear."_s, u"Das Wasser ist kalt und klar."_s},
                {u"It is a city with a long history."_s,
                    u"Es ist eine Stadt mit einer langen Geschichte."_s},
                {u"This is the capital of the country."_s,
                    u"Dies ist die Hauptstadt von dem Land."_s},
                {u"People live in small towns or large cities."_s,
                    u"Menschen leben in kleinen Orten oder großen Städten."_s}}},
    };
    return concepts;
}

QString SampleConcept::displayName() const
{
    return QCoreApplication::translate("ui::SampleConcepts", name.toUtf8().constData());
}

QString SampleConcept::displayDescription() const
{
    return QCoreApplication::translate("ui::SampleConcepts", description.toUtf8().constData());
}

} // namespace ui
