/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The protocol version sent in every request (spec §2.1). */
#define CK_PROTOCOL_VERSION 8

/**
 * ck_request_build_body:
 * @params: (nullable): the endpoint's parameters (not modified)
 *
 * The JSON body of a POST/PUT: @params plus the common parameters `appid`,
 * `nonce`, `ts` and `version`, members sorted by name, compact, non-ASCII as
 * raw UTF-8. The result is what gets signed and sent, byte for byte.
 */
GBytes *ck_request_build_body  (JsonObject *params,
                                const char *app_id,
                                const char *nonce,
                                gint64      ts) G_GNUC_WARN_UNUSED_RESULT;

/**
 * ck_request_build_query:
 * @params: (nullable): the endpoint's parameters: strings, integers or booleans
 *
 * The query string (without '?') of a GET/DELETE: @params plus the common
 * parameters, sorted by name, `name=value` joined with '&'. For a signed GET
 * this exact string is the signed message (spec §2.4).
 */
char   *ck_request_build_query (JsonObject *params,
                                const char *app_id,
                                const char *nonce,
                                gint64      ts) G_GNUC_WARN_UNUSED_RESULT;

/* Adds `phoneNumber` for an identity starting with '+', else `email`;
 * never both (spec §1.3). */
void    ck_request_add_identity (JsonObject *params,
                                 const char *identity);

G_END_DECLS
