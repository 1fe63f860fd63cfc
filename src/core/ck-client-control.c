/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "ck-client"

/* CkClient's typed commands and timer edits: values in user terms turned
 * into one `update` through the device's catalog family. */

#include "ck-client-private.h"

#include "ck-catalog.h"
#include "ck-timer.h"

/* The codecs and timer helpers report in G_IO_ERROR; the client speaks CK_ERROR. */
static GError *
to_ck_error (GError *error)
{
  CkError code = CK_ERROR_INVALID_VALUE;
  GError *converted;

  if (error->domain == CK_ERROR)
    return error;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED))
    code = CK_ERROR_NOT_SUPPORTED;
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    code = CK_ERROR_NOT_FOUND;
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    code = CK_ERROR_ALREADY_EXISTS;

  converted = g_error_new_literal (CK_ERROR, code, error->message);
  g_error_free (error);
  return converted;
}

/* Fails at once, nothing sent. @error: (transfer full). */
static void
fail_now (CkClient            *self,
          gpointer             tag,
          GError              *error,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, callback, user_data);

  g_task_set_source_tag (task, tag);
  g_task_return_error (task, to_ck_error (error));
}

/* ------------------------------------------------------------------------ */
/* Adjustments, with the power-on first for lights that are off              */

typedef struct
{
  CkDevice   *device;
  JsonObject *params;
  guint       pending_id;   /* shows the adjustment while the power-on runs */
} Adjustment;

static void
adjustment_free (Adjustment *adjustment)
{
  g_object_unref (adjustment->device);
  json_object_unref (adjustment->params);
  g_free (adjustment);
}

static void
adjusted_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
powered_on_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CkClient *self = CK_CLIENT (source);
  Adjustment *adjustment = g_task_get_task_data (task);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      ck_device_end_pending (adjustment->device, adjustment->pending_id);
      g_task_return_error (task, error);
      return;
    }

  /* The adjustment's own pending takes over before ours ends: no flicker. */
  ck_command_queue_start (ck_client_get_command_queue (self), self, adjustment->device,
                          adjustment->params, g_task_get_source_tag (task),
                          g_task_get_cancellable (task),
                          adjusted_cb, g_object_ref (task));
  ck_device_end_pending (adjustment->device, adjustment->pending_id);
}

/* Sends @params (transfer full; NULL: @error, transfer full, says why). */
static void
adjust (CkClient            *self,
        CkDevice            *device,
        JsonObject          *params,
        GError              *error,
        gpointer             tag,
        GCancellable        *cancellable,
        GAsyncReadyCallback  callback,
        gpointer             user_data)
{
  const CkFamily *family = ck_device_get_family (device);
  g_autoptr(JsonObject) power_on = NULL;
  Adjustment *adjustment;
  GTask *task;

  if (params == NULL)
    {
      fail_now (self, tag, error, callback, user_data);
      return;
    }

  if (ck_family_adjust_needs_power_on (family) && ck_device_get_has_power (device)
      && !ck_device_get_power (device))
    power_on = ck_family_encode_power (family, ck_device_get_params (device), TRUE, NULL);

  if (power_on == NULL)
    {
      ck_command_queue_start (ck_client_get_command_queue (self), self, device, params, tag,
                              cancellable, callback, user_data);
      json_object_unref (params);
      return;
    }

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tag);
  adjustment = g_new0 (Adjustment, 1);
  adjustment->device = g_object_ref (device);
  adjustment->params = params;
  adjustment->pending_id = ck_device_begin_pending (device, params);
  g_task_set_task_data (task, adjustment, (GDestroyNotify) adjustment_free);

  /* devices.md §0: the light ignores the adjustment while off. */
  ck_command_queue_start (ck_client_get_command_queue (self), self, device, power_on,
                          ck_client_set_power_async, cancellable, powered_on_cb, task);
}

void
ck_client_set_channel_async (CkClient            *self,
                             CkDevice            *device,
                             guint                channel,
                             gboolean             on,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GError *error = NULL;
  JsonObject *params;

  g_return_if_fail (CK_IS_CLIENT (self));
  g_return_if_fail (CK_IS_DEVICE (device));

  params = ck_family_encode_channel (ck_device_get_family (device), ck_device_get_params (device),
                                     channel, on, &error);
  /* Switching a channel is not an adjustment: no power-on first. */
  if (params == NULL)
    fail_now (self, ck_client_set_channel_async, error, callback, user_data);
  else
    {
      ck_command_queue_start (ck_client_get_command_queue (self), self, device, params,
                              ck_client_set_channel_async, cancellable, callback, user_data);
      json_object_unref (params);
    }
}

gboolean
ck_client_set_channel_finish (CkClient      *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return ck_client_finish_boolean (self, result, ck_client_set_channel_async, error);
}

void
ck_client_set_brightness_async (CkClient            *self,
                                CkDevice            *device,
                                gint                 percent,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GError *error = NULL;
  JsonObject *params;

  g_return_if_fail (CK_IS_CLIENT (self));
  g_return_if_fail (CK_IS_DEVICE (device));

  params = ck_family_encode_brightness (ck_device_get_family (device), ck_device_get_params (device),
                                        percent, &error);
  adjust (self, device, params, error, ck_client_set_brightness_async,
          cancellable, callback, user_data);
}

gboolean
ck_client_set_brightness_finish (CkClient      *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return ck_client_finish_boolean (self, result, ck_client_set_brightness_async, error);
}

