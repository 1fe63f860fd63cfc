/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Parses untrusted text (@len -1: NUL-terminated). (transfer full): the
 * root, or NULL with CK_ERROR_INVALID_RESPONSE for empty text, invalid
 * UTF-8 or anything that is not JSON. */
JsonNode   *ck_json_parse       (const char  *data,
                                 gssize       len,
                                 GError     **error) G_GNUC_WARN_UNUSED_RESULT;

/* Type-checked member access for untrusted JSON: a missing member or one of
 * another type gives NULL / FALSE, never a critical warning. */

const char *ck_json_get_string  (JsonObject *object,
                                 const char *member);
JsonObject *ck_json_get_object  (JsonObject *object,
                                 const char *member);
JsonArray  *ck_json_get_array   (JsonObject *object,
                                 const char *member);
/* An integer (or an integral double); FALSE when absent or not numeric. */
gboolean    ck_json_get_int     (JsonObject *object,
                                 const char *member,
                                 gint64     *value);
/* A boolean; FALSE when absent or not a boolean. */
gboolean    ck_json_get_boolean (JsonObject *object,
                                 const char *member,
                                 gboolean   *value);
/* The text form of a string or integer member (e.g. a `sequence`). */
char       *ck_json_dup_id      (JsonObject *object,
                                 const char *member) G_GNUC_WARN_UNUSED_RESULT;

/* A copy sharing nothing with @node (json_node_copy() shares objects and
 * arrays by reference). */
JsonNode   *ck_json_node_deep_copy (JsonNode *node) G_GNUC_WARN_UNUSED_RESULT;

/* Compact JSON text of @object. */
char       *ck_json_object_to_string (JsonObject *object) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
