/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "cksim-emulator"

#include "cksim-emulator.h"
#include "cksim-device.h"
#include "cksim-energy.h"
#include "cksim-json.h"

#include <math.h>
#include <string.h>

/* Per device: what the shadow does not hold (load, windows, travel). */
typedef struct
{
  gboolean    has_load;
  double      load_w;
  double      voltage;
  gint64      active_until_ms;  /* uiActive window */
  int         active_outlet;    /* DualR3: the metered channel */
  gboolean    pushed;
  double      last_p, last_v, last_i;
  gboolean    moving;
  int         from, to;         /* travel, in the family's position unit */
  gint64      start_ms, duration_ms;
  JsonObject *arrival;          /* the report at the end of the travel */
} Runtime;

struct _CkSimEmulator
{
  CkSimState        *state;
  CkSimClock        *clock;
  const CkSimConfig *config;
  CkSimReportFunc    report;
  gpointer           report_data;
  CkSimScheduler    *scheduler;
  GHashTable        *runtimes;  /* deviceid -> Runtime */
};

/* A scheduled task's data. */
typedef struct
{
  CkSimEmulator *self;
  char          *deviceid;
  int            outlet;  /* -1: the single "switch" */
} Job;

static void
runtime_free (Runtime *rt)
{
  g_clear_pointer (&rt->arrival, json_object_unref);
  g_free (rt);
}

static void
job_free (Job *job)
{
  g_free (job->deviceid);
  g_free (job);
}

static Job *
job_new (CkSimEmulator     *self,
         const CkSimDevice *device,
         int                outlet)
{
  Job *job = g_new0 (Job, 1);

  job->self = self;
  job->deviceid = g_strdup (device->deviceid);
  job->outlet = outlet;
  return job;
}

void
cksim_outcome_clear (CkSimOutcome *outcome)
{
  g_clear_pointer (&outcome->config, json_object_unref);
  g_clear_pointer (&outcome->reports, g_ptr_array_unref);
}

static void
add_report (CkSimOutcome *outcome,
            JsonObject   *params)
{
  if (outcome->reports == NULL)
    outcome->reports = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_ptr_array_add (outcome->reports, params);
}

static void
report_now (CkSimEmulator *self,
            CkSimDevice   *device,
            JsonObject    *params)
{
  self->report (device, params, self->report_data);
  json_object_unref (params);
}

CkSimEmulator *
cksim_emulator_new (CkSimState        *state,
                    const CkSimConfig *config,
                    CkSimReportFunc    report,
                    gpointer           report_data)
{
  CkSimEmulator *self = g_new0 (CkSimEmulator, 1);

  self->state = g_object_ref (state);
  self->clock = g_object_ref (cksim_state_get_clock (state));
  self->config = config;
  self->report = report;
  self->report_data = report_data;
  self->scheduler = cksim_scheduler_new (self->clock);
  self->runtimes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) runtime_free);
  return self;
}

void
cksim_emulator_free (CkSimEmulator *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->scheduler, cksim_scheduler_free);
  g_clear_pointer (&self->runtimes, g_hash_table_unref);
  g_clear_object (&self->clock);
  g_clear_object (&self->state);
  g_free (self);
}

CkSimScheduler *
cksim_emulator_get_scheduler (CkSimEmulator *self)
{
  return self->scheduler;
}

static gint64
now_ms (CkSimEmulator *self)
{
  return cksim_clock_get_time_ms (self->clock);
}

static char *
task_key (const char        *what,
          const CkSimDevice *device,
          int                outlet)
{
  return g_strdup_printf ("%s:%s:%d", what, device->deviceid, outlet);
}

/* Params helpers ----------------------------------------------------------- */

/* A number, or a string holding one (TH readings, POW R2 values). */
static gboolean
num_member (JsonObject *o,
            const char *name,
            double     *value)
{
  JsonNode *node = o != NULL ? json_object_get_member (o, name) : NULL;
  char *end = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  if (json_node_get_value_type (node) == G_TYPE_INT64 || json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      *value = json_node_get_double (node);
      return TRUE;
    }
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;
  *value = g_ascii_strtod (json_node_get_string (node), &end);
  return end != json_node_get_string (node) && *end == '\0';
}

static JsonObject *
outlet_item (JsonObject *params,
             const char *array_name,
             gint64      outlet)
{
  return cksim_json_find_item (cksim_json_get_array (params, array_name), "outlet", outlet);
}

