/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include "cksim-config.h"
#include "cksim-request.h"
#include "cksim-state.h"

G_BEGIN_DECLS

typedef enum
{
  CKSIM_AUTH_NONE,    /* test hooks */
  CKSIM_AUTH_SIGN,    /* Authorization: Sign <base64> (spec §8.3) */
  CKSIM_AUTH_BEARER,  /* Authorization: Bearer <at> (spec §8.4) */
} CkSimAuthKind;

/*
 * CkSimAuth:
 *
 * The request checks of spec §8.1–§8.4: common parameters, the nonce replay
 * window, signatures and tokens. --compat relaxes exactly spec §8.10.
 */
typedef struct _CkSimAuth CkSimAuth;

CkSimAuth  *cksim_auth_new           (CkSimState        *state,
                                      const CkSimConfig *config);
void        cksim_auth_free          (CkSimAuth         *auth);

/* Parses the parameters and runs every check of @kind. NULL when the request
 * passes (and, for Bearer, @session is its session); else the error body to
 * answer with HTTP 200. */
JsonObject *cksim_auth_check_request (CkSimAuth         *auth,
                                      CkSimRequest      *req,
                                      CkSimAuthKind      kind,
                                      CkSimSession     **session) G_GNUC_WARN_UNUSED_RESULT;

/* appid known, version 8, ts and nonce well-formed (spec §8.2.2–4): also the
 * WebSocket handshake's rules. @query_form: values are strings from a query. */
gboolean    cksim_auth_check_common  (CkSimAuth         *auth,
                                      JsonObject        *params,
                                      gboolean           query_form,
                                      gboolean           nonce_optional);
/* A JSON integer (or, with compat, a string of digits): its value. */
gboolean    cksim_auth_get_integer   (CkSimAuth         *auth,
                                      JsonObject        *params,
                                      const char        *name,
                                      gboolean           query_form,
                                      gint64            *value);

G_END_DECLS
