/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "cksim-rest-groups"

#include "cksim-rest-handlers.h"
#include "cksim-json.h"
#include "cksim-present.h"

/* Groups: spec §3.15, §8.8.7. Every call names the caller's apikey; all
 * but delete carry groupType 0. */

static void
reply_ok_empty (CkSimRequest *req)
{
  g_autoptr(JsonObject) body = cksim_error_body (0, NULL);

  cksim_reply_ok (req, body);
}

/* An optional integer member: absent leaves *value; wrong type or out of
 * [min, max] is FALSE. */
static gboolean
optional_integer (CkSimContext *ctx,
                  CkSimRequest *req,
                  const char   *name,
                  gint64        min,
                  gint64        max,
                  gint64       *value)
{
  if (!json_object_has_member (req->params, name))
    return TRUE;
  return cksim_auth_get_integer (ctx->auth, req->params, name, req->query_form, value)
         && *value >= min && *value <= max;
}

/* apikey is the caller's (403, §8.4.6) and, with @group_type, groupType is 0.
 * Replies and returns FALSE otherwise. */
static gboolean
group_call_ok (CkSimContext *ctx,
               CkSimRequest *req,
               CkSimSession *session,
               gboolean      group_type)
{
  const char *apikey = cksim_request_get_string (req, "apikey");
  gint64 type = -1;

  if (apikey == NULL
      || (group_type && (!cksim_auth_get_integer (ctx->auth, req->params, "groupType",
                                                  req->query_form, &type) || type != 0)))
    {
      cksim_reply_error (req, 400, "params incomplete");
      return FALSE;
    }
  if (!g_str_equal (apikey, session->user_apikey))
    {
      cksim_reply_error (req, 403, "no permission");
      return FALSE;
    }
  return TRUE;
}

/* The caller's group @id, else (another user's reads as unknown) a 404
 * answer and NULL. */
static CkSimGroup *
own_group_or_404 (CkSimContext *ctx,
                  CkSimRequest *req,
                  CkSimSession *session,
                  const char   *id)
{
  CkSimGroup *group = cksim_state_find_group (ctx->state, id);

  if (group == NULL || !g_str_equal (group->owner_apikey, session->user_apikey))
    {
      cksim_reply_error (req, 404, "group does not exist");
      return NULL;
    }
  return group;
}

void
cksim_handle_group_create (CkSimContext *ctx,
                           CkSimRequest *req,
                           CkSimSession *session)
{
  const char *name = cksim_request_get_string (req, "name");
  g_autoptr(JsonObject) body = NULL;
  CkSimGroup *group;
  gint64 index = 0;

  if (!group_call_ok (ctx, req, session, TRUE))
    return;
  if (name == NULL || !optional_integer (ctx, req, "index", 0, G_MAXINT, &index))
    {
      cksim_reply_error (req, 400, "params incomplete");
      return;
    }
  /* 0 or absent: appended; else inserted there, the rest shift (D19). */
  group = cksim_state_add_group (ctx->state, session->user_apikey, name, (int) index);

  body = cksim_error_body (0, NULL);
  json_object_set_string_member (body, "groupid", group->id);
  cksim_reply_ok (req, body);
}

void
cksim_handle_group_update (CkSimContext *ctx,
                           CkSimRequest *req,
                           CkSimSession *session)
{
  const char *name = cksim_request_get_string (req, "name");
  CkSimGroup *group;
  gint64 index = 0;

  if (!group_call_ok (ctx, req, session, TRUE))
    return;
  /* A rename, a move, or both; a name that is there is not empty. */
  if (cksim_request_get_string (req, "id") == NULL
      || (name == NULL && json_object_has_member (req->params, "name"))
      || !optional_integer (ctx, req, "index", 0, G_MAXINT, &index)
      || (name == NULL && index == 0))
    {
      cksim_reply_error (req, 400, "params incomplete");
      return;
    }
  group = own_group_or_404 (ctx, req, session, cksim_request_get_string (req, "id"));
  if (group == NULL)
    return;
  if (name != NULL)
    {
      g_free (group->name);
      group->name = g_strdup (name);
      cksim_state_changed (ctx->state);
    }
  cksim_state_move_group (ctx->state, group, (int) index);
  reply_ok_empty (req);
}

void
cksim_handle_group_delete (CkSimContext *ctx,
                           CkSimRequest *req,
                           CkSimSession *session)
{
  CkSimGroup *group;
  gint64 type = 0;

  if (!group_call_ok (ctx, req, session, FALSE))
    return;
  /* type 0 only: 1 (D19 "and its devices") is rejected (§3.15). */
  if (cksim_request_get_string (req, "id") == NULL || !optional_integer (ctx, req, "type", 0, 0, &type))
    {
      cksim_reply_error (req, 400, "params incomplete");
      return;
    }
  group = own_group_or_404 (ctx, req, session, cksim_request_get_string (req, "id"));
  if (group == NULL)
    return;
  cksim_state_remove_group (ctx->state, group);
  reply_ok_empty (req);
}

