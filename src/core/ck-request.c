/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "ck-request"

#include "ck-request.h"

#include <string.h>

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (a, b);
}

/* @params and the common parameters in one object, members sorted by name. */
static JsonObject *
build_sorted_params (JsonObject *params,
                     const char *app_id,
                     const char *nonce,
                     gint64      ts)
{
  g_autoptr(JsonObject) merged = json_object_new ();
  JsonObject *sorted = json_object_new ();
  GList *names;

  if (params != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (params);

      for (GList *l = members; l != NULL; l = l->next)
        json_object_set_member (merged, l->data,
                                json_node_copy (json_object_get_member (params, l->data)));
    }

  json_object_set_string_member (merged, "appid", app_id);
  json_object_set_string_member (merged, "nonce", nonce);
  json_object_set_int_member (merged, "ts", ts);
  json_object_set_int_member (merged, "version", CK_PROTOCOL_VERSION);

  names = g_list_sort (json_object_get_members (merged), compare_names);
  for (GList *l = names; l != NULL; l = l->next)
    json_object_set_member (sorted, l->data,
                            json_node_copy (json_object_get_member (merged, l->data)));
  g_list_free (names);

  return sorted;
}

GBytes *
ck_request_build_body (JsonObject *params,
                       const char *app_id,
                       const char *nonce,
                       gint64      ts)
{
  g_autoptr(JsonObject) sorted = NULL;
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  gsize len = 0;
  char *data;

  g_return_val_if_fail (app_id != NULL && nonce != NULL, NULL);

  sorted = build_sorted_params (params, app_id, nonce, ts);
  json_node_set_object (root, sorted);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, FALSE);
  data = json_generator_to_data (generator, &len);

  return g_bytes_new_take (data, len);
}

/* The text form of a scalar parameter; NULL for what a query cannot carry. */
static char *
value_to_text (JsonNode *node)
{
  if (!JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return g_uri_escape_string (json_node_get_string (node), NULL, FALSE);
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "true" : "false");
    default:
      return NULL;
    }
}

char *
ck_request_build_query (JsonObject *params,
                        const char *app_id,
                        const char *nonce,
                        gint64      ts)
{
  g_autoptr(JsonObject) sorted = NULL;
  g_autoptr(GList) names = NULL;
  GString *query = g_string_new (NULL);

  g_return_val_if_fail (app_id != NULL && nonce != NULL, NULL);

  sorted = build_sorted_params (params, app_id, nonce, ts);
  names = json_object_get_members (sorted);
  for (GList *l = names; l != NULL; l = l->next)
    {
      g_autofree char *value = value_to_text (json_object_get_member (sorted, l->data));

      if (value == NULL)
        {
          g_warning ("Query parameter %s is not a scalar; left out", (const char *) l->data);
          continue;
        }
      if (query->len > 0)
        g_string_append_c (query, '&');
      g_string_append_printf (query, "%s=%s", (const char *) l->data, value);
    }

  return g_string_free (query, FALSE);
}

void
ck_request_add_identity (JsonObject *params,
                         const char *identity)
{
  g_return_if_fail (params != NULL && identity != NULL);

  if (identity[0] == '+')
    json_object_set_string_member (params, "phoneNumber", identity);
  else
    json_object_set_string_member (params, "email", identity);
}
