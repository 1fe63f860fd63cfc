/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "ck-api"

#include "config.h"

#include "ck-api-private.h"

#include <string.h>

#include "ck-enums.h"
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

  CkApiRateLimit  rate_limit;
  CkRateLimiter  *rate_limiter;
  guint           session_generation;  /* bumped whenever the tokens change */
  struct Refresh *refresh;             /* the current session's refresh in flight, or NULL */
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
  PROP_RATE_LIMIT,
  PROP_RATE_LIMITER,
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

static gboolean
host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (host == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;
  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

gboolean
ck_api_is_loopback (CkApi *self)
{
  g_autofree char *base = NULL;
  g_autoptr(GUri) uri = NULL;

  g_return_val_if_fail (CK_IS_API (self), FALSE);

  base = ck_api_build_base_url (self, NULL);
  uri = g_uri_parse (base, SOUP_HTTP_URI_FLAGS, NULL);
  return uri != NULL && host_is_loopback (g_uri_get_host (uri));
}

gboolean
ck_api_get_rate_limit_active (CkApi *self)
{
  g_return_val_if_fail (CK_IS_API (self), FALSE);

  switch (self->rate_limit)
    {
    case CK_API_RATE_LIMIT_ON:
      return TRUE;
    case CK_API_RATE_LIMIT_OFF:
      return FALSE;
    case CK_API_RATE_LIMIT_AUTO:
    default:
      /* The real cloud asks for pacing; a loopback simulator does not. */
      return !ck_api_is_loopback (self);
    }
}

char *
ck_api_compute_gsm_id (const char *device_id,
                       const char *factory_apikey)
{
  g_autofree char *joined = NULL;

  g_return_val_if_fail (device_id != NULL && factory_apikey != NULL, NULL);

  /* No separator; the order matters (spec §3.11). */
  joined = g_strconcat (device_id, factory_apikey, NULL);
  return g_compute_checksum_for_string (G_CHECKSUM_MD5, joined, -1);
}

/* ------------------------------------------------------------------------ */
/* One REST call: pace, build, sign, send, parse, retry                      */

typedef struct
{
  CkApiRoute       route;
  char            *path_arg;
  JsonObject      *params;
  CkApiAnswerFunc  answer_func;
  char            *hint;
  GDestroyNotify   result_free;

  SoupMessage     *message;
  char            *sent_token;  /* the `at` of the last attempt (secret) */
  gboolean         moved;       /* a 301 was followed */
  gboolean         refreshed;   /* a 402 was answered with a refresh */
  gboolean         reauthorised; /* a 401 was retried with our own newer token */
  gboolean         slowed;      /* a 429 was retried */
} Call;

static void
call_free (Call *call)
{
  g_clear_pointer (&call->params, json_object_unref);
  g_clear_object (&call->message);
  g_free (call->path_arg);
  g_free (call->hint);
  ck_secret_free (call->sent_token);
  g_free (call);
}

static void call_send (CkApi *self,
                       GTask *task);

static GError *
transport_error (GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_error_new (CK_ERROR, CK_ERROR_TIMEOUT,
                        "The cloud did not answer in time (%s)", error->message);
  return g_error_new (CK_ERROR, CK_ERROR_NETWORK,
                      "The cloud could not be reached (%s)", error->message);
}

static char *
call_limiter_key (Call *call)
{
  /* One key per operation: every device id shares the "/{id}" one. */
  return g_strconcat (call->route.method, " ", call->route.path,
                      call->path_arg != NULL ? "/{id}" : "", NULL);
}

static void
call_paced_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(GError) error = NULL;

  if (!ck_rate_limiter_wait_finish (CK_RATE_LIMITER (source), result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  call_send (g_task_get_source_object (task), task);
}

/* Starts an attempt of @task (which it owns), through the limiter when on. */
static void
call_start (CkApi *self,
            GTask *task)
{
  Call *call = g_task_get_task_data (task);
  g_autofree char *key = NULL;

  if (!ck_api_get_rate_limit_active (self))
    {
      call_send (self, task);
      return;
    }

  key = call_limiter_key (call);
  ck_rate_limiter_wait_async (self->rate_limiter, key, g_task_get_cancellable (task),
                              call_paced_cb, task);
}

static gboolean
call_delayed_cb (gpointer user_data)
{
  GTask *task = user_data;

  if (g_task_return_error_if_cancelled (task))
    g_object_unref (task);
  else
    call_start (g_task_get_source_object (task), task);
  return G_SOURCE_REMOVE;
}

static void
call_refreshed_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(CkTokens) tokens = NULL;
  g_autoptr(GError) error = NULL;

  tokens = g_task_propagate_pointer (G_TASK (result), &error);
  if (tokens == NULL)
    {
      /* The call fails with the refresh's meaning (sign in again). */
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }

  call_start (CK_API (source), task);
}

/* The numeric code of a failed answer: the body's error/code, else the HTTP status. */
static gint64
call_error_code (Call       *call,
                 JsonObject *error_body)
{
  gint64 code = 0;

  if (ck_envelope_get_number (error_body, "error", &code) && code != 0)
    return code;
  if (ck_envelope_get_number (error_body, "code", &code) && code != 0)
    return code;
  return call->message != NULL ? soup_message_get_status (call->message) : 0;
}

/* Our own refresh replaced the `at` @call was sent with. */
static gboolean
call_token_replaced (CkApi *self,
                     Call  *call)
{
  return self->tokens != NULL && g_strcmp0 (self->tokens->access_token, call->sent_token) != 0;
}

/* Decides whether a failed attempt is tried again; takes @task when it is. */
static gboolean
call_retry (CkApi        *self,
            GTask        *task,
            const GError *error,
            JsonObject   *error_body)
{
  Call *call = g_task_get_task_data (task);

  /* 301: the account lives elsewhere; follow it once (spec §1.3). */
  if (g_error_matches (error, CK_ERROR, CK_ERROR_WRONG_REGION)
      && (call->route.flags & CK_API_CALL_FOLLOW_REGION) && !call->moved)
    {
      const char *region = ck_json_get_string (error_body, "region");

      if (!ck_api_region_is_valid (region))
        return FALSE;
      g_debug ("%s moves to region %s", call->route.path, region);
      call->moved = TRUE;
      ck_api_set_region (self, region);
      call_start (self, task);
      return TRUE;
    }

  /* 402 on a Bearer call: refresh once (shared), then retry once (spec §5). */
  if (g_error_matches (error, CK_ERROR, CK_ERROR_TOKEN_EXPIRED)
      && call->route.auth == CK_API_AUTH_BEARER && !call->refreshed)
    {
      call->refreshed = TRUE;
      if (call_token_replaced (self, call))
        {
          /* Another caller's refresh already replaced the token. */
          call_start (self, task);
          return TRUE;
        }
      ck_api_refresh_shared_async (self, ck_api_refresh_shared_async, NULL,
                                   call_refreshed_cb, task);
      return TRUE;
    }

  /* 401 on a Bearer call: a refresh revokes the `at` it replaces (spec §3.7),
   * so a call sent just before our own refresh answers 401. Once more with the
   * new token; only a 401 for the current token means "signed in elsewhere". */
  if (g_error_matches (error, CK_ERROR, CK_ERROR_SESSION_TAKEN)
      && call->route.auth == CK_API_AUTH_BEARER && !call->reauthorised)
    {
      if (call_token_replaced (self, call))
        {
          call->reauthorised = TRUE;
          call_start (self, task);
          return TRUE;
        }
      if (self->refresh != NULL)
        {
          call->reauthorised = TRUE;
          ck_api_refresh_shared_async (self, ck_api_refresh_shared_async, NULL,
                                       call_refreshed_cb, task);
          return TRUE;
        }
    }

  /* 429 (the simulator's --rate-limit): once more after the limiter's delay. */
  if (g_error_matches (error, CK_ERROR, CK_ERROR_RATE_LIMITED)
      && call_error_code (call, error_body) == 429 && !call->slowed)
    {
      g_autoptr(GSource) delay = NULL;

      call->slowed = TRUE;
      delay = g_timeout_source_new (ck_rate_limiter_get_min_interval_ms (self->rate_limiter));
      g_source_set_callback (delay, call_delayed_cb, task, NULL);
      g_source_attach (delay, g_task_get_context (task));
      return TRUE;
    }

  return FALSE;
}

static void
call_sent_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GTask *task = user_data;
  CkApi *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonObject) error_body = NULL;
  gpointer answer;
  const char *data;
  gsize len = 0;
  guint status;

  body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (body == NULL)
    {
      g_debug ("%s %s failed: %s", call->route.method, call->route.path, error->message);
      g_task_return_error (task, transport_error (error));
      g_object_unref (task);
      return;
    }

  status = soup_message_get_status (call->message);
  g_debug ("%s %s → HTTP %u", call->route.method, call->route.path, status);

  data = g_bytes_get_data (body, &len);
  node = ck_envelope_parse (status, data, len, call->route.endpoint, &error_body, &error);
  if (node == NULL)
    {
      if (call_retry (self, task, error, error_body))
        return;
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  if (call->answer_func == NULL)
    {
      g_task_return_pointer (task, g_steal_pointer (&node), (GDestroyNotify) json_node_unref);
      g_object_unref (task);
      return;
    }

  answer = call->answer_func (self, node, call->hint, &error);
  if (answer == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, answer, call->result_free);
  g_object_unref (task);
}

