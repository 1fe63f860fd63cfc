/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <adwaita.h>

#include "ck-client.h"

G_BEGIN_DECLS

#define RELAY_TYPE_DEVICE_PANEL (relay_device_panel_get_type ())
G_DECLARE_DERIVABLE_TYPE (RelayDevicePanel, relay_device_panel, RELAY, DEVICE_PANEL, AdwPreferencesGroup)

/**
 * RelayDevicePanelClass:
 * @rebuild: adds the section's rows with relay_device_panel_add_row();
 *   the rows of the previous build are gone by then. May be NULL for a
 *   section that builds its rows once.
 */
struct _RelayDevicePanelClass
{
  AdwPreferencesGroupClass parent_class;

  void (*rebuild) (RelayDevicePanel *self);
};

CkClient     *relay_device_panel_get_client       (RelayDevicePanel *self);
CkDevice     *relay_device_panel_get_device       (RelayDevicePanel *self);
/* Cancelled when the section goes away. */
GCancellable *relay_device_panel_get_cancellable  (RelayDevicePanel *self);
/* (nullable): the window the section is in, to parent dialogs. */
GtkWindow    *relay_device_panel_get_window       (RelayDevicePanel *self);
/* Adds a row that the next rebuild removes. */
void          relay_device_panel_add_row          (RelayDevicePanel *self,
                                                     GtkWidget          *row);
void          relay_device_panel_rebuild          (RelayDevicePanel *self);
/* Rebuilds from an idle: a change can come from a row's own signal
 * handler (a switch's state-set), which must not lose its widget. */
void          relay_device_panel_schedule_rebuild (RelayDevicePanel *self);

/* A flat icon button for a row's suffix, named @name for tests, with
 * @label as tooltip and accessible label; with @item (nullable), it
 * carries a reference (@ref, @unref) to what its row shows. */
GtkWidget    *relay_row_button_new                  (const char         *icon_name,
                                                     const char         *name,
                                                     const char         *label,
                                                     gpointer            item,
                                                     GBoxedCopyFunc      ref,
                                                     GDestroyNotify      unref);
/* Keeps a reference (@ref, @unref) to @item, what @widget's row shows. */
void          relay_row_widget_set_item             (GtkWidget          *widget,
                                                     gpointer            item,
                                                     GBoxedCopyFunc      ref,
                                                     GDestroyNotify      unref);
/* (transfer none) */
gpointer      relay_row_widget_get_item             (GtkWidget          *widget);

G_END_DECLS
