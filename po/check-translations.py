#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright 2026 The Relay authors
"""Fails when a translation in po/LINGUAS is incomplete against the sources.

Builds a fresh template from po/POTFILES.in with xgettext (the keywords of
meson's 'glib' gettext preset, which po/meson.build uses), merges each
language's .po into a temporary copy with msgmerge, and checks it with
msgfmt --check --statistics: every message translated, none fuzzy, format
strings that agree. The .po files in the tree are never changed.

Usage: check-translations.py SOURCE_ROOT PO_DIR XGETTEXT MSGMERGE MSGFMT
"""
import pathlib
import re
import subprocess
import sys
import tempfile

# Mirrors meson's i18n 'glib' preset, so the template matches `ninja relay-pot`.
XGETTEXT_ARGS = [
    '--from-code=UTF-8', '--add-comments',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format', '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format', '--flag=g_set_error:4:c-format',
]


def languages(po_dir):
    lines = (po_dir / 'LINGUAS').read_text(encoding='utf-8').splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith('#')]


def run(args):
    return subprocess.run(args, check=True, capture_output=True, text=True)


def main(argv):
    if len(argv) != 6:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    root, po_dir = pathlib.Path(argv[1]), pathlib.Path(argv[2])
    xgettext, msgmerge, msgfmt = argv[3:6]
    failed = False

    with tempfile.TemporaryDirectory() as tmp:
        template = pathlib.Path(tmp) / 'relay.pot'
        run([xgettext, '--package-name=relay', '-D', str(root), '-f', str(po_dir / 'POTFILES.in'),
             '-o', str(template)] + XGETTEXT_ARGS)
        for lang in languages(po_dir):
            merged = pathlib.Path(tmp) / f'{lang}.po'
            run([msgmerge, '--quiet', '-o', str(merged), str(po_dir / f'{lang}.po'), str(template)])
            try:
                stats = run([msgfmt, '--check', '--statistics', '-o', '/dev/null', str(merged)]).stderr
            except subprocess.CalledProcessError as error:
                print(f'{lang}: msgfmt --check fails:\n{error.stderr}')
                failed = True
                continue
            print(f'{lang}: {stats.strip()}')
            if re.search(r'fuzzy|untranslated', stats):
                failed = True
                # Name the messages so the fix is obvious.
                msgattrib = str(pathlib.Path(msgfmt).with_name('msgattrib'))
                for kind, flag in (('untranslated', '--untranslated'), ('fuzzy', '--only-fuzzy')):
                    listing = subprocess.run([msgattrib, flag, '--no-obsolete', str(merged)],
                                             capture_output=True, text=True).stdout
                    ids = re.findall(r'^msgid "(.+)"$', listing, re.MULTILINE)
                    for msgid in ids:
                        print(f'  {kind}: "{msgid}"')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
