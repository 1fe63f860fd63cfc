/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "ck-group"

#include "ck-group.h"

#include "ck-error.h"
#include "ck-json.h"

struct _CkGroup
{
  GObject  parent_instance;

  char    *id;
  char    *name;
  gint     index;
};

G_DEFINE_FINAL_TYPE (CkGroup, ck_group, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_INDEX,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

CkGroup *
ck_group_new_from_json (JsonObject  *object,
                        GError     **error)
{
  g_autofree char *id = ck_json_dup_id (object, "id");
  CkGroup *self;

  if (id == NULL || id[0] == '\0')
    {
      g_set_error_literal (error, CK_ERROR, CK_ERROR_INVALID_RESPONSE, "A group entry has no id");
      return NULL;
    }

  self = g_object_new (CK_TYPE_GROUP, NULL);
  self->id = g_steal_pointer (&id);
  ck_group_update_from_json (self, object);
  return self;
}

void
ck_group_update_from_json (CkGroup    *self,
                           JsonObject *object)
{
  const char *name = ck_json_get_string (object, "name");
  gint64 index = 0;

  g_return_if_fail (CK_IS_GROUP (self));

  if (g_strcmp0 (self->name, name) != 0)
    {
      g_free (self->name);
      self->name = g_strdup (name);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
    }

  ck_json_get_int (object, "index", &index);
  if (self->index != (gint) CLAMP (index, G_MININT, G_MAXINT))
    {
      self->index = (gint) CLAMP (index, G_MININT, G_MAXINT);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INDEX]);
    }
}

const char *
ck_group_get_id (CkGroup *self)
{
  g_return_val_if_fail (CK_IS_GROUP (self), NULL);
  return self->id;
}

const char *
ck_group_get_name (CkGroup *self)
{
  g_return_val_if_fail (CK_IS_GROUP (self), NULL);
  return self->name;
}

gint
ck_group_get_index (CkGroup *self)
{
  g_return_val_if_fail (CK_IS_GROUP (self), 0);
  return self->index;
}

static void
ck_group_finalize (GObject *object)
{
  CkGroup *self = CK_GROUP (object);

  g_free (self->id);
  g_free (self->name);

  G_OBJECT_CLASS (ck_group_parent_class)->finalize (object);
}

static void
ck_group_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  CkGroup *self = CK_GROUP (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_INDEX:
      g_value_set_int (value, self->index);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ck_group_class_init (CkGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ck_group_finalize;
  object_class->get_property = ck_group_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_INDEX] = g_param_spec_int ("index", NULL, NULL, G_MININT, G_MAXINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ck_group_init (CkGroup *self)
{
}