/* "on"/"off" of a channel: @outlet -1 is the single "switch". */
static gboolean
is_on (JsonObject *params,
       int         outlet)
{
  if (outlet < 0)
    return g_strcmp0 (cksim_json_get_string (params, "switch"), "on") == 0;
  return g_strcmp0 (cksim_json_get_string (outlet_item (params, "switches", outlet), "switch"), "on") == 0;
}

static JsonObject *
switch_report (int         outlet,
               const char *value)
{
  JsonObject *params = json_object_new ();
  JsonArray *switches;
  JsonObject *item;

  if (outlet < 0)
    {
      json_object_set_string_member (params, "switch", value);
      return params;
    }
  switches = json_array_new ();
  item = json_object_new ();
  json_object_set_string_member (item, "switch", value);
  json_object_set_int_member (item, "outlet", outlet);
  json_array_add_object_element (switches, item);
  json_object_set_array_member (params, "switches", switches);
  return params;
}

static Runtime *
runtime_for (CkSimEmulator     *self,
             const CkSimDevice *device)
{
  Runtime *rt = g_hash_table_lookup (self->runtimes, device->deviceid);

  if (rt == NULL)
    {
      rt = g_new0 (Runtime, 1);
      g_hash_table_insert (self->runtimes, g_strdup (device->deviceid), rt);
    }
  return rt;
}

/* Interlock (devices.md §6.2, §7.2): with lock 1 a channel switched on
 * turns the others off. */
static void
apply_interlock (CkSimDevice  *device,
                 JsonObject   *accepted,
                 CkSimOutcome *outcome)
{
  JsonArray *sent = cksim_json_get_array (accepted, "switches");
  JsonArray *stored = cksim_json_get_array (device->params, "switches");
  guint channels = cksim_device_channel_count (device->uiid);
  gint64 winner = -1;
  gboolean changed = FALSE;

  if (sent == NULL || stored == NULL
      || json_object_get_int_member_with_default (device->params, "lock", 0) != 1)
    return;
  for (guint i = 0; i < json_array_get_length (sent); i++)
    {
      JsonObject *item = json_array_get_object_element (sent, i);

      if (g_strcmp0 (cksim_json_get_string (item, "switch"), "on") == 0
          && json_object_get_int_member (item, "outlet") < (gint64) channels)
        winner = json_object_get_int_member (item, "outlet");
    }
  if (winner < 0)
    return;
  for (guint i = 0; i < json_array_get_length (stored); i++)
    {
      JsonNode *node = json_array_get_element (stored, i);
      JsonObject *item = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      gint64 outlet = item != NULL ? json_object_get_int_member_with_default (item, "outlet", -1) : -1;

      if (outlet >= 0 && outlet < (gint64) channels && outlet != winner
          && g_strcmp0 (cksim_json_get_string (item, "switch"), "on") == 0)
        {
          json_object_set_string_member (item, "switch", "off");
          changed = TRUE;
        }
    }
  if (changed)
    {
      JsonObject *report = json_object_new ();

      json_object_set_member (report, "switches", cksim_json_copy (json_object_get_member (device->params,
                                                                                            "switches")));
      add_report (outcome, report);
    }
}

/* Inching ------------------------------------------------------------------ */

static void
on_pulse_end (gpointer data)
{
  Job *job = data;
  CkSimDevice *device = cksim_state_find_device (job->self->state, job->deviceid);

  if (device != NULL && is_on (device->params, job->outlet))
    report_now (job->self, device, switch_report (job->outlet, "off"));
}

/* The inching width of a channel, or 0 when inching is off. */
static gint64
pulse_width (JsonObject *params,
             int         outlet)
{
  JsonObject *item;

  if (outlet < 0)
    return g_strcmp0 (cksim_json_get_string (params, "pulse"), "on") == 0
           ? json_object_get_int_member_with_default (params, "pulseWidth", 0) : 0;
  item = outlet_item (params, "pulses", outlet);
  return item != NULL && g_strcmp0 (cksim_json_get_string (item, "pulse"), "on") == 0
         ? json_object_get_int_member_with_default (item, "width", 0) : 0;
}

/* A channel that went from off to on with inching set switches back off
 * after the width; one switched off in between needs nothing more. */
