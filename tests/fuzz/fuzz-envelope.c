/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "fuzz-envelope"

/* The response envelope (spec §2.6) and the answer functions CkApi applies
 * to a successful answer. Input: one byte choosing the HTTP status, one
 * choosing the endpoint (the meaning of error numbers), then the body as
 * received. */

#include "fuzz-common.h"

#include "ck-api-private.h"
#include "ck-envelope.h"
#include "ck-error.h"
#include "ck-group.h"
#include "ck-json.h"
#include "ck-tokens.h"

static const guint statuses[] = {
  200, 200, 200, 200, 201, 204, 299, 0, 100, 199, 300, 301, 302, 400, 401, 402, 403, 404,
  405, 406, 429, 500, 502, 503, 504, 599, 600, 999, G_MAXINT, G_MAXUINT,
};

/* Members the answer functions are asked for in CkApi. */
static const char * const members[] = {
  NULL, "devicelist", "groupList", "user", "region", "domain", "IP", "port", "data", "msg",
};

static CkApi *api;

static void
check_error (const GError *error)
{
  if (error == NULL)
    fuzz_fail ("a failure without an error");
  if (error->message == NULL)
    fuzz_fail ("an error without a message");
}

static void
apply_answer_functions (JsonNode *answer)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (answer) ? json_node_get_object (answer) : NULL;

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      g_autoptr(GError) object_error = NULL;
      g_autoptr(GError) array_error = NULL;
      g_autoptr(GError) string_error = NULL;
      JsonObject *o = ck_api_answer_object (api, answer, members[i], &object_error);
      JsonArray *a = ck_api_answer_array (api, answer, members[i], &array_error);
      char *s = ck_api_answer_string (api, answer, members[i], &string_error);

      if (o == NULL)
        check_error (object_error);
      if (a == NULL)
        check_error (array_error);
      if (s == NULL)
        check_error (string_error);
      g_clear_pointer (&o, json_object_unref);
      g_clear_pointer (&a, json_array_unref);
      g_free (s);
    }

  {
    g_autoptr(GError) error = NULL;
    CkTokens *tokens = ck_api_answer_session (api, answer, "demo@example.com", &error);

    if (tokens == NULL)
      check_error (error);
    g_clear_pointer (&tokens, ck_tokens_free);
  }

  /* A group list entry and a WebSocket answer's id members. */
  if (object != NULL)
    {
      g_autoptr(GError) error = NULL;
      CkGroup *group = ck_group_new_from_json (object, &error);
      g_autofree char *sequence = ck_json_dup_id (object, "sequence");
      gint64 number;

      if (sequence != NULL && *sequence == '\0' && ck_json_get_string (object, "sequence") == NULL)
        fuzz_fail ("an empty sequence from a number");
      if (group == NULL)
        check_error (error);
      g_clear_object (&group);
      (void) ck_envelope_get_number (object, "error", &number);
      (void) ck_envelope_get_number (object, "code", &number);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) error_body = NULL;
  g_autoptr(JsonNode) answer = NULL;
  guint status;
  CkEndpoint endpoint;

  if (size < 2)
    return 0;
  if (api == NULL)
    api = ck_api_new ("http://127.0.0.1:1/{region}", "McFJj4Noke1mGDZCR1QarGW7P9Ycp0Vr",
                      "OdPuCZ4PkPPi0rVKRVcGmll2NM6vVk0c");

  status = statuses[data[0] % G_N_ELEMENTS (statuses)];
  endpoint = (CkEndpoint) (data[1] % (CK_ENDPOINT_GROUP + 1));

  answer = ck_envelope_parse (status, (const char *) data + 2, size - 2, endpoint,
                              &error_body, &error);
  if (answer == NULL)
    {
      check_error (error);
      if (error->domain != CK_ERROR)
        fuzz_fail ("an envelope error outside CK_ERROR: %s", g_quark_to_string (error->domain));
      if (error_body != NULL)
        {
          GError *again = ck_envelope_check (error_body, endpoint);

          g_clear_error (&again);
        }
      return 0;
    }
  if (status < 200 || status > 299)
    fuzz_fail ("status %u accepted", status);

  apply_answer_functions (answer);
  return 0;
}
