/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "cksim-script"

#include "cksim-script.h"
#include "cksim-demo.h"
#include "cksim-emulator.h"
#include "cksim-json.h"

#define SCRIPT_KEY "script:tick"

struct _CkSimScript
{
  CkSimContext *ctx;
  GRand        *rand;   /* fixed seed: the same demo every run */
  guint64       ticks;
  gboolean      running;
};

/* The loads a metered appliance steps through (W). */
static const double loads[] = { 0, 6.5, 60, 412.06, 850, 1200, 2000 };

CkSimScript *
cksim_script_new (CkSimContext *ctx)
{
  CkSimScript *self = g_new0 (CkSimScript, 1);

  self->ctx = ctx;
  self->rand = g_rand_new_with_seed (20200520);
  return self;
}

void
cksim_script_free (CkSimScript *self)
{
  if (self == NULL)
    return;
  if (self->ctx->emulator != NULL)
    cksim_scheduler_cancel (cksim_emulator_get_scheduler (self->ctx->emulator), SCRIPT_KEY);
  g_rand_free (self->rand);
  g_free (self);
}

static void
drift_temperature (CkSimScript *self,
                   CkSimDevice *device)
{
  JsonNode *node = json_object_get_member (device->params, "currentTemperature");
  g_autoptr(JsonObject) report = json_object_new ();
  JsonNode *humidity = json_object_get_member (device->params, "currentHumidity");
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  double t;

  if (!cksim_json_is_string (node))
    return;
  t = g_ascii_strtod (json_node_get_string (node), NULL);
  t += g_rand_boolean (self->rand) ? 0.5 : -0.5;
  t = CLAMP (t, 17.0, 27.0);
  /* Temperature and humidity always travel together (devices.md §6.5). */
  json_object_set_string_member (report, "currentTemperature", g_ascii_formatd (buffer, sizeof buffer, "%.1f", t));
  if (humidity != NULL)
    json_object_set_member (report, "currentHumidity", cksim_json_copy (humidity));
  cksim_ws_push_report (self->ctx->ws, device, report);
}

static void
move_door (CkSimScript *self,
           CkSimDevice *device,
           gboolean     open)
{
  g_autoptr(JsonObject) report = json_object_new ();
  g_autofree char *now = cksim_format_iso_ms (cksim_clock_get_time_ms (self->ctx->clock));

  json_object_set_string_member (report, "switch", open ? "on" : "off");
  json_object_set_int_member (report, "type", open ? 2 : 3);
  json_object_set_string_member (report, "actionTime", now);
  json_object_set_string_member (report, "lastUpdateTime", now);
  cksim_ws_push_report (self->ctx->ws, device, report);
}

void
cksim_script_tick (CkSimScript *self)
{
  g_autoptr(GPtrArray) devices = cksim_state_all_devices (self->ctx->state);
  guint64 tick = ++self->ticks;

  for (guint i = 0; i < devices->len; i++)
    {
      CkSimDevice *device = g_ptr_array_index (devices, i);

      if (g_strcmp0 (device->deviceid, CKSIM_DEMO_FLAPPING_ID) == 0 && (tick % 10 == 0 || !device->online))
        cksim_context_set_device_online (self->ctx, device, tick % 10 != 0);
      if (!device->online)
        continue;
      if (device->uiid == 15 || device->uiid == 181)
        drift_temperature (self, device);
      else if (cksim_emulator_is_metered (device->uiid))
        cksim_emulator_set_load (self->ctx->emulator, device,
                                 loads[g_rand_int_range (self->rand, 0, G_N_ELEMENTS (loads))]);
      else if ((device->uiid == 102 || device->uiid == 154) && (tick % 6 == 0 || tick % 6 == 1))
        move_door (self, device, tick % 6 == 0);
    }
}

static void
on_tick (gpointer data)
{
  CkSimScript *self = data;

  self->running = FALSE;
  cksim_script_tick (self);
  cksim_script_sync (self);
}

void
cksim_script_sync (CkSimScript *self)
{
  CkSimScheduler *scheduler = cksim_emulator_get_scheduler (self->ctx->emulator);
  gint64 due;

  if (!self->ctx->config->demo_script)
    {
      cksim_scheduler_cancel (scheduler, SCRIPT_KEY);
      self->running = FALSE;
      return;
    }
  due = cksim_clock_get_time_ms (self->ctx->clock) + MAX (self->ctx->config->script_interval_ms, 1);
  /* A shorter interval takes effect at once; otherwise the tick stands. */
  if (self->running && cksim_scheduler_due (scheduler, SCRIPT_KEY) <= due)
    return;
  self->running = TRUE;
  cksim_scheduler_at (scheduler, SCRIPT_KEY, due, on_tick, self, NULL);
}
