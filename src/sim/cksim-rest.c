/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "cksim-rest"

#include "cksim-rest.h"
#include "cksim-json.h"
#include "cksim-present.h"
#include "cksim-rest-handlers.h"

#include <string.h>

/* Appendix A, as code lists with ranges ("220-244"). */
static const struct
{
  const char *region;
  const char *codes;
} country_regions[] = {
  { "cn", "86" },
  { "us", "1 51 52 53 54 55 56 57 58 61 64 299 501 502 503 504 505 506 507 509 590 591 592 593 "
          "594 595 596 597 598 676 678 679 682 684 685 1242 1246 1264 1671 1758 1809 1868 1876" },
  { "eu", "7 20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 212 213 216 218 220-244 247 "
          "248 249 250 251 253 254 255 256 257 258 260-269 297 298 350-359 370-373 375-378 380 "
          "381 383 385 386 387 389 420 421 423" },
  { "as", "60 62 63 65 66 81 82 84 90 91 92 93 94 95 98 374 382 599 670 673 675 687 689 852 853 "
          "855 856 880 886 960-968 970-977 992-996 998 1268 1340 1345 1441 1473 1649 1664 1767 "
          "1784 1869" },
};

const char *
cksim_region_for_country (const char *country_code)
{
  gint64 code;

  if (country_code == NULL || *country_code == '\0')
    return NULL;
  code = g_ascii_strtoll (country_code, NULL, 10);
  for (guint i = 0; i < G_N_ELEMENTS (country_regions); i++)
    {
      g_auto(GStrv) items = g_strsplit (country_regions[i].codes, " ", -1);

      for (guint j = 0; items[j] != NULL; j++)
        {
          char *dash = strchr (items[j], '-');
          gint64 lo = g_ascii_strtoll (items[j], NULL, 10);
          gint64 hi = dash != NULL ? g_ascii_strtoll (dash + 1, NULL, 10) : lo;

          if (code >= lo && code <= hi)
            return country_regions[i].region;
        }
    }
  return NULL;
}

static void
handle_region (CkSimContext *ctx,
               CkSimRequest *req,
               CkSimSession *session)
{
  g_autoptr(JsonObject) body = json_object_new ();
  const char *region = cksim_region_for_country (cksim_request_get_string (req, "country_code"));
  g_autofree char *requestid = g_strdup_printf ("%s-%s", cksim_request_get_string (req, "nonce"),
                                                cksim_request_get_string (req, "ts"));

  json_object_set_string_member (body, "region", region != NULL ? region : ctx->config->default_region);
  json_object_set_int_member (body, "error", 0);
  json_object_set_string_member (body, "requestid", requestid);
  cksim_reply_ok (req, body);
}

static void
handle_dispatch (CkSimContext *ctx,
                 CkSimRequest *req,
                 CkSimSession *session)
{
  g_autoptr(JsonObject) body = json_object_new ();

  if (g_strcmp0 (cksim_request_get_string (req, "accept"), "ws") != 0
      && !(ctx->config->compat && !json_object_has_member (req->params, "accept")))
    {
      cksim_reply_error (req, 400, "params incomplete");
      return;
    }
  /* The one loopback port serves the WebSocket for every region (§1.6). */
  json_object_set_int_member (body, "port", ctx->config->port);
  json_object_set_string_member (body, "IP", "127.0.0.1");
  json_object_set_string_member (body, "reason", "ok");
  json_object_set_string_member (body, "domain", "127.0.0.1");
  json_object_set_int_member (body, "error", 0);
  cksim_reply_ok (req, body);
}

#define MSG    CKSIM_SHAPE_MSG
#define CODE   CKSIM_SHAPE_CODE
#define ERRMSG CKSIM_SHAPE_ERRMSG
#define REGION CKSIM_HOST_REGION
#define SIGN   CKSIM_AUTH_SIGN
#define BEARER CKSIM_AUTH_BEARER

/* The names are those /_sim/fault arms (spec §8.9). */
static const CkSimRoute rest_routes[] = {
  { "region", "GET", CKSIM_HOST_BARE, "/api/user/region", SIGN, handle_region, MSG },
  { "sms", "POST", REGION, "/api/sms", SIGN, cksim_handle_sms, MSG },
  { "register", "POST", REGION, "/api/user/register", SIGN, cksim_handle_register, MSG },
  { "login", "POST", REGION, "/api/user/login", SIGN, cksim_handle_login, MSG },
  { "password-reset", "POST", REGION, "/api/user/password/reset", SIGN, cksim_handle_password_reset, MSG },
  { "password-change", "POST", REGION, "/api/user/password", BEARER, cksim_handle_password_change, MSG },
  { "refresh", "GET", REGION, "/api/user/refresh", SIGN, cksim_handle_refresh, MSG },
  { "device-list", "GET", REGION, "/api/user/device", BEARER, cksim_handle_device_list, MSG },
  { "device-add", "POST", REGION, "/api/user/device/add", BEARER, cksim_handle_device_add, CODE },
  { "device-add-gsm", "POST", REGION, "/api/user/device/addGsm", BEARER, cksim_handle_device_add_gsm, CODE },
  { "status-get", "GET", REGION, "/api/user/device/status", BEARER, cksim_handle_status_get, ERRMSG },
  { "status-post", "POST", REGION, "/api/user/device/status", BEARER, cksim_handle_status_post,
    CKSIM_SHAPE_ERRMSG_500 },
  { "device-get", "GET", REGION, "/api/user/device/*", BEARER, cksim_handle_device_get, MSG },
  { "device-rename", "POST", REGION, "/api/user/device/*", BEARER, cksim_handle_device_rename, MSG },
  { "device-delete", "DELETE", REGION, "/api/user/device/*", BEARER, cksim_handle_device_delete, MSG },
  { "tags", "POST", REGION, "/api/user/tags", BEARER, cksim_handle_tags, MSG },
  { "group-create", "POST", REGION, "/api/group", BEARER, cksim_handle_group_create, MSG },
  { "group-update", "PUT", REGION, "/api/group", BEARER, cksim_handle_group_update, MSG },
  { "group-delete", "DELETE", REGION, "/api/group", BEARER, cksim_handle_group_delete, MSG },
  { "group-list", "GET", REGION, "/api/group", BEARER, cksim_handle_group_list, MSG },
  { "group-add-device", "POST", REGION, "/api/group/addDevice", BEARER, cksim_handle_group_add_device, MSG },
  { "dispatch", "POST", REGION, "/dispatch/app", BEARER, handle_dispatch, MSG },
};

void
cksim_rest_serve (CkSimContext *ctx,
                  CkSimRequest *req)
{
  cksim_router_serve (ctx, rest_routes, G_N_ELEMENTS (rest_routes),
                      req->region != NULL ? CKSIM_HOST_REGION : CKSIM_HOST_BARE, req);
}
