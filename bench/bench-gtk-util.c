/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "bench"

#include "config.h"

#include <stdlib.h>

#include "bench-gtk-util.h"

void
bench_gtk_init (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  if (!gtk_init_check ())
    {
      g_print ("SKIP: no display (bench/run.sh runs the benchmarks under Xvfb)\n");
      exit (BENCH_EXIT_SKIP);
    }
  adw_init ();

  /* AdwApplication loads the app's style.css; windows without one get it here. */
  gtk_css_provider_load_from_resource (provider, RESOURCE_BASE "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    RESOURCE_BASE "/icons");
}

guint
bench_gtk_count (GtkWidget *root,
                 GType      type)
{
  guint n = G_TYPE_CHECK_INSTANCE_TYPE (root, type) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += bench_gtk_count (child, type);
  return n;
}

GtkWidget *
bench_gtk_find (GtkWidget *root,
                GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = bench_gtk_find (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}
