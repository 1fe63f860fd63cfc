/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "ck-tokens"

#include "ck-tokens.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "ck-error.h"
#include "ck-json.h"

G_DEFINE_BOXED_TYPE (CkTokens, ck_tokens, ck_tokens_copy, ck_tokens_free)

CkTokens *
ck_tokens_new (const char *access_token,
               const char *refresh_token,
               const char *apikey,
               const char *region,
               const char *identity)
{
  CkTokens *tokens = g_new0 (CkTokens, 1);

  tokens->access_token = g_strdup (access_token);
  tokens->refresh_token = g_strdup (refresh_token);
  tokens->apikey = g_strdup (apikey);
  tokens->region = g_strdup (region);
  tokens->identity = g_strdup (identity);

  return tokens;
}

CkTokens *
ck_tokens_copy (const CkTokens *tokens)
{
  CkTokens *copy;

  g_return_val_if_fail (tokens != NULL, NULL);

  copy = ck_tokens_new (tokens->access_token, tokens->refresh_token,
                        tokens->apikey, tokens->region, tokens->identity);
  copy->issued_at = tokens->issued_at;
  return copy;
}

gint64
ck_tokens_get_age (const CkTokens *tokens,
                   gint64          now_ms)
{
  g_return_val_if_fail (tokens != NULL, -1);

  if (tokens->issued_at <= 0)
    return -1;
  /* A clock set back reads as "just issued", never as a negative age. */
  return MAX (now_ms - tokens->issued_at, 0);
}

void
ck_secret_free (char *secret)
{
  /* Secrets do not stay behind in freed memory. */
  if (secret != NULL)
    memset (secret, 0, strlen (secret));
  g_free (secret);
}

void
ck_tokens_free (CkTokens *tokens)
{
  if (tokens == NULL)
    return;

  ck_secret_free (tokens->access_token);
  ck_secret_free (tokens->refresh_token);
  g_free (tokens->apikey);
  g_free (tokens->region);
  g_free (tokens->identity);
  g_free (tokens);
}

char *
ck_tokens_to_json (const CkTokens *tokens)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (tokens != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "at");
  json_builder_add_string_value (builder, tokens->access_token);
  json_builder_set_member_name (builder, "rt");
  json_builder_add_string_value (builder, tokens->refresh_token);
  json_builder_set_member_name (builder, "apikey");
  json_builder_add_string_value (builder, tokens->apikey);
  json_builder_set_member_name (builder, "region");
  json_builder_add_string_value (builder, tokens->region);
  json_builder_set_member_name (builder, "identity");
  json_builder_add_string_value (builder, tokens->identity);
  if (tokens->issued_at > 0)
    {
      json_builder_set_member_name (builder, "issuedAt");
      json_builder_add_int_value (builder, tokens->issued_at);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

CkTokens *
ck_tokens_new_from_json (const char  *json,
                         GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  const char *at;
  const char *apikey;
  gint64 issued_at = 0;
  CkTokens *tokens;

  g_return_val_if_fail (json != NULL, NULL);

  root = ck_json_parse (json, -1, NULL);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, CK_ERROR, CK_ERROR_INVALID_RESPONSE,
                           "The stored session is not a JSON object");
      return NULL;
    }

  object = json_node_get_object (root);
  at = ck_json_get_string (object, "at");
  apikey = ck_json_get_string (object, "apikey");
  if (at == NULL || apikey == NULL)
    {
      g_set_error_literal (error, CK_ERROR, CK_ERROR_INVALID_RESPONSE,
                           "The stored session lacks a token or apikey");
      return NULL;
    }

  tokens = ck_tokens_new (at,
                          ck_json_get_string (object, "rt"),
                          apikey,
                          ck_json_get_string (object, "region"),
                          ck_json_get_string (object, "identity"));
  /* Entries saved before "issuedAt" existed, or a value that makes no
   * sense: unknown, so start-up does not force a refresh. */
  if (ck_json_get_int (object, "issuedAt", &issued_at) && issued_at > 0)
    tokens->issued_at = issued_at;
  return tokens;
}
