/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <adwaita.h>

#include "ck-client.h"

G_BEGIN_DECLS

/* Which devices the list shows (the sidebar's choice). */
typedef enum
{
  RELAY_DEVICE_SECTION_ALL,
  RELAY_DEVICE_SECTION_SHARED,
  RELAY_DEVICE_SECTION_GROUP,
} RelayDeviceSection;

typedef enum
{
  RELAY_DEVICE_SORT_NAME,
  RELAY_DEVICE_SORT_ONLINE,
} RelayDeviceSort;

#define RELAY_TYPE_DEVICE_LIST_VIEW (relay_device_list_view_get_type ())
G_DECLARE_FINAL_TYPE (RelayDeviceListView, relay_device_list_view, RELAY, DEVICE_LIST_VIEW, AdwBin)

GtkWidget   *relay_device_list_view_new          (void);

void         relay_device_list_view_set_client   (RelayDeviceListView *self,
                                                  CkClient            *client);
/* For tests and tools: any GListModel of CkDevice, switched through @client. */
void         relay_device_list_view_set_model    (RelayDeviceListView *self,
                                                  CkClient            *client,
                                                  GListModel          *devices);
void         relay_device_list_view_set_search   (RelayDeviceListView *self,
                                                  const char          *text);
void         relay_device_list_view_set_section  (RelayDeviceListView *self,
                                                  RelayDeviceSection   section,
                                                  const char          *group_id);
void         relay_device_list_view_set_sort     (RelayDeviceListView *self,
                                                  RelayDeviceSort      sort);

/* (transfer none): what is shown, filtered and sorted */
GListModel  *relay_device_list_view_get_shown    (RelayDeviceListView *self);
GtkListView *relay_device_list_view_get_list     (RelayDeviceListView *self);
void         relay_device_list_view_focus_first  (RelayDeviceListView *self);

G_END_DECLS
