/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "cksim-router"

#include "cksim-router.h"

#include <string.h>

static gboolean
path_matches (const char *pattern,
              const char *path)
{
  gsize n = strlen (pattern);

  if (n >= 2 && g_str_has_suffix (pattern, "/*"))
    {
      /* One non-empty trailing segment. */
      return strncmp (pattern, path, n - 1) == 0
             && path[n - 1] != '\0' && strchr (path + n - 1, '/') == NULL;
    }
  return g_str_equal (pattern, path);
}

/* Spec §1.5 (SIM): per IP and endpoint, on the simulator's clock. */
static gboolean
rate_limited (CkSimContext     *ctx,
              const CkSimRoute *route,
              CkSimRequest     *req)
{
  const char *ip = soup_server_message_get_remote_host (req->msg);
  g_autofree char *key = NULL;

  if (!ctx->config->rate_limit || route->host == CKSIM_HOST_SIM)
    return FALSE;
  key = g_strdup_printf ("%s %s", ip != NULL ? ip : "?", route->name);
  return !cksim_rate_limit_allow (ctx->rate_limit, key, cksim_clock_get_time_ms (ctx->clock),
                                  ctx->config->rate_gap_ms, ctx->config->rate_max,
                                  ctx->config->rate_window * 1000);
}

/* An armed fault in the endpoint's documented error shape (spec §8.9). */
static void
reply_fault (CkSimContext     *ctx,
             const CkSimRoute *route,
             CkSimRequest     *req,
             const CkSimFault *fault)
{
  static const char text[] = "injected by /_sim/fault";
  g_autoptr(JsonObject) body = json_object_new ();

  if (fault->http || (route->shape == CKSIM_SHAPE_ERRMSG_500 && fault->code == 500))
    {
      /* FIELD: a real HTTP error with an empty body. */
      soup_server_message_set_status (req->msg, fault->code, NULL);
      return;
    }
  switch (route->shape)
    {
    case CKSIM_SHAPE_CODE:
      json_object_set_int_member (body, "code", fault->code);
      json_object_set_string_member (body, "error", text);
      break;
    case CKSIM_SHAPE_ERRMSG:
    case CKSIM_SHAPE_ERRMSG_500:
      json_object_set_int_member (body, "error", fault->code);
      json_object_set_string_member (body, "errmsg", text);
      break;
    case CKSIM_SHAPE_MSG:
    default:
      json_object_set_int_member (body, "error", fault->code);
      json_object_set_string_member (body, "msg", text);
      if (fault->code == 301)
        json_object_set_string_member (body, "region",
                                       fault->region != NULL ? fault->region : ctx->config->default_region);
      break;
    }
  cksim_reply_json (req->msg, SOUP_STATUS_OK, body);
}

void
cksim_router_serve (CkSimContext     *ctx,
                    const CkSimRoute *routes,
                    gsize             n_routes,
                    CkSimHost         host,
                    CkSimRequest     *req)
{
  const CkSimRoute *route = NULL;
  gboolean path_known = FALSE;
  g_autoptr(JsonObject) error = NULL;
  CkSimSession *session = NULL;
  g_autoptr(CkSimFault) fault = NULL;

  /* Exact paths win over patterns ("status" before a device id, §2.2):
   * a known literal path with another method is a 405, not a device id. */
  for (guint pass = 0; pass < 2 && route == NULL && !path_known; pass++)
    for (gsize i = 0; i < n_routes; i++)
      {
        gboolean pattern = g_str_has_suffix (routes[i].path, "/*");

        if (routes[i].host != host || pattern != (pass == 1)
            || !path_matches (routes[i].path, req->path))
          continue;
        path_known = TRUE;
        if (g_str_equal (routes[i].method, req->method))
          {
            route = &routes[i];
            break;
          }
      }

  if (route == NULL)
    {
      if (path_known)
        error = cksim_error_body (405, "method not allowed");
      else
        error = cksim_error_body (404, "interface not found");
      cksim_reply_json (req->msg, path_known ? SOUP_STATUS_METHOD_NOT_ALLOWED : SOUP_STATUS_NOT_FOUND,
                        error);
      return;
    }

  if (rate_limited (ctx, route, req))
    {
      error = cksim_error_body (429, "too many requests");
      cksim_reply_json (req->msg, SOUP_STATUS_OK, error);
      return;
    }

  error = cksim_auth_check_request (ctx->auth, req, route->auth, &session);
  if (error != NULL)
    {
      cksim_reply_json (req->msg, SOUP_STATUS_OK, error);
      return;
    }

  fault = cksim_context_take_fault (ctx, route->name);
  if (fault != NULL)
    {
      reply_fault (ctx, route, req, fault);
      return;
    }

  route->handler (ctx, req, session);
}
