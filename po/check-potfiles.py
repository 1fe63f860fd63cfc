#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright 2026 The Relay authors
"""Fails when po/POTFILES.in and the sources disagree.

Every file under the scanned folders that marks a string for translation
(_(), N_(), C_(), NC_(), g_dngettext() or translatable="yes") must be listed,
and every listed file must exist.

Usage: check-potfiles.py SOURCE_ROOT POTFILES.in FOLDER...
"""
import pathlib
import re
import sys

MARKER = re.compile(r'(?<![A-Za-z0-9_])(?:N|C|NC)?_\(|\bg_d[np]?gettext2?\s*\(|translatable="yes"')


def listed_files(potfiles):
    lines = potfiles.read_text(encoding='utf-8').splitlines()
    return {line.strip() for line in lines if line.strip() and not line.lstrip().startswith('#')}


def marked_files(root, folders):
    found = set()
    for folder in folders:
        for path in sorted((root / folder).rglob('*')):
            if not path.is_file():
                continue
            try:
                text = path.read_text(encoding='utf-8')
            except (UnicodeDecodeError, OSError):
                continue  # images and other binary files hold no strings
            if MARKER.search(text):
                found.add(path.relative_to(root).as_posix())
    return found


def main(argv):
    if len(argv) < 4:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    root = pathlib.Path(argv[1])
    listed = listed_files(pathlib.Path(argv[2]))
    marked = marked_files(root, argv[3:])

    missing = sorted(marked - listed)
    absent = sorted(name for name in listed if not (root / name).is_file())
    for name in missing:
        print(f'POTFILES.in misses {name}: it marks strings for translation')
    for name in absent:
        print(f'POTFILES.in lists {name}, which does not exist')
    if not missing and not absent:
        print(f'POTFILES.in lists all {len(marked)} files with translatable strings; '
              f'{len(listed)} entries, all present')
    return 1 if missing or absent else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
