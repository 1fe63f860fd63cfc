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

/* The demo's factory inventory: made, owned by nobody, ready for
 * POST /api/user/device/add (deviceid + factory apikey) and addGsm
 * (gsmId = md5 (deviceid + factory apikey), spec §3.11). Test data. */
#define CKSIM_FACTORY_DEVICE_ID      "1000f00001"  /* UIID 1, one channel */
#define CKSIM_FACTORY_DEVICE_APIKEY  "0e7c2b6a-51d4-4f0e-9a57-3f1d2c4b5a01"
#define CKSIM_FACTORY_DEVICE4_ID     "1000f00004"  /* UIID 4, four channels */
#define CKSIM_FACTORY_DEVICE4_APIKEY "0e7c2b6a-51d4-4f0e-9a57-3f1d2c4b5a04"
/* The worked example of spec §3.11: gsmId 7681b9f799afe370875aaa605d48973b. */
#define CKSIM_FACTORY_GSM_ID         "100000788a"
#define CKSIM_FACTORY_GSM_APIKEY     "4b21ebbe-8870-4d4a-93f2-7c6cfeff5fea"
#define CKSIM_FACTORY_GSM_GSMID      "7681b9f799afe370875aaa605d48973b"

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
 * "ack-timeout-ms" (5000), "ack-delay-ms" (0), "share-timeout-ms" (60000: a share
 * receiver that does not answer gets error 504 after it, spec §4.9),
 * "idle-timeout-ms" (0 = hb-interval + 37 s, spec §4.4),
 * "handshake-timeout-ms" (10000: a socket without userOnline is closed),
 * "rate-limit" (FALSE; spec §1.5: per IP and endpoint at least
 * "rate-limit-gap-ms" (500) between calls and at most "rate-limit-max" (300)
 * per "rate-limit-window" (300 s), else {"error":429,"msg":"too many requests"}),
 * "code-ttl" (600: verification code lifetime), "code-interval" (60: one
 * code per identity per interval, else 160038),
 * "timer-limit" (16: more timers on a device -> device error 400, spec §7.4),
 * "metering-interval-ms" (10000: readings at least this often while a
 * metering device's uiActive window is open, devices.md §7.2.4),
 * "travel-ms" (10000: a cover's or motor's full travel),
 * "demo-script" (FALSE: the scripted demo of devices.md §7.3 — TH drift,
 * POW load steps, a door opening, a device going offline and back — every
 * "script-interval-ms" (30000) of the simulator clock; see cksim-script.h),
 * "flood-limit" (0 = off; spec §8.7.3: more than N userOnline frames per IP
 * within 60 s of the simulator clock close the socket without an answer).
 * Timed device behaviours (inching, metering, travel, the script) run on the
 * simulator clock: cksim_server_advance_clock() fires what falls due.
 * Signal "code-sent" (identity, code): a verification code was made.
 * Read-only: "port" (0 until listening).
 */

CkSimServer *cksim_server_new            (gboolean      compat,
                                          gboolean      control) G_GNUC_WARN_UNUSED_RESULT;

/* Both example pairs are known from the start; this adds more. */
void         cksim_server_add_app        (CkSimServer  *self,
                                          const char   *app_id,
                                          const char   *app_secret);
/* Spec §8.2.1: a known app with enabled=FALSE answers every REST call
 * (Sign and Bearer endpoints) with {"error":403,"msg":"Sign:oauthClient
 * enable invalid"}; also POST /_sim/app {"appid":…,"enabled":false}. Apps
 * start enabled; kept in the state file. FALSE if @app_id is not known. */
gboolean     cksim_server_set_app_enabled (CkSimServer *self,
                                           const char  *app_id,
                                           gboolean     enabled);
/* Returns FALSE if the e-mail is taken. @region is cn, as, eu or us. */
gboolean     cksim_server_add_user       (CkSimServer  *self,
                                          const char   *email,
                                          const char   *password,
                                          const char   *region,
                                          GError      **error);
/* The demo account (CKSIM_DEMO_*): a device of every family of devices.md §3
 * (fixed ids and names; the first twelve as in issue 2), one offline. */
void         cksim_server_load_demo      (CkSimServer  *self);

/* Seeds a device into @owner_email's account without a state file (spec
 * §8.9), for tests and benchmarks; also POST /_sim/device/add.
 * @device_or_params: a device description in the state-file form
 * ({"deviceid","name","uiid","params","online","model","productModel","ui",
 * "tags",…}, recognised by a "deviceid", "uiid", "name" or "params" member;
 * every member optional) or, without those members, the params of a UIID 1
 * switch. Defaults: a fresh id "1001xxxxxx", UIID 1, "Device <id>", online,
 * the params of the demo device of that UIID. Returns the device id, or NULL
 * with @error (G_IO_ERROR: NOT_FOUND no such account, EXISTS id taken,
 * INVALID_ARGUMENT malformed). Nothing is pushed to open sockets. */
char        *cksim_server_add_device     (CkSimServer  *self,
                                          const char   *owner_email,
                                          JsonObject   *device_or_params,
                                          GError      **error) G_GNUC_WARN_UNUSED_RESULT;

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
/* Test hook: the next call to @endpoint answers error @code in the
 * endpoint's documented shape (spec §8.9). Endpoint names: region, sms,
 * register, login, password-reset, password-change, refresh, device-list,
 * device-get, device-add, device-add-gsm, device-delete, device-rename, tags,
 * group-create, group-update, group-delete, group-list, group-add-device,
 * dispatch, status-get, status-post. {"code":N,"error":…} for device-add and
 * device-add-gsm, {"error":N,"errmsg":…} for status-get/-post (500 on
 * status-post: a real HTTP 500, empty body), {"error":N,"msg":…} elsewhere
 * (301 adds "region": the default region). */
void         cksim_server_arm_fault      (CkSimServer  *self,
                                          const char   *endpoint,
                                          int           code);

/* Flags an account "e-mail not activated": its logins answer 402
 * (spec §8.8.3). FALSE if there is no such account. */
gboolean     cksim_server_set_user_activated (CkSimServer *self,
                                              const char  *identity,
                                              gboolean     activated);
/* (nullable): the live verification code of @identity (spec §8.9). */
const char  *cksim_server_get_code       (CkSimServer  *self,
                                          const char   *identity);

/* How many successful logins the simulator has answered (for resume tests). */
guint        cksim_server_get_login_count (CkSimServer *self);

/* Live-connection test hooks (also under /_sim/, see cksim-control.c) */

/* userOnline frames received so far, successful or not. */
guint        cksim_server_get_handshake_count (CkSimServer *self);
/* The device reports @params itself: merged and pushed (spec §4.7.1). */
gboolean     cksim_server_report_device  (CkSimServer  *self,
                                          const char   *device_id,
                                          JsonObject   *params);
/* @policy: "accept" (default), "refuse" or "timeout". */
gboolean     cksim_server_set_share_policy (CkSimServer *self,
                                            const char  *email,
                                            const char  *policy);
/* @mode: "normal", "delay" (answers after @delay_ms; the device switches at
 * once), "swallow" (update commands vanish: nothing applied or answered) or
 * "silent" (devices never ack: nothing applied; the WS answers 504 after
 * "ack-timeout-ms", HTTP status POST 504 at once; spec §8.6.2). */
gboolean     cksim_server_set_ack_mode   (CkSimServer  *self,
                                          const char   *mode,
                                          guint         delay_ms);
/* FALSE: text pings go unanswered. */
void         cksim_server_set_answer_pings (CkSimServer *self,
                                            gboolean     answer);

G_END_DECLS
