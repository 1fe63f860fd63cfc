/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <gio/gio.h>

#include "ck-api.h"
#include "ck-client.h"
#include "cksim-server.h"

G_BEGIN_DECLS

/* Helpers for the live-connection tests (test-live-*.c). */

#define LIVE_WAIT_MS     2000
#define KITCHEN_PLUG     "1000a1b202"   /* UIID 1, shared with the guest */
#define HALL_LIGHT       "1000a1b203"   /* UIID 6 */
#define AQUARIUM         "1000a1b204"   /* UIID 4, four channels */
#define WASHING_MACHINE  "1000a1b206"   /* UIID 32 */
#define BEDROOM_FAN      "1000a1b207"   /* UIID 34 */
#define DIMMER           "1000a1b208"   /* UIID 44 */
#define TV_STRIP         "1000a1b209"   /* UIID 59 */
#define PORCH_BULB       "1000a1b20a"   /* UIID 103 */
#define GARDEN_PUMP      "1000a1b20c"   /* offline in the demo */

typedef gboolean (*LiveCondition) (gpointer data);

typedef struct
{
  CkSimServer *sim;
  char        *template;
} LiveFixture;

void          live_fixture_set_up    (LiveFixture   *fixture,
                                      gconstpointer  data);
void          live_fixture_tear_down (LiveFixture   *fixture,
                                      gconstpointer  data);

/* Iterates the main loop until @condition holds; fails the test after @timeout_ms. */
void          live_wait_until        (LiveCondition  condition,
                                      gpointer       data,
                                      guint          timeout_ms);
/* Iterates the main loop for @ms (for "nothing happens" checks only). */
void          live_run_for           (guint          ms);
/* A GAsyncReadyCallback storing the result in *(GAsyncResult **) user_data. */
void          live_store_result_cb   (GObject       *source,
                                      GAsyncResult  *result,
                                      gpointer       user_data);
GAsyncResult *live_wait_result       (GAsyncResult **slot);

/* A signed-in API (@email NULL: the demo account). */
CkApi        *live_new_api           (LiveFixture   *fixture,
                                      const char    *app_id,
                                      const char    *app_secret,
                                      const char    *email,
                                      const char    *password) G_GNUC_WARN_UNUSED_RESULT;
/* A client with millisecond intervals, not yet connected. */
CkClient     *live_new_client        (CkApi         *api) G_GNUC_WARN_UNUSED_RESULT;
void          live_connect           (CkClient      *client);
/* The demo account, first example app pair, connected. */
CkClient     *live_new_demo_client   (LiveFixture   *fixture) G_GNUC_WARN_UNUSED_RESULT;

/* State conditions for live_wait_until (data: the CkClient). */
gboolean      live_is_online         (gpointer       client);
gboolean      live_is_reconnecting   (gpointer       client);
gboolean      live_is_offline        (gpointer       client);
gboolean      live_is_session_taken  (gpointer       client);

CkDevice     *live_device            (CkClient      *client,
                                      const char    *device_id);
/* POSTs @body to /_sim/@path of the simulator; asserts HTTP 200. */
void          live_sim_post          (LiveFixture   *fixture,
                                      const char    *path,
                                      const char    *body);

/* A GNetworkMonitor whose availability the test sets. */
#define LIVE_TYPE_FAKE_MONITOR (live_fake_monitor_get_type ())
G_DECLARE_FINAL_TYPE (LiveFakeMonitor, live_fake_monitor, LIVE, FAKE_MONITOR, GObject)

LiveFakeMonitor *live_fake_monitor_new           (gboolean          available) G_GNUC_WARN_UNUSED_RESULT;
void             live_fake_monitor_set_available (LiveFakeMonitor  *self,
                                                  gboolean          available);

G_END_DECLS
