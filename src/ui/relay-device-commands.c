/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "relay-device-commands"

#include "config.h"

#include "relay-device-commands.h"

static void
update_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The client has rolled the value back and said why (command-failed),
   * which the window shows; the controls follow the device. */
  if (!ck_client_update_finish (CK_CLIENT (object), result, &error))
    g_debug ("Update failed: %s", error->message);
}

/**
 * relay_device_send:
 * @params: (transfer none): the params of one update, from a CkFamily encoder
 *
 * The one door through which the device page sends anything but power: a
 * CkCommand of the client, shown at once (pending), confirmed on the ack,
 * or rolled back with CkClient::command-failed. Like power, it is not tied
 * to any widget's life: closing the page does not cancel what was asked.
 *
 * Returns: %TRUE (the client always takes the command; failures arrive
 * through CkClient::command-failed)
 */
gboolean
relay_device_send (CkClient    *client,
                   CkDevice    *device,
                   JsonObject  *params,
                   GError     **error)
{
  g_return_val_if_fail (CK_IS_CLIENT (client), FALSE);
  g_return_val_if_fail (CK_IS_DEVICE (device), FALSE);
  g_return_val_if_fail (params != NULL, FALSE);

  ck_client_update_async (client, device, params, NULL, update_cb, NULL);
  return TRUE;
}
