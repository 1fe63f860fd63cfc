/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "ck-timer"

#include "ck-timer.h"

#include <string.h>

#include "ck-enums.h"
#include "ck-error.h"
#include "ck-json.h"

#define MINUTES_PER_DAY (24 * 60)

struct _CkTimer
{
  GObject      parent_instance;

  char        *id;
  CkTimerKind  kind;
  gboolean     enabled;

  GDateTime   *at;        /* once, delay: fire time; loop: start (UTC) */
  guint        period;    /* delay: countdown; loop: P (minutes) */
  guint        interval;  /* loop with two actions: Q (minutes) */
  guint        hour;      /* repeat, UTC */
  guint        minute;
  CkWeekdays   days;

  JsonObject  *action;     /* do, or startDo */
  JsonObject  *end_action; /* endDo */
  JsonObject  *unknown;    /* members Relay does not model, written back */
};

G_DEFINE_FINAL_TYPE (CkTimer, ck_timer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_ENABLED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The members this file reads and writes; everything else is "unknown". The
 * misspelt " coolkit_timer_type" of some UP examples is read, never written. */
static const char *const known_members[] = {
  "mId", "enabled", "type", "coolkit_timer_type", " coolkit_timer_type", "at", "period",
  "do", "startDo", "endDo", NULL,
};

static void
ck_timer_finalize (GObject *object)
{
  CkTimer *self = CK_TIMER (object);

  g_free (self->id);
  g_clear_pointer (&self->at, g_date_time_unref);
  g_clear_pointer (&self->action, json_object_unref);
  g_clear_pointer (&self->end_action, json_object_unref);
  g_clear_pointer (&self->unknown, json_object_unref);

  G_OBJECT_CLASS (ck_timer_parent_class)->finalize (object);
}

static void
ck_timer_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  CkTimer *self = CK_TIMER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_ENABLED:
      g_value_set_boolean (value, self->enabled);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ck_timer_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  CkTimer *self = CK_TIMER (object);

  switch (prop_id)
    {
    case PROP_ENABLED:
      ck_timer_set_enabled (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ck_timer_class_init (CkTimerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ck_timer_finalize;
  object_class->get_property = ck_timer_get_property;
  object_class->set_property = ck_timer_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, CK_TYPE_TIMER_KIND, CK_TIMER_KIND_ONCE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ENABLED] =
    g_param_spec_boolean ("enabled", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ck_timer_init (CkTimer *self)
{
  self->enabled = TRUE;
}

/* ------------------------------------------------------------------------ */
/* Time helpers                                                              */

static char *
format_iso (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);
  /* GLib's %Y does not pad years below 1000, which ISO 8601 (and its own parser) requires. */
  g_autofree char *rest = g_date_time_format (utc, "%m-%dT%H:%M:%S");

  return g_strdup_printf ("%04d-%s.%03dZ", g_date_time_get_year (utc), rest,
                          g_date_time_get_microsecond (utc) / 1000);
}

static GDateTime *
parse_iso (const char *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) time = NULL;

  if (text == NULL)
    return NULL;
  time = g_date_time_new_from_iso8601 (text, utc);
  return time != NULL ? g_date_time_to_utc (time) : NULL;
}

/* Weekdays moved by @shift days (-1, 0 or +1): Monday + 1 = Tuesday,
 * Sunday - 1 = Saturday. */
static CkWeekdays
shift_days (CkWeekdays days,
            gint       shift)
{
  guint mask = days & CK_WEEKDAYS_ALL;

  if (shift > 0)
    mask = (mask << 1) | (mask >> 6);
  else if (shift < 0)
    mask = (mask >> 1) | ((mask & 1) << 6);
  return (CkWeekdays) (mask & CK_WEEKDAYS_ALL);
}

/* The zone's offset from UTC now, in minutes. Fixed-offset zones (and the
 * tests) are exact; zones with summer time use today's offset. */
static gint
zone_offset_minutes (GTimeZone *zone)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (zone);

  return (gint) (g_date_time_get_utc_offset (now) / G_TIME_SPAN_MINUTE);
}

/* @hour:@minute + @delta minutes, wrapping to the day and reporting the
 * day shift. */
static void
move_clock (guint       hour,
            guint       minute,
            CkWeekdays  days,
            gint        delta,
            guint      *out_hour,
            guint      *out_minute,
            CkWeekdays *out_days)
{
  gint total = (gint) (hour * 60 + minute) + delta;
  gint shift = 0;

  while (total < 0)
    {
      total += MINUTES_PER_DAY;
      shift--;
    }
  while (total >= MINUTES_PER_DAY)
    {
      total -= MINUTES_PER_DAY;
      shift++;
    }

  *out_hour = (guint) total / 60;
  *out_minute = (guint) total % 60;
  *out_days = shift_days (days, shift);
}

void
ck_timer_local_to_utc (GTimeZone  *zone,
                       guint       hour,
                       guint       minute,
                       CkWeekdays  days,
                       guint      *utc_hour,
                       guint      *utc_minute,
                       CkWeekdays *utc_days)
{
  g_return_if_fail (zone != NULL);
  move_clock (hour, minute, days, -zone_offset_minutes (zone), utc_hour, utc_minute, utc_days);
}

void
ck_timer_utc_to_local (GTimeZone  *zone,
                       guint       utc_hour,
                       guint       utc_minute,
                       CkWeekdays  utc_days,
                       guint      *hour,
                       guint      *minute,
                       CkWeekdays *days)
{
  g_return_if_fail (zone != NULL);
  move_clock (utc_hour, utc_minute, utc_days, zone_offset_minutes (zone), hour, minute, days);
}

/* "36 8 * * 1,3" (minute hour day-of-month month day-of-week, UTC). */
static gboolean
parse_cron (const char *text,
            guint      *hour,
            guint      *minute,
            CkWeekdays *days)
{
  g_autofree char *copy = NULL;
  g_auto(GStrv) fields = NULL;
  g_auto(GStrv) list = NULL;
  guint64 number;

  if (text == NULL)
    return FALSE;

  copy = g_strstrip (g_strdup (text));
  fields = g_strsplit (copy, " ", -1);
  if (g_strv_length (fields) != 5
      || !g_ascii_string_to_unsigned (fields[0], 10, 0, 59, &number, NULL))
    return FALSE;
  *minute = (guint) number;
  if (!g_ascii_string_to_unsigned (fields[1], 10, 0, 23, &number, NULL))
    return FALSE;
  *hour = (guint) number;
  /* Day of month and month are always `*` (spec §7.2). */
  if (!g_str_equal (fields[2], "*") || !g_str_equal (fields[3], "*"))
    return FALSE;

  if (g_str_equal (fields[4], "*"))
    {
      *days = CK_WEEKDAYS_ALL;
      return TRUE;
    }

  *days = CK_WEEKDAYS_NONE;
  list = g_strsplit (fields[4], ",", -1);
  for (guint i = 0; list[i] != NULL; i++)
    {
      if (!g_ascii_string_to_unsigned (list[i], 10, 0, 6, &number, NULL))
        return FALSE;
      *days |= 1 << number;
    }
  return *days != CK_WEEKDAYS_NONE;
}

static char *
format_cron (guint      hour,
             guint      minute,
             CkWeekdays days)
{
  GString *text = g_string_new (NULL);

  g_string_printf (text, "%u %u * * ", minute, hour);
  if ((days & CK_WEEKDAYS_ALL) == CK_WEEKDAYS_ALL)
    {
      g_string_append_c (text, '*');
    }
  else
    {
      const char *separator = "";

      for (guint day = 0; day < 7; day++)
        if (days & (1 << day))
          {
            g_string_append_printf (text, "%s%u", separator, day);
            separator = ",";
          }
    }

  return g_string_free (text, FALSE);
}

/* ------------------------------------------------------------------------ */
/* Parsing and formatting                                                    */

static JsonObject *
copy_object (JsonObject *object)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) copy = NULL;

  if (object == NULL)
    return NULL;

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, object);
  copy = ck_json_node_deep_copy (node);
  return json_object_ref (json_node_get_object (copy));
}

