// SPDX-License-Identifier: MIT
#include "core/workbench/TestRun.h"

#include "core/util/Csv.h"
#include "core/workbench/TestSet.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace core {

namespace {

constexpr const char16_t *kStateNames[] = {u"pending", u"running", u"done", u"error"};

QString stateName(CellResult::State state)
{
    return QString::fromUtf16(kStateNames[int(state)]);
}

CellResult::State stateFromName(const QString &name)
{
    for (int i = 0; i < 4; ++i) {
        if (name == QStringView(kStateNames[i]))
            return CellResult::State(i);
    }
    return CellResult::State::Pending;
}

QJsonValue verdictJson(CheckResult::Verdict verdict)
{
    switch (verdict) {
    case CheckResult::Verdict::Pass:
        return true;
    case CheckResult::Verdict::Fail:
        return false;
    case CheckResult::Verdict::Pending:
        break;
    }
    return QJsonValue::Null;
}

QJsonObject checkResultJson(const CheckResult &r)
{
    QJsonObject o{{u"passed"_s, verdictJson(r.verdict)}, {u"reason"_s, r.reason}};
    o.insert(u"score"_s, r.score ? QJsonValue(*r.score) : QJsonValue());
    return o;
}

CheckResult checkResultFromJson(const QJsonObject &o)
{
    CheckResult r;
    const QJsonValue passed = o.value(u"passed"_s);
    r.verdict = passed.isBool()
        ? (passed.toBool() ? CheckResult::Verdict::Pass : CheckResult::Verdict::Fail)
        : CheckResult::Verdict::Pending;
    r.reason = o.value(u"reason"_s).toString();
    if (o.value(u"score"_s).isDouble())
        r.score = o.value(u"score"_s).toDouble();
    return r;
}

int columnIndex(const TestRun &run, const RunColumn &column)
{
    return int(run.columns.indexOf(column));
}

} // namespace

QString RunColumn::label() const
{
    return version + u" · "_s + model;
}

bool CellResult::passed() const
{
    return state == State::Done
        && std::none_of(
            checks.cbegin(), checks.cend(), [](const CheckResult &c) { return c.failed(); });
}

QJsonObject CellResult::toJson() const
{
    QJsonArray checkArray;
    for (const CheckResult &c : checks)
        checkArray.append(checkResultJson(c));
    QJsonObject o{{u"state"_s, stateName(state == State::Running ? State::Pending : state)},
        {u"prompt"_s, prompt},
        {u"answer"_s, answer},
        {u"checks"_s, checkArray},
        {u"prompt_tokens"_s, promptTokens},
        {u"completion_tokens"_s, completionTokens},
        {u"ms"_s, ms},
        {u"retries"_s, retries},
        {u"error"_s, error}};
    if (grade) {
        o.insert(u"grade"_s, grade->value);
        o.insert(u"note"_s, grade->note);
    }
    return o;
}

CellResult CellResult::fromJson(const QJsonObject &o)
{
    CellResult c;
    c.state = stateFromName(o.value(u"state"_s).toString());
    if (c.state == State::Running)
        c.state = State::Pending;
    c.prompt = o.value(u"prompt"_s).toString();
    c.answer = o.value(u"answer"_s).toString();
    for (const QJsonValue &v : o.value(u"checks"_s).toArray())
        c.checks.append(checkResultFromJson(v.toObject()));
    c.promptTokens = o.value(u"prompt_tokens"_s).toInt();
    c.completionTokens = o.value(u"completion_tokens"_s).toInt();
    c.ms = o.value(u"ms"_s).toInteger();
    c.retries = o.value(u"retries"_s).toInt();
    c.error = o.value(u"error"_s).toString();
    if (o.value(u"grade"_s).isDouble())
        c.grade = ManualGrade{o.value(u"grade"_s).toInt(), o.value(u"note"_s).toString()};
    return c;
}

template<class Predicate>
int TestRun::count(int column, Predicate predicate) const
{
    int n = 0;
    for (int i = 0; i < cells.size(); ++i) {
        if ((column < 0 || i % columns.size() == column) && predicate(cells.at(i)))
            ++n;
    }
    return n;
}

int TestRun::finishedCount(int column) const
{
    return count(column, [](const CellResult &c) { return c.finished(); });
}

int TestRun::passedCount(int column) const
{
    return count(column, [](const CellResult &c) { return c.passed(); });
}

std::optional<double> TestRun::passRate(int column) const
{
    const int finished = finishedCount(column);
    if (finished == 0)
        return std::nullopt;
    return double(passedCount(column)) / finished;
}

bool TestRun::anyFailed() const
{
    return std::any_of(
        cells.cbegin(), cells.cend(), [](const CellResult &c) { return c.failed(); });
}

