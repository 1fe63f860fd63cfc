/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "ck-api"

#include "config.h"

#include "ck-api.h"

#include <string.h>

#include "ck-envelope.h"
#include "ck-json.h"
#include "ck-request.h"
#include "ck-sign.h"

#define DEFAULT_REGION        "eu"
#define DEFAULT_TIMEOUT_S     30
#define DEFAULT_CN_BASE_URL   "https://cn-api.coolkit.cn:8080"
#define DEFAULT_LOOKUP_URL    "https://api.coolkit.cc:8080"
#define REGION_PLACEHOLDER    "{region}"

struct _CkApi
{
  GObject      parent_instance;

  char        *server_template;
  char        *app_id;
  char        *app_secret;
  SoupSession *session;
  char        *ca_file;
  char        *region;
  CkTokens    *tokens;
  guint        timeout;
};

G_DEFINE_FINAL_TYPE (CkApi, ck_api, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SERVER_TEMPLATE,
  PROP_APP_ID,
  PROP_APP_SECRET,
  PROP_SESSION,
  PROP_CA_FILE,
  PROP_REGION,
  PROP_TOKENS,
  PROP_TIMEOUT,
  N_PROPS
};

enum {
  SIGNAL_TOKENS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------------ */
/* Server addresses (spec §1.6)                                             */

gboolean
ck_api_region_is_valid (const char *region)
{
  return g_strcmp0 (region, "cn") == 0 || g_strcmp0 (region, "as") == 0
         || g_strcmp0 (region, "eu") == 0 || g_strcmp0 (region, "us") == 0;
}

static char *
replace_all (const char *text,
             const char *needle,
             const char *replacement)
{
  g_auto(GStrv) parts = g_strsplit (text, needle, -1);

  return g_strjoinv (replacement, parts);
}

char *
ck_api_expand_template (const char *server_template,
                        const char *region)
{
  g_return_val_if_fail (server_template != NULL, NULL);
  g_return_val_if_fail (region != NULL, NULL);

  /* The real cloud serves cn from a .cn host (spec §1.1). */
  if (g_str_equal (server_template, CK_API_DEFAULT_SERVER_TEMPLATE)
      && g_str_equal (region, "cn"))
    return g_strdup (DEFAULT_CN_BASE_URL);

  return replace_all (server_template, REGION_PLACEHOLDER, region);
}

char *
ck_api_lookup_base_url (const char *server_template)
{
  g_autofree char *without = NULL;

  g_return_val_if_fail (server_template != NULL, NULL);

  if (g_str_equal (server_template, CK_API_DEFAULT_SERVER_TEMPLATE))
    return g_strdup (DEFAULT_LOOKUP_URL);

  /* scheme://host:port/{region}: regions are path prefixes (the simulator). */
  if (g_str_has_suffix (server_template, "/" REGION_PLACEHOLDER))
    return g_strndup (server_template,
                      strlen (server_template) - strlen ("/" REGION_PLACEHOLDER));

  /* scheme://{region}-api.host:port: the lookup host drops the prefix. */
  without = replace_all (server_template, REGION_PLACEHOLDER "-", "");
  return replace_all (without, REGION_PLACEHOLDER ".", "");
}

char *
ck_api_build_base_url (CkApi      *self,
                       const char *region)
{
  g_return_val_if_fail (CK_IS_API (self), NULL);

  return ck_api_expand_template (self->server_template,
                                 region != NULL ? region : self->region);
}

/* ------------------------------------------------------------------------ */
/* One REST call: build, sign, send, parse                                   */

typedef enum
{
  AUTH_SIGN,
  AUTH_BEARER,
} Auth;

typedef struct
{
  const char  *method;
  const char  *path;
  Auth         auth;
  CkEndpoint   endpoint;
  JsonObject  *params;
  SoupMessage *message;
  JsonObject  *error_body;
} Call;

static void
call_free (Call *call)
{
  g_clear_pointer (&call->params, json_object_unref);
  g_clear_object (&call->message);
  g_clear_pointer (&call->error_body, json_object_unref);
  g_free (call);
}

static GError *
transport_error (GError     *error,
                 const char *path)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_error_new (CK_ERROR, CK_ERROR_TIMEOUT,
                        "The cloud did not answer in time (%s)", error->message);
  return g_error_new (CK_ERROR, CK_ERROR_NETWORK,
                      "The cloud could not be reached (%s)", error->message);
}

