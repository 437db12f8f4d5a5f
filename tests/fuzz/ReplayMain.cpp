// SPDX-License-Identifier: MIT
// Replays saved inputs through a fuzz target without libFuzzer (any compiler): every file of the
// directories (and every file) named on the command line, in name order, once each.
//
//   fuzz_sse_replay tests/fuzz/corpus/sse tests/fuzz/regressions/sse
//
// A failed property check (FUZZ_CHECK) counts the input as failed and goes on; a crash is a crash
// (the process dies, the test fails, the last "replaying" line names the input). Ends with
// "N passed, M failed" and exits non-zero when an input failed or no input was found.

#include "tests/fuzz/FuzzCheck.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace fs = std::filesystem;

int main(int argc, char **argv)
{
    fuzz::g_replay = true;
    bool verbose = false;
    std::vector<fs::path> inputs;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "-v" || arg == "--verbose") {
            verbose = true;
            continue;
        }
        if (!arg.empty() && arg.front() == '-')
            continue; // libFuzzer options (-runs=..., -dict=...) mean nothing here
        const fs::path path(arg);
        std::error_code ec;
        if (fs::is_directory(path, ec)) {
            std::vector<fs::path> files;
            for (const fs::directory_entry &entry : fs::recursive_directory_iterator(path)) {
                const std::string name = entry.path().filename().string();
                if (entry.is_regular_file() && !name.empty() && name.front() != '.')
                    files.push_back(entry.path());
            }
            std::sort(files.begin(), files.end());
            inputs.insert(inputs.end(), files.begin(), files.end());
        } else if (fs::is_regular_file(path, ec)) {
            inputs.push_back(path);
        } else {
            std::fprintf(stderr, "%s: no such file or directory\n", arg.c_str());
            return 2;
        }
    }
    if (inputs.empty()) {
        std::fprintf(stderr, "usage: %s [-v] DIR|FILE...  (no inputs found)\n", argv[0]);
        return 2;
    }

    int passed = 0;
    int failed = 0;
    for (const fs::path &path : inputs) {
        std::ifstream file(path, std::ios::binary);
        const std::vector<char> bytes{
            std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
        if (!file.good() && !file.eof()) {
            std::fprintf(stderr, "FAIL %s: cannot read\n", path.string().c_str());
            ++failed;
            continue;
        }
        if (verbose)
            std::fprintf(stderr, "replaying %s (%zu bytes)\n", path.string().c_str(), bytes.size());
        try {
            // A copy of exactly `size` bytes, so ASan sees a read past the end.
            std::vector<uint8_t> data(bytes.begin(), bytes.end());
            LLVMFuzzerTestOneInput(data.empty() ? nullptr : data.data(), data.size());
            ++passed;
        } catch (const fuzz::CheckFailure &failure) {
            std::fprintf(stderr, "FAIL %s\n  %s\n", path.string().c_str(), failure.what());
            ++failed;
        }
    }
    std::printf("%s: %d passed, %d failed\n",
        fs::path(argv[0]).filename().string().c_str(),
        passed,
        failed);
    return failed == 0 ? 0 : 1;
}
