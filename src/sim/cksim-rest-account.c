/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "cksim-rest-account"

#include "cksim-rest-handlers.h"
#include "cksim-present.h"

#include <string.h>

/* Accounts and sessions: spec §3.2–3.7, §5, §8.8.1–3. */

#define PASSWORD_MIN 8   /* SIM, §8.8.2 */
#define PASSWORD_MAX 64

static gboolean
valid_phone (const char *phone)
{
  gsize len = strlen (phone);

  if (phone[0] != '+' || len < 7 || len > 16)
    return FALSE;
  for (gsize i = 1; i < len; i++)
    if (!g_ascii_isdigit (phone[i]))
      return FALSE;
  return TRUE;
}

static gboolean
valid_email (const char *email)
{
  const char *at = strchr (email, '@');

  return at != NULL && at != email && at[1] != '\0' && strchr (at + 1, '@') == NULL
         && strpbrk (email, " \t\r\n") == NULL;
}

/* The identity of an account request: the phone number first (§1.3), then
 * the e-mail; both may be null or "" (absent). NULL when none or malformed. */
static char *
request_identity (CkSimRequest *req,
                  const char   *phone_member)
{
  const char *phone = cksim_request_get_string (req, phone_member);
  const char *email = cksim_request_get_string (req, "email");

  if (!cksim_member_is_string_or_absent (req->params, phone_member)
      || !cksim_member_is_string_or_absent (req->params, "email"))
    return NULL;
  if (phone != NULL)
    return valid_phone (phone) ? cksim_normalize_identity (phone) : NULL;
  if (email != NULL)
    return valid_email (email) ? cksim_normalize_identity (email) : NULL;
  return NULL;
}

static gboolean
valid_password (const char *password)
{
  glong len = password != NULL ? g_utf8_strlen (password, -1) : 0;

  return len >= PASSWORD_MIN && len <= PASSWORD_MAX;
}

void
cksim_handle_sms (CkSimContext *ctx,
                  CkSimRequest *req,
                  CkSimSession *session)
{
  const char *send_type = cksim_request_get_string (req, "sendType");
  gboolean has_email = cksim_request_get_string (req, "email") != NULL;
  gboolean has_to = cksim_request_get_string (req, "to") != NULL;
  g_autofree char *identity = NULL;
  g_autoptr(JsonObject) body = NULL;
  CkSimUser *user;
  const char *code;

  /* sendType is a string; "3" and "4" (close account, WeChat) are not simulated. */
  if (g_strcmp0 (send_type, "0") != 0 && g_strcmp0 (send_type, "1") != 0)
    {
      cksim_reply_error (req, 400, "sendType must be \"0\" or \"1\"");
      return;
    }
  /* Exactly one of email / to (§3.2). */
  if (has_email == has_to || (identity = request_identity (req, "to")) == NULL)
    {
      cksim_reply_error (req, 400, "params incomplete");
      return;
    }

  user = cksim_state_find_user (ctx->state, identity);
  if (user != NULL && !g_str_equal (user->region, req->region))
    {
      cksim_reply_region_moved (req, user->region);
      return;
    }
  if (g_str_equal (send_type, "0") && user != NULL)
    {
      cksim_reply_error (req, 409, "account already registered");
      return;
    }
  if (g_str_equal (send_type, "1") && user == NULL)
    {
      cksim_reply_error (req, 401, "user does not exist");
      return;
    }

  code = cksim_codes_issue (ctx->codes, identity, send_type, ctx->config->code_ttl,
                            ctx->config->code_interval);
  if (code == NULL)
    {
      cksim_reply_error (req, 160038, "sending too often");
      return;
    }
  if (ctx->code_sent != NULL)
    ctx->code_sent (identity, code, ctx->code_sent_data);

  body = cksim_error_body (0, NULL);
  cksim_reply_ok (req, body);
}

/* The fields register and reset share; replies 400 and returns FALSE when
 * one is missing or malformed. */
static gboolean
code_request_fields (CkSimRequest  *req,
                     char         **identity,
                     const char   **code,
                     const char   **password)
{
  *identity = request_identity (req, "phoneNumber");
  *code = cksim_request_get_string (req, "verificationCode");
  *password = cksim_request_get_string (req, "password");
  if (*identity == NULL || *code == NULL || *password == NULL)
    {
      cksim_reply_error (req, 400, "params incomplete");
      return FALSE;
    }
  if (!valid_password (*password))
    {
      cksim_reply_error (req, 400, "password must have 8 to 64 characters");
      return FALSE;
    }
  return TRUE;
}

void
cksim_handle_register (CkSimContext *ctx,
                       CkSimRequest *req,
                       CkSimSession *session)
{
  g_autofree char *identity = NULL;
  const char *code, *password, *region = req->region;
  CkSimUser *user;

  if (!code_request_fields (req, &identity, &code, &password))
    return;
  if (cksim_state_find_user (ctx->state, identity) != NULL)
    {
      cksim_reply_error (req, 409, "account already registered");
      return;
    }
  if (!cksim_codes_consume (ctx->codes, identity, "0", code))
    {
      cksim_reply_error (req, 498, "wrong verification code");
      return;
    }
  /* §1.3: the cn server keeps only +86 numbers; the rest register in as. */
  if (g_str_equal (region, "cn") && !g_str_has_prefix (identity, "+86"))
    region = "as";

  user = cksim_state_add_user (ctx->state, identity, password, region, NULL);
  g_assert (user != NULL);
  cksim_reply_session (ctx, req, user, cksim_request_get_string (req, "appid"), TRUE);
}

