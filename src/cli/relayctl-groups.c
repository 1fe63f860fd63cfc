/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "relayctl"

/* Groups: `groups` with ls, add, rename, reorder, rm, assign (spec §3.15).
 * GROUP is a group id or its exact name; positions count from 1. */

#include "relayctl-common.h"

/* The options of add and assign, bound to @storage (NULL: to nothing). */
#define INDEX_ENTRY(storage) \
  { "index", 'i', 0, G_OPTION_ARG_STRING, (storage), "Insert at this position, 1 first (default: last)", "N" }
#define FROM_ENTRY(storage) \
  { "from", 'f', 0, G_OPTION_ARG_STRING, (storage), \
    "Move the device out of this group (default: keep its other groups)", "GROUP" }
#define ONLY_ENTRY(storage) \
  { "only", 0, 0, G_OPTION_ARG_NONE, (storage), "Leave the device in GROUP only", NULL }

static gint64
group_index (JsonObject *group)
{
  JsonNode *node = json_object_get_member (group, "index");

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return 0;

  return json_node_get_int (node);
}

static gint
compare_groups (gconstpointer a,
                gconstpointer b)
{
  gint64 index_a = group_index (*(JsonObject **) a);
  gint64 index_b = group_index (*(JsonObject **) b);

  return index_a < index_b ? -1 : index_a > index_b;
}

/* The account's groups (objects with an id) in their order. (element-type JsonObject) */
static GPtrArray *
fetch_groups (RelayctlContext  *ctx,
              GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonArray) array = NULL;
  GPtrArray *groups;
  CkApi *api;

  if (!(api = relayctl_context_resume_api (ctx, error)))
    return NULL;

  ck_api_list_groups_async (api, ctx->cancellable, relayctl_async_done, &result);
  relayctl_wait (ctx, &result);
  if (!(array = ck_api_list_groups_finish (api, result, error)))
    return NULL;

  groups = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_OBJECT (element) && relayctl_json_get_string (json_node_get_object (element), "id") != NULL)
        g_ptr_array_add (groups, json_object_ref (json_node_get_object (element)));
    }
  g_ptr_array_sort (groups, compare_groups);

  return groups;
}

/* @target by id, else by exact name. (transfer none) */
static JsonObject *
find_group (GPtrArray   *groups,
            const char  *target,
            GError     **error)
{
  for (guint i = 0; i < groups->len; i++)
    if (g_strcmp0 (relayctl_json_get_string (g_ptr_array_index (groups, i), "id"), target) == 0)
      return g_ptr_array_index (groups, i);

  for (guint i = 0; i < groups->len; i++)
    if (g_strcmp0 (relayctl_json_get_string (g_ptr_array_index (groups, i), "name"), target) == 0)
      return g_ptr_array_index (groups, i);

  g_set_error (error, CK_ERROR, CK_ERROR_NOT_FOUND,
               "no group with the id or name “%s” (see relayctl groups ls)", target);

  return NULL;
}

static void
add_group_members (JsonBuilder *builder,
                   const char  *id,
                   const char  *name)
{
  relayctl_json_add_string (builder, "id", id);
  relayctl_json_add_string (builder, "name", name);
}

static void
build_group_json (JsonBuilder *builder,
                  JsonObject  *group)
{
  json_builder_begin_object (builder);
  add_group_members (builder, relayctl_json_get_string (group, "id"), relayctl_json_get_string (group, "name"));
  relayctl_json_add_int (builder, "index", group_index (group));
  relayctl_json_add_string (builder, "created_at", relayctl_json_get_string (group, "createdAt"));
  json_builder_end_object (builder);
}

/* What a changing subcommand prints: {"id", "name"[, "index"], @flag: true} or @text. */
static int
report_group (RelayctlContext *ctx,
              const char      *id,
              const char      *name,
              const char      *flag,
              gint             index,
              const char      *text)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_group_members (builder, id, name);
  if (index > 0)
    relayctl_json_add_int (builder, "index", index);
  relayctl_json_add_boolean (builder, flag, TRUE);
  json_builder_end_object (builder);

  return relayctl_print_result (ctx, builder, "%s", text);
}

