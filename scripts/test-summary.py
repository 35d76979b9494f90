#!/usr/bin/env python3
"""Adds up vitest JSON reports into one line: 'N passed, N failed, N skipped'.

Exits 1 when a report has failures or when no test ran at all (a missing report counts
as nothing run for that stage: an earlier step such as type-check or lint failed)."""
import json
import sys

passed = failed = skipped = 0
for path in sys.argv[1:]:
    try:
        with open(path, encoding="utf-8") as f:
            r = json.load(f)
    except (OSError, ValueError):
        continue
    passed += r.get("numPassedTests", 0)
    failed += r.get("numFailedTests", 0) + (1 if r.get("numFailedTestSuites", 0) and not r.get("numFailedTests", 0) else 0)
    skipped += r.get("numPendingTests", 0) + r.get("numTodoTests", 0)

print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed or passed == 0 else 0)
