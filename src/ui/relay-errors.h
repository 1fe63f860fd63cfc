/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

const char *relay_error_describe (const GError *error);
char       *relay_error_format   (const char   *what,
                                  const GError *error) G_GNUC_WARN_UNUSED_RESULT;
gboolean    relay_error_is_rolled_back (const GError *error);
void        relay_error_toast    (GtkWidget    *widget,
                                  const char   *what,
                                  const GError *error);

G_END_DECLS
