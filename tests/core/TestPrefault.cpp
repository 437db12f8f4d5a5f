// SPDX-License-Identifier: MIT
// PrefaultWindow (core/util/Prefault): pages of a block are mapped a window ahead of the writer,
// off the calling thread, without changing what is written in them; stop() maps nothing more.
// Residency is read with mincore(2), so the test runs on Linux only.
#include "core/util/Prefault.h"

#include <QTest>

#include <cstring>
#include <sys/mman.h>
#include <unistd.h>

class TestPrefault : public QObject
{
    Q_OBJECT

private:
    /// How many of the pages of [offset, offset + bytes) of `block` are resident.
    static qsizetype resident(void *block, size_t offset, size_t bytes)
    {
        const auto page = size_t(sysconf(_SC_PAGESIZE));
        std::vector<unsigned char> state((bytes + page - 1) / page);
        if (mincore(static_cast<char *>(block) + offset, bytes, state.data()) != 0)
            return -1;
        qsizetype n = 0;
        for (const unsigned char s : state)
            n += s & 1;
        return n;
    }

private Q_SLOTS:
    void initTestCase();
    void mapsAWindowAheadAndKeepsWhatIsWritten();
    void stopMapsNothingMore();
    void smallBlocksAreLeftAlone();
};

namespace {
constexpr size_t kBlock = 256u << 20; // 256 MB, fresh anonymous pages
constexpr size_t kWindow = 32u << 20;
} // namespace

void TestPrefault::initTestCase()
{
    // MADV_POPULATE_WRITE came with Linux 5.14; before it PrefaultWindow does nothing.
    const auto page = size_t(sysconf(_SC_PAGESIZE));
    void *probe = mmap(nullptr, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    QVERIFY(probe != MAP_FAILED);
    const int result = madvise(probe, page, MADV_POPULATE_WRITE);
    munmap(probe, page);
    if (result != 0)
        QSKIP("this kernel has no MADV_POPULATE_WRITE (Linux 5.14 or later): nothing to test");
}

void TestPrefault::mapsAWindowAheadAndKeepsWhatIsWritten()
{
    void *block = mmap(nullptr, kBlock, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    QVERIFY(block != MAP_FAILED);
    QCOMPARE(resident(block, 0, kBlock), 0);
    auto *bytes = static_cast<unsigned char *>(block);
    {
        core::PrefaultWindow window(block, kBlock, kWindow);
        // The writer wrote its first 1 MB: up to twice the window past it is mapped.
        std::memset(bytes, 0xAB, 1u << 20);
        window.advance(1u << 20);
        QTRY_VERIFY(!window.isMapping());
        const auto page = size_t(sysconf(_SC_PAGESIZE));
        const size_t mapped = window.requested();
        QVERIFY2(mapped >= (1u << 20) + kWindow && mapped <= kBlock,
            qPrintable(QString::number(mapped)));
        QCOMPARE(resident(block, 0, mapped), qsizetype(mapped / page));
        // Not all of it: the rest waits for the writer.
        QCOMPARE(resident(block, mapped, kBlock - mapped), 0);
        // What was written is unchanged; a mapped page reads as zeros, as a fresh page does.
        QCOMPARE(bytes[0], 0xAB);
        QCOMPARE(bytes[(1u << 20) - 1], 0xAB);
        QCOMPARE(bytes[1u << 20], 0);
        // Writing on: the window follows, to the end of the block.
        for (size_t at = 1u << 20; at < kBlock; at += 16u << 20) {
            std::memset(bytes + at, 0xCD, std::min<size_t>(16u << 20, kBlock - at));
            QTRY_VERIFY(!window.isMapping());
            window.advance(std::min<size_t>(at + (16u << 20), kBlock));
        }
        QTRY_VERIFY(!window.isMapping());
        QCOMPARE(resident(block, 0, kBlock), qsizetype(kBlock / page));
        QCOMPARE(bytes[0], 0xAB);
        QCOMPARE(bytes[kBlock - 1], 0xCD);
    }
    munmap(block, kBlock);
}

void TestPrefault::stopMapsNothingMore()
{
    void *block = mmap(nullptr, kBlock, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    QVERIFY(block != MAP_FAILED);
    {
        core::PrefaultWindow window(block, kBlock, kWindow);
        window.stop();
        window.advance(1u << 20);
        QVERIFY(!window.isMapping());
        QCOMPARE(window.requested(), size_t(0));
        QCOMPARE(resident(block, 0, kBlock), 0);
    }
    munmap(block, kBlock);
}

void TestPrefault::smallBlocksAreLeftAlone()
{
    constexpr size_t kSmall = 4u << 20;
    void *block = mmap(nullptr, kSmall, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    QVERIFY(block != MAP_FAILED);
    {
        core::PrefaultWindow window(block, kSmall, kWindow);
        window.advance(0);
        QVERIFY(!window.isMapping());
        QCOMPARE(window.requested(), size_t(0));
        QCOMPARE(resident(block, 0, kSmall), 0);
    }
    munmap(block, kSmall);
}

QTEST_GUILESS_MAIN(TestPrefault)
#include "TestPrefault.moc"