static void
schedule_pulse (CkSimEmulator *self,
                CkSimDevice   *device,
                int            outlet,
                gboolean       was_on)
{
  g_autofree char *key = task_key ("pulse", device, outlet);
  gint64 width = pulse_width (device->params, outlet);

  if (!is_on (device->params, outlet))
    {
      cksim_scheduler_cancel (self->scheduler, key);
      return;
    }
  if (was_on || width <= 0)
    return;
  cksim_scheduler_at (self->scheduler, key, now_ms (self) + width, on_pulse_end,
                      job_new (self, device, outlet), (GDestroyNotify) job_free);
}

static void
apply_pulses (CkSimEmulator *self,
              CkSimDevice   *device,
              JsonObject    *accepted,
              gboolean       was_on_single,
              guint          was_on_mask)
{
  JsonArray *sent = cksim_json_get_array (accepted, "switches");
  guint channels = cksim_device_channel_count (device->uiid);

  if (json_object_has_member (accepted, "switch"))
    schedule_pulse (self, device, -1, was_on_single);
  for (guint i = 0; sent != NULL && i < json_array_get_length (sent); i++)
    {
      /* --compat accepts items without a usable outlet: they name no channel to pulse. */
      JsonNode *item = json_array_get_element (sent, i);
      JsonNode *outlet_node;
      gint64 outlet;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        continue;
      outlet_node = json_object_get_member (json_node_get_object (item), "outlet");
      if (outlet_node == NULL || !cksim_json_is_integer (outlet_node))
        continue;
      outlet = json_node_get_int (outlet_node);
      if (outlet >= 0 && outlet < (gint64) channels)
        schedule_pulse (self, device, (int) outlet, (was_on_mask & (1u << outlet)) != 0);
    }
}

/* TH auto mode (devices.md §6.5) ------------------------------------------- */

static JsonObject *
th_target (JsonObject *params,
           const char *bound)
{
  JsonArray *targets = cksim_json_get_array (params, "targets");

  for (guint i = 0; targets != NULL && i < json_array_get_length (targets); i++)
    {
      JsonNode *node = json_array_get_element (targets, i);

      if (JSON_NODE_HOLDS_OBJECT (node) && json_object_has_member (json_node_get_object (node), bound))
        return json_node_get_object (node);
    }
  return NULL;
}

/* In auto mode, the switch the targets ask for, or NULL (no change). */
static const char *
th_wanted_switch (CkSimDevice *device)
{
  JsonObject *params = device->params;
  const char *type = cksim_json_get_string (params, "deviceType");
  JsonObject *high, *low;
  double reading, high_value, low_value;
  const char *want = NULL;

  if ((device->uiid != 15 && device->uiid != 181) || type == NULL || g_str_equal (type, "normal")
      || g_strcmp0 (cksim_json_get_string (params, "mainSwitch"), "on") != 0)
    return NULL;
  if (!num_member (params, g_str_equal (type, "humidity") ? "currentHumidity" : "currentTemperature", &reading))
    return NULL;
  high = th_target (params, "targetHigh");
  low = th_target (params, "targetLow");
  if (high == NULL || low == NULL || !num_member (high, "targetHigh", &high_value)
      || !num_member (low, "targetLow", &low_value))
    return NULL;
  if (reading > high_value)
    want = cksim_json_get_string (cksim_json_get_object (high, "reaction"), "switch");
  else if (reading < low_value)
    want = cksim_json_get_string (cksim_json_get_object (low, "reaction"), "switch");
  if (want == NULL || g_strcmp0 (want, cksim_json_get_string (params, "switch")) == 0)
    return NULL;
  return want;
}

/* Metering (devices.md §6.4, §7.2.4) --------------------------------------- */

gboolean
cksim_emulator_is_metered (int uiid)
{
  return uiid == 5 || uiid == 32 || uiid == 126 || uiid == 182 || uiid == 190;
}

/* Readings as the family writes them: POW strings, 190/DualR3 x100. */
static double
stored_reading (CkSimDevice *device,
                const char  *name,
                int          outlet)
{
  g_autofree char *channel_name = g_strdup_printf ("%s_%02d", g_str_equal (name, "power") ? "actPow" : name,
                                                   MAX (outlet, 0));
  double value = 0;

  if (device->uiid == 126)
    return num_member (device->params, channel_name, &value) ? value / 100 : 0;
  if (!num_member (device->params, name, &value))
    return 0;
  return device->uiid == 190 ? value / 100 : value;
}

