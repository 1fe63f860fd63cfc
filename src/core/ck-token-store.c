/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "ck-token-store"

#include "ck-token-store.h"

#include <libsecret/secret.h>
#include <string.h>

struct _CkTokenStore
{
  GObject  parent_instance;

  char    *server_template;
  char    *app_id;
};

G_DEFINE_FINAL_TYPE (CkTokenStore, ck_token_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SERVER_TEMPLATE,
  PROP_APP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The session of one app id on one server, as a JSON secret. */
static const SecretSchema *
session_schema (void)
{
  static const SecretSchema schema = {
    "io.github.relaydesktop.Relay.Session", SECRET_SCHEMA_NONE,
    {
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "app-id", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

/* The app secret of one app id, whatever the server. */
static const SecretSchema *
app_secret_schema (void)
{
  static const SecretSchema schema = {
    "io.github.relaydesktop.Relay.AppSecret", SECRET_SCHEMA_NONE,
    {
      { "app-id", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

static GHashTable *
session_attributes (CkTokenStore *self)
{
  GHashTable *attributes = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_insert (attributes, "server", self->server_template);
  g_hash_table_insert (attributes, "app-id", self->app_id);
  return attributes;
}

static GHashTable *
app_secret_attributes (CkTokenStore *self)
{
  GHashTable *attributes = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_insert (attributes, "app-id", self->app_id);
  return attributes;
}

/* ------------------------------------------------------------------------ */
/* Shared completions                                                        */

static void
stored_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
cleared_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  /* FALSE without an error: nothing was stored, which is fine. */
  secret_password_clear_finish (result, &error);
  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static gboolean
finish_boolean (CkTokenStore  *self,
                GAsyncResult  *result,
                gpointer       source_tag,
                GError       **error)
{
  g_return_val_if_fail (CK_IS_TOKEN_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ------------------------------------------------------------------------ */
/* Session                                                                   */

void
ck_token_store_save_async (CkTokenStore        *self,
                           const CkTokens      *tokens,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GHashTable) attributes = NULL;
  g_autofree char *label = NULL;
  g_autofree char *secret = NULL;
  GTask *task;

  g_return_if_fail (CK_IS_TOKEN_STORE (self));
  g_return_if_fail (tokens != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ck_token_store_save_async);

  secret = ck_tokens_to_json (tokens);
  label = g_strdup_printf ("Relay session for %s", tokens->identity ? tokens->identity : self->app_id);
  attributes = session_attributes (self);
  secret_password_storev (session_schema (), attributes, SECRET_COLLECTION_DEFAULT, label,
                          secret, cancellable, stored_cb, task);

  memset (secret, 0, strlen (secret));
}

gboolean
ck_token_store_save_finish (CkTokenStore  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  return finish_boolean (self, result, ck_token_store_save_async, error);
}

static void
session_looked_up_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  char *secret;
  CkTokens *tokens;

  secret = secret_password_lookup_finish (result, &error);
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

  tokens = ck_tokens_new_from_json (secret, &error);
  secret_password_free (secret);
  if (tokens == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, tokens, (GDestroyNotify) ck_tokens_free);
}

void
ck_token_store_load_async (CkTokenStore        *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GHashTable) attributes = NULL;
  GTask *task;

  g_return_if_fail (CK_IS_TOKEN_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ck_token_store_load_async);

  attributes = session_attributes (self);
  secret_password_lookupv (session_schema (), attributes, cancellable,
                           session_looked_up_cb, task);
}

CkTokens *
ck_token_store_load_finish (CkTokenStore  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (CK_IS_TOKEN_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ck_token_store_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
ck_token_store_clear_async (CkTokenStore        *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GHashTable) attributes = NULL;
  GTask *task;

  g_return_if_fail (CK_IS_TOKEN_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ck_token_store_clear_async);

  attributes = session_attributes (self);
  secret_password_clearv (session_schema (), attributes, cancellable, cleared_cb, task);
}

gboolean
ck_token_store_clear_finish (CkTokenStore  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return finish_boolean (self, result, ck_token_store_clear_async, error);
}

/* ------------------------------------------------------------------------ */
/* App secret                                                                */

void
ck_token_store_save_secret_async (CkTokenStore        *self,
                                  const char          *app_secret,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GHashTable) attributes = NULL;
  g_autofree char *label = NULL;
  GTask *task;

  g_return_if_fail (CK_IS_TOKEN_STORE (self));
  g_return_if_fail (app_secret != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ck_token_store_save_secret_async);

  label = g_strdup_printf ("Relay app secret for %s", self->app_id);
  attributes = app_secret_attributes (self);
  secret_password_storev (app_secret_schema (), attributes, SECRET_COLLECTION_DEFAULT, label,
                          app_secret, cancellable, stored_cb, task);
}

gboolean
ck_token_store_save_secret_finish (CkTokenStore  *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return finish_boolean (self, result, ck_token_store_save_secret_async, error);
}

static void
secret_looked_up_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  char *secret;

  secret = secret_password_lookup_finish (result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Hand out ordinary memory; libsecret's goes back through its own free. */
  g_task_return_pointer (task, g_strdup (secret), g_free);
  if (secret != NULL)
    secret_password_free (secret);
}

void
ck_token_store_load_secret_async (CkTokenStore        *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GHashTable) attributes = NULL;
  GTask *task;

  g_return_if_fail (CK_IS_TOKEN_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ck_token_store_load_secret_async);

  attributes = app_secret_attributes (self);
  secret_password_lookupv (app_secret_schema (), attributes, cancellable,
                           secret_looked_up_cb, task);
}

char *
ck_token_store_load_secret_finish (CkTokenStore  *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (CK_IS_TOKEN_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ck_token_store_load_secret_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                   */

CkTokenStore *
ck_token_store_new (const char *server_template,
                    const char *app_id)
{
  return g_object_new (CK_TYPE_TOKEN_STORE,
                       "server-template", server_template,
                       "app-id", app_id,
                       NULL);
}

static void
ck_token_store_finalize (GObject *object)
{
  CkTokenStore *self = CK_TOKEN_STORE (object);

  g_free (self->server_template);
  g_free (self->app_id);

  G_OBJECT_CLASS (ck_token_store_parent_class)->finalize (object);
}

static void
ck_token_store_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CkTokenStore *self = CK_TOKEN_STORE (object);

  switch (prop_id)
    {
    case PROP_SERVER_TEMPLATE:
      g_value_set_string (value, self->server_template);
      break;
    case PROP_APP_ID:
      g_value_set_string (value, self->app_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ck_token_store_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CkTokenStore *self = CK_TOKEN_STORE (object);

  switch (prop_id)
    {
    case PROP_SERVER_TEMPLATE:
      g_free (self->server_template);
      self->server_template = g_value_dup_string (value);
      if (self->server_template == NULL)
        self->server_template = g_strdup ("");
      break;
    case PROP_APP_ID:
      g_free (self->app_id);
      self->app_id = g_value_dup_string (value);
      if (self->app_id == NULL)
        self->app_id = g_strdup ("");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ck_token_store_class_init (CkTokenStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ck_token_store_finalize;
  object_class->get_property = ck_token_store_get_property;
  object_class->set_property = ck_token_store_set_property;

  properties[PROP_SERVER_TEMPLATE] =
    g_param_spec_string ("server-template", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_APP_ID] =
    g_param_spec_string ("app-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ck_token_store_init (CkTokenStore *self)
{
}
