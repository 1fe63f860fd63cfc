/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <adwaita.h>

#include "ck-client.h"
#include "relay-device-panel.h"

G_BEGIN_DECLS

#define RELAY_TYPE_SHARING_GROUP (relay_sharing_group_get_type ())
G_DECLARE_FINAL_TYPE (RelaySharingGroup, relay_sharing_group, RELAY, SHARING_GROUP, RelayDevicePanel)

/* Who a device we own is shared with: a row each ("share-N", 1-based, with
 * "edit" and "stop" buttons) and a "share" button. */
GtkWidget *relay_sharing_group_new (CkClient *client,
                                    CkDevice *device);
/* "Can add, edit, delete and switch timers", "Cannot change timers". */
char      *relay_permit_describe   (CkPermit  permit) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