void TestRun::setGrade(const TestSet &set, int row, int column, const ManualGrade &grade)
{
    CellResult &c = cell(row, column);
    c.grade = grade;
    if (c.state != CellResult::State::Done)
        return;
    const QList<Check> checks = set.checksFor(row);
    const QString expected = row < set.rows.size() ? set.rows.at(row).expected : QString();
    for (int i = 0; i < checks.size() && i < c.checks.size(); ++i) {
        if (checks.at(i).kind == Check::Kind::Manual)
            c.checks[i] = evaluateCheck(checks.at(i), c.answer, expected, grade);
    }
}

QJsonObject TestRun::toJson() const
{
    QJsonArray columnArray;
    for (const RunColumn &c : columns)
        columnArray.append(QJsonObject{{u"version"_s, c.version}, {u"model"_s, c.model}});
    QJsonArray cellArray;
    for (const CellResult &c : cells)
        cellArray.append(c.toJson());
    return {{u"format"_s, u"aleph-playground.testrun"_s},
        {u"version"_s, 1},
        {u"id"_s, id},
        {u"created"_s, created},
        {u"set"_s, setName},
        {u"columns"_s, columnArray},
        {u"rows"_s, rowCount},
        {u"cells"_s, cellArray}};
}

std::optional<TestRun> TestRun::fromJson(const QJsonObject &json, QString *error)
{
    if (json.value(u"format"_s).toString() != u"aleph-playground.testrun"_s) {
        *error = u"not a test run"_s;
        return std::nullopt;
    }
    TestRun run;
    run.id = json.value(u"id"_s).toString();
    run.created = json.value(u"created"_s).toString();
    run.setName = json.value(u"set"_s).toString();
    for (const QJsonValue &v : json.value(u"columns"_s).toArray())
        run.columns.append({v[u"version"_s].toString(), v[u"model"_s].toString()});
    run.rowCount = json.value(u"rows"_s).toInt();
    for (const QJsonValue &v : json.value(u"cells"_s).toArray())
        run.cells.append(CellResult::fromJson(v.toObject()));
    if (run.cells.size() != qsizetype(run.rowCount) * run.columns.size()) {
        *error = u"%1 cells for %2 rows × %3 columns"_s.arg(run.cells.size())
                     .arg(run.rowCount)
                     .arg(run.columns.size());
        return std::nullopt;
    }
    return run;
}

QJsonObject cellJson(const TestSet &set, const TestRun &run, int row, int column)
{
    const CellResult &c = run.cell(row, column);
    const QList<Check> checks = set.checksFor(row);
    QJsonArray checkArray;
    for (int i = 0; i < c.checks.size(); ++i) {
        QJsonObject o = checkResultJson(c.checks.at(i));
        if (i < checks.size()) {
            o.insert(u"kind"_s, Check::kindName(checks.at(i).kind));
            o.insert(u"check"_s, checks.at(i).describe());
        }
        checkArray.append(o);
    }
    QJsonObject vars;
    const TestRow *testRow = row < set.rows.size() ? &set.rows.at(row) : nullptr;
    for (const QString &name : set.variables)
        vars.insert(name, testRow ? testRow->vars.value(name) : QString());
    QJsonObject o{{u"row"_s, row + 1},
        {u"version"_s, run.columns.at(column).version},
        {u"model"_s, run.columns.at(column).model},
        {u"vars"_s, vars},
        {u"expected"_s, testRow ? testRow->expected : QString()},
        {u"state"_s, stateName(c.state)},
        {u"passed"_s, c.passed()},
        {u"answer"_s, c.answer},
        {u"checks"_s, checkArray},
        {u"prompt_tokens"_s, c.promptTokens},
        {u"completion_tokens"_s, c.completionTokens},
        {u"ms"_s, c.ms},
        {u"retries"_s, c.retries},
        {u"error"_s, c.error}};
    if (c.grade) {
        o.insert(u"grade"_s, c.grade->value);
        o.insert(u"note"_s, c.grade->note);
    }
    return o;
}

QString exportCsv(const TestSet &set, const TestRun &run)
{
    QStringList header{u"row"_s};
    header += set.variables;
    header += QStringList{u"expected"_s,
        u"version"_s,
        u"model"_s,
        u"state"_s,
        u"passed"_s,
        u"answer"_s,
        u"reasons"_s,
        u"scores"_s,
        u"prompt_tokens"_s,
        u"completion_tokens"_s,
        u"ms"_s,
        u"retries"_s,
        u"error"_s};
    QString out;
    auto line = [&out](const QStringList &fields) {
        QStringList quoted;
        for (const QString &f : fields)
            quoted.append(csvField(f));
        out += quoted.join(u',') + u"\r\n"_s;
    };
    line(header);
    for (int r = 0; r < run.rowCount; ++r) {
        for (int col = 0; col < run.columns.size(); ++col) {
            const CellResult &c = run.cell(r, col);
            QStringList fields{QString::number(r + 1)};
            for (const QString &name : set.variables)
                fields.append(r < set.rows.size() ? set.rows.at(r).vars.value(name) : QString());
            QStringList reasons;
            QStringList scores;
            for (const CheckResult &check : c.checks) {
                reasons.append(check.reason);
                scores.append(check.score ? QString::number(*check.score, 'g', 6) : QString());
            }
            fields += QStringList{r < set.rows.size() ? set.rows.at(r).expected : QString(),
                run.columns.at(col).version,
                run.columns.at(col).model,
                stateName(c.state),
                c.passed() ? u"true"_s : u"false"_s,
                c.answer,
                reasons.join(u"; "_s),
                scores.join(u";"_s),
                QString::number(c.promptTokens),
                QString::number(c.completionTokens),
                QString::number(c.ms),
                QString::number(c.retries),
                c.error};
            line(fields);
        }
    }
    return out;
}

