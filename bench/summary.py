#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Prints the RESULT lines of a `meson test --benchmark` log as one table.

Each benchmark prints "RESULT <name> <value> <unit>"; the log (JSON lines)
keeps every benchmark's stdout."""
import json
import sys


def main(path):
    rows = []
    statuses = []
    try:
        with open(path, encoding='utf-8') as log:
            for line in log:
                entry = json.loads(line)
                statuses.append((entry.get('name', '?'), entry.get('result', '?'),
                                 entry.get('duration', 0.0)))
                for out in (entry.get('stdout') or '').splitlines():
                    parts = out.split()
                    if len(parts) == 4 and parts[0] == 'RESULT':
                        rows.append((parts[1], float(parts[2]), parts[3]))
    except FileNotFoundError:
        print(f'No benchmark log at {path}')
        return 1

    width = max((len(name) for name, _, _ in rows), default=10)
    print()
    print(f'{"result".ljust(width)}  {"value":>12}  unit')
    print(f'{"-" * width}  {"-" * 12}  ----')
    for name, value, unit in rows:
        print(f'{name.ljust(width)}  {value:12.3f}  {unit}')
    print()
    for name, result, duration in statuses:
        print(f'{name}: {result} ({duration:.1f} s)')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1]))