static int
metered_outlet (CkSimDevice *device,
                Runtime     *rt)
{
  if (device->uiid == 126)
    return rt->active_outlet;
  return device->uiid == 182 || device->uiid == 190 ? 0 : -1;
}

static void
readings (CkSimDevice *device,
          Runtime     *rt,
          double      *p,
          double      *v,
          double      *i)
{
  int outlet = metered_outlet (device, rt);

  if (!rt->has_load)
    {
      rt->load_w = stored_reading (device, "power", outlet);
      rt->has_load = TRUE;
    }
  if (rt->voltage <= 0)
    {
      rt->voltage = stored_reading (device, "voltage", outlet);
      if (rt->voltage <= 0)
        rt->voltage = 230.0;
    }
  *v = rt->voltage;
  *p = is_on (device->params, outlet) ? rt->load_w : 0;
  *i = *p / *v;
}

static void
set_reading (JsonObject  *report,
             CkSimDevice *device,
             const char  *name,
             int          outlet,
             double       value)
{
  if (device->uiid == 126)
    {
      g_autofree char *channel_name = g_strdup_printf ("%s_%02d",
                                                       g_str_equal (name, "power") ? "actPow" : name, outlet);

      json_object_set_int_member (report, channel_name, (gint64) round (value * 100));
    }
  else if (device->uiid == 190)
    json_object_set_int_member (report, name, (gint64) round (value * 100));
  else if (device->uiid == 182)
    json_object_set_double_member (report, name, round (value * 100) / 100);
  else
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      json_object_set_string_member (report, name, g_ascii_formatd (buffer, sizeof buffer, "%.2f", value));
    }
}

/* A readings report if @force or the change passes the UP thresholds
 * (2 W, 5 V, 0.03 A), else NULL. */
static JsonObject *
readings_report (CkSimDevice *device,
                 Runtime     *rt,
                 gboolean     force)
{
  JsonObject *report;
  double p, v, i;
  int outlet = metered_outlet (device, rt);

  readings (device, rt, &p, &v, &i);
  if (!force && rt->pushed
      && fabs (p - rt->last_p) <= 2 && fabs (v - rt->last_v) <= 5 && fabs (i - rt->last_i) <= 0.03)
    return NULL;
  rt->pushed = TRUE;
  rt->last_p = p;
  rt->last_v = v;
  rt->last_i = i;
  report = json_object_new ();
  set_reading (report, device, "power", outlet, p);
  if (device->uiid != 5)  /* the first POW reports power only (HA) */
    {
      set_reading (report, device, "voltage", outlet, v);
      set_reading (report, device, "current", outlet, i);
    }
  return report;
}

static gboolean
metering_active (CkSimEmulator *self,
                 Runtime       *rt)
{
  return rt != NULL && now_ms (self) < rt->active_until_ms;
}

static void
on_metering_tick (gpointer data)
{
  Job *job = data;
  CkSimEmulator *self = job->self;
  CkSimDevice *device = cksim_state_find_device (self->state, job->deviceid);
  Runtime *rt = device != NULL ? g_hash_table_lookup (self->runtimes, device->deviceid) : NULL;
  gint64 next;

  if (!metering_active (self, rt))
    return;
  report_now (self, device, readings_report (device, rt, TRUE));
  next = now_ms (self) + MAX (self->config->metering_interval_ms, 1);
  if (next <= rt->active_until_ms)
    {
      g_autofree char *key = task_key ("meter", device, 0);

      cksim_scheduler_at (self->scheduler, key, next, on_metering_tick,
                          job_new (self, device, 0), (GDestroyNotify) job_free);
    }
}

/* uiActive: N seconds (DualR3: {outlet, time}) of live readings. */
static void
open_metering_window (CkSimEmulator *self,
                      CkSimDevice   *device,
                      JsonObject    *accepted,
                      CkSimOutcome  *outcome)
{
  JsonNode *active = json_object_get_member (accepted, "uiActive");
  Runtime *rt = runtime_for (self, device);
  g_autofree char *key = task_key ("meter", device, 0);
  gint64 seconds;

  if (JSON_NODE_HOLDS_OBJECT (active))
    {
      JsonObject *o = json_node_get_object (active);

      seconds = json_object_get_int_member (o, "time");
      rt->active_outlet = (int) json_object_get_int_member (o, "outlet");
    }
  else
    seconds = json_node_get_int (active);
  rt->active_until_ms = now_ms (self) + seconds * 1000;
  add_report (outcome, readings_report (device, rt, TRUE));
  cksim_scheduler_at (self->scheduler, key, now_ms (self) + MAX (self->config->metering_interval_ms, 1),
                      on_metering_tick, job_new (self, device, 0), (GDestroyNotify) job_free);
}

