/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define CK_TYPE_DEVICE (ck_device_get_type ())
G_DECLARE_FINAL_TYPE (CkDevice, ck_device, CK, DEVICE, GObject)

/**
 * CkDevice:
 *
 * One device as the cloud describes it, kept current from the device list
 * and from pushes.
 *
 * Properties (read-only unless noted): "id", "name", "uiid", "online",
 * "owner-apikey", "model" (extra.extra.model or productModel),
 * "has-power" (the device has an on/off control the app understands),
 * "power" (current or pending on/off), "pending" (a command is in flight),
 * "last-updated" (GDateTime of the last change from the cloud).
 * "params" is available through ck_device_get_params().
 *
 * Signals: "params-changed" after the cached params changed (list refresh
 * or push), for views that show raw params.
 */

CkDevice   *ck_device_new_from_json      (JsonObject *object,
                                          GError    **error) G_GNUC_WARN_UNUSED_RESULT;

const char *ck_device_get_id             (CkDevice   *self);
const char *ck_device_get_name           (CkDevice   *self);
gint        ck_device_get_uiid           (CkDevice   *self);
gboolean    ck_device_get_online         (CkDevice   *self);
const char *ck_device_get_owner_apikey   (CkDevice   *self);
const char *ck_device_get_model          (CkDevice   *self);
gboolean    ck_device_get_has_power      (CkDevice   *self);
gboolean    ck_device_get_power          (CkDevice   *self);
gboolean    ck_device_get_pending        (CkDevice   *self);
GDateTime  *ck_device_get_last_updated   (CkDevice   *self);
/* (transfer none): the cached params; never modify it. */
JsonObject *ck_device_get_params         (CkDevice   *self);

/* A device-list entry for the same id replaces name, online and params. */
void        ck_device_update_from_json   (CkDevice   *self,
                                          JsonObject *object);
/* A push: merge keys (arrays with `outlet` merge by outlet). */
void        ck_device_merge_params       (CkDevice   *self,
                                          JsonObject *params);
void        ck_device_set_online         (CkDevice   *self,
                                          gboolean    online);

/* The params that switch the whole device on or off, in its own keys. */
JsonObject *ck_device_build_power_params (CkDevice   *self,
                                          gboolean    on) G_GNUC_WARN_UNUSED_RESULT;

/* For CkClient: show @power at once while a command is in flight. */
void        ck_device_begin_pending      (CkDevice   *self,
                                          gboolean    power);
/* Ends the pending state; @confirmed FALSE restores the value from before. */
void        ck_device_end_pending        (CkDevice   *self,
                                          gboolean    confirmed);

G_END_DECLS
