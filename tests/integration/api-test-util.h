/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

/* Shared by every integration test: an in-process simulator with the demo
 * data, CkApi and CkClient pointed at it, and bounded main-loop waits. */

#include "ck-api.h"
#include "ck-client.h"
#include "cksim-server.h"

G_BEGIN_DECLS

#define API_TEST_WAIT_MS 2000

/* Demo devices (cksim demo data). */
#define KITCHEN_PLUG     "1000a1b202"   /* UIID 1, shared with the guest */
#define HALL_LIGHT       "1000a1b203"   /* UIID 6 */
#define AQUARIUM         "1000a1b204"   /* UIID 4, four channels */
#define WASHING_MACHINE  "1000a1b206"   /* UIID 32 */
#define BEDROOM_FAN      "1000a1b207"   /* UIID 34 */
#define DIMMER           "1000a1b208"   /* UIID 44 */
#define TV_STRIP         "1000a1b209"   /* UIID 59 */
#define PORCH_BULB       "1000a1b20a"   /* UIID 103 */
#define GARDEN_PUMP      "1000a1b20c"   /* offline in the demo */

typedef struct
{
  CkSimServer *sim;
  char        *template;
  CkApi       *api;             /* first example app pair, demo region */
  guint        tokens_changed;  /* "tokens-changed" emissions of @api */
} ApiFixture;

/* The simulator with the demo data; @api not signed in. */
void          api_fixture_set_up        (ApiFixture    *fixture,
                                         gconstpointer  data);
/* The same, with @api signed in as the demo user (tokens_changed from 0). */
void          api_fixture_set_up_signed_in (ApiFixture *fixture,
                                         gconstpointer  data);
void          api_fixture_tear_down     (ApiFixture    *fixture,
                                         gconstpointer  data);

/* An API for the simulator with the given app pair, not signed in. */
CkApi        *api_new_unsigned          (ApiFixture    *fixture,
                                         const char    *app_id,
                                         const char    *app_secret) G_GNUC_WARN_UNUSED_RESULT;
/* A second client of the simulator, with the first example app pair. */
CkApi        *api_fixture_new_api       (ApiFixture    *fixture) G_GNUC_WARN_UNUSED_RESULT;

typedef gboolean (*ApiCondition) (gpointer data);

/* Iterates the main loop until @condition holds; fails the test after @timeout_ms. */
void          api_wait_until            (ApiCondition   condition,
                                         gpointer       data,
                                         guint          timeout_ms);
/* Iterates the main loop for @ms (for "nothing happens" checks only). */
void          api_run_for               (guint          ms);

/* A GAsyncReadyCallback storing a reference on the result in *(GAsyncResult **) @user_data. */
void          api_store_result_cb       (GObject       *source,
                                         GAsyncResult  *result,
                                         gpointer       user_data);
/* Waits (bounded) until *@slot is set; returns it (the caller unrefs). */
GAsyncResult *api_wait_result           (GAsyncResult **slot);

/* Signs @api in as @email and asserts success. */
void          api_sign_in               (CkApi         *api,
                                         const char    *email,
                                         const char    *password);

/* GET the device list (bounded wait). */
JsonArray    *api_list_devices          (CkApi         *api,
                                         GError       **error) G_GNUC_WARN_UNUSED_RESULT;
/* (transfer none) (nullable): the entry of @list for @device_id. */
JsonObject   *api_find_listed           (JsonArray     *list,
                                         const char    *device_id);

/* The live verification code the simulator issued to @identity, or NULL. */
char         *api_sim_code              (ApiFixture    *fixture,
                                         const char    *identity) G_GNUC_WARN_UNUSED_RESULT;

/* POSTs @body to /_sim/@path of the simulator; asserts HTTP 200. */
void          api_sim_post              (ApiFixture    *fixture,
                                         const char    *path,
                                         const char    *body);

/* ---- Live clients ------------------------------------------------------ */

/* A signed-in API with the given app pair (@email NULL: the demo account). */
CkApi        *live_new_api           (ApiFixture    *fixture,
                                      const char    *app_id,
                                      const char    *app_secret,
                                      const char    *email,
                                      const char    *password) G_GNUC_WARN_UNUSED_RESULT;
/* A client with millisecond intervals, not yet connected. */
CkClient     *live_new_client        (CkApi         *api) G_GNUC_WARN_UNUSED_RESULT;
void          live_connect           (CkClient      *client);
/* The demo account, first example app pair, connected. */
CkClient     *live_new_demo_client   (ApiFixture    *fixture) G_GNUC_WARN_UNUSED_RESULT;

/* State conditions for api_wait_until (data: the CkClient). */
gboolean      live_is_online         (gpointer       client);
gboolean      live_is_reconnecting   (gpointer       client);
gboolean      live_is_offline        (gpointer       client);
gboolean      live_is_session_taken  (gpointer       client);

/* The client's device with @device_id; asserts it exists. */
CkDevice     *live_device            (CkClient      *client,
                                      const char    *device_id);

G_END_DECLS
