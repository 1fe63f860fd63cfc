/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "cksim-timers"

#include "cksim-timers.h"
#include "cksim-json.h"
#include "cksim-reason.h"

#include <stdlib.h>
#include <string.h>

/* xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx, lowercase hex. */
static gboolean
is_uuid (const char *s)
{
  if (s == NULL || strlen (s) != 36)
    return FALSE;
  for (guint i = 0; i < 36; i++)
    {
      if (i == 8 || i == 13 || i == 18 || i == 23)
        {
          if (s[i] != '-')
            return FALSE;
        }
      else if (!g_ascii_isxdigit (s[i]) || g_ascii_isupper (s[i]))
        return FALSE;
    }
  return TRUE;
}

/* ISO-8601 in UTC ("…Z"), e.g. "2020-10-15T07:05:00.279Z". */
static gboolean
is_iso_utc (const char *s)
{
  g_autoptr(GDateTime) dt = NULL;

  if (s == NULL || !g_str_has_suffix (s, "Z"))
    return FALSE;
  dt = g_date_time_new_from_iso8601 (s, NULL);
  return dt != NULL;
}

static gboolean
parse_uint (const char *s,
            guint64     max,
            guint64    *value)
{
  return s != NULL && *s != '\0' && g_ascii_string_to_unsigned (s, 10, 0, max, value, NULL);
}

/* "<minute> <hour> * * <days>": days "*" or a comma list of 0-6, each once. */
static gboolean
is_cron (const char *s)
{
  g_auto(GStrv) fields = s != NULL ? g_strsplit (s, " ", -1) : NULL;
  g_auto(GStrv) days = NULL;
  guint64 n;
  guint seen = 0;

  if (fields == NULL || g_strv_length (fields) != 5
      || !parse_uint (fields[0], 59, &n) || !parse_uint (fields[1], 23, &n)
      || !g_str_equal (fields[2], "*") || !g_str_equal (fields[3], "*"))
    return FALSE;
  if (g_str_equal (fields[4], "*"))
    return TRUE;
  days = g_strsplit (fields[4], ",", -1);
  for (guint i = 0; days[i] != NULL; i++)
    {
      if (!parse_uint (days[i], 6, &n) || (seen & (1u << n)) != 0)
        return FALSE;
      seen |= 1u << n;
    }
  return seen != 0;
}

/* "<ISO start> P" (one action) or "<ISO start> P Q" with 1 <= Q < P. */
static gboolean
is_loop (const char *s,
         gboolean   *two_actions)
{
  g_auto(GStrv) fields = s != NULL ? g_strsplit (s, " ", -1) : NULL;
  guint64 p, q;
  guint n = fields != NULL ? g_strv_length (fields) : 0;

  if ((n != 2 && n != 3) || !is_iso_utc (fields[0]) || !parse_uint (fields[1], G_MAXINT32, &p) || p < 1)
    return FALSE;
  *two_actions = n == 3;
  return n == 2 || (parse_uint (fields[2], G_MAXINT32, &q) && q >= 1 && q < p);
}

/* An action: an object of params; with @outlet0_only it may name outlet 0
 * only, in either form of spec §7.3. */
static gboolean
check_action (JsonObject  *timer,
              const char  *name,
              gboolean     outlet0_only,
              char       **reason)
{
  JsonObject *action = cksim_json_get_object (timer, name);
  JsonArray *switches;

  if (action == NULL || json_object_get_size (action) == 0)
    return cksim_reject (reason, "timer needs a \"%s\" object", name);
  if (!outlet0_only)
    return TRUE;
  if (json_object_has_member (action, "outlet")
      && json_object_get_int_member_with_default (action, "outlet", -1) != 0)
    return cksim_reject (reason, "timers may switch outlet 0 only");
  switches = cksim_json_get_array (action, "switches");
  for (guint i = 0; switches != NULL && i < json_array_get_length (switches); i++)
    {
      JsonNode *item = json_array_get_element (switches, i);

      if (!JSON_NODE_HOLDS_OBJECT (item)
          || json_object_get_int_member_with_default (json_node_get_object (item), "outlet", -1) != 0)
        return cksim_reject (reason, "timers may switch outlet 0 only");
    }
  return TRUE;
}

static gboolean
check_timer (JsonObject  *timer,
             gboolean     outlet0_only,
             char       **reason)
{
  const char *type = cksim_json_get_string (timer, "type");
  const char *kind = cksim_json_get_string (timer, "coolkit_timer_type");
  const char *at = cksim_json_get_string (timer, "at");
  JsonNode *enabled = json_object_get_member (timer, "enabled");
  gboolean two_actions = FALSE;
  guint64 minutes;

  if (!cksim_json_is_integer (enabled) || (json_node_get_int (enabled) != 0 && json_node_get_int (enabled) != 1))
    return cksim_reject (reason, "timer \"enabled\" must be 0 or 1");
  if (type == NULL || kind == NULL)
    return cksim_reject (reason, "timer needs \"type\" and \"coolkit_timer_type\"");
  /* once->once, repeat->repeat, duration->duration, delay->once (spec §7.1). */
  if (!(g_str_equal (kind, type) && (g_str_equal (type, "once") || g_str_equal (type, "repeat")
                                     || g_str_equal (type, "duration")))
      && !(g_str_equal (kind, "delay") && g_str_equal (type, "once")))
    return cksim_reject (reason, "timer type \"%s\" does not match \"%s\"", type, kind);

  if (g_str_equal (kind, "repeat"))
    {
      if (!is_cron (at))
        return cksim_reject (reason, "repeat timer \"at\" must be \"M H * * DAYS\" in UTC");
    }
  else if (g_str_equal (kind, "duration"))
    {
      if (!is_loop (at, &two_actions))
        return cksim_reject (reason, "loop timer \"at\" must be \"ISO P [Q]\" with 1 <= Q < P");
    }
  else if (!is_iso_utc (at))
    return cksim_reject (reason, "timer \"at\" must be an ISO-8601 UTC time");

  if (g_str_equal (kind, "delay")
      && (!parse_uint (cksim_json_get_string (timer, "period"), G_MAXINT32, &minutes) || minutes < 1))
    return cksim_reject (reason, "countdown timer needs \"period\" (minutes, as a string)");
  if (two_actions)
    return check_action (timer, "startDo", outlet0_only, reason)
           && check_action (timer, "endDo", outlet0_only, reason);
  return check_action (timer, "do", outlet0_only, reason);
}

