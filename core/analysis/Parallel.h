// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

#include <algorithm>
#include <thread>
#include <vector>

namespace core::analysis {

/// Threads the analysis uses for one pass over a large matrix: the machine's hardware threads
/// (at least 1). The passes are memory-bound, so more threads than cores do not help.
inline int analysisThreads()
{
    return std::max(1, int(std::thread::hardware_concurrency()));
}

/// Runs `part(thread, begin, end)` on contiguous, disjoint parts of [0, n) that together cover
/// it, on up to analysisThreads() threads (the calling thread runs part 0), and returns when all
/// have ended. Parts have at least `minPerThread` items, so a small n runs on the calling thread
/// alone. Returns the number of parts used (≥ 1; 0 when n ≤ 0). `part` must not throw.
template<class Part>
int parallelParts(qsizetype n, qsizetype minPerThread, Part &&part)
{
    if (n <= 0)
        return 0;
    const qsizetype parts = std::clamp<qsizetype>(
        n / std::max<qsizetype>(1, minPerThread), 1, qsizetype(analysisThreads()));
    const qsizetype step = (n + parts - 1) / parts;
    std::vector<std::thread> threads;
    threads.reserve(size_t(parts - 1));
    for (qsizetype t = 1; t < parts; ++t) {
        const qsizetype begin = std::min(n, t * step);
        const qsizetype end = std::min(n, begin + step);
        threads.emplace_back([&part, t, begin, end] { part(int(t), begin, end); });
    }
    part(0, qsizetype(0), std::min(n, step));
    for (std::thread &thread : threads)
        thread.join();
    return int(parts);
}

} // namespace core::analysis
