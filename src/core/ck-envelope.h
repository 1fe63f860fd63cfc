/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <json-glib/json-glib.h>

#include "ck-error.h"

G_BEGIN_DECLS

/**
 * ck_envelope_parse:
 * @status: the HTTP status (200 for a WebSocket answer)
 * @data: (array length=len) (nullable): the body as received
 * @endpoint: selects the meaning of an error number
 * @error_body: (out) (optional) (transfer full) (nullable): on a failure, the
 *   body's object when there is one (e.g. the `region` of a 301)
 *
 * Applies the response rules of spec §2.6: a non-2xx status, a numeric
 * `error` ≠ 0, or a numeric `code` ≠ 0 with a string `error` is a failure;
 * anything else (an object with `error` 0, a bare payload, a bare array) is
 * a success. Malformed JSON gives %CK_ERROR_INVALID_RESPONSE.
 *
 * Returns: (transfer full) (nullable): the parsed body on success.
 */
JsonNode *ck_envelope_parse (guint         status,
                             const char   *data,
                             gsize         len,
                             CkEndpoint    endpoint,
                             JsonObject  **error_body,
                             GError      **error);

/* Rules 2 and 3 of spec §2.6 on an already parsed object (e.g. a WebSocket
 * answer): the error for a numeric `error` ≠ 0 or a numeric `code` ≠ 0, else NULL. */
GError   *ck_envelope_check (JsonObject *object,
                             CkEndpoint  endpoint) G_GNUC_WARN_UNUSED_RESULT;

/* Reads an error-number member that may be a JSON integer (or a double with
 * an integral value); FALSE when @member is absent or not numeric. */
gboolean  ck_envelope_get_number (JsonObject *object,
                                  const char *member,
                                  gint64     *value);

G_END_DECLS
