// SPDX-License-Identifier: MIT
#include "core/api/Steering.h"

using namespace Qt::StringLiterals;

namespace core {

void SteeringConceptExample::read(json::Reader &r)
{
    r.required(u"negative"_s, negative);
    r.required(u"positive"_s, positive);
}

void SteeringConceptExample::write(json::Writer &w) const
{
    w.put(u"negative"_s, negative);
    w.put(u"positive"_s, positive);
}

void CreateSteeringConceptRequest::read(json::Reader &r)
{
    r.required(u"examples"_s, examples);
    if (!r.failed() && examples.isEmpty() && r.context().mode == json::Mode::Strict)
        r.context().child(u"examples"_s).fail(u"give at least one {positive, negative} pair"_s);
}

void CreateSteeringConceptRequest::write(json::Writer &w) const
{
    w.put(u"examples"_s, examples);
}

void CreateSteeringConceptResponse::read(json::Reader &r)
{
    r.required(u"id"_s, id);
}

void CreateSteeringConceptResponse::write(json::Writer &w) const
{
    w.put(u"id"_s, id);
}

} // namespace core
