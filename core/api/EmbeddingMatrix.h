// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <new>
#include <type_traits>
#include <utility>
#include <vector>

namespace core {

/// An allocator that leaves new elements default-initialised (for float: uninitialised), so that
/// resizing a vector of 2 GB does not write zeros first: its pages are touched when written.
template<class T>
struct DefaultInitAllocator : std::allocator<T>
{
    DefaultInitAllocator() noexcept = default;
    template<class U>
    DefaultInitAllocator(const DefaultInitAllocator<U> &) noexcept
    {}
    template<class U>
    void construct(U *p) noexcept(std::is_nothrow_default_constructible_v<U>)
    {
        ::new (static_cast<void *>(p)) U;
    }
    template<class U, class... Args>
    void construct(U *p, Args &&...args)
    {
        ::new (static_cast<void *>(p)) U(std::forward<Args>(args)...);
    }
};

/// The vectors of many texts in one block: texts × dims floats, row-major. resize() leaves the
/// new floats uninitialised.
using EmbeddingMatrix = std::vector<float, DefaultInitAllocator<float>>;

} // namespace core
