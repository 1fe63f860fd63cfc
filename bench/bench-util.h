/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include "ck-api.h"
#include "cksim-server.h"

G_BEGIN_DECLS

/* Every benchmark waits at most this long for one asynchronous step. */
#define BENCH_WAIT_MS 10000
/* The synthetic account size of issue 6 ("smooth with 10,000 devices"). */
#define BENCH_N_DEVICES 10000

typedef gboolean (*BenchCondition) (gpointer data);

/* Milliseconds since @start_us (a g_get_monotonic_time() value). */
double      bench_elapsed_ms       (gint64           start_us);
/* Iterates the default main context until @condition holds; aborts the
 * benchmark (exit 1, naming @what) after @timeout_ms. */
void        bench_wait_until       (BenchCondition   condition,
                                    gpointer         data,
                                    guint            timeout_ms,
                                    const char      *what);
/* Runs the main loop for about @ms (pacing a simulated pointer, never as a wait). */
void        bench_run_for          (guint            ms);
/* Exits 1 with @what and the message when @error is set. */
void        bench_check            (GError          *error,
                                    const char      *what);

/* VmRSS / VmHWM of this process, in KiB. */
gsize       bench_rss_kib          (void);
gsize       bench_peak_rss_kib     (void);
/* Bytes malloc has handed out and not yet been given back (mallinfo2). */
gsize       bench_heap_bytes       (void);

/* One machine-readable result line, collected by bench/summary.py:
 * "RESULT <name> <value> <unit>". */
void        bench_result           (const char      *name,
                                    double           value,
                                    const char      *unit);
/* Prints n, mean, p50, p95, p99 and max of @samples (doubles), and RESULT
 * lines <name>.p50/.p95/.p99/.max in @unit. Sorts @samples. */
void        bench_report_samples   (const char      *name,
                                    GArray          *samples,
                                    const char      *unit);
/* The nearest-rank @percentile (0-100) of sorted @samples. */
double      bench_percentile       (GArray          *samples,
                                    double           percentile);

/* The demo account's device list as the cloud answers it (every family of
 * devices.md §3), fetched from an in-process simulator over loopback. */
JsonArray  *bench_fetch_demo_devices (void) G_GNUC_WARN_UNUSED_RESULT;
/* A copy that shares nothing with @node. */
JsonNode   *bench_json_deep_copy   (JsonNode        *node) G_GNUC_WARN_UNUSED_RESULT;
/* @n copies of @templates (round robin), each with its own deviceid
 * ("10" + 8 hex digits) and name ("Device 00042"). */
JsonArray  *bench_clone_devices    (JsonArray       *templates,
                                    guint            n) G_GNUC_WARN_UNUSED_RESULT;

/* Seeds @devices (in the cloud's form, e.g. from bench_clone_devices()) into
 * the account @email of the relay-sim --control at @url, in one
 * POST /_sim/device/add (one state save). Exits 1 unless all were added. */
void         bench_sim_add_devices  (const char          *url,
                                     const char          *email,
                                     JsonArray           *devices);
/* Starts @relay_sim with @extra_args and reads its first line; @url gets
 * "http://127.0.0.1:PORT". */
GSubprocess *bench_spawn_sim        (const char          *relay_sim,
                                     const char * const  *extra_args,
                                     char               **url) G_GNUC_WARN_UNUSED_RESULT;
void         bench_stop_sim         (GSubprocess         *sim);

/* A CkApi on @server_template (first example app pair), signed in to the
 * demo account. */
CkApi      *bench_api_sign_in      (const char      *server_template) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
