/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The published example app pairs of spec §2.5 (test data, known by default). */
#define CKSIM_EXAMPLE_APP_ID      "McFJj4Noke1mGDZCR1QarGW7P9Ycp0Vr"
#define CKSIM_EXAMPLE_APP_SECRET  "OdPuCZ4PkPPi0rVKRVcGmll2NM6vVk0c"
#define CKSIM_EXAMPLE2_APP_ID     "I25m0KljbFfGsTjRc3eTwTEPVwKzsvCF"
#define CKSIM_EXAMPLE2_APP_SECRET "S1fHFiMqzykNdxlSrk9Pjdczp7rsvt3M"

/* The demo account (test data). */
#define CKSIM_DEMO_EMAIL    "demo@relay.example"
#define CKSIM_DEMO_PASSWORD "relay-demo-1"
#define CKSIM_DEMO_REGION   "eu"
/* A second demo account; the demo shares "Kitchen plug" with it (test data). */
#define CKSIM_DEMO_GUEST_EMAIL    "guest@relay.example"
#define CKSIM_DEMO_GUEST_PASSWORD "relay-guest-1"

#define CKSIM_TYPE_SERVER (cksim_server_get_type ())
G_DECLARE_FINAL_TYPE (CkSimServer, cksim_server, CKSIM, SERVER, GObject)

/**
 * CkSimServer:
 *
 * The simulated CoolKit v1 cloud on one loopback port: regions as path
 * prefixes, dispatch, the WebSocket at /api/ws, and /_sim/ test hooks when
 * "control" is set. Strict per spec §8 unless "compat" is set.
 *
 * Construct properties: "compat", "control", "default-region",
 * "tls-certificate" (GTlsCertificate, NULL for plain HTTP),
 * "state-file" (path or NULL; loaded at construction if it exists, then
 * saved with mode 0600 after every change — see cksim_server_open_state()).
 * Properties (seconds unless noted; all settable at any time):
 * "ts-window" (300), "at-ttl" (30 d), "rt-ttl" (60 d), "hb-interval" (145),
 * "ack-timeout-ms" (5000), "ack-delay-ms" (0),
 * "idle-timeout-ms" (0 = hb-interval + 37 s, spec §4.4),
 * "handshake-timeout-ms" (10000: a socket without userOnline is closed).
 * Read-only: "port" (0 until listening).
 */

CkSimServer *cksim_server_new            (gboolean      compat,
                                          gboolean      control) G_GNUC_WARN_UNUSED_RESULT;

/* Both example pairs are known from the start; this adds more. */
void         cksim_server_add_app        (CkSimServer  *self,
                                          const char   *app_id,
                                          const char   *app_secret);
/* Returns FALSE if the e-mail is taken. @region is cn, as, eu or us. */
gboolean     cksim_server_add_user       (CkSimServer  *self,
                                          const char   *email,
                                          const char   *password,
                                          const char   *region,
                                          GError      **error);
/* The demo account (CKSIM_DEMO_*) and its dozen devices, one offline. */
void         cksim_server_load_demo      (CkSimServer  *self);

/* Listens on 127.0.0.1:@port (0 = any free port). */
gboolean     cksim_server_listen         (CkSimServer  *self,
                                          guint         port,
                                          GError      **error);
guint        cksim_server_get_port       (CkSimServer  *self);
/* "http://127.0.0.1:PORT" (or https://) */
char        *cksim_server_get_url        (CkSimServer  *self) G_GNUC_WARN_UNUSED_RESULT;
/* "http://127.0.0.1:PORT/{region}": the client's server template. */
char        *cksim_server_get_template   (CkSimServer  *self) G_GNUC_WARN_UNUSED_RESULT;

/* The simulator's clock, unix seconds; tests move it forward. */
gint64       cksim_server_get_time       (CkSimServer  *self);
void         cksim_server_advance_clock  (CkSimServer  *self,
                                          gint64        seconds);

/* The state dump served at /_sim/state. */
JsonNode    *cksim_server_dump_state     (CkSimServer  *self) G_GNUC_WARN_UNUSED_RESULT;
/* (transfer none) (nullable): a device's stored params. */
JsonObject  *cksim_server_get_device_params (CkSimServer *self,
                                             const char  *device_id);
gboolean     cksim_server_set_device_online (CkSimServer *self,
                                             const char  *device_id,
                                             gboolean     online);
/* Loads @path if it exists (else starts empty) and saves the state there,
 * mode 0600, after every change. Passwords and tokens are stored only as
 * salted HMACs / hashes. Call before adding users or the demo. */
gboolean     cksim_server_open_state     (CkSimServer  *self,
                                          const char   *path,
                                          GError      **error);
/* Closes every WebSocket, or those of one account (@email NULL: all). */
guint        cksim_server_drop_sockets   (CkSimServer  *self,
                                          const char   *email);
/* Test hook: the next call to @endpoint ("login", "device-list",
 * "dispatch", "status-post", ...) answers error @code. */
void         cksim_server_arm_fault      (CkSimServer  *self,
                                          const char   *endpoint,
                                          int           code);

/* How many successful logins the simulator has answered (for resume tests). */
guint        cksim_server_get_login_count (CkSimServer *self);

G_END_DECLS
