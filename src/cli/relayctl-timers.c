/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "relayctl"

/* timers DEVICE [list | add | edit | rm | enable | disable]: a device's
 * timers (spec §7) in local time. Times are read and shown in the system's
 * time zone (TZ honoured); CkTimer turns them into the UTC forms the device
 * stores, shifting repeat weekdays across midnight. Every change goes
 * through CkClient, which resubmits the whole array and checks a sharee's
 * permit bits before anything is sent. */

#include <string.h>

#include "relayctl-common.h"

/* ---- Words ------------------------------------------------------------- */

static const char *const kind_names[] = {
  [CK_TIMER_KIND_ONCE] = "once",
  [CK_TIMER_KIND_REPEAT] = "repeat",
  [CK_TIMER_KIND_DELAY] = "countdown",
  [CK_TIMER_KIND_LOOP] = "loop",
};

/* Cron order: Sunday = 0. */
static const char *const day_names[] = { "sun", "mon", "tue", "wed", "thu", "fri", "sat" };
static const char *const day_full_names[] = {
  "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
};

static gint
parse_day (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (day_names); i++)
    if (g_ascii_strcasecmp (text, day_names[i]) == 0 || g_ascii_strcasecmp (text, day_full_names[i]) == 0)
      return (gint) i;

  return -1;
}

/* "mon,tue,wed", "mon-fri", "sat,sun", "daily", "weekdays", "weekends". */
static gboolean
parse_days (const char *text,
            CkWeekdays *days)
{
  g_auto(GStrv) items = NULL;

  *days = CK_WEEKDAYS_NONE;

  if (g_ascii_strcasecmp (text, "daily") == 0 || g_str_equal (text, "*"))
    {
      *days = CK_WEEKDAYS_ALL;
      return TRUE;
    }
  if (g_ascii_strcasecmp (text, "weekdays") == 0)
    text = "mon-fri";
  else if (g_ascii_strcasecmp (text, "weekends") == 0)
    text = "sat,sun";
  items = g_strsplit (text, ",", -1);

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_auto(GStrv) range = g_strsplit (items[i], "-", 2);
      gint first = parse_day (range[0]);
      gint last = range[1] != NULL ? parse_day (range[1]) : first;

      if (first < 0 || last < 0)
        return FALSE;
      /* "fri-mon" wraps over the weekend. */
      for (gint day = first; ; day = (day + 1) % 7)
        {
          *days |= (CkWeekdays) (1 << day);
          if (day == last)
            break;
        }
    }

  return *days != CK_WEEKDAYS_NONE;
}

/* "mon,tue,wed" (Monday first), or "every day". */
static char *
format_days (CkWeekdays days)
{
  GString *text;

  if ((days & CK_WEEKDAYS_ALL) == CK_WEEKDAYS_ALL)
    return g_strdup ("every day");

  text = g_string_new (NULL);
  for (guint i = 1; i <= 7; i++)
    if (days & (1 << (i % 7)))
      g_string_append_printf (text, "%s%s", text->len > 0 ? "," : "", day_names[i % 7]);

  return g_string_free (text, FALSE);
}

/* "HH:MM", 00:00 to 23:59. */
static gboolean
parse_clock (const char *text,
             guint      *hour,
             guint      *minute)
{
  g_auto(GStrv) parts = g_strsplit (text, ":", -1);
  guint64 h, m;

  if (g_strv_length (parts) != 2
      || !g_ascii_string_to_unsigned (parts[0], 10, 0, 23, &h, NULL)
      || !g_ascii_string_to_unsigned (parts[1], 10, 0, 59, &m, NULL)
      || strlen (parts[1]) != 2)
    return FALSE;

  *hour = (guint) h;
  *minute = (guint) m;

  return TRUE;
}

