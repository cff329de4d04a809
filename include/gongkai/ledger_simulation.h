// Random but lawful request histories, for demo data, property tests and benchmarks.
//
// SimulateRequest drives one registered request through a random sequence of lawful steps
// (补正 with or without supplement, consultation, extension, fees paid or not, withdrawal,
// reply with one outcome), occasionally late (recorded as breaches, never refused). Steps that
// would fall after `stop` are not taken, so the request may stay open (carried forward).
// Deterministic for a given generator state. Not thread-safe.
#pragma once

#include <cstdint>
#include <random>

#include "gongkai/ledger.h"

namespace gongkai {

// Picks an outcome row (kGranted … kOtherOther) with realistic weights.
int RandomOutcomeRow(std::mt19937_64& rng);

// Runs the request's history. `outcome_row` is the row it should end in (if it ends before
// `stop`), or -1 for a random one. Returns the first error (which, for lawful steps, is a bug).
Status SimulateRequest(Ledger& ledger, const WorkCalendar& calendar, int64_t id, Date received,
                       Date stop, int outcome_row, std::mt19937_64& rng);

}  // namespace gongkai
