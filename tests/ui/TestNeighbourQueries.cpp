// SPDX-License-Identifier: MIT
// The Embeddings tab's nearest-neighbour queries off the GUI thread (issue 22): answers arrive by
// signal and are the index's own (the exact scan on a small set, the 4-bit pre-selection re-scored
// exactly on a forced approximate one); a newer query supersedes an older one; a query waits for
// the index; a new index drops the old one's queries; deleting the queries during a query waits
// for it and lets go of the index.
#include "core/analysis/Neighbours.h"
#include "ui/embeddings/NeighbourQueries.h"

#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <memory>
#include <random>

using core::analysis::Neighbour;
using core::analysis::NeighbourIndex;

class TestNeighbourQueries : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void searchMatchesTheScan_data();
    void searchMatchesTheScan();
    void newerQuerySupersedes();
    void queryWaitsForTheIndex();
    void newIndexDropsOldQueries();
    void deletedWhileRunning();
};

namespace {

constexpr int kRows = 3000;
constexpr int kDims = 48;

/// kRows × kDims floats around 12 centres, the data owned by the index.
struct Data
{
    std::vector<float> values;
    std::shared_ptr<NeighbourIndex> index;
};

std::shared_ptr<Data> makeData(unsigned seed, int exactLimit)
{
    auto data = std::make_shared<Data>();
    std::mt19937 engine(seed);
    std::normal_distribution<float> gaussian(0, 1);
    std::vector<float> centres(12 * kDims);
    for (float &v : centres)
        v = gaussian(engine);
    data->values.resize(size_t(kRows) * kDims);
    for (int r = 0; r < kRows; ++r)
        for (int d = 0; d < kDims; ++d)
            data->values[size_t(r) * kDims + d]
                = centres[size_t(r % 12) * kDims + d] + 0.6f * gaussian(engine);
    data->index = std::make_shared<NeighbourIndex>();
    data->index->build({data->values.data(), kRows, kDims}, exactLimit);
    return data;
}

core::Embedding queryNear(const Data &data, int row, unsigned seed)
{
    std::mt19937 engine(seed);
    std::normal_distribution<float> gaussian(0, 0.3f);
    core::Embedding vector(kDims);
    for (int d = 0; d < kDims; ++d)
        vector[d] = data.values[size_t(row) * kDims + d] + gaussian(engine);
    return vector;
}

} // namespace

void TestNeighbourQueries::searchMatchesTheScan_data()
{
    QTest::addColumn<int>("exactLimit");
    QTest::newRow("exact scan") << NeighbourIndex::kAutomatic;
    QTest::newRow("4-bit pre-selection") << 100;
}

void TestNeighbourQueries::searchMatchesTheScan()
{
    QFETCH(int, exactLimit);
    const auto data = makeData(1, exactLimit);
    QCOMPARE(data->index->isApproximate(), exactLimit != NeighbourIndex::kAutomatic);
    ui::NeighbourQueries queries;
    queries.setIndex(data->index);
    QSignalSpy searched(&queries, &ui::NeighbourQueries::searchFinished);
    QSignalSpy neighbours(&queries, &ui::NeighbourQueries::neighboursFound);

    const core::Embedding vector = queryNear(*data, 17, 2);
    queries.search(vector, 20);
    QVERIFY(queries.isPending(ui::NeighbourQueries::Kind::Search));
    QCOMPARE(searched.count(), 0); // never answered on the calling thread
    QVERIFY(searched.wait(10000));
    QVERIFY(!queries.isPending(ui::NeighbourQueries::Kind::Search));
    const auto found = searched.at(0).at(0).value<QList<Neighbour>>();
    QCOMPARE(found.size(), 20);
    QCOMPARE(found, data->index->nearest(vector.constData(), 20));
    if (!data->index->isApproximate())
        QCOMPARE(found, data->index->nearestExact(vector.constData(), 20));
    else { // the re-scored pre-selection: the exact scan's rows, nearly always
        const QList<Neighbour> exact = data->index->nearestExact(vector.constData(), 20);
        int same = 0;
        for (const Neighbour &n : exact)
            same += std::count_if(
                found.cbegin(), found.cend(), [&](const Neighbour &f) { return f.row == n.row; });
        QVERIFY2(same >= 19, qPrintable(QString::number(same)));
    }

    queries.findNeighbours(42, 10);
    QVERIFY(neighbours.wait(10000));
    QCOMPARE(neighbours.at(0).at(0).toInt(), 42);
    const auto near = neighbours.at(0).at(1).value<QList<Neighbour>>();
    QCOMPARE(near.size(), 10);
    QCOMPARE(near, data->index->nearestToRow(42, 10));
    QVERIFY(
        std::none_of(near.cbegin(), near.cend(), [](const Neighbour &n) { return n.row == 42; }));
}

