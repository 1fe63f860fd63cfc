/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CK_TYPE_TOKENS (ck_tokens_get_type ())

/**
 * CkTokens:
 * @access_token: the `at` (40 hex)
 * @refresh_token: the `rt` (40 hex)
 * @apikey: the user's apikey (UUID)
 * @region: cn, as, eu or us
 * @identity: the e-mail address or E.164 phone number that signed in
 * @issued_at: when the cloud issued the tokens (wall clock, milliseconds
 *   since the Unix epoch), 0 when unknown (e.g. a session stored before
 *   this was recorded); drives the proactive refresh (spec §5 rule 5)
 *
 * A signed-in session. Secret: never log or print the tokens.
 */
typedef struct
{
  char *access_token;
  char *refresh_token;
  char *apikey;
  char *region;
  char *identity;
  gint64 issued_at;
} CkTokens;

GType     ck_tokens_get_type (void) G_GNUC_CONST;
CkTokens *ck_tokens_new      (const char     *access_token,
                              const char     *refresh_token,
                              const char     *apikey,
                              const char     *region,
                              const char     *identity) G_GNUC_WARN_UNUSED_RESULT;
CkTokens *ck_tokens_copy     (const CkTokens *tokens) G_GNUC_WARN_UNUSED_RESULT;
void      ck_tokens_free     (CkTokens       *tokens);
/* Wipes a secret string (token, password, app secret) and frees it. */
void      ck_secret_free     (char           *secret);

/* Milliseconds since @tokens were issued, as of @now_ms (wall clock, ms
 * since the epoch); -1 when the issue time is unknown. */
gint64    ck_tokens_get_age  (const CkTokens *tokens,
                              gint64          now_ms);

/* The keyring form: a compact JSON object (issued_at as "issuedAt", left
 * out when unknown). Secret: never log it. */
char     *ck_tokens_to_json       (const CkTokens *tokens) G_GNUC_WARN_UNUSED_RESULT;
CkTokens *ck_tokens_new_from_json (const char     *json,
                                   GError        **error) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CkTokens, ck_tokens_free)

G_END_DECLS
