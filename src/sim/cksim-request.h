/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <libsoup/soup.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/*
 * CkSimRequest:
 *
 * One HTTP request as the simulator sees it: the region prefix split off,
 * the raw query and body kept byte-exact for signatures, and the parameters
 * (the JSON body object, or the decoded query as strings) once parsed.
 */
typedef struct
{
  SoupServerMessage *msg;        /* not owned */
  const char        *method;
  char              *region;     /* NULL on the bare (region lookup) host */
  char              *path;       /* after the region prefix, e.g. "/api/user/login" */
  char              *raw_query;  /* bytes after '?', not decoded; NULL if none */
  GBytes            *body;
  JsonObject        *params;     /* NULL until cksim_request_parse_params() */
  gboolean           query_form; /* params came from the query string */
} CkSimRequest;

CkSimRequest *cksim_request_new          (SoupServerMessage *msg,
                                          const char        *path) G_GNUC_WARN_UNUSED_RESULT;
void          cksim_request_free         (CkSimRequest      *req);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CkSimRequest, cksim_request_free)

gboolean      cksim_request_is_body_method (CkSimRequest    *req);
const char   *cksim_request_get_header   (CkSimRequest      *req,
                                          const char        *name);
/* Content-Type (§8.1.2, unless @compat) and a JSON object body (§8.1.3), or
 * the query. NULL on success, else the error body to answer. */
JsonObject   *cksim_request_parse_params (CkSimRequest      *req,
                                          gboolean           compat) G_GNUC_WARN_UNUSED_RESULT;
/* The canonical signed form of a query (§2.4 b): decoded, sorted, k=v&... */
char         *cksim_request_canonical_query (CkSimRequest   *req) G_GNUC_WARN_UNUSED_RESULT;
/* A string parameter, or NULL (null and "" count as absent). */
const char   *cksim_request_get_string   (CkSimRequest      *req,
                                          const char        *name);

/* Answers with @status and the JSON body (NULL: no body). */
void          cksim_reply_json           (SoupServerMessage *msg,
                                          guint              status,
                                          JsonObject        *body);
/* {"error":code,"msg":text} (text may be NULL). */
JsonObject   *cksim_error_body           (int                code,
                                          const char        *text) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