void TestNeighbourQueries::newerQuerySupersedes()
{
    const auto data = makeData(3, 100);
    ui::NeighbourQueries queries;
    queries.setIndex(data->index);
    QSignalSpy searched(&queries, &ui::NeighbourQueries::searchFinished);
    QSignalSpy neighbours(&queries, &ui::NeighbourQueries::neighboursFound);
    // Asked in a row from the GUI thread: only the last of each kind is answered. (The one worker
    // takes them in order, so an older answer would have come before the newer one.)
    const core::Embedding first = queryNear(*data, 1, 4);
    const core::Embedding last = queryNear(*data, 2, 5);
    queries.search(first, 10);
    queries.findNeighbours(5, 10);
    queries.search(queryNear(*data, 3, 6), 10);
    queries.findNeighbours(6, 10);
    queries.search(last, 10);
    QVERIFY(searched.wait(10000));
    QCOMPARE(searched.count(), 1);
    QCOMPARE(
        searched.at(0).at(0).value<QList<Neighbour>>(), data->index->nearest(last.constData(), 10));
    QTRY_COMPARE(neighbours.count(), 1);
    QCOMPARE(neighbours.at(0).at(0).toInt(), 6);
    // One more, to give a stale answer the chance to come: none does.
    queries.search(first, 10);
    QVERIFY(searched.wait(10000));
    QCOMPARE(searched.count(), 2);
    QCOMPARE(neighbours.count(), 1);
    QCOMPARE(searched.at(1).at(0).value<QList<Neighbour>>(),
        data->index->nearest(first.constData(), 10));
}

void TestNeighbourQueries::queryWaitsForTheIndex()
{
    const auto data = makeData(7, NeighbourIndex::kAutomatic);
    ui::NeighbourQueries queries;
    QSignalSpy searched(&queries, &ui::NeighbourQueries::searchFinished);
    QSignalSpy neighbours(&queries, &ui::NeighbourQueries::neighboursFound);
    const core::Embedding vector = queryNear(*data, 9, 8);
    queries.search(vector, 5);
    queries.findNeighbours(9, 5);
    QVERIFY(queries.isPending(ui::NeighbourQueries::Kind::Search));
    QVERIFY(queries.isPending(ui::NeighbourQueries::Kind::Neighbours));
    QCoreApplication::processEvents();
    QCOMPARE(searched.count(), 0);
    queries.setIndex(data->index); // built: the waiting queries run
    QVERIFY(searched.count() == 1 || searched.wait(10000));
    QCOMPARE(searched.at(0).at(0).value<QList<Neighbour>>(),
        data->index->nearest(vector.constData(), 5));
    QTRY_COMPARE(neighbours.count(), 1);
    QCOMPARE(neighbours.at(0).at(1).value<QList<Neighbour>>(), data->index->nearestToRow(9, 5));
    // Cancelled while waiting: never answered.
    queries.clear();
    queries.search(vector, 5);
    queries.cancel(ui::NeighbourQueries::Kind::Search);
    QVERIFY(!queries.isPending(ui::NeighbourQueries::Kind::Search));
    queries.setIndex(data->index);
    queries.findNeighbours(3, 5);
    QTRY_COMPARE(neighbours.count(), 2);
    QCOMPARE(searched.count(), 1);
}

void TestNeighbourQueries::newIndexDropsOldQueries()
{
    const auto oldData = makeData(11, 100);
    const auto newData = makeData(12, 100);
    ui::NeighbourQueries queries;
    queries.setIndex(oldData->index);
    QSignalSpy searched(&queries, &ui::NeighbourQueries::searchFinished);
    QSignalSpy neighbours(&queries, &ui::NeighbourQueries::neighboursFound);
    queries.search(queryNear(*oldData, 1, 13), 10);
    queries.findNeighbours(1, 10);
    queries.clear(); // a new set: the old one's answers are dropped
    QVERIFY(!queries.isPending(ui::NeighbourQueries::Kind::Search));
    queries.setIndex(newData->index);
    const core::Embedding vector = queryNear(*newData, 2, 14);
    queries.search(vector, 10);
    QVERIFY(searched.wait(10000));
    QCOMPARE(searched.count(), 1);
    QCOMPARE(searched.at(0).at(0).value<QList<Neighbour>>(),
        newData->index->nearest(vector.constData(), 10));
    QCOMPARE(neighbours.count(), 0);
    // A query running when the index is replaced is dropped too.
    queries.findNeighbours(4, 10);
    queries.setIndex(oldData->index);
    queries.findNeighbours(5, 10);
    QVERIFY(neighbours.wait(10000));
    QCOMPARE(neighbours.count(), 1);
    QCOMPARE(neighbours.at(0).at(0).toInt(), 5);
    QCOMPARE(neighbours.at(0).at(1).value<QList<Neighbour>>(), oldData->index->nearestToRow(5, 10));
}

void TestNeighbourQueries::deletedWhileRunning()
{
    // The queries hold the index while they run; deleting them waits for the running one and
    // lets go of it (the tab closed during a query).
    const std::shared_ptr<Data> data = makeData(15, 100);
    std::weak_ptr<NeighbourIndex> watch = data->index;
    auto queries = std::make_unique<ui::NeighbourQueries>();
    queries->setIndex(data->index);
    QSignalSpy searched(queries.get(), &ui::NeighbourQueries::searchFinished);
    for (int q = 0; q < 5; ++q)
        queries->findNeighbours(q, 10);
    queries->search(queryNear(*data, 3, 16), 10);
    data->index.reset();
    QVERIFY(!watch.expired()); // the queries still hold it
    queries.reset();
    QVERIFY(watch.expired());
    QCoreApplication::processEvents();
    QCOMPARE(searched.count(), 0);
}

QTEST_MAIN(TestNeighbourQueries)
#include "TestNeighbourQueries.moc"
