/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-live"

#include "test-live-common.h"

#include <libsoup/soup.h>
#include <string.h>

/* ------------------------------------------------------------------------ */
/* Fixture and bounded waits                                                 */

void
live_fixture_set_up (LiveFixture   *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->sim = cksim_server_new (FALSE, TRUE);
  cksim_server_load_demo (fixture->sim);
  g_assert_true (cksim_server_listen (fixture->sim, 0, &error));
  g_assert_no_error (error);
  fixture->template = cksim_server_get_template (fixture->sim);
}

void
live_fixture_tear_down (LiveFixture   *fixture,
                        gconstpointer  data)
{
  g_clear_object (&fixture->sim);
  g_clear_pointer (&fixture->template, g_free);
  /* Let closing sockets and finished tasks run their last callbacks. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

void
live_wait_until (LiveCondition condition,
                 gpointer      data,
                 guint         timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  guint wake = g_timeout_add (5, wake_cb, NULL);

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        {
          g_source_remove (wake);
          g_test_message ("condition not met within %u ms", timeout_ms);
          g_assert_not_reached ();
        }
      g_main_context_iteration (NULL, TRUE);
    }

  g_source_remove (wake);
}

static gboolean
time_passed (gpointer data)
{
  return g_get_monotonic_time () >= *(gint64 *) data;
}

void
live_run_for (guint ms)
{
  gint64 until = g_get_monotonic_time () + (gint64) ms * 1000;

  live_wait_until (time_passed, &until, ms + 1000);
}

void
live_store_result_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
pointer_set (gpointer data)
{
  return *(gpointer *) data != NULL;
}

GAsyncResult *
live_wait_result (GAsyncResult **slot)
{
  live_wait_until (pointer_set, slot, LIVE_WAIT_MS);
  return *slot;
}

/* ------------------------------------------------------------------------ */
/* Clients                                                                   */

CkApi *
live_new_api (LiveFixture *fixture,
              const char  *app_id,
              const char  *app_secret,
              const char  *email,
              const char  *password)
{
  CkApi *api = ck_api_new (fixture->template, app_id, app_secret);
  g_autoptr(CkTokens) tokens = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;

  ck_api_set_timeout (api, 5);
  ck_api_login_async (api, email != NULL ? email : CKSIM_DEMO_EMAIL,
                      password != NULL ? password : CKSIM_DEMO_PASSWORD,
                      NULL, live_store_result_cb, &result);
  tokens = ck_api_login_finish (api, live_wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (tokens);
  g_clear_object (&result);
  return api;
}

CkClient *
live_new_client (CkApi *api)
{
  CkClient *client = ck_client_new (api);

  g_object_set (client,
                "request-timeout", 1000,
                "pong-timeout", 500,
                "reconnect-delay", 20,
                "reconnect-max-delay", 100,
                "command-deadline", 1500,
                NULL);
  return client;
}

void
live_connect (CkClient *client)
{
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;

  ck_client_connect_async (client, NULL, live_store_result_cb, &result);
  g_assert_true (ck_client_connect_finish (client, live_wait_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpint (ck_client_get_state (client), ==, CK_CLIENT_STATE_ONLINE);
}

CkClient *
live_new_demo_client (LiveFixture *fixture)
{
  g_autoptr(CkApi) api = live_new_api (fixture, CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET,
                                       NULL, NULL);
  CkClient *client = live_new_client (api);

  live_connect (client);
  return client;
}

gboolean
live_is_online (gpointer client)
{
  return ck_client_get_state (client) == CK_CLIENT_STATE_ONLINE;
}

gboolean
live_is_reconnecting (gpointer client)
{
  return ck_client_get_state (client) == CK_CLIENT_STATE_RECONNECTING;
}

gboolean
live_is_offline (gpointer client)
{
  return ck_client_get_state (client) == CK_CLIENT_STATE_OFFLINE;
}

gboolean
live_is_session_taken (gpointer client)
{
  return ck_client_get_state (client) == CK_CLIENT_STATE_SESSION_TAKEN;
}

CkDevice *
live_device (CkClient   *client,
             const char *device_id)
{
  CkDevice *device = ck_device_list_lookup (ck_client_get_devices (client), device_id);

  g_assert_nonnull (device);
  return device;
}

typedef struct
{
  GBytes *body;
  GError *error;
  gboolean done;
} PostResult;

static void
posted_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  PostResult *post = user_data;

  post->body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &post->error);
  post->done = TRUE;
}

static gboolean
post_done (gpointer data)
{
  return ((PostResult *) data)->done;
}

void
live_sim_post (LiveFixture *fixture,
               const char  *path,
               const char  *body)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *base = cksim_server_get_url (fixture->sim);
  g_autofree char *url = g_strconcat (base, "/_sim/", path, NULL);
  g_autoptr(SoupMessage) message = soup_message_new ("POST", url);
  g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
  PostResult post = { NULL, NULL, FALSE };

  soup_message_set_request_body_from_bytes (message, "application/json", bytes);
  soup_session_send_and_read_async (session, message, G_PRIORITY_DEFAULT, NULL, posted_cb, &post);
  live_wait_until (post_done, &post, LIVE_WAIT_MS);
  g_assert_no_error (post.error);
  g_assert_cmpuint (soup_message_get_status (message), ==, SOUP_STATUS_OK);
  g_bytes_unref (post.body);
}

/* ------------------------------------------------------------------------ */
/* A fake GNetworkMonitor                                                     */

struct _LiveFakeMonitor
{
  GObject  parent_instance;
  gboolean available;
};

static void live_fake_monitor_initable_iface_init (GInitableIface *iface);
static void live_fake_monitor_iface_init          (GNetworkMonitorInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LiveFakeMonitor, live_fake_monitor, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      live_fake_monitor_initable_iface_init)
                               G_IMPLEMENT_INTERFACE (G_TYPE_NETWORK_MONITOR,
                                                      live_fake_monitor_iface_init))

