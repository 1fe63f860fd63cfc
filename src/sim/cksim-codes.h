/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <json-glib/json-glib.h>

#include "cksim-clock.h"

G_BEGIN_DECLS

/*
 * CkSimCodes:
 *
 * Verification codes of POST /api/sms (spec §3.2, §8.8.1): 4 digits, one
 * live code per identity, valid for a lifetime, single use, and at most one
 * sent per identity per interval, given up after a few wrong guesses. Kept in
 * memory only: a restart forgets them.
 */
typedef struct _CkSimCodes CkSimCodes;

CkSimCodes *cksim_codes_new     (CkSimClock *clock);
void        cksim_codes_free    (CkSimCodes *codes);

/* A new code for @identity (normalised) and @send_type ("0" register, "1"
 * reset), or NULL when the last one is younger than @interval_s (160038). */
const char *cksim_codes_issue   (CkSimCodes *codes,
                                 const char *identity,
                                 const char *send_type,
                                 gint64      ttl_s,
                                 gint64      interval_s);
/* Wrong guesses a code survives: the last one invalidates it (spec §8.8.1
 * leaves guessing open; 4 digits would fall to a loop within the lifetime). */
#define CKSIM_CODES_MAX_FAILURES 5

/* TRUE (and the code is spent) when @code is @identity's live code for
 * @send_type. Otherwise a failure: the CKSIM_CODES_MAX_FAILURES-th invalidates
 * the live code until a new one is issued. */
gboolean    cksim_codes_consume (CkSimCodes *codes,
                                 const char *identity,
                                 const char *send_type,
                                 const char *code);
/* Entries held, live or kept for the send interval (bounded: each issue
 * drops those past both). */
guint       cksim_codes_get_size (CkSimCodes *codes);
/* (nullable): @identity's live code, not spent. */
const char *cksim_codes_peek    (CkSimCodes *codes,
                                 const char *identity);
/* [{identity, code, sendType, expires}] of the live codes. */
JsonNode   *cksim_codes_dump    (CkSimCodes *codes) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
