// SPDX-License-Identifier: MIT
// Steering concepts and styles inside SyntheticModel::next(): the replacements in force (a
// concept's, then the styles' the context asks for), reading a written replacement back as the word
// it replaced, moving a replaced word's probability to its replacement and going on with a begun
// one, the small bias of a concept's positive and negative tokens, and its re-ranking of the topic.
#include "sandbox/SteeringLearning.h"
#include "sandbox/model/ModelParts.h"

namespace sandbox {

bool Replacements::append(const Replacement &r)
{
    if (r.to.isEmpty() || (r.to.size() == 1 && r.to.first() == r.from) || m_byFrom.contains(r.from))
        return false;
    const qsizetype index = m_list.size();
    m_list.append(r);
    m_byFrom.insert(r.from, index);
    if (!m_byText.contains(r.to))
        m_byText.insert(r.to, index);
    m_longest = std::max(m_longest, r.to.size());
    return true;
}

const Replacement *Replacements::of(qint64 from) const
{
    const auto it = m_byFrom.constFind(from);
    return it == m_byFrom.cend() ? nullptr : &m_list.at(*it);
}

const Replacement *Replacements::endingAt(const QList<qint64> &tokens, qsizetype end) const
{
    for (qsizetype m = std::min(m_longest, end); m > 0; --m) {
        const auto it = m_byText.constFind(tokens.mid(end - m, m));
        if (it != m_byText.cend())
            return &m_list.at(*it);
    }
    return nullptr;
}

qint64 Replacements::continuation(qint64 from, const QList<qint64> &begun) const
{
    const Replacement *r = of(from);
    if (!r || begun.isEmpty() || begun.size() >= r->to.size()
        || !std::equal(begun.cbegin(), begun.cend(), r->to.cbegin()))
        return -1;
    return r->to.at(begun.size());
}

QList<QPair<const Replacements *, double>> SyntheticModel::replacementsInForce(
    const Steering *steering, const ContextView &v) const
{
    QList<QPair<const Replacements *, double>> out;
    if (steering && !steering->replacements.isEmpty())
        out.append({&steering->replacements, 1.0});
    if (steering && steering->learned && !steering->learned->replacements().isEmpty())
        out.append({&steering->learned->replacements(), 1.0});
    for (qsizetype s = 0; s < m_styles.size(); ++s)
        if (v.styles.at(s) > 0 && !m_styles.at(s).replacements.isEmpty())
            out.append({&m_styles.at(s).replacements, v.styles.at(s)});
    return out;
}

namespace model {

void steerTopic(
    const Steering &steering, const text::SentenceIndex &index, QHash<qint32, double> *score)
{
    // A concept that changes wording (a translation, synonyms) only re-ranks the sentences the
    // context found; one whose pairs the dictionaries do not explain (car → pizza) is about its
    // positive words, and brings in sentences with them
    const bool wording = steering.learned && !steering.learned->replacements().isEmpty();
    const double pull = wording ? kSteeringTopic : kSteeringTopicShift;
    for (const bool positive : {true, false}) {
        const double sign = positive ? 1.0 : -1.0;
        for (const quint64 stem : positive ? steering.positiveStems : steering.negativeStems) {
            qsizetype count = 0;
            const qint32 *postings = index.postings(stem, &count);
            if (count > kMaxDocumentFrequency)
                continue;
            const double weight = sign * pull * index.idf(stem);
            for (qsizetype k = 0; k < count; ++k) {
                const auto it = score->find(postings[k]);
                if (it != score->end())
                    *it += weight;
                else if (positive && !wording)
                    score->insert(postings[k], weight);
            }
        }
    }
}

void readBack(const QList<qint64> &suffix,
    const QList<double> &weights,
    const InForce &replacements,
    QList<qint64> *ownSuffix,
    QList<double> *ownWeights)
{
    for (qsizetype i = suffix.size(); i > 0 && ownSuffix->size() < kMaxMatch;) {
        const Replacement *r = nullptr;
        for (const auto &[set, strength] : replacements)
            if ((r = set->endingAt(suffix, i)))
                break;
        ownSuffix->prepend(r ? r->from : suffix.at(i - 1));
        ownWeights->prepend(weights.at(i - 1));
        i -= r ? r->to.size() : 1;
    }
}

QList<ContextToken> readBackContext(
    const QList<ContextToken> &context, qsizetype length, const InForce &replacements)
{
    QList<qint64> ids;
    ids.reserve(length);
    for (qsizetype i = 0; i < length; ++i)
        ids.append(context.at(i).id);
    QList<ContextToken> out;
    out.reserve(length);
    for (qsizetype i = length; i > 0;) {
        const Replacement *r = nullptr;
        for (const auto &[set, strength] : replacements) {
            r = set->endingAt(ids, i);
            if (r && r->to.size() > 1 && context.at(i - r->to.size()).replaces != r->from)
                r = nullptr;
            if (r)
                break;
        }
        if (r) {
            out.append({r->from, context.at(i - 1).weight});
            i -= r->to.size();
        } else {
            out.append(context.at(i - 1));
            --i;
        }
    }
    std::reverse(out.begin(), out.end());
    return out;
}

void addReplacementCandidates(const InForce &replacements, QHash<qint64, double> *mass)
{
    if (replacements.isEmpty())
        return;
    const QList<qint64> candidates = mass->keys();
    for (const qint64 id : candidates)
        for (const auto &[set, strength] : replacements)
            if (const Replacement *r = set->of(id))
                (*mass)[r->to.first()] += 0.0;
}

double steeringBias(const Steering &steering, qint64 id)
{
    if (steering.positive.contains(id))
        return kSteeringWeight;
    if (steering.negative.contains(id))
        return -kSteeringWeight;
    return 0.0;
}

void applyReplacements(const InForce &replacements,
    const QList<qint64> &suffix,
    const QList<qint64> &suffixReplaces,
    SyntheticModel::Scores *scores,
    QHash<qint64, qsizetype> *at)
{
    // The mass of `from` moves to `to`, in the candidates' order.
    const qsizetype candidates = scores->ids.size();
    for (const auto &[set, strength] : replacements) {
        for (qsizetype i = 0; i < candidates; ++i) {
            const Replacement *r = set->of(scores->ids.at(i));
            if (!r)
                continue;
            const auto to = at->constFind(r->to.first());
            if (to == at->cend() || r->from == r->to.first())
                continue;
            double &fromLogit = scores->logits[i];
            double &toLogit = scores->logits[*to];
            const double moved
                = std::log1p(-std::exp(-kReplacementGain * strength)); // the share that moves
            if (r->to.size() > 1 && fromLogit + moved > toLogit)
                scores->replacing.insert(r->to.first(), r->from);
            toLogit = logAddExp(toLogit, fromLogit + moved);
            fromLogit -= kReplacementGain * strength;
        }
    }
    // A begun replacement goes on.
    double maxLogit = -1e300;
    for (const double logit : std::as_const(scores->logits))
        maxLogit = std::max(maxLogit, logit);
    // The last token written as the beginning of a replacement.
    qsizetype mark = suffix.size() - 1;
    while (mark >= 0 && suffixReplaces.at(mark) < 0)
        --mark;
    if (mark < 0)
        return;
    const QList<qint64> begun = suffix.mid(mark);
    for (const auto &[set, strength] : replacements) {
        const qint64 id = set->continuation(suffixReplaces.at(mark), begun);
        if (id < 0)
            continue;
        auto next = at->constFind(id);
        if (next == at->cend()) {
            scores->ids.append(id);
            scores->logits.append(-1e300);
            next = at->insert(id, scores->ids.size() - 1);
        }
        scores->logits[*next]
            = std::max(scores->logits.at(*next), maxLogit + kContinueGain * strength);
        scores->replacing.remove(id); // it goes on with this replacement, begins no other
        break;
    }
}

} // namespace model

} // namespace sandbox
