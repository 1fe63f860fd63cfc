/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "ck-capability.h"
#include "ck-catalog.h"
#include "ck-share.h"

G_BEGIN_DECLS

/* "color" when the device shows no colour (absent, or a bulb in white mode). */
#define CK_DEVICE_COLOR_UNKNOWN G_MAXUINT32

#define CK_TYPE_DEVICE (ck_device_get_type ())
G_DECLARE_FINAL_TYPE (CkDevice, ck_device, CK, DEVICE, GObject)

/**
 * CkDevice:
 *
 * One device as the cloud describes it, kept current from the device list
 * and from pushes. Every typed value is derived from the params through the
 * family of ck_catalog_lookup() (recomputed when the UIID or params change)
 * in the units of ARCHITECTURE "Values in user terms", and notified only
 * when it really changed.
 *
 * Properties (all read-only):
 * - "id", "name", "uiid", "online", "owner-apikey", "model"
 *   (extra.extra.model or productModel), "family-id" (ck_family_get_id())
 * - device info (CK_CATALOG_INFO_PARAMS, devices.md §2), not among the
 *   family's other params: "firmware-version" (`fwVersion`, NULL when not
 *   reported), "rssi" (`rssi`, dBm, negative; 0 when unknown),
 *   "signal-strength" (CkSignalStrength from "rssi": 0 unknown, else 1-4
 *   bars; ck_signal_strength_from_rssi()), "mac" (`staMac` of the params,
 *   else extra.extra.staMac of the device list; NULL when neither)
 * - "capabilities" (CkCapability flags), "has-power", "power",
 *   "n-channels", "channels" (bit n set: channel n on; names through
 *   ck_device_dup_channel_name())
 * - "brightness" (0-100 %, -1 unknown), "color-temperature" (in
 *   "color-temperature-unit", CkColorTemperatureUnit, between
 *   "color-temperature-min" and "color-temperature-max"; -1 unknown),
 *   "color" (0xRRGGBB, CK_DEVICE_COLOR_UNKNOWN when not shown),
 *   "fan-speed" (0 off .. "fan-levels", -1 unknown), "contact-open",
 *   "cover-position" (0 closed .. 100 open, -1 unknown)
 * - "readings" (GVariant a{sd}: ck_reading_to_string() → value in plain
 *   units; per-channel readings of multi-channel meters as "name@N" for
 *   N ≥ 1); read one with ck_device_get_reading()
 * - "shared-by" (CkShare, who shared it with us; NULL for our own
 *   devices), "shares" (GPtrArray of CkShare: our `sharedTo` records),
 *   "permit" (CkPermit: the sharer's permit bits, CK_PERMIT_ALL for the
 *   owner), "timers" (GListModel of CkTimer, rebuilt from params.timers),
 *   "groups" (GStrv, the ids of the groups it is in)
 * - "tags" (JsonObject, the list's `tags`: channel names; notified when
 *   they change, read them with ck_device_dup_channel_name())
 * - "pending" (a command is in flight: every derived value shows what it
 *   asks for, then the confirmed value or the value from before),
 *   "last-updated" (GDateTime of the last change from the cloud), "stale"
 *   (the live session is not up; set by CkClient)
 *
 * "params" (raw, as the cloud stored them) through ck_device_get_params().
 *
 * Signals: "params-changed" after the cached params changed (list refresh
 * or push), for views that show raw params.
 */

CkDevice   *ck_device_new_from_json      (JsonObject   *object,
                                          GError      **error) G_GNUC_WARN_UNUSED_RESULT;

const char *ck_device_get_id             (CkDevice     *self);
const char *ck_device_get_name           (CkDevice     *self);
gint        ck_device_get_uiid           (CkDevice     *self);
gboolean    ck_device_get_online         (CkDevice     *self);
const char *ck_device_get_owner_apikey   (CkDevice     *self);
const char *ck_device_get_model          (CkDevice     *self);
/* (nullable): `fwVersion`, NULL when the device does not report it. */
const char *ck_device_get_firmware_version (CkDevice   *self);
/* `rssi` in dBm (negative), 0 when the device does not report it. */
gint        ck_device_get_rssi           (CkDevice     *self);
/* The bars of "rssi" (ck_signal_strength_from_rssi()). */
CkSignalStrength ck_device_get_signal_strength (CkDevice *self);
/* (nullable): the Wi-Fi MAC (`staMac`), as the cloud writes it. */
const char *ck_device_get_mac            (CkDevice     *self);
gboolean    ck_device_get_pending        (CkDevice     *self);
GDateTime  *ck_device_get_last_updated   (CkDevice     *self);
/* (transfer none): the cached params as the cloud has them (without what
 * is pending); never modify it. */
JsonObject *ck_device_get_params         (CkDevice     *self);
/* (transfer none) (nullable): `tags` from the device list (channel names). */
JsonObject *ck_device_get_tags           (CkDevice     *self);

/* The catalog family for the current UIID and params; never NULL. */
const CkFamily *ck_device_get_family     (CkDevice     *self);
CkCapability ck_device_get_capabilities  (CkDevice     *self);
gboolean    ck_device_has_capability     (CkDevice     *self,
                                          CkCapability  capability);