static JsonObject *
unknown_members_of (JsonObject *object)
{
  JsonObject *unknown = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    if (!g_strv_contains (known_members, name))
      json_object_set_member (unknown, name, ck_json_node_deep_copy (node));

  return unknown;
}

/* Always NULL, for `return invalid (...)`. */
static gpointer
invalid (GError    **error,
         const char *id,
         const char *what)
{
  g_set_error (error, CK_ERROR, CK_ERROR_INVALID_RESPONSE, "Timer %s: %s", id ? id : "(no mId)", what);
  return NULL;
}

/* "2018-11-21T10:24:00.980Z 10 5" or "… 10". */
static gboolean
parse_loop_at (CkTimer    *self,
               const char *at)
{
  g_auto(GStrv) fields = NULL;
  guint64 number;
  guint n;

  if (at == NULL)
    return FALSE;

  fields = g_strsplit (at, " ", -1);
  n = g_strv_length (fields);
  if (n < 2 || n > 3 || (self->at = parse_iso (fields[0])) == NULL)
    return FALSE;
  if (!g_ascii_string_to_unsigned (fields[1], 10, 0, G_MAXUINT, &number, NULL))
    return FALSE;
  self->period = (guint) number;
  if (n == 3)
    {
      if (!g_ascii_string_to_unsigned (fields[2], 10, 0, G_MAXUINT, &number, NULL))
        return FALSE;
      self->interval = (guint) number;
    }
  return TRUE;
}

