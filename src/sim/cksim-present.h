/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include "cksim-context.h"
#include "cksim-request.h"

G_BEGIN_DECLS

/*
 * The response shapes of spec §2.6 and §3 shared by the REST handlers: the
 * user and device objects, the session answer, and the error envelopes.
 */

/* HTTP 200 with @body. */
void        cksim_reply_ok            (CkSimRequest *req,
                                       JsonObject   *body);
/* {"error":N,"msg":text} */
void        cksim_reply_error         (CkSimRequest *req,
                                       int           code,
                                       const char   *text);
/* {"code":N,"error":text}: add and addGsm (§3.10–3.11). */
void        cksim_reply_code_error    (CkSimRequest *req,
                                       int           code,
                                       const char   *text);
/* {"error":N,"errmsg":text}: the HTTP status endpoints (§3.17–3.18). */
void        cksim_reply_status_error  (CkSimRequest *req,
                                       int           code,
                                       const char   *text);
/* The device refused a status POST: as above, the device's reason also in
 * "msg" (what most error replies carry, and what clients read first). */
void        cksim_reply_device_refusal (CkSimRequest *req,
                                        int           code,
                                        const char   *reason);
/* {"error":301,"region":region} */
void        cksim_reply_region_moved  (CkSimRequest *req,
                                       const char   *region);
/* A new at/rt for (user, appid), revoking the older pair (and, when
 * @close_old_sockets, its WebSockets), answered as {"at","rt","user","region"}. */
void        cksim_reply_session       (CkSimContext *ctx,
                                       CkSimRequest *req,
                                       CkSimUser    *user,
                                       const char   *appid,
                                       gboolean      close_old_sockets);
/* A device as @viewer sees it (spec §3.8): sharedTo for the owner, sharedBy
 * for a sharee, the viewer's own groups; tags when @with_tags. */
JsonObject *cksim_device_to_json      (CkSimContext *ctx,
                                       CkSimDevice  *device,
                                       const char   *viewer,
                                       gboolean      with_tags) G_GNUC_WARN_UNUSED_RESULT;
/* Absent, null or a string (spec §8.10: null identities are absent). */
gboolean    cksim_member_is_string_or_absent (JsonObject *o,
                                              const char *name);

G_END_DECLS
