/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "ck-group-list"

#include "ck-group-list.h"

#include "ck-json.h"

struct _CkGroupList
{
  GObject    parent_instance;

  CkApi     *api;
  GPtrArray *groups;   /* CkGroup, by index */
};

static void ck_group_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CkGroupList, ck_group_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, ck_group_list_model_init))

static GType
ck_group_list_get_item_type (GListModel *model)
{
  return CK_TYPE_GROUP;
}

static guint
ck_group_list_get_n_items (GListModel *model)
{
  return CK_GROUP_LIST (model)->groups->len;
}

static gpointer
ck_group_list_get_item (GListModel *model,
                        guint       position)
{
  CkGroupList *self = CK_GROUP_LIST (model);

  if (position >= self->groups->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->groups, position));
}

static void
ck_group_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ck_group_list_get_item_type;
  iface->get_n_items = ck_group_list_get_n_items;
  iface->get_item = ck_group_list_get_item;
}

CkGroup *
ck_group_list_lookup (CkGroupList *self,
                      const char  *group_id)
{
  g_return_val_if_fail (CK_IS_GROUP_LIST (self), NULL);

  for (guint i = 0; group_id != NULL && i < self->groups->len; i++)
    if (g_str_equal (ck_group_get_id (self->groups->pdata[i]), group_id))
      return self->groups->pdata[i];
  return NULL;
}

CkGroup *
ck_group_list_find (CkGroupList *self,
                    const char  *id_or_name)
{
  CkGroup *group = ck_group_list_lookup (self, id_or_name);

  for (guint i = 0; group == NULL && id_or_name != NULL && i < self->groups->len; i++)
    if (g_strcmp0 (ck_group_get_name (self->groups->pdata[i]), id_or_name) == 0)
      group = self->groups->pdata[i];
  return group;
}

static gint
compare_index (gconstpointer a,
               gconstpointer b)
{
  gint x = ck_group_get_index (*(CkGroup **) a);
  gint y = ck_group_get_index (*(CkGroup **) b);

  return x < y ? -1 : x > y;
}

static gboolean
same_order (GPtrArray *a,
            GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (a->pdata[i] != b->pdata[i])
      return FALSE;
  return TRUE;
}

void
ck_group_list_replace_all (CkGroupList *self,
                           JsonArray   *groupinfos)
{
  g_autoptr(GPtrArray) old = NULL;
  GPtrArray *groups = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (CK_IS_GROUP_LIST (self));

  for (guint i = 0; groupinfos != NULL && i < json_array_get_length (groupinfos); i++)
    {
      JsonNode *node = json_array_get_element (groupinfos, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      g_autofree char *id = object != NULL ? ck_json_dup_id (object, "id") : NULL;
      g_autoptr(GError) error = NULL;
      CkGroup *group = ck_group_list_lookup (self, id);

      if (group != NULL)
        {
          ck_group_update_from_json (group, object);
          g_ptr_array_add (groups, g_object_ref (group));
          continue;
        }
      group = object != NULL ? ck_group_new_from_json (object, &error) : NULL;
      if (group == NULL)
        {
          g_debug ("Skipping a group entry: %s", error ? error->message : "not an object");
          continue;
        }
      g_ptr_array_add (groups, group);
    }
  g_ptr_array_sort (groups, compare_index);

  old = self->groups;
  self->groups = groups;
  if (!same_order (old, groups))
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old->len, groups->len);
}

void
ck_group_list_clear (CkGroupList *self)
{
  ck_group_list_replace_all (self, NULL);
}

/* ------------------------------------------------------------------------ */
/* Refresh, and every change followed by one                                 */