/* "30", "30m" or "2h": minutes, at least one. */
static gboolean
parse_minutes (const char *text,
               guint      *minutes)
{
  g_autofree char *number = g_strdup (text);
  gsize length = strlen (number);
  guint64 factor = 1;
  guint64 value;

  if (length > 1 && (number[length - 1] == 'm' || number[length - 1] == 'h'))
    {
      factor = number[length - 1] == 'h' ? 60 : 1;
      number[length - 1] = '\0';
    }

  if (!g_ascii_string_to_unsigned (number, 10, 1, G_MAXINT32 / 60, &value, NULL))
    return FALSE;

  *minutes = (guint) (value * factor);

  return TRUE;
}

/* "2026-12-24T18:00" or "2026-12-24 18:00[:SS]" in the local time zone,
 * or with its own offset ("…Z", "…+08:00"). */
static GDateTime *
parse_date_time (const char *text)
{
  g_autoptr(GRegex) pattern = g_regex_new ("^(\\d{4}-\\d{2}-\\d{2})[Tt ](\\d{2}:\\d{2})(:\\d{2}(\\.\\d+)?)?(.*)$",
                                           0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  g_autofree char *seconds = NULL;
  g_autofree char *zone = NULL;
  g_autofree char *iso = NULL;

  if (!g_regex_match (pattern, text, 0, &match))
    return NULL;

  date = g_match_info_fetch (match, 1);
  time = g_match_info_fetch (match, 2);
  seconds = g_match_info_fetch (match, 3);
  zone = g_match_info_fetch (match, 5);
  /* GLib's ISO 8601 parser wants the seconds. */
  iso = g_strdup_printf ("%sT%s%s%s", date, time, seconds != NULL && *seconds != '\0' ? seconds : ":00",
                         zone != NULL ? zone : "");

  return g_date_time_new_from_iso8601 (iso, local);
}

static char *
format_local (GDateTime *at)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (at);

  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static char *
format_local_iso (GDateTime *at)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (at);

  return g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z");
}

/* ---- Showing timers ---------------------------------------------------- */

/* "on", "off", "channel 2 (Filter) on", or the action's JSON when it is not an on/off. */
static char *
describe_action (CkDevice   *device,
                 JsonObject *action)
{
  gint channel;
  gboolean on;

  if (action == NULL)
    return g_strdup ("-");

  if (!ck_timer_action_get_switch (action, &channel, &on))
    {
      g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), action);

      return json_to_string (node, FALSE);
    }

  if (channel >= 0 && ck_device_get_n_channels (device) > 1)
    {
      g_autofree char *which = relayctl_describe_channel (device, (guint) channel);

      return g_strdup_printf ("%s %s", which, on ? "on" : "off");
    }

  return g_strdup (on ? "on" : "off");
}

static char *
describe_actions (CkDevice *device,
                  CkTimer  *timer)
{
  g_autofree char *first = describe_action (device, ck_timer_get_action (timer));
  g_autofree char *end = NULL;

  if (ck_timer_get_end_action (timer) == NULL)
    return g_steal_pointer (&first);

  end = describe_action (device, ck_timer_get_end_action (timer));

  return g_strdup_printf ("%s, then %s", first, end);
}

/* When it fires, in local time. */
static char *
describe_when (CkTimer *timer)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  GDateTime *at = ck_timer_get_at (timer);
  g_autofree char *local = at != NULL ? format_local (at) : NULL;

  switch (ck_timer_get_kind (timer))
    {
    case CK_TIMER_KIND_REPEAT:
      {
        guint hour = 0, minute = 0;
        CkWeekdays days = CK_WEEKDAYS_NONE;
        g_autofree char *day_text = NULL;

        ck_timer_get_repeat_local (timer, zone, &hour, &minute, &days);
        day_text = format_days (days);

        return g_strdup_printf ("%02u:%02u %s", hour, minute, day_text);
      }

    case CK_TIMER_KIND_DELAY:
      return g_strdup_printf ("%u min, at %s", ck_timer_get_period (timer), local != NULL ? local : "?");

    case CK_TIMER_KIND_LOOP:
      if (ck_timer_get_interval (timer) > 0)
        return g_strdup_printf ("every %u min from %s, end after %u min", ck_timer_get_period (timer),
                                local != NULL ? local : "?", ck_timer_get_interval (timer));
      return g_strdup_printf ("every %u min from %s", ck_timer_get_period (timer),
                              local != NULL ? local : "?");

    case CK_TIMER_KIND_ONCE:
    default:
      return g_strdup (local != NULL ? local : "?");
    }
}

