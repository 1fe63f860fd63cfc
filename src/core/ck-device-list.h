/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "ck-device.h"

G_BEGIN_DECLS

#define CK_TYPE_DEVICE_LIST (ck_device_list_get_type ())
G_DECLARE_FINAL_TYPE (CkDeviceList, ck_device_list, CK, DEVICE_LIST, GObject)

/**
 * CkDeviceList:
 *
 * The account's devices as a #GListModel of #CkDevice, in the cloud's order.
 * Replacing the list keeps the existing objects of ids that stay (so views
 * and bindings survive a refresh) and emits one items-changed for the change.
 */

CkDeviceList *ck_device_list_new         (void) G_GNUC_WARN_UNUSED_RESULT;

/* Entries that cannot be parsed are skipped with a g_debug, never fatal.
 * Devices keep references into @devicelist's entries: do not modify it
 * afterwards (ck_device_update_from_json()). */
void          ck_device_list_replace_all (CkDeviceList *self,
                                          JsonArray    *devicelist);
void          ck_device_list_clear       (CkDeviceList *self);
/* Drops the device with @device_id (one items-changed); FALSE when absent. */
gboolean      ck_device_list_remove      (CkDeviceList *self,
                                          const char   *device_id);
/* (transfer none) (nullable) */
CkDevice     *ck_device_list_lookup      (CkDeviceList *self,
                                          const char   *device_id);
/* By id, else by exact name; (transfer none) (nullable). */
CkDevice     *ck_device_list_find        (CkDeviceList *self,
                                          const char   *id_or_name);

G_END_DECLS