gboolean
cksim_timers_check (JsonNode    *value,
                    guint        limit,
                    gboolean     outlet0_only,
                    char       **reason)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array;

  if (value == NULL || !JSON_NODE_HOLDS_ARRAY (value))
    return cksim_reject (reason, "\"timers\" must be an array");
  array = json_node_get_array (value);
  if (json_array_get_length (array) > limit)
    return cksim_reject (reason, "too many timers (at most %u)", limit);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      const char *mid;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        return cksim_reject (reason, "timers must be objects");
      mid = cksim_json_get_string (json_node_get_object (item), "mId");
      if (!is_uuid (mid))
        return cksim_reject (reason, "timer %u: \"mId\" must be a lowercase UUID", i);
      if (!g_hash_table_add (ids, (gpointer) mid))
        return cksim_reject (reason, "timer %u: duplicate \"mId\"", i);
      if (!check_timer (json_node_get_object (item), outlet0_only, reason))
        return FALSE;
    }
  return TRUE;
}

static JsonObject *
find_timer (JsonArray  *array,
            const char *mid)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_OBJECT (item) && g_strcmp0 (cksim_json_get_string (json_node_get_object (item), "mId"), mid) == 0)
        return json_node_get_object (item);
    }
  return NULL;
}

static gboolean
nodes_equal (JsonNode *a,
             JsonNode *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return json_node_equal (a, b);
}

/* Whether two timers differ in anything but "enabled". */
static gboolean
edited (JsonObject *old,
        JsonObject *new)
{
  g_autoptr(JsonObject) a = cksim_json_object_copy (old);
  g_autoptr(JsonObject) b = cksim_json_object_copy (new);
  g_autoptr(JsonNode) na = NULL;
  g_autoptr(JsonNode) nb = NULL;

  json_object_remove_member (a, "enabled");
  json_object_remove_member (b, "enabled");
  na = cksim_json_object_node (a);
  nb = cksim_json_object_node (b);
  return !json_node_equal (na, nb);
}

int
cksim_timers_needed_permit (JsonArray *stored,
                            JsonArray *submitted)
{
  int needed = 0;

  for (guint i = 0; i < json_array_get_length (submitted); i++)
    {
      JsonNode *item = json_array_get_element (submitted, i);
      JsonObject *timer = JSON_NODE_HOLDS_OBJECT (item) ? json_node_get_object (item) : NULL;
      JsonObject *old = timer != NULL ? find_timer (stored, cksim_json_get_string (timer, "mId")) : NULL;

      if (old == NULL)
        needed |= CKSIM_PERMIT_ADD;
      else
        {
          if (!nodes_equal (json_object_get_member (old, "enabled"),
                            json_object_get_member (timer, "enabled")))
            needed |= CKSIM_PERMIT_ENABLE;
          if (edited (old, timer))
            needed |= CKSIM_PERMIT_EDIT;
        }
    }
  for (guint i = 0; stored != NULL && i < json_array_get_length (stored); i++)
    {
      JsonNode *item = json_array_get_element (stored, i);
      const char *mid = JSON_NODE_HOLDS_OBJECT (item) ? cksim_json_get_string (json_node_get_object (item), "mId") : NULL;

      if (find_timer (submitted, mid) == NULL)
        needed |= CKSIM_PERMIT_DELETE;
    }
  return needed;
}

int
cksim_timers_check_permit (const CkSimDevice *device,
                           const char        *caller_apikey,
                           JsonObject        *params)
{
  JsonArray *submitted = cksim_json_get_array (params, "timers");
  int permit = 0;
  int needed;

  if (!json_object_has_member (params, "timers")
      || cksim_device_access (device, caller_apikey) != CKSIM_ACCESS_SHAREE)
    return 0;
  if (submitted == NULL)
    return 0;  /* not an array: the device rejects it (400) */
  for (guint i = 0; i < device->shares->len; i++)
    {
      CkSimShare *share = g_ptr_array_index (device->shares, i);

      if (g_strcmp0 (share->user_apikey, caller_apikey) == 0)
        permit = share->permit;
    }
  needed = cksim_timers_needed_permit (cksim_json_get_array (device->params, "timers"), submitted);
  return (permit & needed) == needed ? 0 : 403;
}
