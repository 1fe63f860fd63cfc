/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "fuzz-sim-request"

/* The simulator's reading of a raw request (spec §8.1–§8.2): the JSON body
 * or the query string into parameters, the canonical signed query, and the
 * common-parameter checks (appid, version, ts, nonce) strict and --compat.
 * Input: one byte (bit 0: a POST body, else a GET query), then the body or
 * the raw query. The header checks (Content-Type, Authorization) need a
 * SoupServerMessage and are not reached here. */

#include "fuzz-common.h"

#include <string.h>

#include "cksim-auth.h"
#include "cksim-json.h"
#include "cksim-request.h"

static CkSimConfig strict_config = { .compat = FALSE, .ts_window = CKSIM_DEFAULT_TS_WINDOW };
static CkSimConfig compat_config = { .compat = TRUE, .ts_window = CKSIM_DEFAULT_TS_WINDOW };
static CkSimAuth *strict_auth;
static CkSimAuth *compat_auth;

static void
setup (void)
{
  g_autoptr(CkSimClock) clock = cksim_clock_new ();
  g_autoptr(CkSimState) state = cksim_state_new (clock);

  cksim_state_add_app (state, "McFJj4Noke1mGDZCR1QarGW7P9Ycp0Vr", "OdPuCZ4PkPPi0rVKRVcGmll2NM6vVk0c");
  cksim_state_add_app (state, "I25m0KljbFfGsTjRc3eTwTEPVwKzsvCF", "S1fHFiMqzykNdxlSrk9Pjdczp7rsvt3M");
  /* The fixtures of spec appendix C are signed at ts 1600000000. */
  cksim_clock_set_offset (clock, 1600000000 - g_get_real_time () / G_USEC_PER_SEC);
  strict_auth = cksim_auth_new (state, &strict_config);
  compat_auth = cksim_auth_new (state, &compat_config);
}

static void
check_params (CkSimRequest *req)
{
  static const char * const names[] = { "appid", "nonce", "ts", "version", "at", "rt", "deviceid" };
  gint64 value;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      (void) cksim_request_get_string (req, names[i]);
      (void) cksim_auth_get_integer (strict_auth, req->params, names[i], req->query_form, &value);
      (void) cksim_auth_get_integer (compat_auth, req->params, names[i], req->query_form, &value);
    }
  for (gint nonce_optional = 0; nonce_optional <= 1; nonce_optional++)
    {
      gboolean strict_ok = cksim_auth_check_common (strict_auth, req->params, req->query_form,
                                                    nonce_optional);
      gboolean compat_ok = cksim_auth_check_common (compat_auth, req->params, req->query_form,
                                                    nonce_optional);

      /* --compat only relaxes (spec §8.10). */
      if (strict_ok && !compat_ok)
        fuzz_fail ("--compat refuses common parameters strict mode accepts");
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  CkSimRequest req = { 0 };
  g_autoptr(JsonObject) error = NULL;
  g_autofree char *text = NULL;

  if (size < 1)
    return 0;
  if (strict_auth == NULL)
    setup ();

  req.path = (char *) "/api/user/login";
  if (data[0] & 1)
    {
      req.method = "POST";
      req.body = g_bytes_new (data + 1, size - 1);
    }
  else
    {
      req.method = "GET";
      req.raw_query = text = fuzz_dup_text (data + 1, size - 1);
      req.body = g_bytes_new (NULL, 0);
    }

  /* Without a SoupServerMessage only the relaxed Content-Type rule can run
   * for a body (compat); a query never reads the headers. */
  error = cksim_request_parse_params (&req, TRUE);
  if (error != NULL)
    {
      if (req.params != NULL && cksim_request_is_body_method (&req))
        fuzz_fail ("params kept for a refused body");
    }
  else
    {
      g_autofree char *canonical = cksim_request_canonical_query (&req);

      if (canonical == NULL)
        fuzz_fail ("no canonical query");
      if (req.params == NULL)
        fuzz_fail ("no params and no error");
      if (req.query_form != !cksim_request_is_body_method (&req))
        fuzz_fail ("query form for a body, or body form for a query");
      check_params (&req);
    }

  g_clear_pointer (&req.params, json_object_unref);
  g_clear_pointer (&req.body, g_bytes_unref);
  return 0;
}