void
cksim_emulator_set_load (CkSimEmulator *self,
                         CkSimDevice   *device,
                         double         watts)
{
  Runtime *rt = runtime_for (self, device);
  JsonObject *report;

  rt->load_w = MAX (watts, 0);
  rt->has_load = TRUE;
  if (metering_active (self, rt) && (report = readings_report (device, rt, FALSE)) != NULL)
    report_now (self, device, report);
}

double
cksim_emulator_get_load (CkSimEmulator *self,
                         CkSimDevice   *device)
{
  Runtime *rt = runtime_for (self, device);
  double p, v, i;

  readings (device, rt, &p, &v, &i);
  return rt->load_w;
}

/* "Get" commands (devices.md §7.2.3) --------------------------------------- */

static void
answer_gets (CkSimDevice  *device,
             JsonObject   *accepted,
             CkSimOutcome *outcome)
{
  JsonObject *window = cksim_json_get_object (accepted, "getHoursKwh");

  if (g_strcmp0 (cksim_json_get_string (accepted, "hundredDaysKwh"), "get") == 0)
    {
      g_autofree char *data = cksim_energy_hundred_days (device->deviceid);

      g_clear_pointer (&outcome->config, json_object_unref);
      outcome->config = json_object_new ();
      json_object_set_string_member (outcome->config, "hundredDaysKwhData", data);
    }
  if (g_strcmp0 (cksim_json_get_string (accepted, "oneKwh"), "get") == 0)
    {
      JsonObject *report = json_object_new ();

      json_object_set_double_member (report, "oneKwhData", cksim_energy_one_kwh (device->deviceid));
      add_report (outcome, report);
    }
  for (int channel = 0; channel < 2; channel++)
    {
      g_autofree char *ask = g_strdup_printf ("getKwh_%02d", channel);
      g_autofree char *answer = g_strdup_printf ("kwhHistories_%02d", channel);
      g_autofree char *seed = g_strdup_printf ("%s/%d", device->deviceid, channel);

      if (json_object_has_member (accepted, ask))
        {
          g_autofree char *data = cksim_energy_day_history (seed, 30);
          JsonObject *report = json_object_new ();

          json_object_set_string_member (report, answer, data);
          add_report (outcome, report);
        }
    }
  if (window != NULL)
    {
      g_autofree char *data = cksim_energy_hours (device->deviceid, json_object_get_int_member (window, "start"),
                                                  json_object_get_int_member (window, "end"));
      JsonObject *report = json_object_new ();

      json_object_set_string_member (report, "hoursKwhData", data);
      add_report (outcome, report);
    }
}

/* Travel: covers, garage doors, the DualR3 motor --------------------------- */

static int
travel_position (CkSimEmulator *self,
                 Runtime       *rt)
{
  gint64 elapsed;

  if (!rt->moving || rt->duration_ms <= 0)
    return rt->to;
  elapsed = CLAMP (now_ms (self) - rt->start_ms, 0, rt->duration_ms);
  return rt->from + (int) ((rt->to - rt->from) * elapsed / rt->duration_ms);
}

static void
on_arrival (gpointer data)
{
  Job *job = data;
  CkSimDevice *device = cksim_state_find_device (job->self->state, job->deviceid);
  Runtime *rt = device != NULL ? g_hash_table_lookup (job->self->runtimes, device->deviceid) : NULL;

  if (rt == NULL || !rt->moving)
    return;
  rt->moving = FALSE;
  if (rt->arrival != NULL)
    report_now (job->self, device, g_steal_pointer (&rt->arrival));
}

/* Moves from @from to @to at the configured speed; @arrival (owned) is
 * reported on arrival. */
