/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

/* Shared by the test-api-* integration tests: an in-process simulator with
 * the demo account, a CkApi pointed at it, and bounded main-loop waits. */

#include "ck-api.h"
#include "cksim-server.h"

G_BEGIN_DECLS

#define API_TEST_WAIT_MS 2000

typedef struct
{
  CkSimServer *sim;
  char        *template;
  CkApi       *api;
  guint        tokens_changed;  /* "tokens-changed" emissions of @api */
} ApiFixture;

void          api_fixture_set_up        (ApiFixture    *fixture,
                                         gconstpointer  data);
void          api_fixture_tear_down     (ApiFixture    *fixture,
                                         gconstpointer  data);

/* A second client of the simulator, with the first example app pair. */
CkApi        *api_fixture_new_api       (ApiFixture    *fixture) G_GNUC_WARN_UNUSED_RESULT;

typedef gboolean (*ApiCondition) (gpointer data);

/* Iterates the main loop until @condition holds; fails the test after @timeout_ms. */
void          api_wait_until            (ApiCondition   condition,
                                         gpointer       data,
                                         guint          timeout_ms);

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

/* The live verification code the simulator issued to @identity, or NULL. */
char         *api_sim_code              (ApiFixture    *fixture,
                                         const char    *identity) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
