/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "ck-share.h"

G_BEGIN_DECLS

/**
 * CkTimerKind:
 * @CK_TIMER_KIND_ONCE: fires once at an instant (`type` once)
 * @CK_TIMER_KIND_REPEAT: cron-like, UTC minute, hour and weekdays
 * @CK_TIMER_KIND_DELAY: a countdown: `type` once, `coolkit_timer_type` delay,
 *   `period` minutes, `at` = the absolute fire time
 * @CK_TIMER_KIND_LOOP: `type` duration: from a start instant, every P
 *   minutes the action, and with two actions the end action Q minutes later
 *
 * The kinds of spec §7.2.
 */
typedef enum
{
  CK_TIMER_KIND_ONCE,
  CK_TIMER_KIND_REPEAT,
  CK_TIMER_KIND_DELAY,
  CK_TIMER_KIND_LOOP,
} CkTimerKind;

/* Weekdays of a repeat timer; bit n is cron day n (Sunday = 0). */
typedef enum /*< flags >*/
{
  CK_WEEKDAYS_NONE      = 0,
  CK_WEEKDAYS_SUNDAY    = 1 << 0,
  CK_WEEKDAYS_MONDAY    = 1 << 1,
  CK_WEEKDAYS_TUESDAY   = 1 << 2,
  CK_WEEKDAYS_WEDNESDAY = 1 << 3,
  CK_WEEKDAYS_THURSDAY  = 1 << 4,
  CK_WEEKDAYS_FRIDAY    = 1 << 5,
  CK_WEEKDAYS_SATURDAY  = 1 << 6,
  CK_WEEKDAYS_ALL       = 0x7f,
} CkWeekdays;

#define CK_TYPE_TIMER (ck_timer_get_type ())
G_DECLARE_FINAL_TYPE (CkTimer, ck_timer, CK, TIMER, GObject)

/**
 * CkTimer:
 *
 * One entry of a device's `params.timers` (spec §7), in user terms and back.
 * Members of the entry that Relay does not model are kept and written back.
 *
 * Properties: "id" (the mId), "kind" (CkTimerKind), "enabled" (read-write).
 *
 * Actions are `update` params ("do", or "startDo" / "endDo"); build them with
 * ck_family_encode_timer_action() and read them with
 * ck_timer_action_get_switch(). The new_* constructors take (transfer none)
 * actions, give the timer a fresh random mId and enable it.
 */

/* NULL with CK_ERROR_INVALID_RESPONSE when @object is not a timer. */
CkTimer     *ck_timer_new_from_json      (JsonObject   *object,
                                          GError      **error) G_GNUC_WARN_UNUSED_RESULT;
/* (transfer full): the entry as the device expects it. */
JsonObject  *ck_timer_to_json            (CkTimer      *self) G_GNUC_WARN_UNUSED_RESULT;

CkTimer     *ck_timer_new_once           (GDateTime    *at,
                                          JsonObject   *action) G_GNUC_WARN_UNUSED_RESULT;
/* @hour, @minute and @days in UTC, as the device stores them. */
CkTimer     *ck_timer_new_repeat         (guint         hour,
                                          guint         minute,
                                          CkWeekdays    days,
                                          JsonObject   *action) G_GNUC_WARN_UNUSED_RESULT;
/* The same from a local time and local weekdays in @zone: the weekdays move
 * by a day when the UTC time crosses midnight (spec §7.2, "Time-zone trap").
 * The zone's current offset is used. */
CkTimer     *ck_timer_new_repeat_local   (GTimeZone    *zone,
                                          guint         hour,
                                          guint         minute,
                                          CkWeekdays    days,
                                          JsonObject   *action) G_GNUC_WARN_UNUSED_RESULT;
/* A countdown of @minutes from @now. */
CkTimer     *ck_timer_new_delay          (GDateTime    *now,
                                          guint         minutes,
                                          JsonObject   *action) G_GNUC_WARN_UNUSED_RESULT;
/* A loop from @start: every @period minutes @action; with @end_action
 * (nullable), that one @interval minutes after each start (1 ≤ Q < P). */
CkTimer     *ck_timer_new_loop           (GDateTime    *start,
                                          guint         period,
                                          guint         interval,
                                          JsonObject   *action,
                                          JsonObject   *end_action) G_GNUC_WARN_UNUSED_RESULT;

const char  *ck_timer_get_id             (CkTimer      *self);
/* For an edit: the new timer takes the mId of the one it replaces. */
void         ck_timer_set_id             (CkTimer      *self,
                                          const char   *id);