/* "action": "on", "channel": 2 (1-based, null for the whole device, as
 * describe_action() words it), "do": {…}. */
static void
add_action_members (JsonBuilder *builder,
                    CkDevice    *device,
                    const char  *prefix,
                    JsonObject  *action)
{
  g_autofree char *action_name = g_strconcat (prefix, "action", NULL);
  g_autofree char *channel_name = g_strconcat (prefix, "channel", NULL);
  g_autofree char *do_name = g_strconcat (prefix, "do", NULL);
  gint channel = -1;
  gboolean on = FALSE;
  gboolean known = action != NULL && ck_timer_action_get_switch (action, &channel, &on);

  relayctl_json_add_string (builder, action_name, known ? (on ? "on" : "off") : NULL);
  json_builder_set_member_name (builder, channel_name);
  if (known && channel >= 0 && ck_device_get_n_channels (device) > 1)
    json_builder_add_int_value (builder, channel + 1);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, do_name);
  if (action != NULL)
    json_builder_add_value (builder, json_node_init_object (json_node_alloc (), action));
  else
    json_builder_add_null_value (builder);
}

static void
build_timer_json (JsonBuilder *builder,
                  CkDevice    *device,
                  CkTimer     *timer)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  g_autofree char *when = describe_when (timer);
  GDateTime *at = ck_timer_get_at (timer);
  CkTimerKind kind = ck_timer_get_kind (timer);

  json_builder_begin_object (builder);
  relayctl_json_add_string (builder, "id", ck_timer_get_id (timer));
  relayctl_json_add_string (builder, "kind", kind_names[kind]);
  json_builder_set_member_name (builder, "enabled");
  json_builder_add_boolean_value (builder, ck_timer_get_enabled (timer));
  relayctl_json_add_string (builder, "when", when);

  json_builder_set_member_name (builder, "at");
  if (at != NULL)
    {
      g_autofree char *iso = format_local_iso (at);

      json_builder_add_string_value (builder, iso);
    }
  else
    {
      json_builder_add_null_value (builder);
    }

  if (kind == CK_TIMER_KIND_REPEAT)
    {
      guint hour = 0, minute = 0;
      CkWeekdays days = CK_WEEKDAYS_NONE;
      g_autofree char *time = NULL;

      ck_timer_get_repeat_local (timer, zone, &hour, &minute, &days);
      time = g_strdup_printf ("%02u:%02u", hour, minute);
      relayctl_json_add_string (builder, "time", time);
      json_builder_set_member_name (builder, "days");
      json_builder_begin_array (builder);
      for (guint i = 1; i <= 7; i++)
        if (days & (1 << (i % 7)))
          json_builder_add_string_value (builder, day_names[i % 7]);
      json_builder_end_array (builder);
    }

  if (kind == CK_TIMER_KIND_DELAY || kind == CK_TIMER_KIND_LOOP)
    {
      json_builder_set_member_name (builder, kind == CK_TIMER_KIND_DELAY ? "minutes" : "every");
      json_builder_add_int_value (builder, ck_timer_get_period (timer));
    }
  if (kind == CK_TIMER_KIND_LOOP)
    {
      json_builder_set_member_name (builder, "for");
      if (ck_timer_get_interval (timer) > 0)
        json_builder_add_int_value (builder, ck_timer_get_interval (timer));
      else
        json_builder_add_null_value (builder);
    }

  add_action_members (builder, device, "", ck_timer_get_action (timer));
  if (ck_timer_get_end_action (timer) != NULL)
    add_action_members (builder, device, "end_", ck_timer_get_end_action (timer));
  json_builder_end_object (builder);
}

