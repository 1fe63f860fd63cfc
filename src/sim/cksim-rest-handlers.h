/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include "cksim-router.h"

G_BEGIN_DECLS

/* The endpoint handlers of spec §3, by area; cksim-rest.c routes to them. */

#define CKSIM_DECLARE_HANDLER(name) \
  void name (CkSimContext *ctx, CkSimRequest *req, CkSimSession *session)

/* cksim-rest-account.c: §3.2–3.7 */
CKSIM_DECLARE_HANDLER (cksim_handle_sms);
CKSIM_DECLARE_HANDLER (cksim_handle_register);
CKSIM_DECLARE_HANDLER (cksim_handle_login);
CKSIM_DECLARE_HANDLER (cksim_handle_password_reset);
CKSIM_DECLARE_HANDLER (cksim_handle_password_change);
CKSIM_DECLARE_HANDLER (cksim_handle_refresh);

/* cksim-rest-devices.c: §3.8–3.14, §3.17–3.18 */
CKSIM_DECLARE_HANDLER (cksim_handle_device_list);
CKSIM_DECLARE_HANDLER (cksim_handle_device_get);
CKSIM_DECLARE_HANDLER (cksim_handle_device_add);
CKSIM_DECLARE_HANDLER (cksim_handle_device_add_gsm);
CKSIM_DECLARE_HANDLER (cksim_handle_device_delete);
CKSIM_DECLARE_HANDLER (cksim_handle_device_rename);
CKSIM_DECLARE_HANDLER (cksim_handle_tags);
CKSIM_DECLARE_HANDLER (cksim_handle_status_get);
CKSIM_DECLARE_HANDLER (cksim_handle_status_post);

/* cksim-rest-groups.c: §3.15 */
CKSIM_DECLARE_HANDLER (cksim_handle_group_create);
CKSIM_DECLARE_HANDLER (cksim_handle_group_update);
CKSIM_DECLARE_HANDLER (cksim_handle_group_delete);
CKSIM_DECLARE_HANDLER (cksim_handle_group_list);
CKSIM_DECLARE_HANDLER (cksim_handle_group_add_device);

G_END_DECLS
