/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "ck-command"

#include "ck-command.h"

#include "ck-enums.h"
#include "ck-json.h"

struct _CkCommand
{
  GObject         parent_instance;

  CkDevice       *device;
  JsonObject     *params;
  CkCommandState  state;
  GError         *error;
  gboolean        sent;
};

G_DEFINE_FINAL_TYPE (CkCommand, ck_command, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DEVICE,
  PROP_PARAMS,
  PROP_STATE,
  PROP_ERROR,
  PROP_SENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

CkCommand *
ck_command_new (CkDevice   *device,
                JsonObject *params)
{
  CkCommand *self;

  g_return_val_if_fail (CK_IS_DEVICE (device), NULL);
  g_return_val_if_fail (params != NULL, NULL);

  self = g_object_new (CK_TYPE_COMMAND, NULL);
  self->device = g_object_ref (device);
  self->params = json_object_ref (params);
  return self;
}

CkDevice *
ck_command_get_device (CkCommand *self)
{
  g_return_val_if_fail (CK_IS_COMMAND (self), NULL);
  return self->device;
}

JsonObject *
ck_command_get_params (CkCommand *self)
{
  g_return_val_if_fail (CK_IS_COMMAND (self), NULL);
  return self->params;
}

CkCommandState
ck_command_get_state (CkCommand *self)
{
  g_return_val_if_fail (CK_IS_COMMAND (self), CK_COMMAND_PENDING);
  return self->state;
}

const GError *
ck_command_get_error (CkCommand *self)
{
  g_return_val_if_fail (CK_IS_COMMAND (self), NULL);
  return self->error;
}

gboolean
ck_command_get_sent (CkCommand *self)
{
  g_return_val_if_fail (CK_IS_COMMAND (self), FALSE);
  return self->sent;
}

gboolean
ck_command_is_settled (CkCommand *self)
{
  g_return_val_if_fail (CK_IS_COMMAND (self), FALSE);
  return self->state == CK_COMMAND_CONFIRMED || self->state == CK_COMMAND_ROLLED_BACK;
}

void
ck_command_mark_sent (CkCommand *self)
{
  g_return_if_fail (CK_IS_COMMAND (self));
  /* Sent at most once: a second send would be a bug in the caller. */
  g_return_if_fail (!self->sent);

  self->sent = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SENT]);
}

void
ck_command_set_state (CkCommand      *self,
                      CkCommandState  state,
                      const GError   *error)
{
  g_return_if_fail (CK_IS_COMMAND (self));
  g_return_if_fail (!ck_command_is_settled (self));

  if (self->state == state)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  if (error != NULL && state == CK_COMMAND_ROLLED_BACK)
    {
      g_clear_error (&self->error);
      self->error = g_error_copy (error);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
    }
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  g_object_thaw_notify (G_OBJECT (self));
}

/* ------------------------------------------------------------------------ */
/* Settling: do queried params show what was sent?                           */

static JsonObject *
outlet_entry (JsonArray *array,
              gint64     outlet)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      gint64 value;

      if (JSON_NODE_HOLDS_OBJECT (node)
          && ck_json_get_int (json_node_get_object (node), "outlet", &value) && value == outlet)
        return json_node_get_object (node);
    }
  return NULL;
}

/* Each sent entry's fields equal those of the queried entry of its outlet. */
static gboolean
outlets_show (JsonArray *sent,
              JsonArray *queried)
{
  for (guint i = 0; i < json_array_get_length (sent); i++)
    {
      JsonNode *node = json_array_get_element (sent, i);
      g_autoptr(GList) members = NULL;
      JsonObject *entry, *current;
      gint64 outlet;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return FALSE;
      entry = json_node_get_object (node);
      if (!ck_json_get_int (entry, "outlet", &outlet)
          || (current = outlet_entry (queried, outlet)) == NULL)
        return FALSE;

      members = json_object_get_members (entry);
      for (GList *l = members; l != NULL; l = l->next)
        {
          JsonNode *have = json_object_get_member (current, l->data);

          if (have == NULL || !json_node_equal (have, json_object_get_member (entry, l->data)))
            return FALSE;
        }
    }
  return TRUE;
}

/* Arrays of objects with `outlet` (switches, configure, pulses) compare by
 * outlet, as the device merges them; everything else must be equal. */
static gboolean
value_shows (JsonNode *sent,
             JsonNode *queried)
{
  JsonNode *first;
  gint64 outlet;

  if (queried == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_ARRAY (sent) && JSON_NODE_HOLDS_ARRAY (queried)
      && json_array_get_length (json_node_get_array (sent)) > 0
      && (first = json_array_get_element (json_node_get_array (sent), 0)) != NULL
      && JSON_NODE_HOLDS_OBJECT (first)
      && ck_json_get_int (json_node_get_object (first), "outlet", &outlet))
    return outlets_show (json_node_get_array (sent), json_node_get_array (queried));
  return json_node_equal (sent, queried);
}

gboolean
ck_command_params_show (JsonObject *sent,
                        JsonObject *params,
                        GPtrArray  *keys)
{
  g_autoptr(GList) members = NULL;

  g_return_val_if_fail (sent != NULL && params != NULL, FALSE);

  if (keys != NULL)
    {
      for (guint i = 0; i < keys->len; i++)
        {
          const char *key = g_ptr_array_index (keys, i);

          if (!value_shows (json_object_get_member (sent, key), json_object_get_member (params, key)))
            return FALSE;
        }
      return TRUE;
    }

  members = json_object_get_members (sent);
  for (GList *l = members; l != NULL; l = l->next)
    if (!value_shows (json_object_get_member (sent, l->data), json_object_get_member (params, l->data)))
      return FALSE;
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                   */

static void
ck_command_finalize (GObject *object)
{
  CkCommand *self = CK_COMMAND (object);

  g_clear_object (&self->device);
  g_clear_pointer (&self->params, json_object_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (ck_command_parent_class)->finalize (object);
}

static void
ck_command_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CkCommand *self = CK_COMMAND (object);

  switch (prop_id)
    {
    case PROP_DEVICE:
      g_value_set_object (value, self->device);
      break;
    case PROP_PARAMS:
      g_value_set_boxed (value, self->params);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    case PROP_SENT:
      g_value_set_boolean (value, self->sent);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ck_command_class_init (CkCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ck_command_finalize;
  object_class->get_property = ck_command_get_property;

  properties[PROP_DEVICE] = g_param_spec_object ("device", NULL, NULL, CK_TYPE_DEVICE, flags);
  properties[PROP_PARAMS] = g_param_spec_boxed ("params", NULL, NULL, JSON_TYPE_OBJECT, flags);
  properties[PROP_STATE] = g_param_spec_enum ("state", NULL, NULL, CK_TYPE_COMMAND_STATE,
                                              CK_COMMAND_PENDING, flags);
  properties[PROP_ERROR] = g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR, flags);
  properties[PROP_SENT] = g_param_spec_boolean ("sent", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ck_command_init (CkCommand *self)
{
}
