/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <gio/gio.h>

#include "ck-api.h"
#include "ck-group.h"

G_BEGIN_DECLS

#define CK_TYPE_GROUP_LIST (ck_group_list_get_type ())
G_DECLARE_FINAL_TYPE (CkGroupList, ck_group_list, CK, GROUP_LIST, GObject)

/**
 * CkGroupList:
 *
 * The user's groups as a #GListModel of #CkGroup in the cloud's order
 * (`index`), kept in sync through CkApi: CkClient lists them on connect and
 * after reconnecting; every change made here is followed by a fresh list,
 * because the cloud renumbers the others (spec §3.15). Objects of ids that
 * stay survive a refresh.
 */

CkGroupList *ck_group_list_new            (CkApi               *api) G_GNUC_WARN_UNUSED_RESULT;

/* (transfer none) (nullable) */
CkGroup     *ck_group_list_lookup         (CkGroupList         *self,
                                           const char          *group_id);
/* By id, else by exact name; (transfer none) (nullable). */
CkGroup     *ck_group_list_find           (CkGroupList         *self,
                                           const char          *id_or_name);
void         ck_group_list_replace_all    (CkGroupList         *self,
                                           JsonArray           *groupinfos);
void         ck_group_list_clear          (CkGroupList         *self);

/* GET /api/group into the model. */
void         ck_group_list_refresh_async  (CkGroupList         *self,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean     ck_group_list_refresh_finish (CkGroupList         *self,
                                           GAsyncResult        *result,
                                           GError             **error);

/* @index 0 appends. Finishes with the new group (transfer full). */
void         ck_group_list_create_async   (CkGroupList         *self,
                                           const char          *name,
                                           gint                 index,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
CkGroup     *ck_group_list_create_finish  (CkGroupList         *self,
                                           GAsyncResult        *result,
                                           GError             **error) G_GNUC_WARN_UNUSED_RESULT;
void         ck_group_list_rename_async   (CkGroupList         *self,
                                           const char          *group_id,
                                           const char          *name,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean     ck_group_list_rename_finish  (CkGroupList         *self,
                                           GAsyncResult        *result,
                                           GError             **error);
void         ck_group_list_reorder_async  (CkGroupList         *self,
                                           const char          *group_id,
                                           gint                 index,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean     ck_group_list_reorder_finish (CkGroupList         *self,
                                           GAsyncResult        *result,
                                           GError             **error);
/* The devices only leave the group. */
void         ck_group_list_delete_async   (CkGroupList         *self,
                                           const char          *group_id,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean     ck_group_list_delete_finish  (CkGroupList         *self,
                                           GAsyncResult        *result,
                                           GError             **error);

G_END_DECLS