gboolean    ck_device_get_has_power      (CkDevice     *self);
gboolean    ck_device_get_power          (CkDevice     *self);
guint       ck_device_get_n_channels     (CkDevice     *self);
/* Channel @channel (0-based) is on; FALSE when unknown. */
gboolean    ck_device_get_channel        (CkDevice     *self,
                                          guint         channel);
/* Bit n: channel n is on. */
guint       ck_device_get_channels       (CkDevice     *self);
/* The channel's name from the tags, else "Channel n+1". */
char       *ck_device_dup_channel_name   (CkDevice     *self,
                                          guint         channel) G_GNUC_WARN_UNUSED_RESULT;

/* -1 when unknown. */
gint        ck_device_get_brightness     (CkDevice     *self);
void        ck_device_get_brightness_range (CkDevice   *self,
                                          gint         *min_percent,
                                          gint         *max_percent);
gint        ck_device_get_color_temperature (CkDevice  *self);
CkColorTemperatureUnit ck_device_get_color_temperature_unit (CkDevice *self);
void        ck_device_get_color_temperature_range (CkDevice *self,
                                          gint         *min,
                                          gint         *max);
guint32     ck_device_get_color          (CkDevice     *self);
gint        ck_device_get_fan_speed      (CkDevice     *self);
guint       ck_device_get_fan_levels     (CkDevice     *self);
gboolean    ck_device_get_contact_open   (CkDevice     *self);
gint        ck_device_get_cover_position (CkDevice     *self);
/* A reading in plain units; FALSE when the device does not report it. */
gboolean    ck_device_get_reading        (CkDevice     *self,
                                          CkReading     reading,
                                          guint         channel,
                                          gdouble      *value);
/* (transfer none): a{sd}, see "readings". */
GVariant   *ck_device_get_readings       (CkDevice     *self);

/* (transfer none) (nullable) */
CkShare    *ck_device_get_shared_by      (CkDevice     *self);
/* (transfer none) (element-type CkShare): never NULL. */
GPtrArray  *ck_device_get_shares         (CkDevice     *self);
CkPermit    ck_device_get_permit         (CkDevice     *self);
/* (transfer none): a GListModel of CkTimer, the same object for the
 * device's life. */
GListModel *ck_device_get_timers         (CkDevice     *self);
/* (transfer none) (nullable): the `timers` array as the cloud has it. */
JsonArray  *ck_device_get_timers_json    (CkDevice     *self);
/* (transfer none): never NULL, may be empty. */
const char * const *ck_device_get_groups (CkDevice     *self);
gboolean    ck_device_is_in_group        (CkDevice     *self,
                                          const char   *group_id);
/* "Devices in group X" as a filter callback (the signature of
 * GtkCustomFilterFunc): @item a CkDevice, @group_id the group's id. */
gboolean    ck_device_match_group        (gpointer      item,
                                          gpointer      group_id);

/* A device-list entry for the same id replaces name, online, params, tags,
 * groups and shares. Parts that did not change are neither recomputed nor
 * notified; the device keeps references into @object (params, tags,
 * sharing), so do not modify it afterwards. */
void        ck_device_update_from_json   (CkDevice     *self,
                                          JsonObject   *object);
/* A push: merge keys (arrays with `outlet` merge by outlet). */
void        ck_device_merge_params       (CkDevice     *self,
                                          JsonObject   *params);
void        ck_device_set_online         (CkDevice     *self,
                                          gboolean      online);
/* A report from the cloud (push, query answer): an `online` key moves the
 * online flag, the other keys are merged as by ck_device_merge_params(). */
void        ck_device_apply_report       (CkDevice     *self,
                                          JsonObject   *params);
/* The device's group membership after a move made through CkClient. */
void        ck_device_set_groups         (CkDevice     *self,
                                          const char * const *group_ids);
/* For CkClient, after the cloud took the change (so no list fetch is
 * needed): the new name; the new channel names (@names[i] names channel i,
 * replacing the previous ones); `sharedBy`/`sharedTo` from a device object;
 * the `sharedTo` record of @uid (ck_share_matches()) with new permit bits
 * and note, or without it. */
void        ck_device_set_name           (CkDevice     *self,
                                          const char   *name);
void        ck_device_set_channel_names  (CkDevice     *self,
                                          const char * const *names);
void        ck_device_update_sharing_from_json (CkDevice *self,
                                          JsonObject   *object);
void        ck_device_update_share       (CkDevice     *self,
                                          const char   *uid,
                                          CkPermit      permit,
                                          const char   *note);
void        ck_device_remove_share       (CkDevice     *self,
                                          const char   *uid);
gboolean    ck_device_get_stale          (CkDevice     *self);
void        ck_device_set_stale          (CkDevice     *self,
                                          gboolean      stale);

/* The params that switch the whole device on or off, in its own keys;
 * NULL when it has no on/off (ck_family_encode_power()). */
JsonObject *ck_device_build_power_params (CkDevice     *self,
                                          gboolean      on) G_GNUC_WARN_UNUSED_RESULT;

/* For CkClient: show @params (what a command asks for) at once, over the
 * cached params, until ck_device_end_pending() with the returned id. To
 * confirm, merge the params first; otherwise the value from before shows. */
guint       ck_device_begin_pending      (CkDevice     *self,
                                          JsonObject   *params);
void        ck_device_end_pending        (CkDevice     *self,
                                          guint         pending_id);

G_END_DECLS
