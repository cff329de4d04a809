// The validator: checks an AnnualReport against the rules of the form (勾稽关系, totals, values,
// structure, narrative vs tables) and, across years, one agency's carry-over. Every finding names
// a rule of the catalogue (rules.h) and points at the source. Pure functions; thread-safe.
#pragma once

#include "gongkai/finding.h"
#include "gongkai/report.h"

namespace gongkai {

// Runs every single-report rule.
Findings Validate(const AnnualReport& report);

// Checks last year's carried_forward against this year's carried_over (XYEAR-CARRY-OVER).
// REQUIRES: both reports are of the same agency and current.year == previous.year + 1.
Findings ValidateCarryOver(const AnnualReport& previous, const AnnualReport& current);

}  // namespace gongkai
