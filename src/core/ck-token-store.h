/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <gio/gio.h>

#include "ck-tokens.h"

G_BEGIN_DECLS

#define CK_TYPE_TOKEN_STORE (ck_token_store_get_type ())
G_DECLARE_FINAL_TYPE (CkTokenStore, ck_token_store, CK, TOKEN_STORE, GObject)

/**
 * CkTokenStore:
 *
 * The signed-in session (tokens, apikey, region, identity) and app secrets in
 * the user's keyring through libsecret, keyed by server template and app id.
 * Nothing here ever reaches a file, a log or a command line.
 *
 * What is kept: the session (`at`, `rt`, apikey, region and the identity
 * that signed in, one JSON secret) under the attributes server template and
 * app id, and the app secret under the app id. One session per (server,
 * app id): the GUI and the CLI use different app ids so that neither signs
 * the other out (ARCHITECTURE "One live session"). CkClient's "token-store"
 * saves new tokens here, resumes from it and clears it on sign-out.
 */

CkTokenStore *ck_token_store_new               (const char          *server_template,
                                                const char          *app_id) G_GNUC_WARN_UNUSED_RESULT;

void          ck_token_store_save_async        (CkTokenStore        *self,
                                                const CkTokens      *tokens,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean      ck_token_store_save_finish       (CkTokenStore        *self,
                                                GAsyncResult        *result,
                                                GError             **error);

/* Completes with NULL and no error when nothing is stored. */
void          ck_token_store_load_async        (CkTokenStore        *self,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
CkTokens     *ck_token_store_load_finish       (CkTokenStore        *self,
                                                GAsyncResult        *result,
                                                GError             **error) G_GNUC_WARN_UNUSED_RESULT;

void          ck_token_store_clear_async       (CkTokenStore        *self,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean      ck_token_store_clear_finish      (CkTokenStore        *self,
                                                GAsyncResult        *result,
                                                GError             **error);

/* The app secret for this store's app id (the secret is per app id, any server). */
void          ck_token_store_save_secret_async (CkTokenStore        *self,
                                                const char          *app_secret,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean      ck_token_store_save_secret_finish (CkTokenStore       *self,
                                                 GAsyncResult       *result,
                                                 GError            **error);
void          ck_token_store_load_secret_async (CkTokenStore        *self,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
/* (nullable): NULL and no error when none is stored. */
char         *ck_token_store_load_secret_finish (CkTokenStore       *self,
                                                 GAsyncResult       *result,
                                                 GError            **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