/* One timer of a change: {"id", "name", "timer": {…}} or one line. */
static int
report_timer (RelayctlContext *ctx,
              CkDevice        *device,
              CkTimer         *timer,
              const char      *verb)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *when = describe_when (timer);
  g_autofree char *actions = describe_actions (device, timer);

  json_builder_begin_object (builder);
  relayctl_json_add_device (builder, device);
  json_builder_set_member_name (builder, "timer");
  build_timer_json (builder, device, timer);
  json_builder_end_object (builder);

  return relayctl_print_result (ctx, builder, "%s timer %s of %s: %s %s, %s%s.", verb, ck_timer_get_id (timer),
                                ck_device_get_name (device), kind_names[ck_timer_get_kind (timer)], when,
                                actions, ck_timer_get_enabled (timer) ? "" : " (disabled)");
}

enum { COLUMN_ID, COLUMN_KIND, COLUMN_WHEN, COLUMN_ACTION, COLUMN_ENABLED, N_COLUMNS };

static int
run_list (RelayctlContext        *ctx,
          const RelayctlCommand  *command,
          int                     argc,
          char                  **argv)
{
  static const char *const headings[N_COLUMNS + 1] = { "ID", "KIND", "WHEN", "ACTION", "ENABLED", NULL };
  g_autoptr(CkDevice) device = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *timers;
  guint n_timers;

  if (!relayctl_parse_command (ctx, command, NULL, 1, 1, &argc, &argv))
    return RELAYCTL_EXIT_USAGE;

  if (!(device = relayctl_context_fetch_device (ctx, argv[1], &error)))
    return relayctl_fail (ctx, error, NULL);

  timers = ck_device_get_timers (device);
  n_timers = g_list_model_get_n_items (timers);

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      relayctl_json_add_device (builder, device);
      json_builder_set_member_name (builder, "timers");
      json_builder_begin_array (builder);
      for (guint i = 0; i < n_timers; i++)
        {
          g_autoptr(CkTimer) timer = g_list_model_get_item (timers, i);

          build_timer_json (builder, device, timer);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      relayctl_print_built_json (builder);
    }
  else if (n_timers == 0)
    {
      g_print ("%s has no timers.\n", ck_device_get_name (device));
    }
  else
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

      for (guint i = 0; i < n_timers; i++)
        {
          g_autoptr(CkTimer) timer = g_list_model_get_item (timers, i);
          char **row = g_new0 (char *, N_COLUMNS + 1);

          row[COLUMN_ID] = g_strdup (ck_timer_get_id (timer));
          row[COLUMN_KIND] = g_strdup (kind_names[ck_timer_get_kind (timer)]);
          row[COLUMN_WHEN] = describe_when (timer);
          row[COLUMN_ACTION] = describe_actions (device, timer);
          row[COLUMN_ENABLED] = g_strdup (ck_timer_get_enabled (timer) ? "yes" : "no");
          g_ptr_array_add (rows, row);
        }
      relayctl_print_table (headings, rows);
    }

  return RELAYCTL_EXIT_OK;
}

/* ---- The grammar of add and edit --------------------------------------- */

typedef struct
{
  gint   channel_number; /* --channel, 1-based; 0: not given */
  char  *start;          /* --start */
  char  *every;          /* --every */
  char  *length;         /* --for */
} TimerOptions;

static void
timer_options_clear (TimerOptions *options)
{
  g_free (options->start);
  g_free (options->every);
  g_free (options->length);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TimerOptions, timer_options_clear)

/* The options of add and edit, bound to a TimerOptions (NULL: to nothing). */
#define TIMER_OPTION_ENTRIES(options) \
  RELAYCTL_CHANNEL_ENTRY ((options) != NULL ? &(options)->channel_number : NULL), \
  { "start", 0, 0, G_OPTION_ARG_STRING, (options) != NULL ? &(options)->start : NULL, \
    "Loop timers: the first start, local time (default now)", "DATE-TIME" }, \
  { "every", 0, 0, G_OPTION_ARG_STRING, (options) != NULL ? &(options)->every : NULL, \
    "Loop timers: the period in minutes (60, 60m or 1h)", "MINUTES" }, \
  { "for", 0, 0, G_OPTION_ARG_STRING, (options) != NULL ? &(options)->length : NULL, \
    "Loop timers: END-ACTION this many minutes after each start", "MINUTES" }, \
  G_OPTION_ENTRY_NULL

