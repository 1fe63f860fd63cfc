/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Deep copies: json_node_copy() shares objects and arrays. */
JsonNode   *cksim_json_copy          (JsonNode    *node) G_GNUC_WARN_UNUSED_RESULT;
JsonObject *cksim_json_object_copy   (JsonObject  *object) G_GNUC_WARN_UNUSED_RESULT;
JsonNode   *cksim_json_object_node   (JsonObject  *object) G_GNUC_WARN_UNUSED_RESULT; /* deep */
/* Compact serialisation. */
char       *cksim_json_to_string     (JsonNode    *node) G_GNUC_WARN_UNUSED_RESULT;
char       *cksim_json_object_to_string (JsonObject *object) G_GNUC_WARN_UNUSED_RESULT;
/* NULL (and @error) unless @data is valid UTF-8 JSON. */
JsonNode   *cksim_json_parse         (const char  *data,
                                      gsize        len,
                                      GError     **error) G_GNUC_WARN_UNUSED_RESULT;
/* (nullable) (transfer none): the member if it is an array / object. */
JsonArray  *cksim_json_get_array     (JsonObject  *object,
                                      const char  *name);
JsonObject *cksim_json_get_object    (JsonObject  *object,
                                      const char  *name);
/* (nullable) (transfer none): the member if it is a string. */
const char *cksim_json_get_string    (JsonObject  *object,
                                      const char  *name);
/* The first object of @array whose integer member @key is @value
 * (outlet arrays by "outlet", RF codes by "rfChl"), or NULL. */
JsonObject *cksim_json_find_item     (JsonArray   *array,
                                      const char  *key,
                                      gint64       value);
/* TRUE for a JSON number without a fractional part. */
gboolean    cksim_json_is_integer    (JsonNode    *node);
gboolean    cksim_json_is_string     (JsonNode    *node);
gboolean    cksim_json_is_boolean    (JsonNode    *node);

G_END_DECLS