static gboolean
parse_kind (JsonObject  *object,
            CkTimerKind *kind)
{
  const char *type = ck_json_get_string (object, "type");
  const char *app_type = ck_json_get_string (object, "coolkit_timer_type");

  if (app_type == NULL)
    app_type = ck_json_get_string (object, " coolkit_timer_type");
  if (app_type == NULL)
    app_type = type;

  if (g_strcmp0 (app_type, "delay") == 0 && g_strcmp0 (type, "once") == 0)
    *kind = CK_TIMER_KIND_DELAY;
  else if (g_strcmp0 (type, "once") == 0)
    *kind = CK_TIMER_KIND_ONCE;
  else if (g_strcmp0 (type, "repeat") == 0)
    *kind = CK_TIMER_KIND_REPEAT;
  else if (g_strcmp0 (type, "duration") == 0)
    *kind = CK_TIMER_KIND_LOOP;
  else
    return FALSE;

  return TRUE;
}

CkTimer *
ck_timer_new_from_json (JsonObject  *object,
                        GError     **error)
{
  g_autoptr(CkTimer) self = NULL;
  const char *at;
  const char *period;
  gint64 number;
  JsonObject *action;

  g_return_val_if_fail (object != NULL, NULL);

  self = g_object_new (CK_TYPE_TIMER, NULL);
  self->id = g_strdup (ck_json_get_string (object, "mId"));
  if (self->id == NULL)
    return invalid (error, NULL, "no mId");

  if (ck_json_get_int (object, "enabled", &number))
    self->enabled = number != 0;
  else if (!ck_json_get_boolean (object, "enabled", &self->enabled))
    return invalid (error, self->id, "no enabled flag");

  if (!parse_kind (object, &self->kind))
    return invalid (error, self->id, "unknown type");

  at = ck_json_get_string (object, "at");
  switch (self->kind)
    {
    case CK_TIMER_KIND_DELAY:
      period = ck_json_get_string (object, "period");
      /* A decimal string (spec §7.1); a number is accepted too. */
      if (period != NULL ? !g_ascii_string_to_signed (period, 10, 0, G_MAXUINT, &number, NULL)
                         : !ck_json_get_int (object, "period", &number) || number < 0 || number > G_MAXUINT)
        return invalid (error, self->id, "countdown without a period");
      self->period = (guint) number;
      G_GNUC_FALLTHROUGH;
    case CK_TIMER_KIND_ONCE:
      if ((self->at = parse_iso (at)) == NULL)
        return invalid (error, self->id, "bad `at` instant");
      break;
    case CK_TIMER_KIND_REPEAT:
      if (!parse_cron (at, &self->hour, &self->minute, &self->days))
        return invalid (error, self->id, "bad repeat `at`");
      break;
    case CK_TIMER_KIND_LOOP:
    default:
      if (!parse_loop_at (self, at))
        return invalid (error, self->id, "bad loop `at`");
      break;
    }

  /* A two-action loop has startDo/endDo; everything else `do`. */
  action = ck_json_get_object (object, "do");
  if (self->kind == CK_TIMER_KIND_LOOP && ck_json_get_object (object, "startDo") != NULL)
    {
      action = ck_json_get_object (object, "startDo");
      self->end_action = copy_object (ck_json_get_object (object, "endDo"));
    }
  if (action == NULL)
    return invalid (error, self->id, "no action");
  /* Q only means something for a loop with an end action; without one it is never written. */
  if (self->end_action == NULL)
    self->interval = 0;
  self->action = copy_object (action);
  self->unknown = unknown_members_of (object);

  return g_steal_pointer (&self);
}

