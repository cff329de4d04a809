// Internal: the sizes that bound ImportLayoutText's memory, counted in one pass over the
// normalized text before anything is allocated for it.
#pragma once

#include <cstddef>
#include <string_view>

namespace gongkai::ingest_internal {

struct LayoutSize {
  size_t lines = 1;         // as SplitLines splits them (at '\n')
  size_t longest_line = 0;  // bytes, without the '\n'
  // An upper bound on the tokens Tokenize makes: each number starts with a digit run, each text
  // run ends at a number or a cell's end, each empty cell is a cell; cells end at a line end, a
  // tab or a '|'. Equal to 2 × (digit runs) + 2 × (cells).
  size_t tokens = 0;
};

// Counts `normalized` eight bytes at a time (SWAR); exactly MeasureLayoutBytewise's result.
LayoutSize MeasureLayout(std::string_view normalized);

// The same count, one byte at a time: the definition, kept for tests.
LayoutSize MeasureLayoutBytewise(std::string_view normalized);

}  // namespace gongkai::ingest_internal
