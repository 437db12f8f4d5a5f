// SPDX-License-Identifier: MIT
// POST /steering_concepts.
#include "sandbox/handlers/Handlers.h"

#include "sandbox/handlers/Support.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace sandbox {

Reply handleCreateSteeringConcept(const Services &services, const Prepared<core::CreateSteeringConceptRequest> &prepared)
{
    const Tokenizer &tokenizer = services.model.tokenizer();
    // The concept: words of the positive examples that the negative ones lack, and the reverse.
    const auto wordsOf = [&tokenizer](const QString &text) {
        QSet<qint64> ids;
        for (const TextToken &t : tokenizer.encode(text)) {
            if (t.id <= 256)
                continue;
            const QString word = text.mid(t.start, t.length).trimmed();
            ids.insert(t.id);
            for (const bool space : {true, false}) {
                const qint64 id = tokenizer.wordId(word, space);
                if (id >= 0)
                    ids.insert(id);
            }
        }
        return ids;
    };
    Steering steeringConcept;
    QByteArray key;
    for (const core::SteeringConceptExample &example : prepared.request.examples) {
        steeringConcept.positive += wordsOf(example.positive);
        steeringConcept.negative += wordsOf(example.negative);
        key += example.negative.toUtf8() + '\0' + example.positive.toUtf8() + '\0';
    }
    const QSet<qint64> both = steeringConcept.positive & steeringConcept.negative;
    steeringConcept.positive -= both;
    steeringConcept.negative -= both;
    const QString id = u"sandbox-concept-"_s + hex(SyntheticModel::stableHash(key));
    services.concepts.insert(id, steeringConcept, prepared.request.toJson());
    core::CreateSteeringConceptResponse response;
    response.id = id;
    return Reply::json(response.toJson(), 201);
}

} // namespace sandbox
