/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "ck-envelope"

#include "ck-envelope.h"

#include "ck-json.h"

gboolean
ck_envelope_get_number (JsonObject *object,
                        const char *member,
                        gint64     *value)
{
  return ck_json_get_int (object, member, value);
}

/* The server's text for an error: msg, errmsg, reason, or a string `error`. */
static const char *
error_text (JsonObject *object)
{
  static const char * const members[] = { "msg", "errmsg", "reason", "error", "message" };

  /* A nested JSON text in msg stays text (spec §2.6). */
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      const char *text = ck_json_get_string (object, members[i]);

      if (text != NULL)
        return text;
    }

  return NULL;
}

static JsonNode *
parse_json (const char  *data,
            gsize        len,
            GError     **error)
{
  JsonNode *root;

  if (len > G_MAXSSIZE)
    {
      g_set_error_literal (error, CK_ERROR, CK_ERROR_INVALID_RESPONSE, "The cloud sent too much");
      return NULL;
    }

  root = ck_json_parse (data, (gssize) len, error);
  if (root == NULL)
    g_prefix_error (error, "The cloud's answer is not usable: ");
  return root;
}

/* A JSON number, integral or not. */
static gboolean
is_number (JsonObject *object,
           const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;
  GType type = node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;

  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

GError *
ck_envelope_check (JsonObject *object,
                   CkEndpoint  endpoint)
{
  gint64 number;

  /* An error number that is no integer (503.5, 1e300) is no success. */
  if (is_number (object, "error") && !ck_json_get_int (object, "error", &number))
    return g_error_new_literal (CK_ERROR, CK_ERROR_INVALID_RESPONSE,
                                "The cloud sent an error number that is not an integer");

  /* 2. A numeric error other than 0. */
  if (ck_json_get_int (object, "error", &number))
    {
      if (number == 0)
        return NULL;
    }
  /* 3. A numeric code other than 0, the text in a string error. */
  else if (!ck_json_get_int (object, "code", &number) || number == 0)
    {
      return NULL;
    }

  return ck_error_from_code (endpoint, (gint) CLAMP (number, G_MININT, G_MAXINT),
                             error_text (object));
}

JsonNode *
ck_envelope_parse (guint         status,
                   const char   *data,
                   gsize         len,
                   CkEndpoint    endpoint,
                   JsonObject  **error_body,
                   GError      **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) parse_error = NULL;
  JsonObject *object = NULL;
  GError *error_from_body;

  if (error_body != NULL)
    *error_body = NULL;

  root = parse_json (data, len, &parse_error);
  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    object = json_node_get_object (root);

  /* 1. A non-2xx status is the error; the body only adds the text. */
  if (status < 200 || status > 299)
    {
      if (error_body != NULL && object != NULL)
        *error_body = json_object_ref (object);
      g_propagate_error (error,
                         ck_error_from_code (endpoint, (gint) status,
                                             object ? error_text (object) : NULL));
      return NULL;
    }

  if (root == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&parse_error));
      return NULL;
    }

  /* A bare array is the old device list form (spec §3.8). */
  if (JSON_NODE_HOLDS_ARRAY (root))
    return g_steal_pointer (&root);

  if (object == NULL)
    {
      g_set_error_literal (error, CK_ERROR, CK_ERROR_INVALID_RESPONSE,
                           "The cloud sent an answer that is not a JSON object");
      return NULL;
    }

  error_from_body = ck_envelope_check (object, endpoint);
  if (error_from_body != NULL)
    {
      if (error_body != NULL)
        *error_body = json_object_ref (object);
      g_propagate_error (error, error_from_body);
      return NULL;
    }

  /* 4. Success: {"error":0,...} or a bare payload. */
  return g_steal_pointer (&root);
}
