/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The exit status meson reads as "skipped". */
#define BENCH_EXIT_SKIP 77

/* GTK and libadwaita with the app's style sheet and icons, as the app has
 * them; exits with BENCH_EXIT_SKIP when there is no display. */
void  bench_gtk_init          (void);
/* Widgets of @type under @root (itself included). */
guint bench_gtk_count         (GtkWidget *root,
                               GType      type);
/* The first widget of @type under @root, or NULL. */
GtkWidget *bench_gtk_find     (GtkWidget *root,
                               GType      type);

G_END_DECLS