JsonObject *
ck_timer_to_json (CkTimer *self)
{
  JsonObject *object;
  g_autofree char *at = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  g_return_val_if_fail (CK_IS_TIMER (self), NULL);

  object = json_object_new ();
  json_object_set_int_member (object, "enabled", self->enabled ? 1 : 0);
  json_object_set_string_member (object, "mId", self->id);

  switch (self->kind)
    {
    case CK_TIMER_KIND_ONCE:
    case CK_TIMER_KIND_DELAY:
      at = format_iso (self->at);
      break;
    case CK_TIMER_KIND_REPEAT:
      at = format_cron (self->hour, self->minute, self->days);
      break;
    case CK_TIMER_KIND_LOOP:
    default:
      {
        g_autofree char *start = format_iso (self->at);

        at = self->end_action != NULL ? g_strdup_printf ("%s %u %u", start, self->period, self->interval)
                                      : g_strdup_printf ("%s %u", start, self->period);
      }
      break;
    }

  {
    static const char *const types[] = {
      [CK_TIMER_KIND_ONCE] = "once", [CK_TIMER_KIND_REPEAT] = "repeat",
      [CK_TIMER_KIND_DELAY] = "once", [CK_TIMER_KIND_LOOP] = "duration",
    };
    static const char *const app_types[] = {
      [CK_TIMER_KIND_ONCE] = "once", [CK_TIMER_KIND_REPEAT] = "repeat",
      [CK_TIMER_KIND_DELAY] = "delay", [CK_TIMER_KIND_LOOP] = "duration",
    };

    json_object_set_string_member (object, "type", types[self->kind]);
    json_object_set_string_member (object, "coolkit_timer_type", app_types[self->kind]);
  }
  json_object_set_string_member (object, "at", at);

  if (self->kind == CK_TIMER_KIND_DELAY)
    {
      g_autofree char *period = g_strdup_printf ("%u", self->period);

      json_object_set_string_member (object, "period", period);
    }

  if (self->kind == CK_TIMER_KIND_LOOP && self->end_action != NULL)
    {
      json_object_set_object_member (object, "startDo", copy_object (self->action));
      json_object_set_object_member (object, "endDo", copy_object (self->end_action));
    }
  else
    {
      json_object_set_object_member (object, "do", copy_object (self->action));
    }

  if (self->unknown != NULL)
    {
      json_object_iter_init_ordered (&iter, self->unknown);
      while (json_object_iter_next_ordered (&iter, &name, &node))
        json_object_set_member (object, name, ck_json_node_deep_copy (node));
    }

  return object;
}

/* ------------------------------------------------------------------------ */
/* Constructors from user terms                                              */

static CkTimer *
timer_new (CkTimerKind  kind,
           JsonObject  *action,
           JsonObject  *end_action)
{
  CkTimer *self = g_object_new (CK_TYPE_TIMER, NULL);

  self->id = g_uuid_string_random ();
  self->kind = kind;
  self->action = copy_object (action);
  self->end_action = copy_object (end_action);
  return self;
}

