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
  int fault;

  /* Exact paths win over patterns ("status" before a device id, §2.2). */
  for (guint pass = 0; pass < 2 && route == NULL; pass++)
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

  error = cksim_auth_check_request (ctx->auth, req, route->auth, &session);
  if (error != NULL)
    {
      cksim_reply_json (req->msg, SOUP_STATUS_OK, error);
      return;
    }

  fault = cksim_context_take_fault (ctx, route->name);
  if (fault != 0)
    {
      /* An armed fault answers in the endpoint's plain error shape; 500
       * comes as a real HTTP 500 (the FIELD behaviour of status POST). */
      error = cksim_error_body (fault, "injected by /_sim/fault");
      cksim_reply_json (req->msg, fault == 500 ? SOUP_STATUS_INTERNAL_SERVER_ERROR : SOUP_STATUS_OK,
                        error);
      return;
    }

  route->handler (ctx, req, session);
}