static void
start_travel (CkSimEmulator *self,
              CkSimDevice   *device,
              int            from,
              int            to,
              JsonObject    *arrival)
{
  Runtime *rt = runtime_for (self, device);
  g_autofree char *key = task_key ("travel", device, 0);

  if (rt->moving)
    from = travel_position (self, rt);
  rt->moving = TRUE;
  rt->from = from;
  rt->to = to;
  rt->start_ms = now_ms (self);
  rt->duration_ms = (gint64) ABS (to - from) * self->config->travel_ms / 100;
  g_clear_pointer (&rt->arrival, json_object_unref);
  rt->arrival = arrival;
  cksim_scheduler_at (self->scheduler, key, rt->start_ms + rt->duration_ms, on_arrival,
                      job_new (self, device, 0), (GDestroyNotify) job_free);
}

/* Stops a travel; returns where it stopped (or @resting if not moving). */
static int
stop_travel (CkSimEmulator *self,
             CkSimDevice   *device,
             int            resting)
{
  Runtime *rt = runtime_for (self, device);
  g_autofree char *key = task_key ("travel", device, 0);
  int position;

  if (!rt->moving)
    return resting;
  position = travel_position (self, rt);
  rt->moving = FALSE;
  g_clear_pointer (&rt->arrival, json_object_unref);
  cksim_scheduler_cancel (self->scheduler, key);
  return position;
}

static JsonObject *
position_report (const char *key1,
                 const char *value1,
                 const char *key2,
                 int         value2)
{
  JsonObject *report = json_object_new ();

  if (value1 != NULL)
    json_object_set_string_member (report, key1, value1);
  json_object_set_int_member (report, key2, value2);
  return report;
}

/* King Q4 (11): setclose 0 open … 100 closed; ends as {"switch":"off","setclose":N}. */
static void
apply_cover11 (CkSimEmulator *self,
               CkSimDevice   *device,
               JsonObject    *accepted,
               int            old_setclose,
               CkSimOutcome  *outcome)
{
  const char *sw = cksim_json_get_string (accepted, "switch");
  int target;

  if (g_strcmp0 (sw, "pause") == 0)
    {
      int here = stop_travel (self, device, old_setclose);

      add_report (outcome, position_report ("switch", "pause", "setclose", here));
      return;
    }
  if (json_object_has_member (accepted, "setclose"))
    target = (int) json_object_get_int_member (accepted, "setclose");
  else if (sw != NULL)
    target = g_str_equal (sw, "on") ? 0 : 100;
  else
    return;
  /* The shadow keeps the position until the cover has moved. */
  json_object_set_int_member (device->params, "setclose", old_setclose);
  start_travel (self, device, old_setclose, target, position_report ("switch", "off", "setclose", target));
}

/* KING-Q1 / ST-03 (67, 91): op 1 open, 2 stop, 3 close; per = percent open. */
static void
apply_garage (CkSimEmulator *self,
              CkSimDevice   *device,
              JsonObject    *accepted,
              CkSimOutcome  *outcome)
{
  gint64 op = json_object_get_int_member_with_default (accepted, "op", 0);
  int here = (int) json_object_get_int_member_with_default (device->params, "per", 0);
  JsonObject *arrival;

  if (op == 2)
    {
      JsonObject *report = json_object_new ();

      json_object_set_int_member (report, "op", 2);
      json_object_set_int_member (report, "per", stop_travel (self, device, here));
      add_report (outcome, report);
      return;
    }
  if (op != 1 && op != 3)
    return;
  arrival = json_object_new ();
  json_object_set_int_member (arrival, "op", op);
  json_object_set_int_member (arrival, "per", op == 1 ? 100 : 0);
  json_object_set_int_member (arrival, "statu", op == 1 ? 5 : 6);
  start_travel (self, device, here, op == 1 ? 100 : 0, arrival);
}

/* DualR3 in motor mode: motorTurn 1 open / 2 close / 0 stop, location N. */
static void
apply_motor (CkSimEmulator *self,
             CkSimDevice   *device,
             JsonObject    *accepted,
             CkSimOutcome  *outcome)
{
  int here = (int) json_object_get_int_member_with_default (device->params, "currLocation", 0);
  gint64 turn = json_object_get_int_member_with_default (accepted, "motorTurn", -1);
  int target;
  JsonObject *arrival;

  if (json_object_get_int_member_with_default (device->params, "workMode", 1) != 2)
    return;
  if (turn == 0)
    {
      add_report (outcome, position_report (NULL, NULL, "currLocation", stop_travel (self, device, here)));
      return;
    }
  if (json_object_has_member (accepted, "location"))
    target = (int) json_object_get_int_member (accepted, "location");
  else if (turn == 1 || turn == 2)
    target = turn == 1 ? 100 : 0;
  else
    return;
  arrival = position_report (NULL, NULL, "currLocation", target);
  json_object_set_int_member (arrival, "motorTurn", 0);
  start_travel (self, device, here, target, arrival);
}