static int
run_ls (RelayctlContext        *ctx,
        const RelayctlCommand  *command,
        int                     argc,
        char                  **argv)
{
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GError) error = NULL;

  if (!relayctl_parse_command (ctx, command, NULL, 0, 0, &argc, &argv))
    return RELAYCTL_EXIT_USAGE;

  if (!(groups = fetch_groups (ctx, &error)))
    return relayctl_fail (ctx, error, NULL);

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < groups->len; i++)
        build_group_json (builder, g_ptr_array_index (groups, i));
      json_builder_end_array (builder);
      relayctl_print_built_json (builder);
    }
  else if (groups->len == 0)
    {
      g_print ("No groups (add one with relayctl groups add NAME).\n");
    }
  else
    {
      g_print ("%-4s  %-24s  %s\n", "POS", "ID", "NAME");
      for (guint i = 0; i < groups->len; i++)
        {
          JsonObject *group = g_ptr_array_index (groups, i);
          const char *name = relayctl_json_get_string (group, "name");

          g_print ("%-4" G_GINT64_FORMAT "  %-24s  %s\n", group_index (group), relayctl_json_get_string (group, "id"),
                   name != NULL ? name : "");
        }
    }

  return RELAYCTL_EXIT_OK;
}

static int
run_add (RelayctlContext        *ctx,
         const RelayctlCommand  *command,
         int                     argc,
         char                  **argv)
{
  g_autofree char *index_text = NULL;
  const GOptionEntry entries[] = { INDEX_ENTRY (&index_text), G_OPTION_ENTRY_NULL };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;
  const char *name;
  gint index = 0;
  CkApi *api;

  if (!relayctl_parse_command (ctx, command, entries, 1, 1, &argc, &argv))
    return RELAYCTL_EXIT_USAGE;
  name = argv[1];
  if (*name == '\0')
    return relayctl_usage_error ("the group name must not be empty");
  if (index_text != NULL && (!relayctl_parse_index (index_text, "--index", &index)))
    return RELAYCTL_EXIT_USAGE;
  if (index_text != NULL && index == 0)
    return relayctl_usage_error ("--index counts from 1");

  if (!(api = relayctl_context_resume_api (ctx, &error)))
    return relayctl_fail (ctx, error, NULL);

  /* Index 0 asks the cloud to append. */
  ck_api_create_group_async (api, name, index, ctx->cancellable, relayctl_async_done, &result);
  relayctl_wait (ctx, &result);
  if (!(id = ck_api_create_group_finish (api, result, &error)))
    return relayctl_fail (ctx, error, NULL);

  text = g_strdup_printf ("Created group %s (%s).", name, id);

  return report_group (ctx, id, name, "created", index, text);
}

/* rename and reorder: PUT /api/group with a name or a position. */
static int
update_group (RelayctlContext *ctx,
              const char      *target,
              const char      *new_name,
              gint             index)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *id, *name;
  JsonObject *group;

  if (!(groups = fetch_groups (ctx, &error)) || !(group = find_group (groups, target, &error)))
    return relayctl_fail (ctx, error, NULL);
  id = relayctl_json_get_string (group, "id");
  name = new_name != NULL ? new_name : relayctl_json_get_string (group, "name");

  ck_api_update_group_async (ctx->api, id, new_name, index, ctx->cancellable,
                             relayctl_async_done, &result);
  relayctl_wait (ctx, &result);
  if (!ck_api_update_group_finish (ctx->api, result, &error))
    return relayctl_fail (ctx, error, NULL);

  if (new_name != NULL)
    {
      text = g_strdup_printf ("Renamed group %s to %s.", relayctl_json_get_string (group, "name"), new_name);
      return report_group (ctx, id, name, "renamed", 0, text);
    }

  text = g_strdup_printf ("Moved group %s to position %d.", name, index);

  return report_group (ctx, id, name, "moved", index, text);
}

static int
run_rename (RelayctlContext        *ctx,
            const RelayctlCommand  *command,
            int                     argc,
            char                  **argv)
{
  if (!relayctl_parse_command (ctx, command, NULL, 2, 2, &argc, &argv))
    return RELAYCTL_EXIT_USAGE;
  if (*argv[2] == '\0')
    return relayctl_usage_error ("the new name must not be empty");

  return update_group (ctx, argv[1], argv[2], -1);
}

static int
run_reorder (RelayctlContext        *ctx,
             const RelayctlCommand  *command,
             int                     argc,
             char                  **argv)
{
  gint index;

  if (!relayctl_parse_command (ctx, command, NULL, 2, 2, &argc, &argv)
      || !relayctl_parse_index (argv[2], "POSITION", &index))
    return RELAYCTL_EXIT_USAGE;
  if (index == 0)
    return relayctl_usage_error ("POSITION counts from 1");

  return update_group (ctx, argv[1], NULL, index);
}

