// Internal: splitting digit runs that a web page glued together ("640020470" for 64,0,0,2,0,4,70)
// back into cells, only where the form's own arithmetic leaves one possibility (domain.md A.2).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace gongkai::ingest_internal {

using Values = std::vector<int64_t>;

// Enumerates the ways to cut the digit strings `runs`, in order, into exactly `count` integers,
// each "0" or written without a leading zero and at most 9 digits long, and returns those that
// `accept` takes. Stops once `limit` accepted candidates are found (so a result of size `limit`
// means "at least that many"). A run containing '.' is never cut, nor is a run whose `whole`
// flag is set (a number that stood alone in its cell); `whole` may be empty (no such runs).
std::vector<Values> SplitDigitRuns(const std::vector<std::string>& runs, int count,
                                   const std::function<bool(const Values&)>& accept, size_t limit,
                                   const std::vector<bool>& whole = {});

// True if values[n-1] == sum(values[0..n-2]).
bool LastIsSumOfOthers(const Values& values);

}  // namespace gongkai::ingest_internal
