/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RELAY_TEST_WAIT_MS 2000

typedef gboolean (*RelayTestCondition) (gpointer data);

/* Runs the main loop until @condition holds; fails the test after @timeout_ms. */
void       relay_test_wait_until      (RelayTestCondition  condition,
                                       gpointer            data,
                                       guint               timeout_ms,
                                       const char         *what);
/* Handles what is ready now without blocking. */
void       relay_test_drain           (void);
/* Runs the main loop for @ms (for "nothing more happens" checks only). */
void       relay_test_run_for         (guint               ms);
/* Initialises GTK and libadwaita for a test; FALSE (after printing a TAP
 * skip line) when there is no display. */
gboolean   relay_test_init            (int                *argc,
                                       char             ***argv);
/* The first descendant of @root of @type (and with widget name @name if not NULL). */
GtkWidget *relay_test_find            (GtkWidget          *root,
                                       GType               type,
                                       const char         *name);
guint      relay_test_count           (GtkWidget          *root,
                                       GType               type);
/* Renders @widget (already drawn) into a PNG with the cairo renderer. */
void       relay_test_save_png        (GtkWidget          *widget,
                                       const char         *path);

G_END_DECLS