/* Sends one attempt of @task (which it owns) with a fresh nonce, ts and
 * signature (spec §2.1). */
static void
call_send (CkApi *self,
           GTask *task)
{
  Call *call = g_task_get_task_data (task);
  g_autofree char *nonce = ck_nonce_new ();
  gint64 ts = g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *base = NULL;
  g_autofree char *path = NULL;
  g_autofree char *url = NULL;
  g_autofree char *authorization = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;
  const char *method = call->route.method;

  if (call->route.auth == CK_API_AUTH_BEARER
      && (self->tokens == NULL || self->tokens->access_token == NULL
          || *self->tokens->access_token == '\0'))
    {
      g_task_return_new_error (task, CK_ERROR, CK_ERROR_NOT_SIGNED_IN, "Not signed in");
      g_object_unref (task);
      return;
    }

  if (call->route.flags & CK_API_CALL_LOOKUP_HOST)
    base = ck_api_lookup_base_url (self->server_template);
  else
    base = ck_api_build_base_url (self, NULL);

  if (call->path_arg != NULL)
    {
      g_autofree char *segment = g_uri_escape_string (call->path_arg, NULL, FALSE);

      path = g_strconcat (call->route.path, "/", segment, NULL);
    }
  else
    path = g_strdup (call->route.path);

  if (g_str_equal (method, "GET") || g_str_equal (method, "DELETE"))
    {
      g_autofree char *query = ck_request_build_query (call->params, self->app_id, nonce, ts);

      url = g_strconcat (base, path, "?", query, NULL);
      if (call->route.auth == CK_API_AUTH_SIGN)
        {
          g_autofree char *signature = ck_sign (self->app_secret, (const guint8 *) query,
                                                strlen (query));
          authorization = g_strconcat ("Sign ", signature, NULL);
        }
    }
  else
    {
      body = ck_request_build_body (call->params, self->app_id, nonce, ts);
      url = g_strconcat (base, path, NULL);
      if (call->route.auth == CK_API_AUTH_SIGN)
        {
          gsize len = 0;
          const guint8 *data = g_bytes_get_data (body, &len);
          g_autofree char *signature = ck_sign (self->app_secret, data, len);

          authorization = g_strconcat ("Sign ", signature, NULL);
        }
    }

  if (call->route.auth == CK_API_AUTH_BEARER)
    {
      authorization = g_strconcat ("Bearer ", self->tokens->access_token, NULL);
      ck_secret_free (call->sent_token);
      call->sent_token = g_strdup (self->tokens->access_token);
    }

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
  call->message = soup_message_new_from_uri (method, uri);
  headers = soup_message_get_request_headers (call->message);
  soup_message_headers_replace (headers, "Authorization", authorization);
  if (body != NULL)
    soup_message_set_request_body_from_bytes (call->message, "application/json", body);
  else
    soup_message_headers_replace (headers, "Content-Type", "application/json");

  soup_session_send_and_read_async (self->session, call->message, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task), call_sent_cb, task);
}

