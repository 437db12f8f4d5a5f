// SPDX-License-Identifier: MIT
#pragma once

#include <QFuture>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>

namespace core {

/// Maps the pages of a large block into memory on a thread of the global pool, a window ahead of
/// a writer that fills the block roughly in address order, so that the writer does not pay for
/// the page faults (the kernel zeroing each fresh page: while 100,000 vectors arrived into a 2 GB
/// embedding matrix that was most of the GUI thread's time). A window rather than the whole block
/// at once: the faults are spread over the writing, and a cancelled writer leaves no more of the
/// block mapped than the window past what it wrote.
///
/// Linux only (madvise MADV_POPULATE_WRITE, kernel 5.14 or later): it faults the pages in without
/// reading or writing their contents, so it is safe while the writer writes into the block.
/// Elsewhere, on an older kernel, or for blocks under 16 MB it does nothing.
///
/// Nothing waits for the mapping thread: destroying the window (or stop()) only tells it to end
/// after its current 1 MB step. If the block is freed meanwhile, that step can only fail (the
/// range is unmapped: ENOMEM, and the thread ends) or fault in pages of whatever was mapped there
/// since, without touching their contents: the kernel checks every address, no memory is read or
/// written by this code.
class PrefaultWindow
{
public:
    /// The block [`data`, `data` + `bytes`); `window` bytes are kept mapped ahead of the writer.
    PrefaultWindow(void *data, std::size_t bytes, std::size_t window = 32u << 20);
    /// Stops the mapping (after the 1 MB step that runs, without waiting for it).
    ~PrefaultWindow();
    PrefaultWindow(const PrefaultWindow &) = delete;
    PrefaultWindow &operator=(const PrefaultWindow &) = delete;

    /// The writer has written up to `offset` bytes into the block: maps up to `offset` + the
    /// window, off this thread (returns at once; one mapping step runs at a time).
    void advance(std::size_t offset);
    /// Maps nothing more (a cancelled or failed writer); a step that runs ends within 1 MB.
    void stop();
    /// Whether a mapping step is running.
    bool isMapping() const { return m_running.isRunning(); }
    /// Bytes from the block's start that are mapped or being mapped.
    std::size_t requested() const { return m_requested; }

private:
    std::uintptr_t m_begin = 0; // whole pages inside the block
    std::uintptr_t m_end = 0;
    std::uintptr_t m_data = 0;
    std::size_t m_window;
    std::size_t m_requested = 0;
    std::shared_ptr<std::atomic_bool> m_stop = std::make_shared<std::atomic_bool>(false);
    QFuture<void> m_running;
};

} // namespace core
