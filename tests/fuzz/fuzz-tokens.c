/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "fuzz-tokens"

/* The keyring text of a session (CkTokenStore reads whatever is stored
 * there): ck_tokens_new_from_json(), and its round trip through
 * ck_tokens_to_json(), which must give the same session back. */

#include "fuzz-common.h"

#include "ck-error.h"
#include "ck-tokens.h"

static void
compare_tokens (const CkTokens *a,
                const CkTokens *b,
                const char     *what)
{
  if (g_strcmp0 (a->access_token, b->access_token) != 0
      || g_strcmp0 (a->refresh_token, b->refresh_token) != 0
      || g_strcmp0 (a->apikey, b->apikey) != 0
      || g_strcmp0 (a->region, b->region) != 0
      || g_strcmp0 (a->identity, b->identity) != 0
      || a->issued_at != b->issued_at)
    fuzz_fail ("tokens changed by %s", what);  /* never print the tokens */
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = fuzz_dup_text (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(CkTokens) tokens = ck_tokens_new_from_json (text, &error);
  g_autoptr(CkTokens) copy = NULL;
  g_autoptr(CkTokens) again = NULL;
  g_autofree char *json = NULL;

  if (tokens == NULL)
    {
      if (error == NULL || error->domain != CK_ERROR)
        fuzz_fail ("a stored session refused without a CK_ERROR");
      return 0;
    }
  if (tokens->access_token == NULL || tokens->apikey == NULL)
    fuzz_fail ("a session without a token or apikey");

  copy = ck_tokens_copy (tokens);
  compare_tokens (tokens, copy, "ck_tokens_copy");
  (void) ck_tokens_get_age (tokens, g_get_real_time () / 1000);

  json = ck_tokens_to_json (tokens);
  again = ck_tokens_new_from_json (json, &error);
  if (again == NULL)
    fuzz_fail ("a session's own JSON does not parse back: %s", error->message);
  compare_tokens (tokens, again, "the round trip");
  return 0;
}