CkTimer *
ck_timer_new_once (GDateTime  *at,
                   JsonObject *action)
{
  CkTimer *self;

  g_return_val_if_fail (at != NULL && action != NULL, NULL);

  self = timer_new (CK_TIMER_KIND_ONCE, action, NULL);
  self->at = g_date_time_to_utc (at);
  return self;
}

CkTimer *
ck_timer_new_repeat (guint       hour,
                     guint       minute,
                     CkWeekdays  days,
                     JsonObject *action)
{
  CkTimer *self;

  g_return_val_if_fail (action != NULL, NULL);

  self = timer_new (CK_TIMER_KIND_REPEAT, action, NULL);
  self->hour = hour;
  self->minute = minute;
  self->days = days & CK_WEEKDAYS_ALL;
  return self;
}

CkTimer *
ck_timer_new_repeat_local (GTimeZone  *zone,
                           guint       hour,
                           guint       minute,
                           CkWeekdays  days,
                           JsonObject *action)
{
  guint utc_hour, utc_minute;
  CkWeekdays utc_days;

  g_return_val_if_fail (zone != NULL && action != NULL, NULL);

  ck_timer_local_to_utc (zone, hour, minute, days, &utc_hour, &utc_minute, &utc_days);
  return ck_timer_new_repeat (utc_hour, utc_minute, utc_days, action);
}

CkTimer *
ck_timer_new_delay (GDateTime  *now,
                    guint       minutes,
                    JsonObject *action)
{
  g_autoptr(GDateTime) at = NULL;
  CkTimer *self;

  g_return_val_if_fail (now != NULL && action != NULL, NULL);

  self = timer_new (CK_TIMER_KIND_DELAY, action, NULL);
  self->period = minutes;
  at = g_date_time_add_minutes (now, (gint) minutes);
  self->at = g_date_time_to_utc (at);
  return self;
}

CkTimer *
ck_timer_new_loop (GDateTime  *start,
                   guint       period,
                   guint       interval,
                   JsonObject *action,
                   JsonObject *end_action)
{
  CkTimer *self;

  g_return_val_if_fail (start != NULL && action != NULL, NULL);

  self = timer_new (CK_TIMER_KIND_LOOP, action, end_action);
  self->at = g_date_time_to_utc (start);
  self->period = period;
  self->interval = end_action != NULL ? interval : 0;
  return self;
}

/* ------------------------------------------------------------------------ */
/* Accessors                                                                 */

const char *
ck_timer_get_id (CkTimer *self)
{
  g_return_val_if_fail (CK_IS_TIMER (self), NULL);
  return self->id;
}

void
ck_timer_set_id (CkTimer    *self,
                 const char *id)
{
  g_return_if_fail (CK_IS_TIMER (self));
  g_return_if_fail (id != NULL);

  if (g_strcmp0 (self->id, id) == 0)
    return;

  g_free (self->id);
  self->id = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

CkTimerKind
ck_timer_get_kind (CkTimer *self)
{
  g_return_val_if_fail (CK_IS_TIMER (self), CK_TIMER_KIND_ONCE);
  return self->kind;
}

gboolean
ck_timer_get_enabled (CkTimer *self)
{
  g_return_val_if_fail (CK_IS_TIMER (self), FALSE);
  return self->enabled;
}

void
ck_timer_set_enabled (CkTimer  *self,
                      gboolean  enabled)
{
  g_return_if_fail (CK_IS_TIMER (self));

  enabled = !!enabled;
  if (self->enabled == enabled)
    return;

  self->enabled = enabled;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENABLED]);
}

GDateTime *
ck_timer_get_at (CkTimer *self)
{
  g_return_val_if_fail (CK_IS_TIMER (self), NULL);
  return self->at;
}

guint
ck_timer_get_period (CkTimer *self)
{
  g_return_val_if_fail (CK_IS_TIMER (self), 0);
  return self->period;
}

guint
ck_timer_get_interval (CkTimer *self)
{
  g_return_val_if_fail (CK_IS_TIMER (self), 0);
  return self->interval;
}

