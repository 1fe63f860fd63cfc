/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <adwaita.h>

#include "relay-demo.h"
#include "relay-device-page.h"
#include "relay-window.h"

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
/* Like relay_test_find() by name, and fails the test when there is none. */
GtkWidget *relay_test_get             (GtkWidget          *root,
                                       const char         *name);
/* Waits for a widget named @name below @root (sections rebuild their rows
 * from an idle) and returns it. */
GtkWidget *relay_test_wait_for        (GtkWidget          *root,
                                       const char         *name);
/* Waits until no widget named @name is below @root. */
void       relay_test_wait_gone       (GtkWidget          *root,
                                       const char         *name);
/* What a click does (activation waits for the press animation); the button
 * must be sensitive. */
void       relay_test_click           (GtkWidget          *button);
typedef struct
{
  guint           keyval;
  GdkModifierType modifiers;
} RelayTestKey;

/* (transfer full) (element-type GtkShortcut): the key bindings of
 * @widget's classes and shortcut controllers. */
GPtrArray *relay_test_list_key_bindings (GtkWidget        *widget);
/* Appends to @keys (of RelayTestKey) each key @trigger takes (one, or
 * several alternatives such as Tab|KP_Tab). */
void       relay_test_trigger_keys    (GtkShortcutTrigger *trigger,
                                       GArray             *keys);
/* Does what pressing @keyval with @modifiers does to @widget through the
 * key bindings of its classes (Tab on a window moves the focus, Escape on
 * an editor closes it); FALSE when no binding of @widget takes that key.
 * GTK 4.8 has no public way to synthesise a key event. */
gboolean   relay_test_press_key       (GtkWidget          *widget,
                                       guint               keyval,
                                       GdkModifierType     modifiers);
/* (transfer none) (nullable): the first open toplevel of @type. */
GtkWidget *relay_test_toplevel        (GType               type);
/* Waits for a toplevel of @type to open, and returns it. */
GtkWidget *relay_test_wait_for_toplevel (GType             type);
void       relay_test_close_toplevels (GType               type);
/* Waits for a mapped label below @root whose text starts with @prefix (a
 * toast) and returns its text. */
const char *relay_test_wait_for_label (GtkWidget          *root,
                                       const char         *prefix);
/* A condition: *(gboolean *) @data. */
gboolean   relay_test_flag_set        (gpointer            data);

/* A condition: @data (a RelayWindow) shows a non-empty device list. */
gboolean   relay_test_window_shows_devices (gpointer       data);
/* (transfer full): the demo's window, signed in, once it lists the devices. */
RelayWindow *relay_test_open_demo_window (RelayDemo      *demo);
/* (transfer full): a window signed in to @demo's cloud as @identity, once
 * it lists the devices (e.g. the guest account next to the demo's). */
RelayWindow *relay_test_open_window   (RelayDemo          *demo,
                                       const char         *identity,
                                       const char         *password);
/* Conditions: @data (a RelayConnectionBanner) is shown, is hidden. */
gboolean   relay_test_banner_shown    (gpointer            data);
gboolean   relay_test_banner_hidden   (gpointer            data);
/* Opens the page of the device @device_id in @window and returns the device. */
CkDevice  *relay_test_open_device     (RelayWindow        *window,
                                       const char         *device_id);

/* The control or section @name of @page (relay_device_page_get_control()),
 * failing the test when there is none. */
GtkWidget  *relay_test_page_control      (RelayDevicePage  *page,
                                          const char       *name);

/* A signed-in demo window and what tests of the device page reach for. */
typedef struct
{
  RelayDemo       *demo;
  CkSimServer     *server;
  RelayWindow     *window;
  CkClient        *client;
  RelayDevicePage *page;
  JsonNode        *dump;    /* the last state dump, kept for relay_test_sim_device() */
} RelayTestFixture;

/* For g_test_add(): the demo's cloud and a window signed in to its account,
 * showing the devices; tear-down closes every window and dialog and checks
 * the main window is freed. */
void        relay_test_fixture_set_up    (RelayTestFixture *fixture,
                                          gconstpointer     data);
void        relay_test_fixture_tear_down (RelayTestFixture *fixture,
                                          gconstpointer     data);
/* Registers @func (void (*) (RelayTestFixture *, gconstpointer)) as the
 * test @path, run between relay_test_fixture_set_up() and _tear_down(). */
#define relay_test_add_with_fixture(path, func) \
  g_test_add ((path), RelayTestFixture, NULL, relay_test_fixture_set_up, (func), relay_test_fixture_tear_down)

/* (transfer none) (nullable): the simulator's record of a device, fresh;
 * NULL when the cloud no longer has it. */
JsonObject *relay_test_sim_find_device   (RelayTestFixture *fixture,
                                          const char       *device_id);
/* The same, failing the test when there is none. */
JsonObject *relay_test_sim_device        (RelayTestFixture *fixture,
                                          const char       *device_id);

/* (transfer full): a new group of @client's account, once the cloud made it. */
CkGroup    *relay_test_create_group      (CkClient         *client,
                                          const char       *name);

/* Renders @widget into a PNG with the cairo renderer; a window as the
 * screen shows it, its whole surface. */
void       relay_test_save_png        (GtkWidget          *widget,
                                       const char         *path);
/* Renders @window, dimmed, with @dialog centred over it, as a modal
 * dialog shows over its window, into a PNG of @window's surface. */
void       relay_test_save_dialog_png (GtkWidget          *window,
                                       GtkWidget          *dialog,
                                       const char         *path);

G_END_DECLS
