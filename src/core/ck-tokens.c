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
  g_return_val_if_fail (tokens != NULL, NULL);

  return ck_tokens_new (tokens->access_token, tokens->refresh_token,
                        tokens->apikey, tokens->region, tokens->identity);
}

void
ck_tokens_free (CkTokens *tokens)
{
  if (tokens == NULL)
    return;

  /* Tokens are secrets: do not leave them in freed memory. */
  if (tokens->access_token != NULL)
    memset (tokens->access_token, 0, strlen (tokens->access_token));
  if (tokens->refresh_token != NULL)
    memset (tokens->refresh_token, 0, strlen (tokens->refresh_token));

  g_free (tokens->access_token);
  g_free (tokens->refresh_token);
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
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

CkTokens *
ck_tokens_new_from_json (const char  *json,
                         GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;
  const char *at;
  const char *apikey;

  g_return_val_if_fail (json != NULL, NULL);

  if (!json_parser_load_from_data (parser, json, -1, NULL)
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error_literal (error, CK_ERROR, CK_ERROR_INVALID_RESPONSE,
                           "The stored session is not valid JSON");
      return NULL;
    }

  object = json_node_get_object (json_parser_get_root (parser));
  at = ck_json_get_string (object, "at");
  apikey = ck_json_get_string (object, "apikey");
  if (at == NULL || apikey == NULL)
    {
      g_set_error_literal (error, CK_ERROR, CK_ERROR_INVALID_RESPONSE,
                           "The stored session lacks a token or apikey");
      return NULL;
    }

  return ck_tokens_new (at,
                        ck_json_get_string (object, "rt"),
                        apikey,
                        ck_json_get_string (object, "region"),
                        ck_json_get_string (object, "identity"));
}
