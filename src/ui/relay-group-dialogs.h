/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <adwaita.h>

#include "ck-client.h"

G_BEGIN_DECLS

/* AdwMessageDialogs for the sidebar's groups; each does its work through
 * @client's CkGroupList on the affirmative response ("create", "rename",
 * "delete"; the name entry is named "group-name") and reports a failure as
 * a toast on @parent. (transfer none): the presented dialog. */
GtkWidget *relay_group_dialog_create (GtkWindow *parent,
                                      CkClient  *client);
GtkWidget *relay_group_dialog_rename (GtkWindow *parent,
                                      CkClient  *client,
                                      CkGroup   *group);
GtkWidget *relay_group_dialog_delete (GtkWindow *parent,
                                      CkClient  *client,
                                      CkGroup   *group);

G_END_DECLS
