# SPDX-License-Identifier: MIT
# Writes OUT with `#define ALEPH_COMMIT "<git rev-parse --short HEAD>"` ("unknown" outside git),
# touching it only when the commit changed (so only the About box recompiles after a commit).
execute_process(COMMAND git rev-parse --short HEAD WORKING_DIRECTORY "${SRC}"
    OUTPUT_VARIABLE commit OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE result)
if(NOT result EQUAL 0 OR NOT commit)
    set(commit unknown)
endif()
file(WRITE "${OUT}.tmp" "#define ALEPH_COMMIT \"${commit}\"\n")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUT}.tmp")