QJsonObject exportJson(const TestSet &set, const TestRun &run)
{
    QJsonArray columnArray;
    for (int col = 0; col < run.columns.size(); ++col) {
        const std::optional<double> rate = run.passRate(col);
        columnArray.append(QJsonObject{{u"version"_s, run.columns.at(col).version},
            {u"model"_s, run.columns.at(col).model},
            {u"pass_rate"_s, rate ? QJsonValue(*rate) : QJsonValue()}});
    }
    QJsonArray cellArray;
    for (int r = 0; r < run.rowCount; ++r) {
        for (int col = 0; col < run.columns.size(); ++col)
            cellArray.append(cellJson(set, run, r, col));
    }
    return {{u"run"_s, run.id},
        {u"created"_s, run.created},
        {u"set"_s, run.setName},
        {u"columns"_s, columnArray},
        {u"cells"_s, cellArray}};
}

bool saveRunExport(const TestSet &set, const TestRun &run, const QString &path, QString *error)
{
    QSaveFile file(path);
    const QByteArray bytes = path.endsWith(u".csv"_s, Qt::CaseInsensitive)
        ? exportCsv(set, run).toUtf8()
        : QJsonDocument(exportJson(set, run)).toJson(QJsonDocument::Indented);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) < 0 || !file.commit()) {
        *error = QCoreApplication::translate("core::TestRunStore", "Cannot write %1: %2")
                     .arg(path, file.errorString());
        return false;
    }
    return true;
}

RunComparison compareRuns(const TestRun &earlier, const TestRun &later)
{
    RunComparison result;
    QList<int> old; // later's column → earlier's, or −1
    for (const RunColumn &c : later.columns)
        old.append(columnIndex(earlier, c));
    const int rows = std::min(earlier.rowCount, later.rowCount);
    for (int r = 0; r < rows; ++r) {
        for (int col = 0; col < later.columns.size(); ++col) {
            if (old.at(col) < 0)
                continue;
            const CellResult &a = earlier.cell(r, old.at(col));
            const CellResult &b = later.cell(r, col);
            if (!a.finished() || !b.finished())
                continue;
            if (a.passed() && b.failed())
                result.newlyFailing.append({r, col});
            else if (a.failed() && b.passed())
                result.newlyPassing.append({r, col});
        }
    }
    return result;
}

TestRunStore::TestRunStore(QString directory)
    : m_directory(std::move(directory))
{}

QString TestRunStore::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/test-runs"_s;
}

bool TestRunStore::save(const TestRun &run, QString *error) const
{
    if (!QDir().mkpath(m_directory)) {
        *error = QCoreApplication::translate("core::TestRunStore", "Cannot create the folder %1")
                     .arg(m_directory);
        return false;
    }
    QSaveFile file(QDir(m_directory).filePath(run.id + u".json"_s));
    if (!file.open(QIODevice::WriteOnly)
        || file.write(QJsonDocument(run.toJson()).toJson(QJsonDocument::Compact)) < 0
        || !file.commit()) {
        *error = QCoreApplication::translate("core::TestRunStore", "Cannot write %1: %2")
                     .arg(file.fileName(), file.errorString());
        return false;
    }
    return true;
}

QList<TestRun> TestRunStore::runs(const QString &setName) const
{
    QList<TestRun> list;
    const QDir dir(m_directory);
    for (const QString &name : dir.entryList({u"*.json"_s}, QDir::Files)) {
        QFile f(dir.filePath(name));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        QString error;
        std::optional<TestRun> run
            = TestRun::fromJson(QJsonDocument::fromJson(f.readAll()).object(), &error);
        if (run && (setName.isEmpty() || run->setName == setName))
            list.append(*run);
    }
    std::sort(list.begin(), list.end(), [](const TestRun &a, const TestRun &b) {
        return a.created > b.created || (a.created == b.created && a.id > b.id);
    });
    return list;
}

bool TestRunStore::remove(const QString &id) const
{
    return QFile::remove(QDir(m_directory).filePath(id + u".json"_s));
}

} // namespace core
