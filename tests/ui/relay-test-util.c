/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "relay-test"

#include "config.h"

#include <gsk/gsk.h>

#include "relay-test-util.h"

static void
on_deadline_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
}

void
relay_test_wait_until (RelayTestCondition  condition,
                       gpointer            data,
                       guint               timeout_ms,
                       const char         *what)
{
  gboolean timed_out = FALSE;
  guint deadline = g_timeout_add_once (timeout_ms, on_deadline_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    g_error ("Timed out after %u ms waiting for %s", timeout_ms, what);
  g_source_remove (deadline);
}

void
relay_test_drain (void)
{
  for (guint i = 0; i < 1000 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

void
relay_test_run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add_once (ms, on_deadline_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

gboolean
relay_test_init (int    *argc,
                 char ***argv)
{
  g_test_init (argc, argv, NULL);
  gtk_disable_setlocale ();

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return FALSE;
    }
  adw_init ();

  /* AdwApplication loads style.css for the app; windows made by tests have
   * no application, so load it the same way here. */
  {
    g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (provider, RESOURCE_BASE "/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                GTK_STYLE_PROVIDER (provider),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                      RESOURCE_BASE "/icons");
  }
  return TRUE;
}

GtkWidget *
relay_test_find (GtkWidget  *root,
                 GType       type,
                 const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) &&
          (name == NULL || g_strcmp0 (gtk_widget_get_name (child), name) == 0))
        return child;
      if ((found = relay_test_find (child, type, name)) != NULL)
        return found;
    }

  return NULL;
}

guint
relay_test_count (GtkWidget *root,
                  GType      type)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += (G_TYPE_CHECK_INSTANCE_TYPE (child, type) ? 1 : 0) + relay_test_count (child, type);

  return n;
}

/* TESTING.md §3: snapshot the drawn widget, render it with a standalone
 * cairo renderer, save the texture. Works on any backend. */
void
relay_test_save_png (GtkWidget  *widget,
                     const char *path)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  graphene_rect_t bounds;

  gtk_widget_queue_draw (widget);
  gtk_test_widget_wait_for_draw (widget);

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  g_assert_true (gsk_renderer_realize (renderer, NULL, &error));
  g_assert_no_error (error);
  graphene_rect_init (&bounds, 0, 0, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  texture = gsk_renderer_render_texture (renderer, node, &bounds);
  gsk_renderer_unrealize (renderer);

  g_assert_true (gdk_texture_save_to_png (texture, path));
}
