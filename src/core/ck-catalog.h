/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "ck-capability.h"

G_BEGIN_DECLS

/**
 * CkFamily:
 *
 * One product family of spec/devices.md: which UIIDs it covers, what it can
 * do, and the codecs between typed values and that family's exact params.
 * Families are static rows of one table; a pointer stays valid for the life
 * of the program and is never freed.
 *
 * Every decode function reads the device's current params and returns FALSE
 * when the value is not there (absent, of the wrong type, "unavailable", or
 * the capability is not in the current mode, e.g. colour while a bulb shows
 * white). Every encode function takes the current params too (to copy arrays
 * and objects the family wants whole) and returns (transfer full) the params
 * of one `update`, exactly as devices.md documents them, or NULL with an error
 * in G_IO_ERROR: NOT_SUPPORTED (the family lacks the capability) or
 * INVALID_ARGUMENT (the value is outside what the user may ask for).
 * Values within range but outside the device's own steps are clamped.
 *
 * Lights of devices.md §0 ignore adjustments while off: see
 * ck_family_adjust_needs_power_on().
 */
typedef struct _CkFamily CkFamily;

/* The family of @uiid, choosing a variant by @params where the UIID has
 * several (DualR3 in motor mode). Unknown UIIDs get the generic family, whose
 * capabilities come from the params present (devices.md §1). Never NULL. */
const CkFamily *ck_catalog_lookup                 (gint            uiid,
                                                   JsonObject     *params);
/* A label from tags.ck_channel_name[@channel] (0-based), else "Channel n+1". */
char           *ck_catalog_dup_channel_name       (JsonObject     *tags,
                                                   guint           channel) G_GNUC_WARN_UNUSED_RESULT;

/* A stable identifier ("relay", "multi-relay", "b05-bulb", "generic", ...). */
const char     *ck_family_get_id                  (const CkFamily *family);
/* An English description for details pages and the CLI. */
const char     *ck_family_get_description         (const CkFamily *family);
gboolean        ck_family_is_generic              (const CkFamily *family);
/* @params matter for the generic family only (what is present). */
CkCapability    ck_family_get_capabilities        (const CkFamily *family,
                                                   JsonObject     *params);
gboolean        ck_family_has_capability          (const CkFamily *family,
                                                   JsonObject     *params,
                                                   CkCapability    capability);
/* Real channels: the devices.md §1 table, never the array length, except for
 * the generic family. 0 when the family has no switchable channel. */
guint           ck_family_get_n_channels          (const CkFamily *family,
                                                   JsonObject     *params);
/* TRUE for lights that ignore brightness or colour while off: send the
 * power-on, wait for its ack, then the adjustment (devices.md §0, §8.13). */
gboolean        ck_family_adjust_needs_power_on   (const CkFamily *family);

/* Power and channels (channel 0-based; channel 0 of a one-channel family is
 * its power). Multi-channel power: on when any channel is on; setting it sets
 * every entry. */
gboolean        ck_family_decode_power            (const CkFamily *family,
                                                   JsonObject     *params,
                                                   gboolean       *on);
