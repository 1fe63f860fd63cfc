/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <libsoup/soup.h>
#include <json-glib/json-glib.h>

#include "cksim-server.h"

G_BEGIN_DECLS

/* Fixture flags (the test data pointer). */
#define SIM_COMPAT    (1 << 0)
#define SIM_NO_DEMO   (1 << 1)
#define SIM_NO_CONTROL (1 << 2)

/* The test data pointers the tests register with. */
#define F_DEFAULT    GUINT_TO_POINTER (0)
#define F_COMPAT     GUINT_TO_POINTER (SIM_COMPAT)
#define F_NO_DEMO    GUINT_TO_POINTER (SIM_NO_DEMO)
#define F_NO_CONTROL GUINT_TO_POINTER (SIM_NO_CONTROL)

/* Registers a SimFixture test run with the fixture @flags. */
#define SIM_TEST_ADD(path, func, flags) \
  g_test_add (path, SimFixture, flags, sim_fixture_setup, func, sim_fixture_teardown)

typedef struct
{
  CkSimServer *server;
  SoupSession *session;
  char        *url;      /* http://127.0.0.1:PORT */
  char        *apikey;   /* of the last sim_login() */
} SimFixture;

typedef struct
{
  SoupWebsocketConnection *conn;
  GQueue                   messages;   /* char *, received text frames */
  gboolean                 closed;
  gushort                  close_code;
} SimWs;

void        sim_fixture_setup    (SimFixture    *f,
                                  gconstpointer  data);
void        sim_fixture_teardown (SimFixture    *f,
                                  gconstpointer  data);

/* Iterates the default main context until @done (a gboolean) is TRUE;
 * fails the test after @timeout_ms. */
void        sim_wait_flag        (gboolean      *done,
                                  guint          timeout_ms);
/* Iterates the default main context until @condition (@data) holds or
 * @timeout_ms pass; returns whether it holds. */
gboolean    sim_wait_until       (gboolean     (*condition) (gpointer data),
                                  gpointer       data,
                                  guint          timeout_ms);

/* One HTTP request over loopback. @content_type NULL: none sent. Returns the
 * parsed JSON object body (NULL if none) and the HTTP status. */
JsonObject *sim_http             (SimFixture    *f,
                                  const char    *method,
                                  const char    *path,
                                  const char    *body,
                                  const char    *content_type,
                                  const char    *authorization,
                                  guint         *status);
/* "Sign <base64 HMAC>" over @data with ck_sign. */
char       *sim_sign             (const char    *secret,
                                  const char    *data);
/* A POST signed over its exact body. */
JsonObject *sim_post_signed      (SimFixture    *f,
                                  const char    *path,
                                  const char    *body,
                                  const char    *secret,
                                  guint         *status);
/* Compact login body with a fresh nonce and the simulator's ts. */
char       *sim_login_body       (SimFixture    *f,
                                  const char    *appid,
                                  const char    *email,
                                  const char    *password);
/* Logs in (asserting success); returns the at, stores the apikey. */
char       *sim_login            (SimFixture    *f,
                                  const char    *appid,
                                  const char    *secret,
                                  const char    *email,
                                  const char    *password);
/* "appid=…&nonce=…&ts=…&version=8", sorted, fresh nonce. */
char       *sim_common_query     (SimFixture    *f,
                                  const char    *appid);
/* GET /eu/api/user/device with a Bearer token. */
JsonObject *sim_device_list      (SimFixture    *f,
                                  const char    *appid,
                                  const char    *at,
                                  guint         *status);
gint64      sim_error_code       (JsonObject    *body);
/* Asserts that @reply (transfer full) answers error @code
 * (sim_error_code()), and frees it. */
void        sim_assert_error     (JsonObject    *reply,
                                  gint64         code);

/* Requests with the first example app pair (CKSIM_EXAMPLE_APP_*) and a
 * fresh nonce and ts. @fields: JSON members without braces ("" for none),
 * @query: extra "k=v&..." ("" or NULL for none). */
/* A POST signed over its exact body, under /eu unless @path has a prefix. */
JsonObject *sim_sign_post        (SimFixture    *f,
                                  const char    *path,
                                  const char    *fields);
/* A signed GET over the sorted query. */
JsonObject *sim_sign_get         (SimFixture    *f,
                                  const char    *path,
                                  const char    *query);
/* A Bearer POST / PUT with a JSON body. */
JsonObject *sim_bearer_body      (SimFixture    *f,
                                  const char    *method,
                                  const char    *path,
                                  const char    *at,
                                  const char    *fields);
/* A Bearer GET / DELETE with the parameters in the query. */
JsonObject *sim_bearer_query     (SimFixture    *f,
                                  const char    *method,
                                  const char    *path,
                                  const char    *at,
                                  const char    *query);
/* /_sim/ hooks */
JsonObject *sim_control          (SimFixture    *f,
                                  const char    *method,
                                  const char    *path,
                                  const char    *body);
void        sim_arm_fault        (SimFixture    *f,
                                  const char    *endpoint,
                                  int            code);
/* The live verification code of @identity (asserts there is one). */
char       *sim_code_for         (SimFixture    *f,
                                  const char    *identity);
/* The demo owner / guest, first app pair: the at; f->apikey is theirs. */
char       *sim_login_demo       (SimFixture    *f);
char       *sim_login_guest      (SimFixture    *f);
/* The "code" member of a {"code":N,"error":"…"} body, else 0. */
gint64      sim_code_error       (JsonObject    *body);
/* The same as sim_assert_error() for {"code":N,…} answers. */
void        sim_assert_code_error (JsonObject   *reply,
                                   gint64        code);
/* The device's entry in the state dump, or NULL. */
JsonObject *sim_state_device     (SimFixture    *f,
                                  const char    *deviceid);

/* (element-type JsonObject): the state dump's devices owned by @owner_apikey. */
GPtrArray  *sim_owned_devices    (SimFixture    *f,
                                  const char    *owner_apikey);

/* WebSocket helpers */
SimWs      *sim_ws_connect       (SimFixture    *f);
void        sim_ws_free          (SimWs         *ws);
void        sim_ws_send          (SimWs         *ws,
                                  const char    *text);
/* The next text frame (fails the test after @timeout_ms). */
char       *sim_ws_next_text     (SimWs         *ws,
                                  guint          timeout_ms);
JsonObject *sim_ws_next          (SimWs         *ws,
                                  guint          timeout_ms);
void        sim_ws_wait_closed   (SimWs         *ws,
                                  guint          timeout_ms);
/* The userOnline frame with at/apikey/appid, a fresh nonce and the
 * simulator's ts. */
char       *sim_user_online_text (SimFixture    *f,
                                  const char    *at,
                                  const char    *apikey,
                                  const char    *appid);
/* userOnline with at/apikey/appid; returns the answer. */
JsonObject *sim_ws_user_online   (SimFixture    *f,
                                  SimWs         *ws,
                                  const char    *at,
                                  const char    *apikey,
                                  const char    *appid);
/* Asserts that nothing but "pong" arrives after a ping (no pending push). */
void        sim_ws_assert_quiet  (SimWs         *ws);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SimWs, sim_ws_free)

G_END_DECLS