gboolean
ck_timer_get_repeat (CkTimer    *self,
                     guint      *hour,
                     guint      *minute,
                     CkWeekdays *days)
{
  g_return_val_if_fail (CK_IS_TIMER (self), FALSE);

  if (self->kind != CK_TIMER_KIND_REPEAT)
    return FALSE;

  *hour = self->hour;
  *minute = self->minute;
  *days = self->days;
  return TRUE;
}

gboolean
ck_timer_get_repeat_local (CkTimer    *self,
                           GTimeZone  *zone,
                           guint      *hour,
                           guint      *minute,
                           CkWeekdays *days)
{
  g_return_val_if_fail (CK_IS_TIMER (self), FALSE);
  g_return_val_if_fail (zone != NULL, FALSE);

  if (self->kind != CK_TIMER_KIND_REPEAT)
    return FALSE;

  ck_timer_utc_to_local (zone, self->hour, self->minute, self->days, hour, minute, days);
  return TRUE;
}

JsonObject *
ck_timer_get_action (CkTimer *self)
{
  g_return_val_if_fail (CK_IS_TIMER (self), NULL);
  return self->action;
}

JsonObject *
ck_timer_get_end_action (CkTimer *self)
{
  g_return_val_if_fail (CK_IS_TIMER (self), NULL);
  return self->end_action;
}

/* ------------------------------------------------------------------------ */
/* Validation                                                                */

static gboolean
is_lowercase_uuid (const char *id)
{
  if (id == NULL || !g_uuid_string_is_valid (id))
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}

static gboolean
refuse (GError    **error,
        const char *message)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, message);
  return FALSE;
}

static gboolean
action_is_set (JsonObject *action)
{
  return action != NULL && json_object_get_size (action) > 0;
}

gboolean
ck_timer_validate (CkTimer  *self,
                   GError  **error)
{
  g_return_val_if_fail (CK_IS_TIMER (self), FALSE);

  if (!is_lowercase_uuid (self->id))
    return refuse (error, "The timer id is not a lowercase UUID");
  if (!action_is_set (self->action))
    return refuse (error, "The timer has no action");

  switch (self->kind)
    {
    case CK_TIMER_KIND_REPEAT:
      if (self->hour > 23 || self->minute > 59)
        return refuse (error, "The time of day is out of range");
      if ((self->days & CK_WEEKDAYS_ALL) == CK_WEEKDAYS_NONE)
        return refuse (error, "A repeating timer needs at least one weekday");
      break;
    case CK_TIMER_KIND_DELAY:
      if (self->period < 1)
        return refuse (error, "A countdown lasts at least one minute");
      break;
    case CK_TIMER_KIND_LOOP:
      if (self->period < 1)
        return refuse (error, "A loop period lasts at least one minute");
      if (self->end_action != NULL && !action_is_set (self->end_action))
        return refuse (error, "The loop's second action is empty");
      if (self->end_action != NULL && (self->interval < 1 || self->interval >= self->period))
        return refuse (error, "The second action must come at least one minute after the first "
                              "and before the period ends");
      break;
    case CK_TIMER_KIND_ONCE:
    default:
      break;
    }

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Actions                                                                   */

gboolean
ck_timer_action_get_switch (JsonObject *action,
                            gint       *channel,
                            gboolean   *on)
{
  static const char *const keys[] = { "switch", "state", "fan" };
  JsonArray *switches = ck_json_get_array (action, "switches");
  gint64 outlet;

  g_return_val_if_fail (channel != NULL && on != NULL, FALSE);

  /* D19's multi-channel form: the first entry of a `switches` array. */
  if (switches != NULL && json_array_get_length (switches) > 0
      && JSON_NODE_HOLDS_OBJECT (json_array_get_element (switches, 0)))
    action = json_array_get_object_element (switches, 0);

  *channel = ck_json_get_int (action, "outlet", &outlet) ? (gint) CLAMP (outlet, 0, G_MAXINT) : -1;
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      const char *value = ck_json_get_string (action, keys[i]);

      if (value != NULL)
        {
          *on = g_str_equal (value, "on");
          return TRUE;
        }
    }
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* The whole array                                                           */

GPtrArray *
ck_timers_parse (JsonArray *timers)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; timers != NULL && i < json_array_get_length (timers); i++)
    {
      JsonNode *node = json_array_get_element (timers, i);
      g_autoptr(GError) error = NULL;
      CkTimer *timer;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      timer = ck_timer_new_from_json (json_node_get_object (node), &error);
      if (timer == NULL)
        {
          g_debug ("Timer %u left out of the list: %s", i, error->message);
          continue;
        }
      g_ptr_array_add (list, timer);
    }

  return list;
}