JsonObject     *ck_family_encode_power            (const CkFamily *family,
                                                   JsonObject     *params,
                                                   gboolean        on,
                                                   GError        **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean        ck_family_decode_channel          (const CkFamily *family,
                                                   JsonObject     *params,
                                                   guint           channel,
                                                   gboolean       *on);
JsonObject     *ck_family_encode_channel          (const CkFamily *family,
                                                   JsonObject     *params,
                                                   guint           channel,
                                                   gboolean        on,
                                                   GError        **error) G_GNUC_WARN_UNUSED_RESULT;
/* A timer's `do` for @channel (-1: the whole device) in the family's keys
 * (spec §7.3): {"outlet":N,"switch":…}, {"state":…}, TH's switch+mainSwitch. */
JsonObject     *ck_family_encode_timer_action     (const CkFamily *family,
                                                   gint            channel,
                                                   gboolean        on,
                                                   GError        **error) G_GNUC_WARN_UNUSED_RESULT;

/* Brightness in percent, 0-100. The family's usable range (e.g. 1-100 for
 * B02/B05 and L1) is given by ck_family_get_brightness_range(); a request
 * below it is raised to its minimum. */
void            ck_family_get_brightness_range    (const CkFamily *family,
                                                   gint           *min_percent,
                                                   gint           *max_percent);
gboolean        ck_family_decode_brightness       (const CkFamily *family,
                                                   JsonObject     *params,
                                                   gint           *percent);
JsonObject     *ck_family_encode_brightness       (const CkFamily *family,
                                                   JsonObject     *params,
                                                   gint            percent,
                                                   GError        **error) G_GNUC_WARN_UNUSED_RESULT;

/* Colour temperature in the family's unit: kelvin where the range is known
 * (B02 103/135: 2200-6500 K, B05 104: 2700-6500 K), else percent, 0 warm to
 * 100 cold. Three-step lights (B1, UIID 16) round to 0, 50 or 100 %. */
CkColorTemperatureUnit ck_family_get_color_temperature_unit (const CkFamily *family);
void            ck_family_get_color_temperature_range (const CkFamily *family,
                                                   gint           *min,
                                                   gint           *max);
gboolean        ck_family_decode_color_temperature (const CkFamily *family,
                                                   JsonObject     *params,
                                                   gint           *value);
JsonObject     *ck_family_encode_color_temperature (const CkFamily *family,
                                                   JsonObject     *params,
                                                   gint            value,
                                                   GError        **error) G_GNUC_WARN_UNUSED_RESULT;

/* Colour as 0xRRGGBB. */
gboolean        ck_family_decode_color            (const CkFamily *family,
                                                   JsonObject     *params,
                                                   guint32        *rgb);
JsonObject     *ck_family_encode_color            (const CkFamily *family,
                                                   JsonObject     *params,
                                                   guint32         rgb,
                                                   GError        **error) G_GNUC_WARN_UNUSED_RESULT;

/* Fan level 0 (off) .. ck_family_get_fan_levels(); see CkFanSpeed. */
guint           ck_family_get_fan_levels          (const CkFamily *family);
gboolean        ck_family_decode_fan              (const CkFamily *family,
                                                   JsonObject     *params,
                                                   guint          *level);
JsonObject     *ck_family_encode_fan              (const CkFamily *family,
                                                   JsonObject     *params,
                                                   guint           level,
                                                   GError        **error) G_GNUC_WARN_UNUSED_RESULT;

/* Readings in plain units (W, V, A, °C, %), whatever the wire form (2-decimal
 * strings, integers ×100, plain numbers, "unavailable"). @channel selects the
 * per-channel readings of the DualR3; others ignore it. */
gboolean        ck_family_has_reading             (const CkFamily *family,
                                                   JsonObject     *params,
                                                   CkReading       reading);
gboolean        ck_family_decode_reading          (const CkFamily *family,
                                                   JsonObject     *params,
                                                   CkReading       reading,
                                                   guint           channel,
                                                   gdouble        *value);

/* Door / window contact: TRUE = open. */
gboolean        ck_family_decode_contact          (const CkFamily *family,
                                                   JsonObject     *params,
                                                   gboolean       *open);

/* Covers: position in percent open (0 closed, 100 open). */
gboolean        ck_family_decode_cover_position   (const CkFamily *family,
                                                   JsonObject     *params,
                                                   gint           *percent_open);
JsonObject     *ck_family_encode_cover_position   (const CkFamily *family,
                                                   JsonObject     *params,
                                                   gint            percent_open,
                                                   GError        **error) G_GNUC_WARN_UNUSED_RESULT;
JsonObject     *ck_family_encode_cover_action     (const CkFamily *family,
                                                   JsonObject     *params,
                                                   CkCoverAction   action,
                                                   GError        **error) G_GNUC_WARN_UNUSED_RESULT;

/**
 * CkOtherParam:
 * @key: a params member no codec of the family reads
 * @value: its compact JSON text (strings without quotes)
 *
 * Kept and shown read-only, never dropped.
 */
typedef struct
{
  char *key;
  char *value;
} CkOtherParam;

void            ck_other_param_free               (CkOtherParam   *param);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CkOtherParam, ck_other_param_free)

/* Params shown as device info (devices.md §2, the Details page), not as
 * other params: `fwVersion` (ck_device_get_firmware_version()), `rssi`
 * (ck_device_get_rssi()) and `staMac` (ck_device_get_mac()). */
#define CK_CATALOG_INFO_PARAMS "fwVersion rssi staMac"
gboolean        ck_catalog_is_info_param          (const char     *key);
/* `rssi` in dBm, a number or a numeric string (UP types it as a string,
 * devices.md §5); 0 (unknown) when absent, not a whole number, or not
 * below 0. */
gint            ck_catalog_decode_rssi            (JsonObject     *params);

/* (transfer container) (element-type CkOtherParam): the members of @params
 * that no codec of @family reads (readings, per-channel ones like
 * `current_00` included), in the order of @params; `timers` is left to
 * CkTimer, the info params (ck_catalog_is_info_param()) to the device's
 * info. The array frees its elements. */
GPtrArray      *ck_family_list_other_params       (const CkFamily *family,
                                                   JsonObject     *params) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
