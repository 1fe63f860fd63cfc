/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "ck-device-list"

#include "ck-device-list.h"

#include "ck-json.h"

struct _CkDeviceList
{
  GObject     parent_instance;

  GPtrArray  *devices;   /* CkDevice, in the cloud's order */
  GHashTable *by_id;     /* id → CkDevice (owned by devices) */
};

static void ck_device_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CkDeviceList, ck_device_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      ck_device_list_model_init))

static GType
ck_device_list_get_item_type (GListModel *model)
{
  return CK_TYPE_DEVICE;
}

static guint
ck_device_list_get_n_items (GListModel *model)
{
  return CK_DEVICE_LIST (model)->devices->len;
}

static gpointer
ck_device_list_get_item (GListModel *model,
                         guint       position)
{
  CkDeviceList *self = CK_DEVICE_LIST (model);

  if (position >= self->devices->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->devices, position));
}

static void
ck_device_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ck_device_list_get_item_type;
  iface->get_n_items = ck_device_list_get_n_items;
  iface->get_item = ck_device_list_get_item;
}

/* Puts @devices in place and emits one items-changed spanning only the
 * positions between the unchanged head and the unchanged tail. */
static void
install (CkDeviceList *self,
         GPtrArray    *devices)
{
  g_autoptr(GPtrArray) old = self->devices;
  guint head = 0;
  guint tail = 0;

  self->devices = devices;
  g_hash_table_remove_all (self->by_id);
  for (guint i = 0; i < devices->len; i++)
    {
      CkDevice *device = g_ptr_array_index (devices, i);

      g_hash_table_insert (self->by_id, (gpointer) ck_device_get_id (device), device);
    }

  while (head < old->len && head < devices->len
         && g_ptr_array_index (old, head) == g_ptr_array_index (devices, head))
    head++;
  while (tail < old->len - head && tail < devices->len - head
         && g_ptr_array_index (old, old->len - 1 - tail)
            == g_ptr_array_index (devices, devices->len - 1 - tail))
    tail++;

  if (old->len - head - tail > 0 || devices->len - head - tail > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), head,
                                old->len - head - tail, devices->len - head - tail);
}

void
ck_device_list_replace_all (CkDeviceList *self,
                            JsonArray    *devicelist)
{
  GPtrArray *devices;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_if_fail (CK_IS_DEVICE_LIST (self));
  g_return_if_fail (devicelist != NULL);

  devices = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < json_array_get_length (devicelist); i++)
    {
      JsonNode *node = json_array_get_element (devicelist, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *id = ck_json_get_string (object, "deviceid");
      g_autoptr(GError) error = NULL;
      CkDevice *device;

      if (id == NULL || *id == '\0' || g_hash_table_contains (seen, id))
        {
          g_debug ("Skipping device entry %u: no deviceid, or a repeated one", i);
          continue;
        }

      device = g_hash_table_lookup (self->by_id, id);
      if (device != NULL)
        {
          ck_device_update_from_json (device, object);
          g_object_ref (device);
        }
      else if ((device = ck_device_new_from_json (object, &error)) == NULL)
        {
          g_debug ("Skipping device entry %u: %s", i, error->message);
          continue;
        }

      g_hash_table_add (seen, (gpointer) ck_device_get_id (device));
      g_ptr_array_add (devices, device);
    }

  install (self, devices);
}

void
ck_device_list_clear (CkDeviceList *self)
{
  g_return_if_fail (CK_IS_DEVICE_LIST (self));

  install (self, g_ptr_array_new_with_free_func (g_object_unref));
}

gboolean
ck_device_list_remove (CkDeviceList *self,
                       const char   *device_id)
{
  CkDevice *device;
  guint position;

  g_return_val_if_fail (CK_IS_DEVICE_LIST (self), FALSE);

  device = ck_device_list_lookup (self, device_id);
  if (device == NULL || !g_ptr_array_find (self->devices, device, &position))
    return FALSE;

  g_hash_table_remove (self->by_id, device_id);
  g_ptr_array_remove_index (self->devices, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  return TRUE;
}

CkDevice *
ck_device_list_lookup (CkDeviceList *self,
                       const char   *device_id)
{
  g_return_val_if_fail (CK_IS_DEVICE_LIST (self), NULL);

  if (device_id == NULL)
    return NULL;

  return g_hash_table_lookup (self->by_id, device_id);
}

CkDevice *
ck_device_list_find (CkDeviceList *self,
                     const char   *id_or_name)
{
  CkDevice *device;

  g_return_val_if_fail (CK_IS_DEVICE_LIST (self), NULL);

  if (id_or_name == NULL)
    return NULL;

  device = ck_device_list_lookup (self, id_or_name);
  for (guint i = 0; device == NULL && i < self->devices->len; i++)
    {
      CkDevice *candidate = g_ptr_array_index (self->devices, i);

      if (g_strcmp0 (ck_device_get_name (candidate), id_or_name) == 0)
        device = candidate;
    }

  return device;
}

CkDeviceList *
ck_device_list_new (void)
{
  return g_object_new (CK_TYPE_DEVICE_LIST, NULL);
}

static void
ck_device_list_finalize (GObject *object)
{
  CkDeviceList *self = CK_DEVICE_LIST (object);

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->devices, g_ptr_array_unref);

  G_OBJECT_CLASS (ck_device_list_parent_class)->finalize (object);
}

static void
ck_device_list_class_init (CkDeviceListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ck_device_list_finalize;
}

static void
ck_device_list_init (CkDeviceList *self)
{
  self->devices = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
}