static const char *
entry_id (JsonNode *node)
{
  return JSON_NODE_HOLDS_OBJECT (node) ? ck_json_get_string (json_node_get_object (node), "mId") : NULL;
}

static gint
find_entry (JsonArray  *timers,
            const char *id)
{
  /* Entries without an id (malformed, carried as they are) match no id. */
  if (id == NULL)
    return -1;

  for (guint i = 0; timers != NULL && i < json_array_get_length (timers); i++)
    if (g_strcmp0 (entry_id (json_array_get_element (timers, i)), id) == 0)
      return (gint) i;
  return -1;
}

/* @node's entry in @timers: an identical one first (unchanged entries,
 * even malformed ones or ones sharing an mId, travel as they are), else the
 * one with its mId. */
static gint
find_counterpart (JsonArray *timers,
                  JsonNode  *node)
{
  for (guint i = 0; timers != NULL && i < json_array_get_length (timers); i++)
    if (json_node_equal (json_array_get_element (timers, i), node))
      return (gint) i;

  return find_entry (timers, entry_id (node));
}

/* A deep copy of @current; the entry at @skip (if ≥ 0) is left out. */
static JsonArray *
copy_timers (JsonArray *current,
             gint       skip)
{
  JsonArray *copy = json_array_new ();

  for (guint i = 0; current != NULL && i < json_array_get_length (current); i++)
    if ((gint) i != skip)
      json_array_add_element (copy, ck_json_node_deep_copy (json_array_get_element (current, i)));
  return copy;
}

static gint
find_existing (JsonArray   *current,
               const char  *id,
               GError     **error)
{
  gint index = find_entry (current, id);

  if (index < 0)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No timer has the id %s", id);
  return index;
}

JsonArray *
ck_timers_add (JsonArray  *current,
               CkTimer    *timer,
               GError    **error)
{
  JsonArray *result;

  g_return_val_if_fail (CK_IS_TIMER (timer), NULL);

  if (find_entry (current, timer->id) >= 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "A timer with the id %s exists already", timer->id);
      return NULL;
    }

  result = copy_timers (current, -1);
  json_array_add_object_element (result, ck_timer_to_json (timer));
  return result;
}

JsonArray *
ck_timers_replace (JsonArray  *current,
                   CkTimer    *timer,
                   GError    **error)
{
  JsonArray *result;
  JsonObject *entry;
  JsonObject *old;
  gint index;

  g_return_val_if_fail (CK_IS_TIMER (timer), NULL);

  if ((index = find_existing (current, timer->id, error)) < 0)
    return NULL;

  /* The new timer's members, plus what the old entry had that Relay does not
   * model (firmware additions), at the same place in the array. */
  entry = ck_timer_to_json (timer);
  old = json_array_get_object_element (current, (guint) index);
  {
    g_autoptr(JsonObject) unknown = unknown_members_of (old);
    JsonObjectIter iter;
    const char *name;
    JsonNode *node;

    json_object_iter_init_ordered (&iter, unknown);
    while (json_object_iter_next_ordered (&iter, &name, &node))
      if (!json_object_has_member (entry, name))
        json_object_set_member (entry, name, ck_json_node_deep_copy (node));
  }

  result = json_array_new ();
  for (guint i = 0; i < json_array_get_length (current); i++)
    {
      if ((gint) i == index)
        json_array_add_object_element (result, json_object_ref (entry));
      else
        json_array_add_element (result, ck_json_node_deep_copy (json_array_get_element (current, i)));
    }
  json_object_unref (entry);
  return result;
}

