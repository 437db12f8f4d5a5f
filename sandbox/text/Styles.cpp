// SPDX-License-Identifier: MIT
// The styles a system prompt can ask for. Written for this project.
#include "sandbox/text/Styles.h"

using namespace Qt::StringLiterals;

namespace sandbox::text {

const QList<Style> &builtInStyles()
{
    static const QList<Style> styles{
        {u"brief"_s,
         {u"brief"_s, u"briefly"_s, u"short"_s, u"shortly"_s, u"concise"_s, u"concisely"_s, u"terse"_s, u"succinct"_s},
         {},
         {},
         6.0},
        {u"formal"_s,
         {u"formal"_s, u"formally"_s, u"professional"_s, u"polite"_s, u"politely"_s, u"courteous"_s},
         {{u" yes"_s, u" certainly"_s}, {u" get"_s, u" obtain"_s}, {u" buy"_s, u" purchase"_s}, {u" help"_s, u" assist"_s},
          {u" need"_s, u" require"_s}, {u" about"_s, u" regarding"_s}, {u" but"_s, u" however"_s}, {u" so"_s, u" therefore"_s},
          {u" also"_s, u" furthermore"_s}, {u" big"_s, u" substantial"_s}, {u" kids"_s, u" children"_s}, {u" show"_s, u" demonstrate"_s},
          {u" start"_s, u" commence"_s}, {u" use"_s, u" utilize"_s}, {u" enough"_s, u" sufficient"_s}, {u" very"_s, u" highly"_s},
          {u" a lot"_s, u" considerably"_s}, {u" lots"_s, u" numerous"_s}, {u" many"_s, u" numerous"_s}},
         {u"Certainly, I would be pleased to answer your question."_s},
         0.0},
        {u"enthusiastic"_s,
         {u"enthusiastic"_s, u"enthusiastically"_s, u"excited"_s, u"excitedly"_s, u"cheerful"_s, u"cheerfully"_s, u"enthusiasm"_s,
          u"upbeat"_s, u"energetic"_s},
         {{u"."_s, u"!"_s}, {u" good"_s, u" wonderful"_s}, {u" nice"_s, u" amazing"_s}, {u" very"_s, u" incredibly"_s},
          {u" large"_s, u" enormous"_s}, {u" big"_s, u" huge"_s}, {u" small"_s, u" tiny"_s}, {u" important"_s, u" fascinating"_s},
          {u" interesting"_s, u" fascinating"_s}, {u" great"_s, u" fantastic"_s}},
         {u"Oh, what a great question."_s},
         0.0},
        {u"pirate"_s,
         {u"pirate"_s, u"pirates"_s, u"buccaneer"_s, u"arr"_s},
         {{u" you"_s, u" ye"_s}, {u" your"_s, u" yer"_s}, {u" is"_s, u" be"_s}, {u" are"_s, u" be"_s}, {u" my"_s, u" me"_s},
          {u" yes"_s, u" aye"_s}, {u" hello"_s, u" ahoy"_s}, {u" friend"_s, u" matey"_s}, {u" the"_s, u" th'"_s},
          {u" treasure"_s, u" booty"_s}, {u" money"_s, u" doubloons"_s}, {u" stop"_s, u" avast"_s}},
         {u"Arr, hello there, my friend."_s},
         0.0},
    };
    return styles;
}

} // namespace sandbox::text