void
ck_api_call_async (CkApi               *self,
                   gpointer             source_tag,
                   const CkApiRoute    *route,
                   const char          *path_arg,
                   JsonObject          *params,
                   CkApiAnswerFunc      answer_func,
                   const char          *hint,
                   GDestroyNotify       result_free,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  GTask *task;
  Call *call;

  g_return_if_fail (CK_IS_API (self));
  g_return_if_fail (route != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);

  call = g_new0 (Call, 1);
  call->route = *route;
  call->path_arg = g_strdup (path_arg);
  call->params = params;
  call->answer_func = answer_func;
  call->hint = g_strdup (hint);
  call->result_free = result_free;
  g_task_set_task_data (task, call, (GDestroyNotify) call_free);

  call_start (self, task);
}

gpointer
ck_api_call_finish (CkApi         *self,
                    GAsyncResult  *result,
                    gpointer       source_tag,
                    GError       **error)
{
  g_return_val_if_fail (CK_IS_API (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
ck_api_call_finish_boolean (CkApi         *self,
                            GAsyncResult  *result,
                            gpointer       source_tag,
                            GError       **error)
{
  g_autoptr(JsonNode) node = ck_api_call_finish (self, result, source_tag, error);

  return node != NULL;
}

/* ------------------------------------------------------------------------ */
/* Answers                                                                   */

static JsonNode *
answer_member (JsonNode    *answer,
               const char  *member,
               GError     **error)
{
  JsonNode *node = answer;

  if (member != NULL)
    node = JSON_NODE_HOLDS_OBJECT (answer)
           ? json_object_get_member (json_node_get_object (answer), member) : NULL;

  if (node == NULL)
    g_set_error (error, CK_ERROR, CK_ERROR_INVALID_RESPONSE,
                 "The cloud's answer lacks “%s”", member != NULL ? member : "a body");
  return node;
}

gpointer
ck_api_answer_object (CkApi       *self,
                      JsonNode    *answer,
                      const char  *hint,
                      GError     **error)
{
  JsonNode *node = answer_member (answer, hint, error);

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, CK_ERROR, CK_ERROR_INVALID_RESPONSE,
                   "The cloud's answer is not an object where one was expected");
      return NULL;
    }
  return json_object_ref (json_node_get_object (node));
}

gpointer
ck_api_answer_array (CkApi       *self,
                     JsonNode    *answer,
                     const char  *hint,
                     GError     **error)
{
  JsonNode *node = answer_member (answer, hint, error);

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, CK_ERROR, CK_ERROR_INVALID_RESPONSE,
                   "The cloud's answer is not an array where one was expected");
      return NULL;
    }
  return json_array_ref (json_node_get_array (node));
}