/* RF bridge: a capture learns a code, pushed as the new rfList. */
static void
apply_rf_capture (CkSimDevice  *device,
                  JsonObject   *accepted,
                  CkSimOutcome *outcome)
{
  gint64 channel = json_object_get_int_member_with_default (accepted, "rfChl", 0);
  JsonArray *stored = cksim_json_get_array (device->params, "rfList");
  JsonArray *list = json_array_new ();
  JsonObject *code = json_object_new ();
  JsonObject *report = json_object_new ();
  g_autofree char *seed = g_strdup_printf ("%s/%" G_GINT64_FORMAT, device->deviceid, channel);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_MD5, seed, -1);
  g_autofree char *value = g_ascii_strup (hash, 18);

  for (guint i = 0; stored != NULL && i < json_array_get_length (stored); i++)
    {
      JsonNode *item = json_array_get_element (stored, i);

      if (JSON_NODE_HOLDS_OBJECT (item)
          && json_object_get_int_member_with_default (json_node_get_object (item), "rfChl", -1) != channel)
        json_array_add_element (list, cksim_json_copy (item));
    }
  json_object_set_int_member (code, "rfChl", channel);
  json_object_set_string_member (code, "rfVal", value);
  json_array_add_object_element (list, code);
  json_object_set_array_member (report, "rfList", list);
  add_report (outcome, report);
}

/* Entry points ------------------------------------------------------------- */

void
cksim_emulator_apply (CkSimEmulator *self,
                      CkSimDevice   *device,
                      JsonObject    *accepted,
                      CkSimOutcome  *outcome)
{
  gboolean was_on_single = is_on (device->params, -1);
  int old_setclose = (int) json_object_get_int_member_with_default (device->params, "setclose", 0);
  guint was_on_mask = 0;
  const char *want;
  Runtime *rt;

  for (int outlet = 0; outlet < 4; outlet++)
    if (is_on (device->params, outlet))
      was_on_mask |= 1u << outlet;

  cksim_device_merge (device, accepted);

  apply_interlock (device, accepted, outcome);
  apply_pulses (self, device, accepted, was_on_single, was_on_mask);
  if ((want = th_wanted_switch (device)) != NULL)
    {
      json_object_set_string_member (device->params, "switch", want);
      add_report (outcome, switch_report (-1, want));
    }
  answer_gets (device, accepted, outcome);

  if (cksim_emulator_is_metered (device->uiid))
    {
      JsonObject *report;

      rt = g_hash_table_lookup (self->runtimes, device->deviceid);
      if (json_object_has_member (accepted, "uiActive"))
        open_metering_window (self, device, accepted, outcome);
      else if (metering_active (self, rt) && (report = readings_report (device, rt, FALSE)) != NULL)
        add_report (outcome, report);
    }

  if (device->uiid == 11)
    apply_cover11 (self, device, accepted, old_setclose, outcome);
  else if (device->uiid == 67 || device->uiid == 91)
    apply_garage (self, device, accepted, outcome);
  else if (device->uiid == 126)
    apply_motor (self, device, accepted, outcome);
  else if (device->uiid == 28 && g_strcmp0 (cksim_json_get_string (accepted, "cmd"), "capture") == 0)
    apply_rf_capture (device, accepted, outcome);
}

void
cksim_emulator_after_report (CkSimEmulator *self,
                             CkSimDevice   *device,
                             JsonObject    *params)
{
  const char *want = th_wanted_switch (device);
  Runtime *rt;
  JsonObject *report;

  if (want != NULL)
    report_now (self, device, switch_report (-1, want));
  if (cksim_emulator_is_metered (device->uiid)
      && !json_object_has_member (params, "power") && !json_object_has_member (params, "actPow_00")
      && !json_object_has_member (params, "actPow_01")
      && metering_active (self, rt = g_hash_table_lookup (self->runtimes, device->deviceid))
      && (report = readings_report (device, rt, FALSE)) != NULL)
    report_now (self, device, report);
}