JsonArray *
ck_timers_remove (JsonArray   *current,
                  const char  *id,
                  GError     **error)
{
  gint index;

  g_return_val_if_fail (id != NULL, NULL);

  if ((index = find_existing (current, id, error)) < 0)
    return NULL;
  return copy_timers (current, index);
}

JsonArray *
ck_timers_set_enabled (JsonArray   *current,
                       const char  *id,
                       gboolean     enabled,
                       GError     **error)
{
  JsonArray *result;
  gint index;

  g_return_val_if_fail (id != NULL, NULL);

  if ((index = find_existing (current, id, error)) < 0)
    return NULL;

  result = copy_timers (current, -1);
  json_object_set_int_member (json_array_get_object_element (result, (guint) index), "enabled", enabled ? 1 : 0);
  return result;
}

/* A copy of @object without `enabled`, to compare everything else. */
static JsonNode *
without_enabled (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  JsonNode *copy;

  json_node_set_object (node, object);
  copy = ck_json_node_deep_copy (node);
  json_object_remove_member (json_node_get_object (copy), "enabled");
  return copy;
}

static gboolean
enabled_of (JsonObject *object)
{
  gint64 number;
  gboolean flag = FALSE;

  if (ck_json_get_int (object, "enabled", &number))
    return number != 0;
  ck_json_get_boolean (object, "enabled", &flag);
  return flag;
}

CkPermit
ck_timers_required_permit (JsonArray *old,
                           JsonArray *new_timers)
{
  CkPermit needed = CK_PERMIT_NONE;

  for (guint i = 0; new_timers != NULL && i < json_array_get_length (new_timers); i++)
    {
      JsonNode *node = json_array_get_element (new_timers, i);
      gint index = find_counterpart (old, node);
      JsonObject *before, *after;
      g_autoptr(JsonNode) before_rest = NULL;
      g_autoptr(JsonNode) after_rest = NULL;

      if (index < 0)
        {
          needed |= CK_PERMIT_ADD_TIMER;
          continue;
        }
      if (json_node_equal (json_array_get_element (old, (guint) index), node))
        continue;

      before = json_array_get_object_element (old, (guint) index);
      after = json_node_get_object (node);
      if (enabled_of (before) != enabled_of (after))
        needed |= CK_PERMIT_ENABLE_TIMER;

      before_rest = without_enabled (before);
      after_rest = without_enabled (after);
      if (!json_node_equal (before_rest, after_rest))
        needed |= CK_PERMIT_EDIT_TIMER;
    }

  for (guint i = 0; old != NULL && i < json_array_get_length (old); i++)
    if (find_counterpart (new_timers, json_array_get_element (old, i)) < 0)
      needed |= CK_PERMIT_DELETE_TIMER;

  return needed;
}

gboolean
ck_timers_check_permit (JsonArray *old,
                        JsonArray *new_timers,
                        CkPermit   permit,
                        GError   **error)
{
  static const struct { CkPermit bit; const char *what; } names[] = {
    { CK_PERMIT_ADD_TIMER, "add" }, { CK_PERMIT_EDIT_TIMER, "edit" },
    { CK_PERMIT_DELETE_TIMER, "delete" }, { CK_PERMIT_ENABLE_TIMER, "enable or disable" },
  };
  CkPermit missing = ck_permit_remove (ck_timers_required_permit (old, new_timers), permit);
  g_autoptr(GString) text = NULL;

  if (missing == CK_PERMIT_NONE)
    return TRUE;

  text = g_string_new ("The owner has not allowed you to ");
  for (guint i = 0, n = 0; i < G_N_ELEMENTS (names); i++)
    if (missing & names[i].bit)
      g_string_append_printf (text, "%s%s", n++ > 0 ? ", " : "", names[i].what);
  g_string_append (text, " timers");

  g_set_error_literal (error, CK_ERROR, CK_ERROR_NOT_PERMITTED, text->str);
  return FALSE;
}