gpointer
ck_api_answer_string (CkApi       *self,
                      JsonNode    *answer,
                      const char  *hint,
                      GError     **error)
{
  JsonNode *node = answer_member (answer, hint, error);

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING
      || *json_node_get_string (node) == '\0')
    {
      g_set_error (error, CK_ERROR, CK_ERROR_INVALID_RESPONSE,
                   "The cloud's answer has no text where one was expected");
      return NULL;
    }
  return json_node_dup_string (node);
}

/* The tokens of a sign-in or refresh answer, not installed yet. */
static CkTokens *
parse_session (CkApi       *self,
               JsonNode    *answer,
               const char  *identity,
               GError     **error)
{
  JsonObject *object;
  JsonObject *user;
  const char *at;
  const char *rt;
  const char *apikey;
  const char *region;
  CkTokens *tokens;

  object = JSON_NODE_HOLDS_OBJECT (answer) ? json_node_get_object (answer) : NULL;
  at = ck_json_get_string (object, "at");
  rt = ck_json_get_string (object, "rt");
  user = ck_json_get_object (object, "user");
  apikey = ck_json_get_string (user, "apikey");
  region = ck_json_get_string (object, "region");
  if (region == NULL)
    region = self->region;
  if (at == NULL || *at == '\0' || apikey == NULL || !ck_api_region_is_valid (region))
    {
      g_set_error_literal (error, CK_ERROR, CK_ERROR_INVALID_RESPONSE,
                           "The cloud's sign-in answer lacks the session tokens");
      return NULL;
    }

  tokens = ck_tokens_new (at, rt, apikey, region, identity);
  tokens->issued_at = g_get_real_time () / 1000;
  return tokens;
}

