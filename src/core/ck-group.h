/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define CK_TYPE_GROUP (ck_group_get_type ())
G_DECLARE_FINAL_TYPE (CkGroup, ck_group, CK, GROUP, GObject)

/**
 * CkGroup:
 *
 * One of the user's device groups (spec §3.15), kept by CkGroupList.
 * Properties (read-only): "id", "name", "index" (the cloud's order).
 * Which devices are in it: ck_device_is_in_group() / ck_device_match_group().
 */

/* NULL with CK_ERROR_INVALID_RESPONSE when @object has no id. */
CkGroup    *ck_group_new_from_json    (JsonObject  *object,
                                       GError     **error) G_GNUC_WARN_UNUSED_RESULT;
const char *ck_group_get_id           (CkGroup     *self);
const char *ck_group_get_name         (CkGroup     *self);
gint        ck_group_get_index        (CkGroup     *self);
/* For CkGroupList: a `groupinfos` entry for the same id. */
void        ck_group_update_from_json (CkGroup     *self,
                                       JsonObject  *object);

G_END_DECLS
