/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The simulator's settings, owned by CkSimServer (its properties write here)
 * and read by every module at the moment it needs a value, so changing a
 * property takes effect at once.
 */
typedef struct
{
  gboolean  compat;               /* relax exactly spec §8.10 */
  gboolean  control;              /* serve /_sim/ */
  char     *default_region;       /* region lookup fallback, CLI users */
  guint     port;                 /* the real port, once listening */
  gboolean  tls;                  /* https:// and wss:// */
  gint64    ts_window;            /* s, |ts - now| allowed (strict) */
  gint64    at_ttl;               /* s */
  gint64    rt_ttl;               /* s */
  guint     hb_interval;          /* s, sent in the userOnline answer */
  guint     ack_delay_ms;         /* device ack latency */
  guint     ack_timeout_ms;       /* device ack deadline before 504 */
  guint     idle_timeout_ms;      /* WS idle close; 0 = (hb_interval + 37) s */
  guint     handshake_timeout_ms; /* WS close without userOnline */
} CkSimConfig;

#define CKSIM_DEFAULT_TS_WINDOW            300
#define CKSIM_DEFAULT_AT_TTL               (30 * 24 * 3600)
#define CKSIM_DEFAULT_RT_TTL               (60 * 24 * 3600)
#define CKSIM_DEFAULT_HB_INTERVAL          145
#define CKSIM_DEFAULT_ACK_DELAY_MS         0
#define CKSIM_DEFAULT_ACK_TIMEOUT_MS       5000
#define CKSIM_DEFAULT_HANDSHAKE_TIMEOUT_MS 10000

/* The idle limit of spec §4.4: hbInterval + 7 + 30 s unless set. */
static inline guint
cksim_config_idle_timeout_ms (const CkSimConfig *config)
{
  if (config->idle_timeout_ms > 0)
    return config->idle_timeout_ms;
  return (config->hb_interval + 37) * 1000;
}

G_END_DECLS