enum {
  PROP_0,
  PROP_NETWORK_AVAILABLE,
  PROP_NETWORK_METERED,
  PROP_CONNECTIVITY,
};

static gboolean
live_fake_monitor_init_initable (GInitable     *initable,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  return TRUE;
}

static void
live_fake_monitor_initable_iface_init (GInitableIface *iface)
{
  iface->init = live_fake_monitor_init_initable;
}

static gboolean
live_fake_monitor_can_reach (GNetworkMonitor     *monitor,
                             GSocketConnectable  *connectable,
                             GCancellable        *cancellable,
                             GError             **error)
{
  LiveFakeMonitor *self = LIVE_FAKE_MONITOR (monitor);

  if (!self->available)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE, "Network unreachable");
  return self->available;
}

static void
live_fake_monitor_iface_init (GNetworkMonitorInterface *iface)
{
  iface->can_reach = live_fake_monitor_can_reach;
}

static void
live_fake_monitor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LiveFakeMonitor *self = LIVE_FAKE_MONITOR (object);

  switch (prop_id)
    {
    case PROP_NETWORK_AVAILABLE:
      g_value_set_boolean (value, self->available);
      break;
    case PROP_NETWORK_METERED:
      g_value_set_boolean (value, FALSE);
      break;
    case PROP_CONNECTIVITY:
      g_value_set_enum (value, self->available ? G_NETWORK_CONNECTIVITY_FULL
                                               : G_NETWORK_CONNECTIVITY_LOCAL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
live_fake_monitor_class_init (LiveFakeMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = live_fake_monitor_get_property;
  g_object_class_override_property (object_class, PROP_NETWORK_AVAILABLE, "network-available");
  g_object_class_override_property (object_class, PROP_NETWORK_METERED, "network-metered");
  g_object_class_override_property (object_class, PROP_CONNECTIVITY, "connectivity");
}

static void
live_fake_monitor_init (LiveFakeMonitor *self)
{
}

LiveFakeMonitor *
live_fake_monitor_new (gboolean available)
{
  LiveFakeMonitor *self = g_object_new (LIVE_TYPE_FAKE_MONITOR, NULL);

  self->available = available;
  return self;
}

void
live_fake_monitor_set_available (LiveFakeMonitor *self,
                                 gboolean         available)
{
  if (self->available == !!available)
    return;

  self->available = !!available;
  g_object_notify (G_OBJECT (self), "network-available");
  g_signal_emit_by_name (self, "network-changed", self->available);
}