static void
call_sent_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Call *call = g_task_get_task_data (task);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  const char *data;
  gsize len = 0;
  guint status;

  body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (body == NULL)
    {
      g_debug ("%s %s failed: %s", call->method, call->path, error->message);
      g_task_return_error (task, transport_error (error, call->path));
      return;
    }

  status = soup_message_get_status (call->message);
  g_debug ("%s %s → HTTP %u", call->method, call->path, status);

  data = g_bytes_get_data (body, &len);
  node = ck_envelope_parse (status, data, len, call->endpoint, &call->error_body, &error);
  if (node == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&node), (GDestroyNotify) json_node_unref);
}

/* Sends @task's Call with a fresh nonce, ts and signature (spec §2.1). */
static void
call_send (CkApi *self,
           GTask *task)
{
  Call *call = g_task_get_task_data (task);
  g_autofree char *nonce = ck_nonce_new ();
  gint64 ts = g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *base = ck_api_build_base_url (self, NULL);
  g_autofree char *url = NULL;
  g_autofree char *authorization = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;

  if (call->auth == AUTH_BEARER
      && (self->tokens == NULL || self->tokens->access_token == NULL))
    {
      g_task_return_new_error (task, CK_ERROR, CK_ERROR_NOT_SIGNED_IN, "Not signed in");
      g_object_unref (task);
      return;
    }

  if (g_str_equal (call->method, "GET") || g_str_equal (call->method, "DELETE"))
    {
      g_autofree char *query = ck_request_build_query (call->params, self->app_id, nonce, ts);

      url = g_strconcat (base, call->path, "?", query, NULL);
      if (call->auth == AUTH_SIGN)
        {
          g_autofree char *signature = ck_sign (self->app_secret, (const guint8 *) query,
                                                strlen (query));
          authorization = g_strconcat ("Sign ", signature, NULL);
        }
    }
  else
    {
      body = ck_request_build_body (call->params, self->app_id, nonce, ts);
      url = g_strconcat (base, call->path, NULL);
      if (call->auth == AUTH_SIGN)
        {
          gsize len = 0;
          const guint8 *data = g_bytes_get_data (body, &len);
          g_autofree char *signature = ck_sign (self->app_secret, data, len);

          authorization = g_strconcat ("Sign ", signature, NULL);
        }
    }

  if (call->auth == AUTH_BEARER)
    authorization = g_strconcat ("Bearer ", self->tokens->access_token, NULL);

  /* The query is already encoded: keep it byte for byte as signed. */
  uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, &error);
  if (uri == NULL)
    {
      g_task_return_new_error (task, CK_ERROR, CK_ERROR_FAILED,
                               "The server address is not valid (%s)", error->message);
      g_object_unref (task);
      return;
    }

  g_clear_object (&call->message);
  call->message = soup_message_new_from_uri (call->method, uri);
  headers = soup_message_get_request_headers (call->message);
  soup_message_headers_replace (headers, "Authorization", authorization);
  if (body != NULL)
    soup_message_set_request_body_from_bytes (call->message, "application/json", body);
  else
    soup_message_headers_replace (headers, "Content-Type", "application/json");

  soup_session_send_and_read_async (self->session, call->message, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task), call_sent_cb, task);
}

/* @params: (transfer full) (nullable) */
static void
call_async (CkApi               *self,
            const char          *method,
            const char          *path,
            Auth                 auth,
            CkEndpoint           endpoint,
            JsonObject          *params,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Call *call = g_new0 (Call, 1);

  g_task_set_source_tag (task, call_async);
  call->method = method;
  call->path = path;
  call->auth = auth;
  call->endpoint = endpoint;
  call->params = params;
  g_task_set_task_data (task, call, (GDestroyNotify) call_free);

  call_send (self, task);
}

/* @error_body: (out) (optional): the body of a failed call, if any */
static JsonNode *
call_finish (CkApi         *self,
             GAsyncResult  *result,
             JsonObject   **error_body,
             GError       **error)
{
  Call *call = g_task_get_task_data (G_TASK (result));

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == call_async, NULL);

  if (error_body != NULL)
    *error_body = call->error_body ? json_object_ref (call->error_body) : NULL;

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------------------------------------ */
/* Login (spec §3.4)                                                         */

typedef struct
{
  char     *identity;
  char     *password;
  gboolean  moved;
} Login;

static void
login_free (Login *login)
{
  if (login->password != NULL)
    memset (login->password, 0, strlen (login->password));
  g_free (login->password);
  g_free (login->identity);
  g_free (login);
}

static void login_done_cb (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data);

static void
login_send (CkApi *self,
            GTask *task)
{
  Login *login = g_task_get_task_data (task);
  JsonObject *params = json_object_new ();

  ck_request_add_identity (params, login->identity);
  json_object_set_string_member (params, "password", login->password);

  call_async (self, "POST", "/api/user/login", AUTH_SIGN, CK_ENDPOINT_LOGIN, params,
              g_task_get_cancellable (task), login_done_cb, task);
}