/* What the command line asks for, before the device is known. */
typedef struct
{
  CkTimerKind  kind;
  GDateTime   *at;        /* once; loop start */
  guint        hour;      /* repeat, local */
  guint        minute;
  CkWeekdays   days;
  guint        minutes;   /* countdown; loop period */
  guint        interval;  /* loop: the end action this long after each start */
  gboolean     on;
  gboolean     has_end;
  gboolean     end_on;
} TimerSpec;

static void
timer_spec_clear (TimerSpec *spec)
{
  g_clear_pointer (&spec->at, g_date_time_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TimerSpec, timer_spec_clear)

#define TIMER_GRAMMAR \
  "KIND is one of:\n" \
  "  once DATE-TIME ACTION          e.g. once 2026-12-24T18:00 on\n" \
  "  repeat HH:MM [DAYS] ACTION     e.g. repeat 07:30 mon,tue,wed on\n" \
  "                                 (DAYS: mon,tue,… mon-fri weekdays weekends\n" \
  "                                 daily; every day when left out)\n" \
  "  countdown MINUTES ACTION       e.g. countdown 30m off (30, 30m or 2h)\n" \
  "  loop ACTION [END-ACTION] --every MINUTES [--for MINUTES] [--start DATE-TIME]\n" \
  "                                 every MINUTES from the start (default now),\n" \
  "                                 END-ACTION --for MINUTES after each start\n" \
  "ACTION is on or off, of the whole device or of --channel N.\n" \
  "Times are local (the system's time zone, TZ honoured)."

static gboolean
parse_action (const char *text,
              gboolean   *on)
{
  if (g_ascii_strcasecmp (text, "on") == 0)
    *on = TRUE;
  else if (g_ascii_strcasecmp (text, "off") == 0)
    *on = FALSE;
  else
    {
      relayctl_usage_error ("a timer's action is on or off, not “%s”", text);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_arguments (const char *kind,
                 int         n_args,
                 int         min,
                 int         max,
                 const char *usage)
{
  if (n_args >= min && n_args <= max)
    return TRUE;

  relayctl_usage_error ("usage: … %s %s (see relayctl timers DEVICE add --help)", kind, usage);
  return FALSE;
}

/* @args: KIND and what follows it. A usage error (printed) and FALSE on misuse. */
static gboolean
parse_timer_spec (const TimerOptions  *options,
                  char               **args,
                  int                  n_args,
                  TimerSpec           *spec)
{
  const char *kind = args[0];
  gboolean is_loop = g_str_equal (kind, "loop");

  if (!is_loop && (options->start != NULL || options->every != NULL || options->length != NULL))
    {
      relayctl_usage_error ("--start, --every and --for belong to loop timers");
      return FALSE;
    }

  if (g_str_equal (kind, "once"))
    {
      spec->kind = CK_TIMER_KIND_ONCE;
      if (!check_arguments (kind, n_args - 1, 2, 2, "DATE-TIME ACTION"))
        return FALSE;
      if (!(spec->at = parse_date_time (args[1])))
        {
          relayctl_usage_error ("a date and time looks like 2026-12-24T18:00, not “%s”", args[1]);
          return FALSE;
        }
      return parse_action (args[2], &spec->on);
    }

  if (g_str_equal (kind, "repeat"))
    {
      spec->kind = CK_TIMER_KIND_REPEAT;
      spec->days = CK_WEEKDAYS_ALL;
      if (!check_arguments (kind, n_args - 1, 2, 3, "HH:MM [DAYS] ACTION"))
        return FALSE;
      if (!parse_clock (args[1], &spec->hour, &spec->minute))
        {
          relayctl_usage_error ("a time of day looks like 07:30 (00:00 to 23:59), not “%s”", args[1]);
          return FALSE;
        }
      if (n_args == 4 && !parse_days (args[2], &spec->days))
        {
          relayctl_usage_error ("DAYS looks like mon,tue,wed or mon-fri (or weekdays, weekends, daily), "
                                "not “%s”", args[2]);
          return FALSE;
        }
      return parse_action (args[n_args - 1], &spec->on);
    }

  if (g_str_equal (kind, "countdown"))
    {
      spec->kind = CK_TIMER_KIND_DELAY;
      if (!check_arguments (kind, n_args - 1, 2, 2, "MINUTES ACTION"))
        return FALSE;
      if (!parse_minutes (args[1], &spec->minutes))
        {
          relayctl_usage_error ("a countdown is minutes such as 30, 30m or 2h, not “%s”", args[1]);
          return FALSE;
        }
      return parse_action (args[2], &spec->on);
    }

  if (is_loop)
    {
      spec->kind = CK_TIMER_KIND_LOOP;
      if (!check_arguments (kind, n_args - 1, 1, 2, "ACTION [END-ACTION] --every MINUTES [--for MINUTES]"))
        return FALSE;
      if (options->every == NULL || !parse_minutes (options->every, &spec->minutes))
        {
          relayctl_usage_error ("a loop timer needs --every MINUTES (such as 60 or 1h)");
          return FALSE;
        }
      spec->has_end = n_args == 3;
      if (spec->has_end != (options->length != NULL))
        {
          relayctl_usage_error ("a loop timer takes an END-ACTION together with --for MINUTES");
          return FALSE;
        }
      if (options->length != NULL && !parse_minutes (options->length, &spec->interval))
        {
          relayctl_usage_error ("--for wants minutes such as 30, not “%s”", options->length);
          return FALSE;
        }
      if (options->start != NULL && !(spec->at = parse_date_time (options->start)))
        {
          relayctl_usage_error ("--start looks like 2026-12-24T18:00, not “%s”", options->start);
          return FALSE;
        }
      if (spec->at == NULL)
        spec->at = g_date_time_new_now_utc ();
      if (!parse_action (args[1], &spec->on))
        return FALSE;
      return !spec->has_end || parse_action (args[2], &spec->end_on);
    }

  relayctl_usage_error ("unknown timer kind “%s”: once, repeat, countdown or loop", kind);
  return FALSE;
}

/* The timer @spec describes, with actions in @device's own keys for
 * @channel (0-based, -1: the whole device). (transfer full) */
static CkTimer *
build_timer (CkDevice         *device,
             const TimerSpec  *spec,
             gint              channel,
             GError          **error)
{
  const CkFamily *family = ck_device_get_family (device);
  g_autoptr(JsonObject) action = NULL;
  g_autoptr(JsonObject) end_action = NULL;

  if (!(action = ck_family_encode_timer_action (family, channel, spec->on, error)))
    return NULL;
  if (spec->has_end && !(end_action = ck_family_encode_timer_action (family, channel, spec->end_on, error)))
    return NULL;

  switch (spec->kind)
    {
    case CK_TIMER_KIND_ONCE:
      return ck_timer_new_once (spec->at, action);

    case CK_TIMER_KIND_REPEAT:
      {
        g_autoptr(GTimeZone) zone = g_time_zone_new_local ();

        return ck_timer_new_repeat_local (zone, spec->hour, spec->minute, spec->days, action);
      }

    case CK_TIMER_KIND_DELAY:
      {
        g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

        return ck_timer_new_delay (now, spec->minutes, action);
      }

    case CK_TIMER_KIND_LOOP:
    default:
      return ck_timer_new_loop (spec->at, spec->minutes, spec->interval, action, end_action);
    }
}

/* The timer of @device whose id is @text or starts with it. (transfer none) */
static CkTimer *
find_timer (CkDevice    *device,
            const char  *text,
            GError     **error)
{
  GListModel *timers = ck_device_get_timers (device);
  guint n_timers = g_list_model_get_n_items (timers);
  CkTimer *found = NULL;
  guint n_found = 0;

  for (guint i = 0; i < n_timers; i++)
    {
      g_autoptr(CkTimer) timer = g_list_model_get_item (timers, i);

      if (g_str_equal (ck_timer_get_id (timer), text))
        return timer;
      if (*text != '\0' && g_str_has_prefix (ck_timer_get_id (timer), text))
        {
          found = timer;
          n_found++;
        }
    }

  if (n_found == 1)
    return found;

  if (n_found > 1)
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                 "“%s” starts the ids of %u timers of %s: give more of it", text, n_found,
                 ck_device_get_name (device));
  else
    g_set_error (error, CK_ERROR, CK_ERROR_NOT_FOUND,
                 "%s has no timer “%s” (see relayctl timers “%s”)", ck_device_get_name (device), text,
                 ck_device_get_name (device));

  return NULL;
}

/* ---- add and edit ------------------------------------------------------ */

/* add: argv [name, DEVICE, KIND, …]; edit (the command's data TRUE):
 * [name, DEVICE, ID, KIND, …]. */
static int
run_add_or_edit (RelayctlContext        *ctx,
                 const RelayctlCommand  *command,
                 int                     argc,
                 char                  **argv)
{
  gboolean edit = GPOINTER_TO_INT (command->data);
  g_auto(TimerOptions) options = { 0 };
  TimerOptions *bound = &options;
  const GOptionEntry entries[] = { TIMER_OPTION_ENTRIES (bound) };
  g_auto(TimerSpec) spec = { 0 };
  g_autoptr(GAsyncResult) done = NULL;
  g_autoptr(CkClient) client = NULL;
  g_autoptr(CkTimer) timer = NULL;
  g_autoptr(GError) error = NULL;
  int first = edit ? 3 : 2;
  CkDevice *device;
  gint channel;

  if (!relayctl_parse_command (ctx, command, entries, first, -1, &argc, &argv))
    return RELAYCTL_EXIT_USAGE;
  if (options.channel_number < 0)
    return relayctl_usage_error ("--channel wants 1 or more, not %d", options.channel_number);
  if (!parse_timer_spec (&options, argv + first, argc - first, &spec))
    return RELAYCTL_EXIT_USAGE;

  if (!(client = relayctl_context_connect (ctx, &error)))
    return relayctl_fail (ctx, error, NULL);
  if (!(device = relayctl_find_device (client, argv[1], &error)))
    return relayctl_fail (ctx, error, NULL);
  if (!relayctl_resolve_channel (device, options.channel_number, &channel))
    return RELAYCTL_EXIT_USAGE;

  if (!(timer = build_timer (device, &spec, channel, &error)))
    {
      guint n_channels = ck_device_get_n_channels (device);

      /* The family wants one channel per timer (spec §7.3): say how to name it. */
      if (channel < 0 && n_channels > 1 && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT))
        {
          g_autofree char *phrase = g_strdup_printf ("%s has %u channels and a timer acts on one of them: "
                                                     "choose it with --channel N (1 to %u)",
                                                     ck_device_get_name (device), n_channels, n_channels);

          return relayctl_fail_with (ctx, error, phrase);
        }
      return relayctl_fail (ctx, error, device);
    }

  if (edit)
    {
      CkTimer *old = find_timer (device, argv[2], &error);

      if (old == NULL)
        return relayctl_fail (ctx, error, NULL);
      /* The same timer, changed: its id, and enabled as it was. */
      ck_timer_set_id (timer, ck_timer_get_id (old));
      ck_timer_set_enabled (timer, ck_timer_get_enabled (old));
      ck_client_edit_timer_async (client, device, timer, ctx->cancellable, relayctl_async_done, &done);
    }
  else
    {
      ck_client_add_timer_async (client, device, timer, ctx->cancellable, relayctl_async_done, &done);
    }

  relayctl_wait (ctx, &done);
  if (!ck_client_timer_finish (client, done, &error))
    return relayctl_fail (ctx, error, device);

  return report_timer (ctx, device, timer, edit ? "Changed" : "Added");
}

/* ---- rm, enable, disable ----------------------------------------------- */

typedef enum
{
  CHANGE_REMOVE,
  CHANGE_ENABLE,
  CHANGE_DISABLE,
} TimerChange;

/* argv [name, DEVICE, ID]; the command's data is the TimerChange. */
static int
run_change (RelayctlContext        *ctx,
            const RelayctlCommand  *command,
            int                     argc,
            char                  **argv)
{
  TimerChange change = GPOINTER_TO_INT (command->data);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GAsyncResult) done = NULL;
  g_autoptr(CkClient) client = NULL;
  g_autoptr(CkTimer) timer = NULL;
  g_autoptr(GError) error = NULL;
  CkDevice *device;
  CkTimer *found;

  if (!relayctl_parse_command (ctx, command, NULL, 2, 2, &argc, &argv))
    return RELAYCTL_EXIT_USAGE;

  if (!(client = relayctl_context_connect (ctx, &error)))
    return relayctl_fail (ctx, error, NULL);
  if (!(device = relayctl_find_device (client, argv[1], &error)))
    return relayctl_fail (ctx, error, NULL);
  if (!(found = find_timer (device, argv[2], &error)))
    return relayctl_fail (ctx, error, NULL);
  /* The device's model is rebuilt when the change is confirmed. */
  timer = g_object_ref (found);

  if (change == CHANGE_REMOVE)
    ck_client_remove_timer_async (client, device, ck_timer_get_id (timer), ctx->cancellable,
                                  relayctl_async_done, &done);
  else
    ck_client_enable_timer_async (client, device, ck_timer_get_id (timer), change == CHANGE_ENABLE,
                                  ctx->cancellable, relayctl_async_done, &done);
  relayctl_wait (ctx, &done);
  if (!ck_client_timer_finish (client, done, &error))
    return relayctl_fail (ctx, error, device);

  if (change != CHANGE_REMOVE)
    {
      ck_timer_set_enabled (timer, change == CHANGE_ENABLE);
      return report_timer (ctx, device, timer, change == CHANGE_ENABLE ? "Enabled" : "Disabled");
    }

  json_builder_begin_object (builder);
  relayctl_json_add_device (builder, device);
  relayctl_json_add_string (builder, "removed", ck_timer_get_id (timer));
  json_builder_end_object (builder);

  return relayctl_print_result (ctx, builder, "Removed timer %s of %s.", ck_timer_get_id (timer),
                                ck_device_get_name (device));
}