void
cksim_handle_password_reset (CkSimContext *ctx,
                             CkSimRequest *req,
                             CkSimSession *session)
{
  g_autofree char *identity = NULL;
  const char *code, *password;
  CkSimUser *user;

  if (!code_request_fields (req, &identity, &code, &password))
    return;
  user = cksim_state_find_user (ctx->state, identity);
  if (user == NULL)
    {
      cksim_reply_error (req, 401, "user does not exist");
      return;
    }
  /* SIM: as for login and sms, the account's region answers. */
  if (!g_str_equal (user->region, req->region))
    {
      cksim_reply_region_moved (req, user->region);
      return;
    }
  if (!cksim_codes_consume (ctx->codes, identity, "1", code))
    {
      cksim_reply_error (req, 498, "wrong verification code");
      return;
    }
  cksim_user_set_password (user, password);
  cksim_reply_session (ctx, req, user, cksim_request_get_string (req, "appid"), TRUE);
}

void
cksim_handle_password_change (CkSimContext *ctx,
                              CkSimRequest *req,
                              CkSimSession *session)
{
  const char *old_password = cksim_request_get_string (req, "oldPassword");
  const char *new_password = cksim_request_get_string (req, "newPassword");
  CkSimUser *user = cksim_state_find_user_by_apikey (ctx->state, session->user_apikey);
  g_autoptr(JsonObject) body = NULL;

  if (old_password == NULL || new_password == NULL)
    {
      cksim_reply_error (req, 400, "params incomplete");
      return;
    }
  if (!valid_password (new_password))
    {
      cksim_reply_error (req, 400, "password must have 8 to 64 characters");
      return;
    }
  if (user == NULL || !cksim_user_check_password (user, old_password))
    {
      cksim_reply_error (req, 401, "authentication failed");
      return;
    }
  /* SIM: the tokens stay valid (§3.6). */
  cksim_user_set_password (user, new_password);
  cksim_state_changed (ctx->state);

  body = json_object_new ();
  json_object_set_string_member (body, "message", "Change password is success!");
  cksim_reply_ok (req, body);
}

void
cksim_handle_login (CkSimContext *ctx,
                    CkSimRequest *req,
                    CkSimSession *session)
{
  const char *phone = cksim_request_get_string (req, "phoneNumber");
  const char *email = cksim_request_get_string (req, "email");
  const char *password = cksim_request_get_string (req, "password");
  const char *identity = phone != NULL ? phone : email;  /* phone first (§1.3) */
  CkSimUser *user;

  if (identity == NULL || password == NULL
      || !cksim_member_is_string_or_absent (req->params, "phoneNumber")
      || !cksim_member_is_string_or_absent (req->params, "email"))
    {
      cksim_reply_error (req, 400, "params incomplete");
      return;
    }

  user = cksim_state_find_user (ctx->state, identity);
  if (user == NULL)
    {
      cksim_reply_error (req, 404, "user is not exit");
      return;
    }
  if (!g_str_equal (user->region, req->region))
    {
      cksim_reply_region_moved (req, user->region);
      return;
    }
  if (!cksim_user_check_password (user, password))
    {
      cksim_reply_error (req, 401, "wrong account or password");
      return;
    }
  if (user->not_activated)
    {
      cksim_reply_error (req, 402, "email not activated");
      return;
    }

  cksim_state_count_login (ctx->state);
  cksim_reply_session (ctx, req, user, cksim_request_get_string (req, "appid"), TRUE);
}

void
cksim_handle_refresh (CkSimContext *ctx,
                      CkSimRequest *req,
                      CkSimSession *session)
{
  const char *rt = cksim_request_get_string (req, "rt");
  CkSimSession *old = NULL;
  CkSimUser *user;
  g_autofree char *appid = NULL;

  if (rt == NULL || g_strcmp0 (cksim_request_get_string (req, "grantType"), "refresh") != 0)
    {
      cksim_reply_error (req, 400, "params incomplete");
      return;
    }
  switch (cksim_state_lookup_rt (ctx->state, rt, &old))
    {
    case CKSIM_TOKEN_UNKNOWN:
      cksim_reply_error (req, 401, "refresh token is invalid");
      return;
    case CKSIM_TOKEN_EXPIRED:
      cksim_reply_error (req, 402, "refresh token expired");
      return;
    case CKSIM_TOKEN_LIVE:
    default:
      break;
    }
  user = cksim_state_find_user_by_apikey (ctx->state, old->user_apikey);
  /* Another region's service does not know this rt (§1.6; 301 is not
   * documented for refresh), as the Bearer endpoints treat their tokens. */
  if (user == NULL || !g_str_equal (old->appid, cksim_request_get_string (req, "appid"))
      || !g_str_equal (user->region, req->region))
    {
      cksim_reply_error (req, 401, "refresh token is invalid");
      return;
    }
  /* Opening the new session frees the old one; refresh closes no socket (§5). */
  appid = g_strdup (old->appid);
  cksim_reply_session (ctx, req, user, appid, FALSE);
}
