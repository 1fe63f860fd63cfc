/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "cksim-request"

#include "cksim-request.h"
#include "cksim-json.h"

#include <string.h>

static const char * const regions[] = { "cn", "as", "eu", "us" };

CkSimRequest *
cksim_request_new (SoupServerMessage *msg,
                   const char        *path)
{
  CkSimRequest *req = g_new0 (CkSimRequest, 1);
  GUri *uri = soup_server_message_get_uri (msg);
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  const char *query = g_uri_get_query (uri);

  req->msg = msg;
  req->method = soup_server_message_get_method (msg);
  req->path = g_strdup (path);

  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    {
      gsize n = strlen (regions[i]);

      if (path[0] == '/' && strncmp (path + 1, regions[i], n) == 0
          && (path[n + 1] == '/' || path[n + 1] == '\0'))
        {
          req->region = g_strdup (regions[i]);
          g_free (req->path);
          req->path = g_strdup (path[n + 1] == '\0' ? "/" : path + n + 1);
          break;
        }
    }

  req->raw_query = query != NULL ? g_strdup (query) : NULL;
  req->body = soup_message_body_flatten (body);
  return req;
}

void
cksim_request_free (CkSimRequest *req)
{
  if (req == NULL)
    return;
  g_free (req->region);
  g_free (req->path);
  g_free (req->raw_query);
  g_clear_pointer (&req->body, g_bytes_unref);
  g_clear_pointer (&req->params, json_object_unref);
  g_free (req);
}

gboolean
cksim_request_is_body_method (CkSimRequest *req)
{
  return g_str_equal (req->method, "POST") || g_str_equal (req->method, "PUT");
}

const char *
cksim_request_get_header (CkSimRequest *req,
                          const char   *name)
{
  return soup_message_headers_get_one (soup_server_message_get_request_headers (req->msg), name);
}

JsonObject *
cksim_error_body (int         code,
                  const char *text)
{
  JsonObject *body = json_object_new ();

  json_object_set_int_member (body, "error", code);
  if (text != NULL)
    json_object_set_string_member (body, "msg", text);
  return body;
}

static gboolean
content_type_is_json (CkSimRequest *req)
{
  const char *type;

  type = soup_message_headers_get_content_type (soup_server_message_get_request_headers (req->msg),
                                                NULL);
  return type != NULL && g_ascii_strcasecmp (type, "application/json") == 0;
}

static JsonObject *
query_params (CkSimRequest  *req,
              GError       **error)
{
  g_autoptr(GHashTable) table = NULL;
  JsonObject *params = json_object_new ();
  GHashTableIter iter;
  const char *key, *value;

  if (req->raw_query == NULL || req->raw_query[0] == '\0')
    return params;

  table = g_uri_parse_params (req->raw_query, -1, "&", G_URI_PARAMS_NONE, error);
  if (table == NULL)
    {
      json_object_unref (params);
      return NULL;
    }
  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &value))
    json_object_set_string_member (params, key, value);
  return params;
}

JsonObject *
cksim_request_parse_params (CkSimRequest *req,
                            gboolean      compat)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&req->params, json_object_unref);

  if (cksim_request_is_body_method (req))
    {
      g_autoptr(JsonNode) root = NULL;
      gsize len;
      const char *data = g_bytes_get_data (req->body, &len);

      if (!compat && !content_type_is_json (req))
        return cksim_error_body (400, "Content-Type must be application/json");
      root = data != NULL ? cksim_json_parse (data, len, &error) : NULL;
      if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
        return cksim_error_body (400, "params incomplete");
      req->params = json_object_ref (json_node_get_object (root));
      req->query_form = FALSE;
      return NULL;
    }

  req->params = query_params (req, &error);
  req->query_form = TRUE;
  if (req->params == NULL)
    return cksim_error_body (400, "params incomplete");
  return NULL;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

char *
cksim_request_canonical_query (CkSimRequest *req)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GString *out = g_string_new (NULL);
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  if (req->params == NULL || !req->query_form)
    return g_string_free (out, FALSE);

  json_object_iter_init (&iter, req->params);
  while (json_object_iter_next (&iter, &name, &value))
    g_ptr_array_add (names, (gpointer) name);
  g_ptr_array_sort (names, compare_strings);

  for (guint i = 0; i < names->len; i++)
    {
      const char *key = g_ptr_array_index (names, i);

      if (i > 0)
        g_string_append_c (out, '&');
      g_string_append_printf (out, "%s=%s", key,
                              json_object_get_string_member (req->params, key));
    }
  return g_string_free (out, FALSE);
}

const char *
cksim_request_get_string (CkSimRequest *req,
                          const char   *name)
{
  const char *value = cksim_json_get_string (req->params, name);

  return value != NULL && value[0] != '\0' ? value : NULL;
}

void
cksim_reply_json (SoupServerMessage *msg,
                  guint              status,
                  JsonObject        *body)
{
  soup_server_message_set_status (msg, status, NULL);
  if (body != NULL)
    {
      char *text = cksim_json_object_to_string (body);

      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE,
                                        text, strlen (text));
    }
}
