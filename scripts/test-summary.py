#!/usr/bin/env python3
"""Adds up vitest JSON reports (after the exit status) into one line: 'N passed, N failed, N skipped'.

Exits 1 when a report has failures or when no test ran at all (a missing report counts
as nothing run for that stage: an earlier step such as type-check or lint failed)."""
import json
import sys

# The first argument is the test command's exit status: a run that failed without a failed
# test (an unhandled error, a crash, a failed type-check or build) still counts as a failure.
status = int(sys.argv[1])
passed = failed = skipped = 0
for path in sys.argv[2:]:
    try:
        with open(path, encoding="utf-8") as f:
            r = json.load(f)
    except (OSError, ValueError):
        continue
    passed += r.get("numPassedTests", 0)
    failed += r.get("numFailedTests", 0) + (1 if r.get("numFailedTestSuites", 0) and not r.get("numFailedTests", 0) else 0)
    skipped += r.get("numPendingTests", 0) + r.get("numTodoTests", 0)

if status != 0 and failed == 0:
    print(f"note: the test command exited with status {status} although no test failed (see above)")
    failed = 1
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed or passed == 0 else 0)