static void
listed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CkGroupList *self = g_task_get_source_object (task);
  g_autoptr(JsonArray) groupinfos = NULL;
  GError *error = NULL;
  const char *created_id = g_task_get_task_data (task);

  groupinfos = ck_api_list_groups_finish (CK_API (source), result, &error);
  if (groupinfos == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  ck_group_list_replace_all (self, groupinfos);
  if (g_task_get_source_tag (task) == ck_group_list_create_async)
    {
      CkGroup *group = ck_group_list_lookup (self, created_id);

      if (group == NULL)
        g_task_return_new_error (task, CK_ERROR, CK_ERROR_INVALID_RESPONSE,
                                 "The new group is missing from the group list");
      else
        g_task_return_pointer (task, g_object_ref (group), g_object_unref);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
relist (GTask *task)
{
  CkGroupList *self = g_task_get_source_object (task);

  ck_api_list_groups_async (self->api, g_task_get_cancellable (task), listed_cb, task);
}

static GTask *
new_task (CkGroupList         *self,
          gpointer             tag,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, tag);
  return task;
}

static gboolean
finish_boolean (CkGroupList   *self,
                GAsyncResult  *result,
                gpointer       tag,
                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tag, FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
ck_group_list_refresh_async (CkGroupList         *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (CK_IS_GROUP_LIST (self));
  relist (new_task (self, ck_group_list_refresh_async, cancellable, callback, user_data));
}

gboolean
ck_group_list_refresh_finish (CkGroupList   *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return finish_boolean (self, result, ck_group_list_refresh_async, error);
}

static void
created_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GTask *task = user_data;
  GError *error = NULL;
  char *id = ck_api_create_group_finish (CK_API (source), result, &error);

  if (id == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  g_task_set_task_data (task, id, g_free);
  relist (task);
}

void
ck_group_list_create_async (CkGroupList         *self,
                            const char          *name,
                            gint                 index,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (CK_IS_GROUP_LIST (self));
  g_return_if_fail (name != NULL);

  task = new_task (self, ck_group_list_create_async, cancellable, callback, user_data);
  ck_api_create_group_async (self->api, name, index, cancellable, created_cb, task);
}

CkGroup *
ck_group_list_create_finish (CkGroupList   *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ck_group_list_create_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Update and delete: on success, the list again. */
static void
changed_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GTask *task = user_data;
  GError *error = NULL;
  gboolean ok;

  if (g_task_get_source_tag (task) == ck_group_list_delete_async)
    ok = ck_api_delete_group_finish (CK_API (source), result, &error);
  else
    ok = ck_api_update_group_finish (CK_API (source), result, &error);

  if (!ok)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  relist (task);
}

void
ck_group_list_rename_async (CkGroupList         *self,
                            const char          *group_id,
                            const char          *name,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (CK_IS_GROUP_LIST (self));
  g_return_if_fail (group_id != NULL && name != NULL);

  task = new_task (self, ck_group_list_rename_async, cancellable, callback, user_data);
  ck_api_update_group_async (self->api, group_id, name, -1, cancellable, changed_cb, task);
}

gboolean
ck_group_list_rename_finish (CkGroupList   *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return finish_boolean (self, result, ck_group_list_rename_async, error);
}

void
ck_group_list_reorder_async (CkGroupList         *self,
                             const char          *group_id,
                             gint                 index,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (CK_IS_GROUP_LIST (self));
  g_return_if_fail (group_id != NULL && index >= 0);

  task = new_task (self, ck_group_list_reorder_async, cancellable, callback, user_data);
  ck_api_update_group_async (self->api, group_id, NULL, index, cancellable, changed_cb, task);
}

gboolean
ck_group_list_reorder_finish (CkGroupList   *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return finish_boolean (self, result, ck_group_list_reorder_async, error);
}

void
ck_group_list_delete_async (CkGroupList         *self,
                            const char          *group_id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (CK_IS_GROUP_LIST (self));
  g_return_if_fail (group_id != NULL);

  task = new_task (self, ck_group_list_delete_async, cancellable, callback, user_data);
  ck_api_delete_group_async (self->api, group_id, cancellable, changed_cb, task);
}

gboolean
ck_group_list_delete_finish (CkGroupList   *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return finish_boolean (self, result, ck_group_list_delete_async, error);
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                   */

CkGroupList *
ck_group_list_new (CkApi *api)
{
  CkGroupList *self;

  g_return_val_if_fail (CK_IS_API (api), NULL);

  self = g_object_new (CK_TYPE_GROUP_LIST, NULL);
  self->api = g_object_ref (api);
  return self;
}

static void
ck_group_list_finalize (GObject *object)
{
  CkGroupList *self = CK_GROUP_LIST (object);

  g_ptr_array_unref (self->groups);
  g_clear_object (&self->api);

  G_OBJECT_CLASS (ck_group_list_parent_class)->finalize (object);
}

static void
ck_group_list_class_init (CkGroupListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ck_group_list_finalize;
}

static void
ck_group_list_init (CkGroupList *self)
{
  self->groups = g_ptr_array_new_with_free_func (g_object_unref);
}
