/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <json-glib/json-glib.h>

#include "cksim-config.h"
#include "cksim-state.h"

G_BEGIN_DECLS

/* How a receiver's app answers a share request (spec §4.9; set through /_sim/). */
typedef enum
{
  CKSIM_SHARE_POLICY_ACCEPT,   /* the default for online receivers */
  CKSIM_SHARE_POLICY_REFUSE,
  CKSIM_SHARE_POLICY_TIMEOUT,  /* never answers: 504 after the share timeout */
} CkSimSharePolicy;

/* The answer to one share request: `error`, and `result` when error is 0.
 * @delay_ms > 0: send it only after that long (the receiver's deadline). */
typedef struct
{
  int   error;
  int   result;
  guint delay_ms;
} CkSimShareAnswer;

/* Whether @apikey has a live WebSocket session (receivers must be online). */
typedef gboolean (*CkSimShareOnlineFunc) (const char *apikey,
                                          gpointer    user_data);

/*
 * CkSimShares:
 *
 * share / updateShare / cancelShare as the owner's side sees them (spec
 * §4.9, §8.5): receivers' policies, the 180 s cool-down after a timeout,
 * and the share records on the device.
 */
typedef struct _CkSimShares CkSimShares;

CkSimShares      *cksim_shares_new          (CkSimState        *state,
                                             const CkSimConfig *config);
void              cksim_shares_free         (CkSimShares       *shares);

gboolean          cksim_share_policy_parse  (const char        *text,
                                             CkSimSharePolicy  *policy);
void              cksim_shares_set_policy   (CkSimShares       *shares,
                                             const char        *apikey,
                                             CkSimSharePolicy   policy);

/* @action is "share", "updateShare" or "cancelShare"; @caller_apikey passed
 * the WS apikey checks already (owner or sharee of @device). */
CkSimShareAnswer  cksim_shares_handle       (CkSimShares          *shares,
                                             const char           *action,
                                             CkSimDevice          *device,
                                             const char           *caller_apikey,
                                             JsonObject           *params,
                                             CkSimShareOnlineFunc  is_online,
                                             gpointer              user_data);

G_END_DECLS