static int
run_rm (RelayctlContext        *ctx,
        const RelayctlCommand  *command,
        int                     argc,
        char                  **argv)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  JsonObject *group;

  if (!relayctl_parse_command (ctx, command, NULL, 1, 1, &argc, &argv))
    return RELAYCTL_EXIT_USAGE;

  if (!(groups = fetch_groups (ctx, &error)) || !(group = find_group (groups, argv[1], &error)))
    return relayctl_fail (ctx, error, NULL);

  ck_api_delete_group_async (ctx->api, relayctl_json_get_string (group, "id"), ctx->cancellable,
                             relayctl_async_done, &result);
  relayctl_wait (ctx, &result);
  if (!ck_api_delete_group_finish (ctx->api, result, &error))
    return relayctl_fail (ctx, error, NULL);

  text = g_strdup_printf ("Removed group %s; its devices stay in the account.", relayctl_json_get_string (group, "name"));

  return report_group (ctx, relayctl_json_get_string (group, "id"), relayctl_json_get_string (group, "name"), "removed", 0, text);
}

static int
run_assign (RelayctlContext        *ctx,
            const RelayctlCommand  *command,
            int                     argc,
            char                  **argv)
{
  g_autofree char *from = NULL;
  gboolean only = FALSE;
  const GOptionEntry entries[] = { FROM_ENTRY (&from), ONLY_ENTRY (&only), G_OPTION_ENTRY_NULL };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(CkClient) client = NULL;
  g_autoptr(CkDevice) device = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *target, *source = NULL;

  if (!relayctl_parse_command (ctx, command, entries, 2, 2, &argc, &argv))
    return RELAYCTL_EXIT_USAGE;
  if (only && from != NULL)
    return relayctl_usage_error ("--only and --from do not go together");

  if (!(client = relayctl_context_fetch_client_and_device (ctx, argv[1], &device, &error))
      || !(groups = fetch_groups (ctx, &error))
      || !(target = find_group (groups, argv[2], &error))
      || (from != NULL && !(source = find_group (groups, from, &error))))
    return relayctl_fail (ctx, error, NULL);

  /* Through the client, as rename and rm: the device's groups follow. */
  ck_client_move_device_to_group_async (client, device,
                                        source != NULL ? relayctl_json_get_string (source, "id") : NULL,
                                        relayctl_json_get_string (target, "id"),
                                        only ? CK_GROUP_MOVE_REPLACE_ALL : CK_GROUP_MOVE_REPLACE_SOURCE,
                                        ctx->cancellable, relayctl_async_done, &result);
  relayctl_wait (ctx, &result);
  if (!ck_client_move_device_to_group_finish (client, result, &error))
    return relayctl_fail (ctx, error, device);

  json_builder_begin_object (builder);
  relayctl_json_add_string (builder, "device", ck_device_get_id (device));
  relayctl_json_add_string (builder, "group", relayctl_json_get_string (target, "id"));
  relayctl_json_add_string (builder, "from", source != NULL ? relayctl_json_get_string (source, "id") : NULL);
  relayctl_json_add_boolean (builder, "only", only);
  /* Every group the device is in now. */
  relayctl_json_add_groups (builder, device);
  json_builder_end_object (builder);

  if (source != NULL)
    return relayctl_print_result (ctx, builder, "Moved %s from group %s to %s.", ck_device_get_name (device),
                                  relayctl_json_get_string (source, "name"),
                                  relayctl_json_get_string (target, "name"));

  return relayctl_print_result (ctx, builder, "Put %s in group %s.", ck_device_get_name (device),
                                relayctl_json_get_string (target, "name"));
}

static const RelayctlCommand groups_subcommands[] = {
  { "ls", NULL, "List the groups: position, id, name.", run_ls },
  { "add", "NAME", "Create a group, last or at --index N (1 first).", run_add },
  { "rename", "GROUP NEW-NAME", "Rename GROUP.", run_rename },
  { "reorder", "GROUP POSITION", "Move GROUP to POSITION (1 first); the others shift.", run_reorder },
  { "rm", "GROUP", "Delete GROUP; its devices stay in the account, ungrouped.", run_rm },
  { "assign", "DEVICE GROUP",
    "Put DEVICE in GROUP, keeping its other groups.\n"
    "--from GROUP moves it out of that one; --only leaves it in GROUP alone.",
    run_assign },
  { NULL }
};

static const GOptionEntry group_options[] = {
  INDEX_ENTRY (NULL), FROM_ENTRY (NULL), ONLY_ENTRY (NULL), G_OPTION_ENTRY_NULL
};

static const RelayctlCommandGroup groups_group = { groups_subcommands, "ls", group_options, FALSE };

const RelayctlCommand relayctl_groups_commands[] = {
  { "groups", "[SUBCOMMAND]",
    "Manage groups: ls (the default), add, rename, reorder, rm, assign.\n"
    "GROUP is a group id or its exact name; DEVICE a device id or its exact name.",
    relayctl_run_command_group, &groups_group },
  { NULL }
};