CkTimerKind  ck_timer_get_kind           (CkTimer      *self);
gboolean     ck_timer_get_enabled        (CkTimer      *self);
void         ck_timer_set_enabled        (CkTimer      *self,
                                          gboolean      enabled);
/* Once / delay: the fire time; loop: the start. NULL for repeat timers. */
GDateTime   *ck_timer_get_at             (CkTimer      *self);
/* Delay: the countdown; loop: P. 0 otherwise. */
guint        ck_timer_get_period         (CkTimer      *self);
/* Loop with two actions: Q; 0 otherwise. */
guint        ck_timer_get_interval       (CkTimer      *self);
/* Repeat: UTC time and days as stored; FALSE for other kinds. */
gboolean     ck_timer_get_repeat         (CkTimer      *self,
                                          guint        *hour,
                                          guint        *minute,
                                          CkWeekdays   *days);
/* Repeat: the local time and weekdays in @zone. */
gboolean     ck_timer_get_repeat_local   (CkTimer      *self,
                                          GTimeZone    *zone,
                                          guint        *hour,
                                          guint        *minute,
                                          CkWeekdays   *days);
/* (transfer none): `do`, or `startDo` of a two-action loop. */
JsonObject  *ck_timer_get_action         (CkTimer      *self);
/* (transfer none) (nullable): `endDo` of a two-action loop. */
JsonObject  *ck_timer_get_end_action     (CkTimer      *self);

/* What the device and the simulator enforce, checked before sending: a
 * lowercase UUID mId, minute 0-59, hour 0-23, at least one weekday,
 * period ≥ 1, 1 ≤ Q < P, the actions present. G_IO_ERROR_INVALID_ARGUMENT. */
gboolean     ck_timer_validate           (CkTimer      *self,
                                          GError      **error);

/* A local time and weekdays in @zone ↔ UTC, shifting the weekdays across
 * midnight. */
void         ck_timer_local_to_utc       (GTimeZone    *zone,
                                          guint         hour,
                                          guint         minute,
                                          CkWeekdays    days,
                                          guint        *utc_hour,
                                          guint        *utc_minute,
                                          CkWeekdays   *utc_days);
void         ck_timer_utc_to_local       (GTimeZone    *zone,
                                          guint         utc_hour,
                                          guint         utc_minute,
                                          CkWeekdays    utc_days,
                                          guint        *hour,
                                          guint        *minute,
                                          CkWeekdays   *days);

/* An action's on/off: @channel is its `outlet` (or the first entry of a
 * `switches` array), -1 when it has none; reads switch / state / fan. */
gboolean     ck_timer_action_get_switch  (JsonObject   *action,
                                          gint         *channel,
                                          gboolean     *on);

/* (element-type CkTimer) (transfer full): the timers of a `timers` array
 * that parse; malformed entries are left out here but never dropped by the
 * array helpers below. */
GPtrArray   *ck_timers_parse             (JsonArray    *timers) G_GNUC_WARN_UNUSED_RESULT;

/* The whole-array rule (spec §7): each returns (transfer full) the complete
 * new array to send, built from @current (nullable = []), which is left as
 * it is. Errors in G_IO_ERROR: EXISTS (add of a known mId), NOT_FOUND. */
JsonArray   *ck_timers_add               (JsonArray    *current,
                                          CkTimer      *timer,
                                          GError      **error) G_GNUC_WARN_UNUSED_RESULT;
JsonArray   *ck_timers_replace           (JsonArray    *current,
                                          CkTimer      *timer,
                                          GError      **error) G_GNUC_WARN_UNUSED_RESULT;
JsonArray   *ck_timers_remove            (JsonArray    *current,
                                          const char   *id,
                                          GError      **error) G_GNUC_WARN_UNUSED_RESULT;
JsonArray   *ck_timers_set_enabled       (JsonArray    *current,
                                          const char   *id,
                                          gboolean      enabled,
                                          GError      **error) G_GNUC_WARN_UNUSED_RESULT;

/* The permit bits a sharee needs to turn @old into @new (spec §8.5): a new
 * mId needs ADD, a missing one DELETE, a changed `enabled` ENABLE, any
 * other change EDIT. */
CkPermit     ck_timers_required_permit   (JsonArray    *old,
                                          JsonArray    *new_timers);
/* FALSE with CK_ERROR_NOT_PERMITTED naming what @permit lacks. */
gboolean     ck_timers_check_permit      (JsonArray    *old,
                                          JsonArray    *new_timers,
                                          CkPermit      permit,
                                          GError      **error);

G_END_DECLS
