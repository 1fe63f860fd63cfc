#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Prints meson's test results as one plain line: 'tests: N passed, N failed, N skipped'.

Takes one or more testlog.json files (several build directories give one total)."""
import json
import sys

counts = {"passed": 0, "failed": 0, "skipped": 0}
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as log:
        for line in log:
            result = json.loads(line).get("result", "")
            if result in ("OK", "EXPECTEDFAIL"):
                counts["passed"] += 1
            elif result == "SKIP":
                counts["skipped"] += 1
            else:
                counts["failed"] += 1
print(f"tests: {counts['passed']} passed, {counts['failed']} failed, {counts['skipped']} skipped")
