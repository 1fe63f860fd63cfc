/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "ck-client"

/* CkClient's device management over REST (spec §3.12-3.14): rename, name
 * the channels, delete. Each applies its change to the models once the
 * cloud took it, so callers need no list fetch. */

#include "ck-client-private.h"

typedef gboolean (*ApiFinishFunc) (CkApi         *api,
                                   GAsyncResult  *result,
                                   GError       **error);
typedef void     (*ApplyFunc)     (CkClient      *client,
                                   CkDevice      *device,
                                   gpointer       data);

/* What to apply once the API call succeeded. */
typedef struct
{
  CkDevice       *device;
  ApiFinishFunc   finish;
  ApplyFunc       apply;
  gpointer        data;
  GDestroyNotify  data_free;
} Change;

static void
change_free (Change *change)
{
  g_object_unref (change->device);
  if (change->data_free != NULL)
    change->data_free (change->data);
  g_free (change);
}

static void
change_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Change *change = g_task_get_task_data (task);
  GError *error = NULL;

  if (!change->finish (CK_API (source), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  change->apply (g_task_get_source_object (task), change->device, change->data);
  g_task_return_boolean (task, TRUE);
}

/* A task for @tag whose completion applies @apply; hand it to the API call
 * with change_done_cb. */
static GTask *
change_task_new (CkClient            *self,
                 gpointer             tag,
                 CkDevice            *device,
                 ApiFinishFunc        finish,
                 ApplyFunc            apply,
                 gpointer             data,
                 GDestroyNotify       data_free,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Change *change = g_new0 (Change, 1);

  g_task_set_source_tag (task, tag);
  change->device = g_object_ref (device);
  change->finish = finish;
  change->apply = apply;
  change->data = data;
  change->data_free = data_free;
  g_task_set_task_data (task, change, (GDestroyNotify) change_free);
  return task;
}

static void
apply_name (CkClient *client,
            CkDevice *device,
            gpointer  name)
{
  ck_device_set_name (device, name);
}

void
ck_client_rename_device_async (CkClient            *self,
                               CkDevice            *device,
                               const char          *name,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (CK_IS_CLIENT (self));
  g_return_if_fail (CK_IS_DEVICE (device));
  g_return_if_fail (name != NULL);

  task = change_task_new (self, ck_client_rename_device_async, device, ck_api_rename_device_finish,
                          apply_name, g_strdup (name), g_free, cancellable, callback, user_data);
  ck_api_rename_device_async (ck_client_get_api (self), ck_device_get_id (device), name,
                              cancellable, change_done_cb, task);
}

gboolean
ck_client_rename_device_finish (CkClient      *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return ck_client_finish_boolean (self, result, ck_client_rename_device_async, error);
}

static void
apply_channel_names (CkClient *client,
                     CkDevice *device,
                     gpointer  names)
{
  ck_device_set_channel_names (device, names);
}

void
ck_client_set_channel_names_async (CkClient            *self,
                                   CkDevice            *device,
                                   const char * const  *names,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (CK_IS_CLIENT (self));
  g_return_if_fail (CK_IS_DEVICE (device));
  g_return_if_fail (names != NULL);

  task = change_task_new (self, ck_client_set_channel_names_async, device,
                          ck_api_set_channel_names_finish, apply_channel_names,
                          g_strdupv ((char **) names), (GDestroyNotify) g_strfreev,
                          cancellable, callback, user_data);
  ck_api_set_channel_names_async (ck_client_get_api (self), ck_device_get_id (device), names,
                                  cancellable, change_done_cb, task);
}

gboolean
ck_client_set_channel_names_finish (CkClient      *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return ck_client_finish_boolean (self, result, ck_client_set_channel_names_async, error);
}

/* The device leaves the list, and with it every group's view. */
static void
apply_delete (CkClient *client,
              CkDevice *device,
              gpointer  data)
{
  ck_device_set_groups (device, NULL);
  ck_device_list_remove (ck_client_get_devices (client), ck_device_get_id (device));
}

void
ck_client_delete_device_async (CkClient            *self,
                               CkDevice            *device,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (CK_IS_CLIENT (self));
  g_return_if_fail (CK_IS_DEVICE (device));

  task = change_task_new (self, ck_client_delete_device_async, device, ck_api_delete_device_finish,
                          apply_delete, NULL, NULL, cancellable, callback, user_data);
  ck_api_delete_device_async (ck_client_get_api (self), ck_device_get_id (device),
                              cancellable, change_done_cb, task);
}

gboolean
ck_client_delete_device_finish (CkClient      *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return ck_client_finish_boolean (self, result, ck_client_delete_device_async, error);
}
