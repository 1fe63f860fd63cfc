/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Country calling code → cloud region (spec Appendix A). Calling codes are
 * 1–4 digits without '+' ("44", "1876"); a leading '+' is tolerated.
 * Surprises the table keeps: 61 and 64 (Australia, New Zealand) are "us";
 * 7 and 27 (Russia, South Africa) are "eu"; 90, 91 and 972 are "as".
 */

/* (nullable): "cn", "as", "eu" or "us"; NULL for a code the table does not
 * list (the caller falls back to the region lookup or its default). */
const char         *ck_region_for_calling_code   (const char *digits);

/* (nullable): the region of an E.164 number ("+447700900123") by the
 * longest calling code it starts with ("+1268…" is "as", "+1202…" "us"). */
const char         *ck_region_for_phone_number   (const char *e164);

/* (transfer none): every calling code of the table, in numeric order,
 * NULL-terminated. */
const char * const *ck_region_list_calling_codes (void);

G_END_DECLS
