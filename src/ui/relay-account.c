/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "relay-account"

#include "config.h"

#include "ck-token-store.h"
#include "relay-account.h"

/*
 * The remembered session of the real app: which server and app id it used
 * (GSettings, nothing secret) and its tokens and app secret (the keyring,
 * through CkTokenStore). The demo never calls any of this.
 */

typedef struct
{
  CkTokenStore *store;
  char         *server_template;
  char         *app_id;
  CkTokens     *tokens;
} ResumeData;

static void
resume_data_free (ResumeData *data)
{
  g_clear_object (&data->store);
  g_clear_pointer (&data->server_template, g_free);
  g_clear_pointer (&data->app_id, g_free);
  g_clear_pointer (&data->tokens, ck_tokens_free);
  g_free (data);
}

static CkTokenStore *
create_store (CkClient *client)
{
  CkApi *api = ck_client_get_api (client);

  return ck_token_store_new (ck_api_get_server_template (api), ck_api_get_app_id (api));
}

static void
save_tokens_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* Not fatal: the session works, it just will not be resumed next time. */
  if (!ck_token_store_save_finish (CK_TOKEN_STORE (object), result, &error))
    g_message ("Could not keep the session in the keyring: %s", error->message);
}

static void
save_secret_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!ck_token_store_save_secret_finish (CK_TOKEN_STORE (object), result, &error))
    g_message ("Could not keep the app secret in the keyring: %s", error->message);
}

static void
save_tokens (CkTokenStore *store,
             CkApi        *api)
{
  const CkTokens *tokens = ck_api_get_tokens (api);

  if (tokens != NULL)
    ck_token_store_save_async (store, tokens, NULL, save_tokens_cb, NULL);
}

static void
on_api_tokens_changed_cb (CkApi        *api,
                          CkTokenStore *store)
{
  save_tokens (store, api);
}

/* Refreshed tokens replace the stored ones, so a resumed session stays resumable. */
static void
keep_tokens_saved (CkClient     *client,
                   CkTokenStore *store)
{
  g_signal_connect_data (ck_client_get_api (client), "tokens-changed",
                         G_CALLBACK (on_api_tokens_changed_cb),
                         g_object_ref (store), (GClosureNotify) g_object_unref,
                         0);
}

static void
load_secret_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ResumeData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = NULL;
  g_autoptr(CkApi) api = NULL;
  g_autoptr(CkClient) client = NULL;

  secret = ck_token_store_load_secret_finish (CK_TOKEN_STORE (object), result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (secret == NULL)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  api = ck_api_new (data->server_template, data->app_id, secret);
  if (data->tokens->region != NULL)
    ck_api_set_region (api, data->tokens->region);
  ck_api_set_tokens (api, data->tokens);

  client = ck_client_new (api);
  keep_tokens_saved (client, data->store);

  g_task_return_pointer (task, g_steal_pointer (&client), g_object_unref);
}

static void
load_tokens_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ResumeData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  data->tokens = ck_token_store_load_finish (CK_TOKEN_STORE (object), result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (data->tokens == NULL)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  ck_token_store_load_secret_async (data->store, g_task_get_cancellable (task),
                                    load_secret_cb, g_object_ref (task));
}

/**
 * relay_account_resume_async:
 * @settings: the application's settings
 *
 * Looks up the session remembered for the last server and app id.
 */
void
relay_account_resume_async (GSettings           *settings,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ResumeData *data;

  g_return_if_fail (G_IS_SETTINGS (settings));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, relay_account_resume_async);

  data = g_new0 (ResumeData, 1);
  data->server_template = g_settings_get_string (settings, "server-template");
  data->app_id = g_settings_get_string (settings, "app-id");
  g_task_set_task_data (task, data, (GDestroyNotify) resume_data_free);

  if (data->app_id[0] == '\0' || data->server_template[0] == '\0')
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  data->store = ck_token_store_new (data->server_template, data->app_id);
  ck_token_store_load_async (data->store, cancellable, load_tokens_cb, g_steal_pointer (&task));
}

/**
 * relay_account_resume_finish:
 *
 * Returns: (transfer full) (nullable): a client holding the remembered
 * tokens, not connected yet; %NULL without an error when nothing is
 * remembered
 */
CkClient *
relay_account_resume_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == relay_account_resume_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * relay_account_remember:
 * @client: a client that has just signed in
 * @app_secret: the secret of the client's app id
 *
 * Keeps the session so the next start resumes it without a password.
 */
void
relay_account_remember (GSettings  *settings,
                        CkClient   *client,
                        const char *app_secret)
{
  g_autoptr(CkTokenStore) store = NULL;
  CkApi *api;

  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (CK_IS_CLIENT (client));
  g_return_if_fail (app_secret != NULL);

  api = ck_client_get_api (client);
  g_settings_set_string (settings, "server-template", ck_api_get_server_template (api));
  g_settings_set_string (settings, "app-id", ck_api_get_app_id (api));

  store = create_store (client);
  ck_token_store_save_secret_async (store, app_secret, NULL, save_secret_cb, NULL);
  save_tokens (store, api);
  keep_tokens_saved (client, store);
}

static void
clear_tokens_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!ck_token_store_clear_finish (CK_TOKEN_STORE (object), result, &error))
    g_message ("Could not remove the session from the keyring: %s", error->message);
}

/**
 * relay_account_forget:
 *
 * Removes the remembered session of @client (the app secret stays, so
 * signing in again only needs the account's password).
 */
void
relay_account_forget (GSettings *settings,
                      CkClient  *client)
{
  g_autoptr(CkTokenStore) store = NULL;

  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (CK_IS_CLIENT (client));

  g_signal_handlers_disconnect_matched (ck_client_get_api (client), G_SIGNAL_MATCH_FUNC,
                                        0, 0, NULL, on_api_tokens_changed_cb, NULL);
  store = create_store (client);
  ck_token_store_clear_async (store, NULL, clear_tokens_cb, NULL);
}