void
ck_client_set_color_temperature_async (CkClient            *self,
                                       CkDevice            *device,
                                       gint                 value,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  GError *error = NULL;
  JsonObject *params;

  g_return_if_fail (CK_IS_CLIENT (self));
  g_return_if_fail (CK_IS_DEVICE (device));

  params = ck_family_encode_color_temperature (ck_device_get_family (device),
                                               ck_device_get_params (device), value, &error);
  adjust (self, device, params, error, ck_client_set_color_temperature_async,
          cancellable, callback, user_data);
}

gboolean
ck_client_set_color_temperature_finish (CkClient      *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  return ck_client_finish_boolean (self, result, ck_client_set_color_temperature_async, error);
}

void
ck_client_set_color_async (CkClient            *self,
                           CkDevice            *device,
                           guint32              rgb,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GError *error = NULL;
  JsonObject *params;

  g_return_if_fail (CK_IS_CLIENT (self));
  g_return_if_fail (CK_IS_DEVICE (device));

  params = ck_family_encode_color (ck_device_get_family (device), ck_device_get_params (device),
                                   rgb, &error);
  adjust (self, device, params, error, ck_client_set_color_async, cancellable, callback, user_data);
}

gboolean
ck_client_set_color_finish (CkClient      *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  return ck_client_finish_boolean (self, result, ck_client_set_color_async, error);
}

void
ck_client_set_fan_async (CkClient            *self,
                         CkDevice            *device,
                         guint                level,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GError *error = NULL;
  JsonObject *params;

  g_return_if_fail (CK_IS_CLIENT (self));
  g_return_if_fail (CK_IS_DEVICE (device));

  params = ck_family_encode_fan (ck_device_get_family (device), ck_device_get_params (device),
                                 level, &error);
  adjust (self, device, params, error, ck_client_set_fan_async, cancellable, callback, user_data);
}

gboolean
ck_client_set_fan_finish (CkClient      *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  return ck_client_finish_boolean (self, result, ck_client_set_fan_async, error);
}

/* ------------------------------------------------------------------------ */
/* Timers: the whole array, every time (spec §7)                              */

/* Checks the sharer's permit and sends @new_timers (transfer full; NULL:
 * @error, transfer full, says why). */
static void
send_timers (CkClient            *self,
             CkDevice            *device,
             JsonArray           *new_timers,
             GError              *error,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  g_autoptr(JsonArray) timers = new_timers;
  g_autoptr(JsonObject) params = NULL;

  if (timers != NULL && ck_device_get_shared_by (device) != NULL
      && !ck_timers_check_permit (ck_device_get_timers_json (device), timers,
                                  ck_device_get_permit (device), &error))
    g_clear_pointer (&timers, json_array_unref);

  if (timers == NULL)
    {
      fail_now (self, ck_client_timer_finish, error, callback, user_data);
      return;
    }

  params = json_object_new ();
  json_object_set_array_member (params, "timers", g_steal_pointer (&timers));
  ck_command_queue_start (ck_client_get_command_queue (self), self, device, params,
                          ck_client_timer_finish, cancellable, callback, user_data);
}

void
ck_client_add_timer_async (CkClient            *self,
                           CkDevice            *device,
                           CkTimer             *timer,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GError *error = NULL;
  JsonArray *timers = NULL;

  g_return_if_fail (CK_IS_CLIENT (self));
  g_return_if_fail (CK_IS_DEVICE (device));
  g_return_if_fail (CK_IS_TIMER (timer));

  if (ck_timer_validate (timer, &error))
    timers = ck_timers_add (ck_device_get_timers_json (device), timer, &error);
  send_timers (self, device, timers, error, cancellable, callback, user_data);
}

void
ck_client_edit_timer_async (CkClient            *self,
                            CkDevice            *device,
                            CkTimer             *timer,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GError *error = NULL;
  JsonArray *timers = NULL;

  g_return_if_fail (CK_IS_CLIENT (self));
  g_return_if_fail (CK_IS_DEVICE (device));
  g_return_if_fail (CK_IS_TIMER (timer));

  if (ck_timer_validate (timer, &error))
    timers = ck_timers_replace (ck_device_get_timers_json (device), timer, &error);
  send_timers (self, device, timers, error, cancellable, callback, user_data);
}

void
ck_client_remove_timer_async (CkClient            *self,
                              CkDevice            *device,
                              const char          *timer_id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GError *error = NULL;
  JsonArray *timers;

  g_return_if_fail (CK_IS_CLIENT (self));
  g_return_if_fail (CK_IS_DEVICE (device));
  g_return_if_fail (timer_id != NULL);

  timers = ck_timers_remove (ck_device_get_timers_json (device), timer_id, &error);
  send_timers (self, device, timers, error, cancellable, callback, user_data);
}

void
ck_client_enable_timer_async (CkClient            *self,
                              CkDevice            *device,
                              const char          *timer_id,
                              gboolean             enabled,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GError *error = NULL;
  JsonArray *timers;

  g_return_if_fail (CK_IS_CLIENT (self));
  g_return_if_fail (CK_IS_DEVICE (device));
  g_return_if_fail (timer_id != NULL);

  timers = ck_timers_set_enabled (ck_device_get_timers_json (device), timer_id, enabled, &error);
  send_timers (self, device, timers, error, cancellable, callback, user_data);
}

gboolean
ck_client_timer_finish (CkClient      *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  return ck_client_finish_boolean (self, result, ck_client_timer_finish, error);
}