/* Makes @tokens the session and tells the keepers (CkClient's token store). */
static void
install_session (CkApi          *self,
                 const CkTokens *tokens)
{
  ck_api_set_region (self, tokens->region);
  ck_api_set_tokens (self, tokens);
  g_signal_emit (self, signals[SIGNAL_TOKENS_CHANGED], 0);
}

gpointer
ck_api_answer_session (CkApi       *self,
                       JsonNode    *answer,
                       const char  *hint,
                       GError     **error)
{
  CkTokens *tokens = parse_session (self, answer, hint, error);

  if (tokens != NULL)
    install_session (self, tokens);
  return tokens;
}

JsonObject *
ck_api_new_user_params (CkApi *self)
{
  JsonObject *params = json_object_new ();

  json_object_set_string_member (params, "apikey",
                                 self->tokens != NULL && self->tokens->apikey != NULL
                                 ? self->tokens->apikey : "");
  return params;
}

/* ------------------------------------------------------------------------ */
/* The shared refresh (spec §3.7, §5 rule 2)                                 */

static const CkApiRoute refresh_route = {
  "GET", "/api/user/refresh", CK_API_AUTH_SIGN, CK_ENDPOINT_REFRESH, CK_API_CALL_DEFAULT
};

/* One refresh call and the callers waiting for it. */
typedef struct Refresh
{
  guint      generation;  /* of the session it renews */
  char      *identity;
  GPtrArray *waiters;     /* (GTask) */
} Refresh;

static void
refresh_free (Refresh *refresh)
{
  g_ptr_array_unref (refresh->waiters);
  g_free (refresh->identity);
  g_free (refresh);
}

static void
refresh_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  CkApi *self = CK_API (source);
  Refresh *refresh = user_data;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(CkTokens) tokens = NULL;
  g_autoptr(GError) error = NULL;

  if (self->refresh == refresh)
    self->refresh = NULL;

  answer = ck_api_call_finish (self, result, refresh_done_cb, &error);
  if (refresh->generation != self->session_generation)
    {
      /* Signed out or signed in anew meanwhile: this session is over, and
       * installing its renewal would bring it back. */
      g_clear_error (&error);
      error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                   "The session ended while it was being renewed");
    }
  else if (answer != NULL)
    {
      tokens = parse_session (self, answer, refresh->identity, &error);
      if (tokens != NULL)
        install_session (self, tokens);
    }
  g_debug ("Refresh %s for %u caller(s)", tokens ? "succeeded" : "failed", refresh->waiters->len);

  for (guint i = 0; i < refresh->waiters->len; i++)
    {
      GTask *waiter = g_ptr_array_index (refresh->waiters, i);

      if (tokens != NULL)
        g_task_return_pointer (waiter, ck_tokens_copy (tokens), (GDestroyNotify) ck_tokens_free);
      else
        g_task_return_error (waiter, g_error_copy (error));
    }
  refresh_free (refresh);
}