static CkTokens *
tokens_from_login (JsonNode    *node,
                   const char  *identity,
                   const char  *region,
                   GError     **error)
{
  JsonObject *object;
  JsonObject *user;
  const char *at;
  const char *apikey;
  const char *answered_region;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    goto invalid;

  object = json_node_get_object (node);
  at = ck_json_get_string (object, "at");
  user = ck_json_get_object (object, "user");
  apikey = ck_json_get_string (user, "apikey");
  answered_region = ck_json_get_string (object, "region");
  if (answered_region == NULL)
    answered_region = region;
  if (at == NULL || apikey == NULL || !ck_api_region_is_valid (answered_region))
    goto invalid;

  return ck_tokens_new (at, ck_json_get_string (object, "rt"),
                        apikey, answered_region, identity);

invalid:
  g_set_error_literal (error, CK_ERROR, CK_ERROR_INVALID_RESPONSE,
                       "The cloud's sign-in answer lacks the session tokens");
  return NULL;
}

static void
login_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  CkApi *self = CK_API (source);
  g_autoptr(GTask) task = user_data;
  Login *login = g_task_get_task_data (task);
  g_autoptr(JsonObject) error_body = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CkTokens) tokens = NULL;

  node = call_finish (self, result, &error_body, &error);
  if (node == NULL)
    {
      const char *region = ck_json_get_string (error_body, "region");

      /* 301: the account lives elsewhere; follow it once (spec §1.3). */
      if (g_error_matches (error, CK_ERROR, CK_ERROR_WRONG_REGION) && !login->moved
          && ck_api_region_is_valid (region))
        {
          g_debug ("Login moves to region %s", region);
          login->moved = TRUE;
          ck_api_set_region (self, region);
          login_send (self, g_steal_pointer (&task));
          return;
        }

      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  tokens = tokens_from_login (node, login->identity, self->region, &error);
  if (tokens == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  ck_api_set_region (self, tokens->region);
  ck_api_set_tokens (self, tokens);
  g_signal_emit (self, signals[SIGNAL_TOKENS_CHANGED], 0);

  g_task_return_pointer (task, g_steal_pointer (&tokens), (GDestroyNotify) ck_tokens_free);
}

void
ck_api_login_async (CkApi               *self,
                    const char          *identity,
                    const char          *password,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  GTask *task;
  Login *login;

  g_return_if_fail (CK_IS_API (self));
  g_return_if_fail (identity != NULL && password != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ck_api_login_async);
  login = g_new0 (Login, 1);
  login->identity = g_strdup (identity);
  login->password = g_strdup (password);
  g_task_set_task_data (task, login, (GDestroyNotify) login_free);

  login_send (self, task);
}

CkTokens *
ck_api_login_finish (CkApi         *self,
                     GAsyncResult  *result,
                     GError       **error)
{
  g_return_val_if_fail (CK_IS_API (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ck_api_login_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------------------------------------ */
/* Device list (spec §3.8)                                                   */

static void
list_devices_done_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *array = NULL;

  node = call_finish (CK_API (source), result, NULL, &error);
  if (node == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The object form, or the old bare array. */
  if (JSON_NODE_HOLDS_ARRAY (node))
    array = json_node_get_array (node);
  else if (JSON_NODE_HOLDS_OBJECT (node))
    array = ck_json_get_array (json_node_get_object (node), "devicelist");

  if (array == NULL)
    {
      g_task_return_new_error (task, CK_ERROR, CK_ERROR_INVALID_RESPONSE,
                               "The cloud's device list has no devices array");
      return;
    }

  g_task_return_pointer (task, json_array_ref (array), (GDestroyNotify) json_array_unref);
}

void
ck_api_list_devices_async (CkApi               *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;
  JsonObject *params;

  g_return_if_fail (CK_IS_API (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ck_api_list_devices_async);

  params = json_object_new ();
  json_object_set_int_member (params, "getTags", 1);
  json_object_set_string_member (params, "lang", "en");
  call_async (self, "GET", "/api/user/device", AUTH_BEARER, CK_ENDPOINT_BEARER, params,
              cancellable, list_devices_done_cb, task);
}

JsonArray *
ck_api_list_devices_finish (CkApi         *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (CK_IS_API (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ck_api_list_devices_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------------------------------------ */
/* Dispatch (spec §3.16)                                                     */

static void
dispatch_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  CkApi *self = CK_API (source);
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;
  g_autoptr(GUri) base_uri = NULL;
  JsonObject *object;
  const char *domain;
  const char *scheme;
  gint64 port = 0;

  node = call_finish (self, result, NULL, &error);
  if (node == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  domain = ck_json_get_string (object, "domain");
  ck_json_get_int (object, "port", &port);
  if (domain == NULL || *domain == '\0' || strpbrk (domain, "/?#@ ") != NULL
      || port <= 0 || port > 65535)
    {
      g_task_return_new_error (task, CK_ERROR, CK_ERROR_INVALID_RESPONSE,
                               "The cloud's dispatch answer has no usable host and port");
      return;
    }

  /* The WebSocket scheme follows the template's (spec §1.6). */
  base = ck_api_build_base_url (self, NULL);
  base_uri = g_uri_parse (base, SOUP_HTTP_URI_FLAGS, NULL);
  scheme = base_uri && g_strcmp0 (g_uri_get_scheme (base_uri), "https") == 0 ? "wss" : "ws";

  g_task_return_pointer (task,
                         g_strdup_printf (strchr (domain, ':') ? "%s://[%s]:%d/api/ws"
                                                               : "%s://%s:%d/api/ws",
                                          scheme, domain, (int) port),
                         g_free);
}

void
ck_api_dispatch_async (CkApi               *self,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  GTask *task;
  JsonObject *params;

  g_return_if_fail (CK_IS_API (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ck_api_dispatch_async);

  params = json_object_new ();
  json_object_set_string_member (params, "accept", "ws");
  call_async (self, "POST", "/dispatch/app", AUTH_BEARER, CK_ENDPOINT_DISPATCH, params,
              cancellable, dispatch_done_cb, task);
}

char *
ck_api_dispatch_finish (CkApi         *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (CK_IS_API (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ck_api_dispatch_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------------------------------------ */
/* Accessors                                                                 */

SoupSession *
ck_api_get_session (CkApi *self)
{
  g_return_val_if_fail (CK_IS_API (self), NULL);
  return self->session;
}

const char *
ck_api_get_app_id (CkApi *self)
{
  g_return_val_if_fail (CK_IS_API (self), NULL);
  return self->app_id;
}

const char *
ck_api_get_server_template (CkApi *self)
{
  g_return_val_if_fail (CK_IS_API (self), NULL);
  return self->server_template;
}

const char *
ck_api_get_region (CkApi *self)
{
  g_return_val_if_fail (CK_IS_API (self), NULL);
  return self->region;
}

void
ck_api_set_region (CkApi      *self,
                   const char *region)
{
  g_return_if_fail (CK_IS_API (self));

  if (region == NULL)
    region = DEFAULT_REGION;
  if (g_strcmp0 (self->region, region) == 0)
    return;

  g_free (self->region);
  self->region = g_strdup (region);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGION]);
}

static gboolean
tokens_equal (const CkTokens *a,
              const CkTokens *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_strcmp0 (a->access_token, b->access_token) == 0
         && g_strcmp0 (a->refresh_token, b->refresh_token) == 0
         && g_strcmp0 (a->apikey, b->apikey) == 0
         && g_strcmp0 (a->region, b->region) == 0
         && g_strcmp0 (a->identity, b->identity) == 0;
}

const CkTokens *
ck_api_get_tokens (CkApi *self)
{
  g_return_val_if_fail (CK_IS_API (self), NULL);
  return self->tokens;
}

void
ck_api_set_tokens (CkApi          *self,
                   const CkTokens *tokens)
{
  g_return_if_fail (CK_IS_API (self));

  if (tokens_equal (self->tokens, tokens))
    return;

  g_clear_pointer (&self->tokens, ck_tokens_free);
  if (tokens != NULL)
    {
      self->tokens = ck_tokens_copy (tokens);
      if (ck_api_region_is_valid (tokens->region))
        ck_api_set_region (self, tokens->region);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOKENS]);
}

gboolean
ck_api_set_ca_file (CkApi       *self,
                    const char  *ca_file,
                    GError     **error)
{
  g_autoptr(GTlsDatabase) database = NULL;

  g_return_val_if_fail (CK_IS_API (self), FALSE);

  if (g_strcmp0 (self->ca_file, ca_file) == 0)
    return TRUE;

  if (ca_file != NULL)
    {
      /* GTlsFileDatabase needs an absolute path. */
      if (!g_path_is_absolute (ca_file))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       "The CA file must be an absolute path: %s", ca_file);
          return FALSE;
        }
      database = g_tls_file_database_new (ca_file, error);
      if (database == NULL)
        return FALSE;
    }
  else
    {
      database = g_tls_backend_get_default_database (g_tls_backend_get_default ());
    }

  soup_session_set_tls_database (self->session, database);
  g_free (self->ca_file);
  self->ca_file = g_strdup (ca_file);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CA_FILE]);

  return TRUE;
}

guint
ck_api_get_timeout (CkApi *self)
{
  g_return_val_if_fail (CK_IS_API (self), 0);
  return self->timeout;
}

void
ck_api_set_timeout (CkApi *self,
                    guint  timeout)
{
  g_return_if_fail (CK_IS_API (self));

  if (self->timeout == timeout)
    return;

  self->timeout = timeout;
  if (self->session != NULL)
    soup_session_set_timeout (self->session, timeout);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                   */

CkApi *
ck_api_new (const char *server_template,
            const char *app_id,
            const char *app_secret)
{
  return g_object_new (CK_TYPE_API,
                       "server-template", server_template,
                       "app-id", app_id,
                       "app-secret", app_secret,
                       NULL);
}

static void
ck_api_constructed (GObject *object)
{
  CkApi *self = CK_API (object);

  G_OBJECT_CLASS (ck_api_parent_class)->constructed (object);

  if (self->server_template == NULL)
    self->server_template = g_strdup (CK_API_DEFAULT_SERVER_TEMPLATE);
  if (self->app_id == NULL)
    self->app_id = g_strdup ("");
  if (self->app_secret == NULL)
    self->app_secret = g_strdup ("");

  if (self->session == NULL)
    self->session = soup_session_new_with_options ("timeout", self->timeout,
                                                   "user-agent", "Relay/" PACKAGE_VERSION,
                                                   NULL);
}

static void
ck_api_finalize (GObject *object)
{
  CkApi *self = CK_API (object);

  if (self->app_secret != NULL)
    memset (self->app_secret, 0, strlen (self->app_secret));
  g_free (self->app_secret);
  g_free (self->server_template);
  g_free (self->app_id);
  g_free (self->ca_file);
  g_free (self->region);
  g_clear_pointer (&self->tokens, ck_tokens_free);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (ck_api_parent_class)->finalize (object);
}

static void
ck_api_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  CkApi *self = CK_API (object);

  switch (prop_id)
    {
    case PROP_SERVER_TEMPLATE:
      g_value_set_string (value, self->server_template);
      break;
    case PROP_APP_ID:
      g_value_set_string (value, self->app_id);
      break;
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_CA_FILE:
      g_value_set_string (value, self->ca_file);
      break;
    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;
    case PROP_TOKENS:
      g_value_set_boxed (value, self->tokens);
      break;
    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ck_api_set_property (GObject      *object,
                     guint         prop_id,
                     const GValue *value,
                     GParamSpec   *pspec)
{
  CkApi *self = CK_API (object);

  switch (prop_id)
    {
    case PROP_SERVER_TEMPLATE:
      self->server_template = g_value_dup_string (value);
      break;
    case PROP_APP_ID:
      self->app_id = g_value_dup_string (value);
      break;
    case PROP_APP_SECRET:
      self->app_secret = g_value_dup_string (value);
      break;
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    case PROP_CA_FILE:
      {
        g_autoptr(GError) error = NULL;

        if (!ck_api_set_ca_file (self, g_value_get_string (value), &error))
          g_warning ("Cannot use CA file: %s", error->message);
      }
      break;
    case PROP_REGION:
      ck_api_set_region (self, g_value_get_string (value));
      break;
    case PROP_TOKENS:
      ck_api_set_tokens (self, g_value_get_boxed (value));
      break;
    case PROP_TIMEOUT:
      ck_api_set_timeout (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ck_api_class_init (CkApiClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ck_api_constructed;
  object_class->finalize = ck_api_finalize;
  object_class->get_property = ck_api_get_property;
  object_class->set_property = ck_api_set_property;

  properties[PROP_SERVER_TEMPLATE] =
    g_param_spec_string ("server-template", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_APP_ID] =
    g_param_spec_string ("app-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_APP_SECRET] =
    g_param_spec_string ("app-secret", NULL, NULL, NULL,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SOUP_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CA_FILE] =
    g_param_spec_string ("ca-file", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL, DEFAULT_REGION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY
                         | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOKENS] =
    g_param_spec_boxed ("tokens", NULL, NULL, CK_TYPE_TOKENS,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL, 0, G_MAXUINT, DEFAULT_TIMEOUT_S,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY
                       | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_TOKENS_CHANGED] =
    g_signal_new ("tokens-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ck_api_init (CkApi *self)
{
  self->region = g_strdup (DEFAULT_REGION);
  self->timeout = DEFAULT_TIMEOUT_S;
}