static const RelayctlCommand timer_subcommands[] = {
  { "list", NULL, "List the timers: id, kind, when (local time), action, enabled.", run_list },
  { "add", "KIND …",
    "Add a timer.\n" TIMER_GRAMMAR "\n"
    "A device's refusal (e.g. too many timers) is shown as it is (exit status 1);\n"
    "on a shared device, what the owner's share does not allow is refused\n"
    "before anything is sent (exit status 7).",
    run_add_or_edit, GINT_TO_POINTER (FALSE) },
  { "edit", "ID KIND …",
    "Replace timer ID (or a unique start of it) with a new one.\n"
    "Same grammar as add; the timer keeps its id and its enabled state.\n" TIMER_GRAMMAR,
    run_add_or_edit, GINT_TO_POINTER (TRUE) },
  { "rm", "ID", "Remove timer ID (or a unique start of it).", run_change, GINT_TO_POINTER (CHANGE_REMOVE) },
  { "enable", "ID", "Enable timer ID (or a unique start of it).", run_change, GINT_TO_POINTER (CHANGE_ENABLE) },
  { "disable", "ID", "Disable timer ID (or a unique start of it).", run_change,
    GINT_TO_POINTER (CHANGE_DISABLE) },
  { NULL }
};

static const GOptionEntry timer_options[] = { TIMER_OPTION_ENTRIES ((TimerOptions *) NULL) };

static const RelayctlCommandGroup timers_group = { timer_subcommands, "list", timer_options, TRUE };

const RelayctlCommand relayctl_timers_commands[] = {
  { "timers", "DEVICE [SUBCOMMAND]",
    "List, add, edit, remove, enable or disable the timers of DEVICE.\n"
    "Times are in local time (the system's time zone; TZ is honoured). Each\n"
    "change resubmits the device's whole timer list.",
    relayctl_run_command_group, &timers_group },
  { NULL }
};
