/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "ck-json"

#include "ck-json.h"

#include <string.h>

#include "ck-error.h"

/* json-glib 1.6 turns non-JSON escapes such as "\377" into raw bytes, so valid UTF-8 text can
 * still yield strings that are not: check every member name and string value. */
static gboolean
strings_are_utf8 (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        json_object_iter_init (&iter, json_node_get_object (node));
        while (json_object_iter_next (&iter, &name, &member))
          if (!g_utf8_validate (name, -1, NULL) || !strings_are_utf8 (member))
            return FALSE;
        return TRUE;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array); i++)
          if (!strings_are_utf8 (json_array_get_element (array, i)))
            return FALSE;
        return TRUE;
      }
    case JSON_NODE_VALUE:
      return json_node_get_value_type (node) != G_TYPE_STRING
             || g_utf8_validate (json_node_get_string (node), -1, NULL);
    case JSON_NODE_NULL:
    default:
      return TRUE;
    }
}

JsonNode *
ck_json_parse (const char  *data,
               gssize       len,
               GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  if (data != NULL && len < 0)
    len = (gssize) strlen (data);
  if (data == NULL || len == 0)
    {
      g_set_error_literal (error, CK_ERROR, CK_ERROR_INVALID_RESPONSE, "empty text, not JSON");
      return NULL;
    }

  if (!g_utf8_validate (data, len, NULL)
      || !json_parser_load_from_data (parser, data, len, &local_error))
    {
      g_set_error (error, CK_ERROR, CK_ERROR_INVALID_RESPONSE, "not valid JSON%s%s",
                   local_error ? ": " : "", local_error ? local_error->message : "");
      return NULL;
    }

  /* Only white space parses to no root at all. */
  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error_literal (error, CK_ERROR, CK_ERROR_INVALID_RESPONSE, "empty text, not JSON");
      return NULL;
    }
  if (!strings_are_utf8 (root))
    {
      g_set_error_literal (error, CK_ERROR, CK_ERROR_INVALID_RESPONSE,
                           "not valid JSON: a string is not UTF-8");
      return NULL;
    }

  return json_node_copy (root);
}

static JsonNode *
get_value (JsonObject *object,
           const char *member,
           GType       type)
{
  JsonNode *node;

  if (object == NULL)
    return NULL;

  node = json_object_get_member (object, member);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != type)
    return NULL;

  return node;
}

const char *
ck_json_get_string (JsonObject *object,
                    const char *member)
{
  JsonNode *node = get_value (object, member, G_TYPE_STRING);

  return node ? json_node_get_string (node) : NULL;
}

JsonObject *
ck_json_get_object (JsonObject *object,
                    const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

JsonArray *
ck_json_get_array (JsonObject *object,
                   const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

gboolean
ck_json_get_int (JsonObject *object,
                 const char *member,
                 gint64     *value)
{
  JsonNode *node;

  if ((node = get_value (object, member, G_TYPE_INT64)) != NULL)
    {
      *value = json_node_get_int (node);
      return TRUE;
    }
  if ((node = get_value (object, member, G_TYPE_DOUBLE)) != NULL)
    {
      gdouble d = json_node_get_double (node);

      /* Range first: converting 1e300 to an integer is undefined. 2^63 is
       * exact as a double; anything at or past it does not fit. */
      if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)
          || d != (gdouble) (gint64) d)
        return FALSE;
      *value = (gint64) d;
      return TRUE;
    }

  return FALSE;
}

gboolean
ck_json_get_boolean (JsonObject *object,
                     const char *member,
                     gboolean   *value)
{
  JsonNode *node = get_value (object, member, G_TYPE_BOOLEAN);

  if (node == NULL)
    return FALSE;

  *value = json_node_get_boolean (node);
  return TRUE;
}

char *
ck_json_dup_id (JsonObject *object,
                const char *member)
{
  const char *text = ck_json_get_string (object, member);
  gint64 number;

  if (text != NULL)
    return g_strdup (text);
  if (ck_json_get_int (object, member, &number))
    return g_strdup_printf ("%" G_GINT64_FORMAT, number);

  return NULL;
}

JsonNode *
ck_json_node_deep_copy (JsonNode *node)
{
  JsonNode *copy;

  g_return_val_if_fail (node != NULL, NULL);

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *source = json_node_get_object (node);
      g_autoptr(JsonObject) object = json_object_new ();
      g_autoptr(GList) members = json_object_get_members (source);

      for (GList *l = members; l != NULL; l = l->next)
        json_object_set_member (object, l->data,
                                ck_json_node_deep_copy (json_object_get_member (source, l->data)));
      copy = json_node_new (JSON_NODE_OBJECT);
      json_node_set_object (copy, object);
      return copy;
    }

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *source = json_node_get_array (node);
      g_autoptr(JsonArray) array = json_array_sized_new (json_array_get_length (source));

      for (guint i = 0; i < json_array_get_length (source); i++)
        json_array_add_element (array, ck_json_node_deep_copy (json_array_get_element (source, i)));
      copy = json_node_new (JSON_NODE_ARRAY);
      json_node_set_array (copy, array);
      return copy;
    }

  return json_node_copy (node);
}

char *
ck_json_object_to_string (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, object);
  return json_to_string (node, FALSE);
}
