/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include "cksim-context.h"
#include "cksim-request.h"

G_BEGIN_DECLS

typedef void (*CkSimHandler) (CkSimContext *ctx,
                              CkSimRequest *req,
                              CkSimSession *session);

typedef enum
{
  CKSIM_HOST_REGION, /* under /cn|as|eu|us */
  CKSIM_HOST_BARE,   /* the region-lookup host: no prefix */
  CKSIM_HOST_SIM,    /* /_sim/ test hooks */
} CkSimHost;

/* How an endpoint's errors look (spec §2.6, §3). */
typedef enum
{
  CKSIM_SHAPE_MSG,        /* {"error":N,"msg":"…"} (301 adds "region") */
  CKSIM_SHAPE_CODE,       /* {"code":N,"error":"…"}: add, addGsm */
  CKSIM_SHAPE_ERRMSG,     /* {"error":N,"errmsg":"…"}: status GET */
  CKSIM_SHAPE_ERRMSG_500, /* the same, but 500 is a real HTTP 500: status POST */
} CkSimShape;

/*
 * CkSimRoute:
 *
 * One endpoint. @path is exact, or ends in "/ *" (without the space) for one
 * trailing segment such as a device id. @name identifies the endpoint for
 * armed faults.
 */
typedef struct
{
  const char    *name;
  const char    *method;
  CkSimHost      host;
  const char    *path;
  CkSimAuthKind  auth;
  CkSimHandler   handler;
  CkSimShape     shape;
} CkSimRoute;

/* Finds the route, answers HTTP 404 / 405 when there is none, applies
 * --rate-limit, runs the auth checks, an armed fault, then the handler. */
void cksim_router_serve (CkSimContext     *ctx,
                         const CkSimRoute *routes,
                         gsize             n_routes,
                         CkSimHost         host,
                         CkSimRequest     *req);

G_END_DECLS
