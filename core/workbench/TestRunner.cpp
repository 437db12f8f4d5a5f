// SPDX-License-Identifier: MIT
#include "core/workbench/TestRunner.h"

#include "core/analysis/Neighbours.h"
#include "core/net/ApiClient.h"
#include "core/workbench/Template.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QUuid>

#include <utility>

using namespace Qt::StringLiterals;

namespace core {

struct TestRunner::Flight
{
    int index = 0;
    int row = 0;
    int column = 0;
    QElapsedTimer clock;
    QList<QPointer<ApiJob>> jobs;
    int open = 0; // requests not answered yet
    QList<Check> checks;
    QString expected;
    QString model;
};

TestRunner::TestRunner(
    ApiClient *client, TestSet set, TestRun run, TestRunOptions options, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_set(std::move(set))
    , m_run(std::move(run))
    , m_options(std::move(options))
{
    m_options.concurrency = std::max(1, m_options.concurrency);
    for (CellResult &c : m_run.cells) {
        if (c.state == CellResult::State::Running)
            c.state = CellResult::State::Pending;
    }
}

TestRunner::~TestRunner()
{
    for (Flight *f : std::as_const(m_flights)) {
        for (const QPointer<ApiJob> &job : std::as_const(f->jobs)) {
            if (job) {
                QObject::disconnect(job, nullptr, this, nullptr);
                job->cancel();
            }
        }
        delete f;
    }
}

TestRun TestRunner::newRun(const TestSet &set, const QList<RunColumn> &columns)
{
    TestRun run;
    run.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    run.created = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    run.setName = set.name;
    run.columns = columns;
    run.rowCount = int(set.rows.size());
    run.cells.resize(qsizetype(run.rowCount) * columns.size());
    return run;
}

QList<RunColumn> TestRunner::columnsFor(const TestSet &set, const QStringList &models)
{
    QList<RunColumn> columns;
    for (const TestedVersion &v : set.versions) {
        if (models.isEmpty()) {
            columns.append({v.version, v.model});
            continue;
        }
        for (const QString &m : models)
            columns.append({v.version, m});
    }
    return columns;
}

const TestedVersion *TestRunner::version(const QString &label) const
{
    for (const TestedVersion &v : m_set.versions) {
        if (v.version == label)
            return &v;
    }
    return nullptr;
}

void TestRunner::setGrade(int row, int column, const ManualGrade &grade)
{
    m_run.setGrade(m_set, row, column, grade);
    Q_EMIT cellFinished(row, column);
}

void TestRunner::start()
{
    if (m_running)
        return;
    m_running = true;
    m_next = 0;
    QMetaObject::invokeMethod(this, &TestRunner::fill, Qt::QueuedConnection);
}

void TestRunner::cancel()
{
    if (!m_running)
        return;
    m_running = false;
    const QList<Flight *> flights = std::exchange(m_flights, {});
    m_cellsCancelled += int(flights.size());
    for (Flight *f : flights) {
        for (const QPointer<ApiJob> &job : std::as_const(f->jobs)) {
            if (job) {
                QObject::disconnect(job, nullptr, this, nullptr);
                job->cancel();
            }
        }
        CellResult &c = m_run.cells[f->index];
        const std::optional<ManualGrade> grade = c.grade;
        c = CellResult();
        c.grade = grade;
        delete f;
    }
    Q_EMIT progress(m_run.finishedCount(), int(m_run.cells.size()));
    Q_EMIT finished(true);
}

void TestRunner::fill()
{
    if (!m_running)
        return;
    while (m_flights.size() < m_options.concurrency && m_next < m_run.cells.size()) {
        const int index = m_next++;
        if (m_run.cells.at(index).state == CellResult::State::Pending)
            startCell(index);
        if (!m_running)
            return;
    }
    if (m_flights.isEmpty() && m_next >= m_run.cells.size()) {
        m_running = false;
        Q_EMIT finished(false);
    }
}

void TestRunner::startCell(int index)
{
    const int columns = int(m_run.columns.size());
    const int row = index / columns;
    const int column = index % columns;
    CellResult &cell = m_run.cells[index];
    const RunColumn &col = m_run.columns.at(column);
    const TestedVersion *v = version(col.version);
    auto fail = [&](const QString &message) {
        cell.state = CellResult::State::Error;
        cell.error = message;
        Q_EMIT cellFinished(row, column);
        Q_EMIT progress(m_run.finishedCount(), int(m_run.cells.size()));
    };
    if (!v)
        return fail(QCoreApplication::translate("core::TestRunner", "No prompt version \"%1\"")
                        .arg(col.version));
    if (!m_client)
        return fail(QCoreApplication::translate("core::TestRunner", "No connection"));
    const TestRow &testRow = m_set.rows.at(row);
    QHash<QString, QString> values = v->variables;
    for (auto it = testRow.vars.cbegin(); it != testRow.vars.cend(); ++it)
        values.insert(it.key(), it.value());
    QString missing;
    const std::optional<ManualGrade> grade = cell.grade;
    cell = CellResult();
    cell.grade = grade;
    cell.prompt = fillTemplate(v->promptTemplate, values, &missing);
    if (!missing.isEmpty())
        return fail(QCoreApplication::translate(
            "core::TestRunner", "Template variable {{ %1 }} has no value.")
                        .arg(missing));
    const QString model = col.model.isEmpty() ? v->model : col.model;
    QJsonObject body
        = CompletionRequest::withClientDefaults(model, Prompt::fromText(cell.prompt)).toJson();
    for (auto it = v->parameters.begin(); it != v->parameters.end(); ++it)
        body.insert(it.key(), it.value());
    if (!v->steeringConcepts.isEmpty() && !body.contains(u"steering_concepts"_s))
        body.insert(u"steering_concepts"_s, QJsonArray::fromStringList(v->steeringConcepts));
    QString error;
    std::optional<CompletionRequest> request = CompletionRequest::fromJson(body, &error);
    if (!request)
        return fail(
            QCoreApplication::translate("core::TestRunner", "Bad parameters: %1").arg(error));

    auto *flight = new Flight;
    flight->index = index;
    flight->row = row;
    flight->column = column;
    flight->clock.start();
    flight->checks = m_set.checksFor(row);
    flight->expected = testRow.expected;
    flight->model = model;
    m_flights.append(flight);
    cell.state = CellResult::State::Running;
    Q_EMIT cellStarted(row, column);
    CompletionJob *job = m_client->complete(*request);
    ++m_completionsSent;
    watch(flight, job);
    connect(job, &ApiJob::finished, this, [this, flight] { onCompletion(flight); });
}

void TestRunner::watch(Flight *flight, ApiJob *job)
{
    flight->jobs.append(job);
    ++flight->open;
    connect(job,
        &ApiJob::retrying,
        this,
        [this, flight](int retry, int total, int delayMs, const ApiError &error) {
            ++m_run.cells[flight->index].retries;
            Q_EMIT cellRetrying(flight->row, flight->column, retry, total, delayMs, error);
        });
}

void TestRunner::onCompletion(Flight *flight)
{
    --flight->open;
    auto *job = static_cast<CompletionJob *>(flight->jobs.first().data());
    CellResult &cell = m_run.cells[flight->index];
    if (job->state() != ApiJob::State::Succeeded) {
        cell.state = CellResult::State::Error;
        cell.error = job->error().toString();
        return endCell(flight);
    }
    const CompletionResponse &response = job->result();
    cell.answer = response.completions.isEmpty()
        ? QString()
        : response.completions.first().completion.value_or(QString());
    cell.promptTokens = response.numTokensPromptTotal;
    cell.completionTokens = response.numTokensGenerated;
    for (const Check &check : std::as_const(flight->checks))
        cell.checks.append(evaluateCheck(check, cell.answer, flight->expected, cell.grade));
    sendChecks(flight);
    if (flight->open == 0)
        endCell(flight);
}

void TestRunner::sendChecks(Flight *flight)
{
    CellResult &cell = m_run.cells[flight->index];
    QList<int> similarity;
    QList<int> logProbability;
    for (int i = 0; i < flight->checks.size(); ++i) {
        const Check::Kind kind = flight->checks.at(i).kind;
        if (kind == Check::Kind::Similarity)
            similarity.append(i);
        else if (kind == Check::Kind::LogProbability)
            logProbability.append(i);
    }
    auto failAll = [&](const QList<int> &which, const QString &reason) {
        for (int i : which) {
            cell.checks[i].verdict = CheckResult::Verdict::Fail;
            cell.checks[i].reason = reason;
        }
    };
    if (!similarity.isEmpty()) {
        if (flight->expected.trimmed().isEmpty() || cell.answer.trimmed().isEmpty()) {
            failAll(similarity,
                QCoreApplication::translate(
                    "core::TestRunner", "the answer or the expected text is empty"));
        } else {
            BatchSemanticEmbeddingRequest request;
            request.model = m_options.embeddingModel;
            request.representation = Representation::Symmetric;
            request.prompts = {Prompt::fromText(flight->expected), Prompt::fromText(cell.answer)};
            BatchSemanticEmbeddingJob *job = m_client->batchSemanticEmbed(request);
            watch(flight, job);
            connect(job, &ApiJob::finished, this, [this, flight, job, similarity] {
                --flight->open;
                CellResult &c = m_run.cells[flight->index];
                const QList<Embedding> &e = job->result().embeddings;
                if (job->state() != ApiJob::State::Succeeded || e.size() != 2
                    || e.at(0).size() != e.at(1).size()) {
                    const QString why = job->state() == ApiJob::State::Succeeded
                        ? u"2 vectors of equal length expected"_s
                        : job->error().toString();
                    for (int i : similarity) {
                        c.checks[i].verdict = CheckResult::Verdict::Fail;
                        c.checks[i].reason = QCoreApplication::translate(
                            "core::TestRunner", "embedding failed: %1")
                                                 .arg(why);
                    }
                } else {
                    const double cosine = analysis::cosineSimilarity(
                        e.at(0).constData(), e.at(1).constData(), int(e.at(0).size()));
                    for (int i : similarity)
                        c.checks[i] = similarityResult(flight->checks.at(i), cosine);
                }
                if (flight->open == 0)
                    endCell(flight);
            });
        }
    }
    if (!logProbability.isEmpty()) {
        if (flight->expected.isEmpty()) {
            failAll(logProbability,
                QCoreApplication::translate("core::TestRunner", "the row has no expected text"));
        } else {
            EvaluationRequest request;
            request.model = flight->model;
            request.prompt = Prompt::fromText(cell.prompt);
            request.completionExpected = flight->expected;
            EvaluationJob *job = m_client->evaluate(request);
            watch(flight, job);
            connect(job, &ApiJob::finished, this, [this, flight, job, logProbability] {
                --flight->open;
                CellResult &c = m_run.cells[flight->index];
                const bool answered = job->state() == ApiJob::State::Succeeded
                    && job->result().result.logProbability.has_value();
                const double lp
                    = answered ? job->result().result.logProbability.value_or(0.0) : 0.0;
                for (int i : logProbability) {
                    if (answered) {
                        c.checks[i] = logProbabilityResult(flight->checks.at(i), lp);
                    } else {
                        c.checks[i].verdict = CheckResult::Verdict::Fail;
                        c.checks[i].reason = QCoreApplication::translate(
                            "core::TestRunner", "evaluation failed: %1")
                                                 .arg(job->state() == ApiJob::State::Succeeded
                                                         ? u"no log_probability"_s
                                                         : job->error().toString());
                    }
                }
                if (flight->open == 0)
                    endCell(flight);
            });
        }
    }
}

void TestRunner::endCell(Flight *flight)
{
    CellResult &cell = m_run.cells[flight->index];
    if (cell.state == CellResult::State::Running)
        cell.state = CellResult::State::Done;
    cell.ms = flight->clock.elapsed();
    m_flights.removeOne(flight);
    const int row = flight->row;
    const int column = flight->column;
    delete flight;
    Q_EMIT cellFinished(row, column);
    Q_EMIT progress(m_run.finishedCount(), int(m_run.cells.size()));
    fill();
}

} // namespace core
