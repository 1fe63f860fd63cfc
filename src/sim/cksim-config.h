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
  guint     share_timeout_ms;     /* a share receiver's deadline before 504 (§4.9) */
  guint     idle_timeout_ms;      /* WS idle close; 0 = (hb_interval + 37) s */
  guint     handshake_timeout_ms; /* WS close without userOnline */
  gboolean  rate_limit;           /* --rate-limit (spec §1.5) */
  guint     rate_gap_ms;          /* min. gap per IP and endpoint */
  guint     rate_max;             /* max. calls per IP and endpoint per window */
  gint64    rate_window;          /* s */
  gint64    code_ttl;             /* s, verification code lifetime */
  gint64    code_interval;        /* s, min. gap between two codes of one identity */
  guint     timer_limit;          /* timers per device (spec §7.4), more -> 400 */
  guint     metering_interval_ms; /* readings at least this often while uiActive (§7.2.4) */
  guint     travel_ms;            /* a cover's or motor's full 0-100 travel */
  gboolean  demo_script;          /* scripted demo behaviours (devices.md §7.3) */
  guint     script_interval_ms;   /* the script's tick: TH drift, POW load steps */
  guint     flood_limit;          /* userOnline per IP per minute, more: closed (§8.7.3); 0 = off */
} CkSimConfig;

#define CKSIM_DEFAULT_TS_WINDOW            300
#define CKSIM_DEFAULT_AT_TTL               (30 * 24 * 3600)
#define CKSIM_DEFAULT_RT_TTL               (60 * 24 * 3600)
#define CKSIM_DEFAULT_HB_INTERVAL          145
#define CKSIM_DEFAULT_ACK_DELAY_MS         0
#define CKSIM_DEFAULT_ACK_TIMEOUT_MS       5000
#define CKSIM_DEFAULT_SHARE_TIMEOUT_MS     60000
#define CKSIM_DEFAULT_HANDSHAKE_TIMEOUT_MS 10000
#define CKSIM_DEFAULT_RATE_GAP_MS          500
#define CKSIM_DEFAULT_RATE_MAX             300
#define CKSIM_DEFAULT_RATE_WINDOW          300
#define CKSIM_DEFAULT_CODE_TTL             600
#define CKSIM_DEFAULT_CODE_INTERVAL        60
#define CKSIM_DEFAULT_TIMER_LIMIT          16
#define CKSIM_DEFAULT_METERING_INTERVAL_MS 10000
#define CKSIM_DEFAULT_TRAVEL_MS            10000
#define CKSIM_DEFAULT_SCRIPT_INTERVAL_MS   30000

/* The idle limit of spec §4.4: hbInterval + 7 + 30 s unless set. */
static inline guint
cksim_config_idle_timeout_ms (const CkSimConfig *config)
{
  if (config->idle_timeout_ms > 0)
    return config->idle_timeout_ms;
  return (config->hb_interval + 37) * 1000;
}

G_END_DECLS
