/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "cksim-auth"

#include "cksim-auth.h"
#include "cksim-json.h"
#include "cksim-secret.h"

#include <ck-sign.h>
#include <string.h>

struct _CkSimAuth
{
  CkSimState        *state;
  const CkSimConfig *config;
  GHashTable        *nonces;  /* "appid nonce" -> expiry (unix s) */
};

CkSimAuth *
cksim_auth_new (CkSimState        *state,
                const CkSimConfig *config)
{
  CkSimAuth *auth = g_new0 (CkSimAuth, 1);

  auth->state = g_object_ref (state);
  auth->config = config;
  auth->nonces = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return auth;
}

void
cksim_auth_free (CkSimAuth *auth)
{
  if (auth == NULL)
    return;
  g_clear_object (&auth->state);
  g_clear_pointer (&auth->nonces, g_hash_table_unref);
  g_free (auth);
}

static gint64
now (CkSimAuth *auth)
{
  return cksim_clock_get_time (cksim_state_get_clock (auth->state));
}

static gboolean
all_digits (const char *s)
{
  if (s == NULL || *s == '\0')
    return FALSE;
  for (; *s != '\0'; s++)
    if (!g_ascii_isdigit (*s))
      return FALSE;
  return TRUE;
}

gboolean
cksim_auth_get_integer (CkSimAuth  *auth,
                        JsonObject *params,
                        const char *name,
                        gboolean    query_form,
                        gint64     *value)
{
  JsonNode *node = json_object_get_member (params, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  if (cksim_json_is_integer (node) && !query_form)
    {
      *value = json_node_get_int (node);
      return TRUE;
    }
  /* Digits in a string: the query form, or an old client under --compat. */
  if (json_node_get_value_type (node) == G_TYPE_STRING
      && (query_form || auth->config->compat)
      && all_digits (json_node_get_string (node)) && strlen (json_node_get_string (node)) <= 15)
    {
      *value = g_ascii_strtoll (json_node_get_string (node), NULL, 10);
      return TRUE;
    }
  return FALSE;
}

static gboolean
nonce_well_formed (CkSimAuth  *auth,
                   const char *nonce)
{
  gsize len = strlen (nonce);

  for (const char *p = nonce; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;
  if (auth->config->compat)
    return len >= 1 && len <= 32;
  return len == 8;
}

gboolean
cksim_auth_check_common (CkSimAuth  *auth,
                         JsonObject *params,
                         gboolean    query_form,
                         gboolean    nonce_optional)
{
  gint64 version, ts;
  JsonNode *nonce = json_object_get_member (params, "nonce");

  if (!cksim_auth_get_integer (auth, params, "version", query_form, &version) || version != 8)
    return FALSE;
  /* A query's version is the text "8" (§8.2.2), not "08". */
  if (query_form && g_strcmp0 (cksim_json_get_string (params, "version"), "8") != 0)
    return FALSE;

  /* Ten digits of seconds in both modes; compat drops only the window (§8.10). */
  if (!cksim_auth_get_integer (auth, params, "ts", query_form, &ts)
      || ts < 1000000000 || ts > 9999999999)
    return FALSE;
  if (!auth->config->compat && ABS (ts - now (auth)) > auth->config->ts_window)
    return FALSE;

  if (nonce == NULL)
    return nonce_optional && auth->config->compat;
  if (!cksim_json_is_string (nonce))
    return FALSE;
  return nonce_well_formed (auth, json_node_get_string (nonce));
}

/* Spec §8.2.5: a nonce seen again within the window on a Sign endpoint. */
static gboolean
nonce_replayed (CkSimAuth  *auth,
                const char *appid,
                const char *nonce)
{
  g_autofree char *key = g_strconcat (appid, " ", nonce, NULL);
  gint64 t = now (auth);
  GHashTableIter iter;
  gpointer expiry;

  if (auth->config->compat)
    return FALSE;

  g_hash_table_iter_init (&iter, auth->nonces);
  while (g_hash_table_iter_next (&iter, NULL, &expiry))
    if (GPOINTER_TO_SIZE (expiry) < (gsize) t)
      g_hash_table_iter_remove (&iter);

  if (g_hash_table_contains (auth->nonces, key))
    return TRUE;
  g_hash_table_insert (auth->nonces, g_steal_pointer (&key),
                       GSIZE_TO_POINTER ((gsize) (t + 2 * auth->config->ts_window)));
  return FALSE;
}

/* "Sign " + 44 characters of standard base64 that decode to 32 bytes. */
static const char *
parse_sign_header (const char *header)
{
  const char *value;
  gsize len;

  if (header == NULL || !g_str_has_prefix (header, "Sign "))
    return NULL;
  value = header + 5;
  len = strlen (value);
  if (len != 44 || value[43] != '=' || value[42] == '=')
    return NULL;
  for (gsize i = 0; i < 43; i++)
    if (!g_ascii_isalnum (value[i]) && value[i] != '+' && value[i] != '/')
      return NULL;
  return value;
}

static gboolean
signature_matches (const char *secret,
                   const char *expected,
                   const char *data,
                   gsize       len)
{
  g_autofree char *sig = ck_sign (secret, (const guint8 *) (data != NULL ? data : ""), len);

  return sig != NULL && cksim_secret_equal (sig, expected);
}

static JsonObject *
auth_failed (void)
{
  return cksim_error_body (406, "Authentication Failed");
}

/* Spec §8.2.1: the same answer on Sign and Bearer endpoints (FIELD text). */
static JsonObject *
app_disabled (void)
{
  return cksim_error_body (403, "Sign:oauthClient enable invalid");
}

static JsonObject *
check_sign (CkSimAuth    *auth,
            CkSimRequest *req)
{
  const char *expected = parse_sign_header (cksim_request_get_header (req, "Authorization"));
  const char *appid = cksim_request_get_string (req, "appid");
  const char *secret = cksim_state_get_app_secret (auth->state, appid);
  gboolean ok;

  if (expected == NULL || secret == NULL)
    return auth_failed ();
  /* The app's record says it is off before its secret is used. */
  if (!cksim_state_get_app_enabled (auth->state, appid))
    return app_disabled ();

  if (req->query_form)
    {
      g_autofree char *canonical = cksim_request_canonical_query (req);
      const char *raw = req->raw_query != NULL ? req->raw_query : "";

      /* Either the raw query as received, or its canonical sorted form. */
      ok = signature_matches (secret, expected, raw, strlen (raw))
           | signature_matches (secret, expected, canonical, strlen (canonical));
    }
  else
    {
      gsize len;
      const char *data = g_bytes_get_data (req->body, &len);

      ok = signature_matches (secret, expected, data, len);
    }
  if (!ok)
    return auth_failed ();

  if (!cksim_auth_check_common (auth, req->params, req->query_form, FALSE))
    return cksim_error_body (400, "params incomplete");

  if (nonce_replayed (auth, appid, cksim_request_get_string (req, "nonce")))
    return auth_failed ();
  return NULL;
}

/* Spec §2.6: the nested shape of a missing or empty Bearer token. */
static JsonObject *
bearer_empty (void)
{
  return cksim_error_body (406, "{\"error\":401,\"msg\":\"Bearer:accessToken is empty\"}");
}

static JsonObject *
token_unknown (void)
{
  return cksim_error_body (401, "token is invalid or was revoked");
}

static gboolean
token_owner_in_region (CkSimAuth    *auth,
                       CkSimSession *session,
                       const char   *region)
{
  CkSimUser *owner = cksim_state_find_user_by_apikey (auth->state, session->user_apikey);

  return owner != NULL && g_strcmp0 (owner->region, region) == 0;
}

static JsonObject *
check_bearer (CkSimAuth     *auth,
              CkSimRequest  *req,
              CkSimSession **out)
{
  const char *header = cksim_request_get_header (req, "Authorization");
  const char *appid = cksim_request_get_string (req, "appid");
  const char *at;
  CkSimSession *session = NULL;

  if (header == NULL || !g_str_has_prefix (header, "Bearer "))
    return bearer_empty ();
  at = header + strlen ("Bearer ");
  if (*at == '\0')
    return bearer_empty ();

  if (cksim_state_get_app_secret (auth->state, appid) == NULL)
    return cksim_error_body (400, "params incomplete");
  if (!cksim_state_get_app_enabled (auth->state, appid))
    return app_disabled ();
  /* §8.10 spares the nonce of a Bearer GET only (PEER's device list), not DELETE. */
  if (!cksim_auth_check_common (auth, req->params, req->query_form, g_str_equal (req->method, "GET")))
    return cksim_error_body (400, "params incomplete");

  switch (cksim_state_lookup_at (auth->state, at, &session))
    {
    case CKSIM_TOKEN_UNKNOWN:
      return token_unknown ();
    case CKSIM_TOKEN_EXPIRED:
      return cksim_error_body (402, "token expired");
    case CKSIM_TOKEN_LIVE:
    default:
      break;
    }
  if (!g_str_equal (session->appid, appid))
    return cksim_error_body (401, "token belongs to another appid");
  /* §1.6: the prefix is the region the request reached, and each region of
   * the real cloud is its own service. Only sms, login and register document
   * 301 (§6); a token of another region's account is simply unknown there,
   * so every Bearer endpoint answers as for an unknown token. */
  if (!token_owner_in_region (auth, session, req->region))
    return token_unknown ();

  if (out != NULL)
    *out = session;
  return NULL;
}

JsonObject *
cksim_auth_check_request (CkSimAuth     *auth,
                          CkSimRequest  *req,
                          CkSimAuthKind  kind,
                          CkSimSession **session)
{
  JsonObject *error;

  if (session != NULL)
    *session = NULL;

  /* Test hooks take any content type and an empty body (GET: the query). */
  if (kind == CKSIM_AUTH_NONE && cksim_request_is_body_method (req) && g_bytes_get_size (req->body) == 0)
    {
      g_clear_pointer (&req->params, json_object_unref);
      req->params = json_object_new ();
      return NULL;
    }
  error = cksim_request_parse_params (req, auth->config->compat || kind == CKSIM_AUTH_NONE);
  if (error != NULL)
    return error;

  switch (kind)
    {
    case CKSIM_AUTH_SIGN:
      return check_sign (auth, req);
    case CKSIM_AUTH_BEARER:
      return check_bearer (auth, req, session);
    case CKSIM_AUTH_NONE:
    default:
      return NULL;
    }
}