void
cksim_handle_group_list (CkSimContext *ctx,
                         CkSimRequest *req,
                         CkSimSession *session)
{
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(JsonObject) body = NULL;
  JsonArray *infos;

  if (!group_call_ok (ctx, req, session, TRUE))
    return;

  groups = cksim_state_list_groups (ctx->state, session->user_apikey);
  infos = json_array_new ();
  for (guint i = 0; i < groups->len; i++)
    {
      CkSimGroup *group = g_ptr_array_index (groups, i);
      JsonObject *info = json_object_new ();
      g_autofree char *created = cksim_format_iso_ms (group->created_ms);

      json_object_set_string_member (info, "id", group->id);
      json_object_set_string_member (info, "name", group->name);
      json_object_set_int_member (info, "index", group->index);
      json_object_set_string_member (info, "createdAt", created);
      json_array_add_object_element (infos, info);
    }
  body = cksim_error_body (0, NULL);
  json_object_set_array_member (body, "groupinfos", infos);
  cksim_reply_ok (req, body);
}

typedef struct
{
  CkSimDevice *device;
  const char  *source;  /* NULL: none */
  const char  *target;  /* NULL: none */
  gint64       type;
} Move;

/* One deviceinfos entry; replies and returns FALSE when it is refused. */
static gboolean
parse_move (CkSimContext *ctx,
            CkSimRequest *req,
            CkSimSession *session,
            JsonNode     *node,
            Move         *move)
{
  JsonObject *info = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char *deviceid = cksim_json_get_string (info, "deviceid");
  const char *ids[2] = { NULL, NULL };
  static const char * const id_names[2] = { "source_id", "target_id" };

  move->type = 0;
  if (info == NULL || deviceid == NULL
      || !cksim_member_is_string_or_absent (info, "source_id")
      || !cksim_member_is_string_or_absent (info, "target_id")
      || (json_object_has_member (info, "type")
          && (!cksim_auth_get_integer (ctx->auth, info, "type", FALSE, &move->type)
              || (move->type != 0 && move->type != 1))))
    {
      cksim_reply_error (req, 400, "params incomplete");
      return FALSE;
    }
  for (guint i = 0; i < 2; i++)
    {
      const char *id = cksim_json_get_string (info, id_names[i]);

      ids[i] = id != NULL && *id != '\0' ? id : NULL;
      if (ids[i] != NULL && own_group_or_404 (ctx, req, session, ids[i]) == NULL)
        return FALSE;
    }
  if (ids[0] == NULL && ids[1] == NULL && move->type == 0)
    {
      cksim_reply_error (req, 400, "params incomplete");
      return FALSE;
    }
  /* Own or shared devices only (§8.5, SIM). */
  move->device = cksim_state_find_device (ctx->state, deviceid);
  if (move->device == NULL
      || cksim_device_access (move->device, session->user_apikey) == CKSIM_ACCESS_NONE)
    {
      cksim_reply_error (req, 403, "no permission");
      return FALSE;
    }
  move->source = ids[0];
  move->target = ids[1];
  return TRUE;
}

static void
apply_move (CkSimContext *ctx,
            CkSimSession *session,
            const Move   *move)
{
  if (move->type == 1)
    {
      /* Replaces the caller's groups of the device with [target]. */
      g_autoptr(GPtrArray) mine = cksim_state_list_groups (ctx->state, session->user_apikey);

      for (guint i = 0; i < mine->len; i++)
        cksim_device_set_in_group (move->device, ((CkSimGroup *) g_ptr_array_index (mine, i))->id, FALSE);
    }
  else if (move->source != NULL)
    cksim_device_set_in_group (move->device, move->source, FALSE);
  if (move->target != NULL)
    cksim_device_set_in_group (move->device, move->target, TRUE);
}

void
cksim_handle_group_add_device (CkSimContext *ctx,
                               CkSimRequest *req,
                               CkSimSession *session)
{
  JsonNode *infos = json_object_get_member (req->params, "deviceinfos");
  g_autoptr(GArray) moves = g_array_new (FALSE, TRUE, sizeof (Move));
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();

  if (!group_call_ok (ctx, req, session, TRUE))
    return;
  /* An array, or (D20's example) a single object. */
  if (infos != NULL && JSON_NODE_HOLDS_ARRAY (infos))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (infos)); i++)
      g_ptr_array_add (nodes, json_array_get_element (json_node_get_array (infos), i));
  else if (infos != NULL && JSON_NODE_HOLDS_OBJECT (infos))
    g_ptr_array_add (nodes, infos);
  if (nodes->len == 0)
    {
      cksim_reply_error (req, 400, "params incomplete");
      return;
    }

  /* All or nothing: every entry is checked before any is applied. */
  g_array_set_size (moves, nodes->len);
  for (guint i = 0; i < nodes->len; i++)
    if (!parse_move (ctx, req, session, g_ptr_array_index (nodes, i), &g_array_index (moves, Move, i)))
      return;
  for (guint i = 0; i < moves->len; i++)
    apply_move (ctx, session, &g_array_index (moves, Move, i));
  cksim_state_changed (ctx->state);
  reply_ok_empty (req);
}