void
ck_api_refresh_shared_async (CkApi               *self,
                             gpointer             source_tag,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *waiter;
  Refresh *refresh;
  JsonObject *params;

  g_return_if_fail (CK_IS_API (self));

  waiter = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (waiter, source_tag);

  /* Only a refresh of the current session is joined (ck_api_set_tokens()
   * forgets an older one). */
  if (self->refresh != NULL)
    {
      g_ptr_array_add (self->refresh->waiters, waiter);
      return;
    }

  if (self->tokens == NULL || self->tokens->refresh_token == NULL
      || *self->tokens->refresh_token == '\0')
    {
      g_task_return_new_error (waiter, CK_ERROR, CK_ERROR_NOT_SIGNED_IN, "Not signed in");
      g_object_unref (waiter);
      return;
    }

  refresh = g_new0 (Refresh, 1);
  refresh->generation = self->session_generation;
  refresh->identity = g_strdup (self->tokens->identity);
  refresh->waiters = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (refresh->waiters, waiter);
  self->refresh = refresh;

  params = json_object_new ();
  json_object_set_string_member (params, "grantType", "refresh");
  json_object_set_string_member (params, "rt", self->tokens->refresh_token);
  /* Not cancellable: other callers may be waiting on it. The answer is
   * installed by refresh_done_cb, only if the session is still the same. */
  ck_api_call_async (self, refresh_done_cb, &refresh_route, NULL, params, NULL, NULL,
                     (GDestroyNotify) json_node_unref, NULL, refresh_done_cb, refresh);
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
         && g_strcmp0 (a->identity, b->identity) == 0
         && a->issued_at == b->issued_at;
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
  /* A new session (sign-in, refresh, sign-out): a refresh still in flight
   * renews the old one and must neither be joined nor installed. */
  self->session_generation++;
  self->refresh = NULL;
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

CkApiRateLimit
ck_api_get_rate_limit (CkApi *self)
{
  g_return_val_if_fail (CK_IS_API (self), CK_API_RATE_LIMIT_AUTO);
  return self->rate_limit;
}

void
ck_api_set_rate_limit (CkApi          *self,
                       CkApiRateLimit  rate_limit)
{
  g_return_if_fail (CK_IS_API (self));

  if (self->rate_limit == rate_limit)
    return;

  self->rate_limit = rate_limit;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RATE_LIMIT]);
}

CkRateLimiter *
ck_api_get_rate_limiter (CkApi *self)
{
  g_return_val_if_fail (CK_IS_API (self), NULL);
  return self->rate_limiter;
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

  ck_secret_free (self->app_secret);
  g_free (self->server_template);
  g_free (self->app_id);
  g_free (self->ca_file);
  g_free (self->region);
  g_clear_pointer (&self->tokens, ck_tokens_free);
  g_clear_object (&self->session);
  g_clear_object (&self->rate_limiter);

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
    case PROP_RATE_LIMIT:
      g_value_set_enum (value, self->rate_limit);
      break;
    case PROP_RATE_LIMITER:
      g_value_set_object (value, self->rate_limiter);
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
    case PROP_RATE_LIMIT:
      ck_api_set_rate_limit (self, g_value_get_enum (value));
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

  properties[PROP_RATE_LIMIT] =
    g_param_spec_enum ("rate-limit", NULL, NULL, CK_TYPE_API_RATE_LIMIT, CK_API_RATE_LIMIT_AUTO,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RATE_LIMITER] =
    g_param_spec_object ("rate-limiter", NULL, NULL, CK_TYPE_RATE_LIMITER,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

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
  self->rate_limit = CK_API_RATE_LIMIT_AUTO;
  self->rate_limiter = ck_rate_limiter_new ();
}
