// SPDX-License-Identifier: MIT
#include "core/util/Prefault.h"

#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

#if defined(Q_OS_LINUX)
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace core {

namespace {
#if defined(Q_OS_LINUX) && defined(MADV_POPULATE_WRITE)
constexpr bool kCanPrefault = true;
#else
constexpr bool kCanPrefault = false;
#endif
constexpr std::size_t kMinimum = 16u << 20;
constexpr std::size_t kStep = 1u << 20;
} // namespace

PrefaultWindow::PrefaultWindow(void *data, std::size_t bytes, std::size_t window)
    : m_data(reinterpret_cast<std::uintptr_t>(data))
    , m_window(window)
{
    if (!kCanPrefault || !data || bytes < kMinimum)
        return;
#if defined(Q_OS_LINUX)
    const auto page = std::uintptr_t(sysconf(_SC_PAGESIZE));
    // Whole pages inside the block only: the pages at its ends may hold other allocations.
    m_begin = (m_data + page - 1) / page * page;
    m_end = (m_data + bytes) / page * page;
#endif
}

PrefaultWindow::~PrefaultWindow()
{
    stop();
}

void PrefaultWindow::stop()
{
    m_stop->store(true, std::memory_order_relaxed);
}

void PrefaultWindow::advance(std::size_t offset)
{
    if (m_begin >= m_end || m_stop->load(std::memory_order_relaxed))
        return;
    const std::uintptr_t wanted = std::min<std::uintptr_t>(m_data + offset + m_window, m_end);
    const std::uintptr_t from = std::max<std::uintptr_t>(m_begin, m_data + m_requested);
    if (from >= wanted || m_running.isRunning())
        return; // mapped far enough, or a step is running (the next call catches up)
    // Twice the window's worth at a time, so that steps are few.
    const std::uintptr_t to = std::min<std::uintptr_t>(wanted + m_window, m_end);
    m_requested = to - m_data;
#if defined(Q_OS_LINUX) && defined(MADV_POPULATE_WRITE)
    m_running = QtConcurrent::run([from, to, stop = m_stop] {
        for (std::uintptr_t at = from; at < to; at += kStep) {
            if (stop->load(std::memory_order_relaxed))
                return;
            const std::size_t length = std::min<std::size_t>(kStep, to - at);
            // EINVAL before Linux 5.14, ENOMEM under memory pressure: the writer faults instead.
            if (madvise(reinterpret_cast<void *>(at), length, MADV_POPULATE_WRITE) != 0) {
                stop->store(true, std::memory_order_relaxed);
                return;
            }
        }
    });
#endif
}

} // namespace core
