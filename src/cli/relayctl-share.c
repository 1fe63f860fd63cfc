/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "relayctl"

/* Sharing a device we own with another account over the live connection
 * (spec §4.9): share, share-edit, unshare. */

#include <string.h>

#include "relayctl-common.h"

/* The permit bits of spec §4.9 by name, in bit order. */
static const struct
{
  const char *name;
  CkPermit    bit;
} permit_names[] = {
  { "add", CK_PERMIT_ADD_TIMER },
  { "edit", CK_PERMIT_EDIT_TIMER },
  { "delete", CK_PERMIT_DELETE_TIMER },
  { "enable", CK_PERMIT_ENABLE_TIMER },
};

/* "add,edit,…", "all", "none" or a number 0-15; a usage error (printed) and FALSE otherwise. */
static gboolean
parse_permit (const char *text,
              CkPermit   *permit)
{
  g_auto(GStrv) words = NULL;
  guint64 number;

  if (g_ascii_string_to_unsigned (text, 10, 0, CK_PERMIT_ALL, &number, NULL))
    {
      *permit = (CkPermit) number;
      return TRUE;
    }
  if (g_str_equal (text, "all") || g_str_equal (text, "none"))
    {
      *permit = g_str_equal (text, "all") ? CK_PERMIT_ALL : CK_PERMIT_NONE;
      return TRUE;
    }

  *permit = CK_PERMIT_NONE;
  words = g_strsplit (text, ",", -1);
  for (gsize i = 0; words[i] != NULL; i++)
    {
      const char *word = g_strstrip (words[i]);
      gboolean known = FALSE;

      for (gsize p = 0; p < G_N_ELEMENTS (permit_names) && !known; p++)
        if (g_str_equal (word, permit_names[p].name))
          {
            *permit = ck_permit_combine (*permit, permit_names[p].bit);
            known = TRUE;
          }

      if (!known)
        {
          relayctl_usage_error ("--permit wants add, edit, delete and enable separated by commas, "
                                "all, none or a number 0-15, not “%s”", text);
          return FALSE;
        }
    }

  return TRUE;
}

/* "add, edit" or "none". */
static char *
describe_permit (CkPermit permit)
{
  GString *text = g_string_new (NULL);

  for (gsize p = 0; p < G_N_ELEMENTS (permit_names); p++)
    if (ck_permit_has (permit, permit_names[p].bit))
      g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "", permit_names[p].name);

  if (text->len == 0)
    g_string_append (text, "none");

  return g_string_free (text, FALSE);
}

/* The options every share command takes; NULL members are absent. */
typedef struct
{
  char *to;
  char *permit_text;
  char *note;
  /* Parsed. */
  CkPermit permit;
} ShareOptions;

static void
share_options_clear (ShareOptions *options)
{
  g_free (options->to);
  g_free (options->permit_text);
  g_free (options->note);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ShareOptions, share_options_clear)

/* Parses DEVICE and --to (and --permit, --note when @with_terms); a usage
 * error (printed) and FALSE on misuse. */
static gboolean
parse_share_command (RelayctlContext        *ctx,
                     const RelayctlCommand  *command,
                     gboolean                with_terms,
                     ShareOptions           *options,
                     int                    *argc,
                     char                 ***argv)
{
  const GOptionEntry entries[] = {
    { "to", 0, 0, G_OPTION_ARG_STRING, &options->to,
      "The other account: its e-mail address, or its phone number in E.164 form", "E-MAIL|+PHONE" },
    { "permit", 0, 0, G_OPTION_ARG_STRING, &options->permit_text,
      "What it may do with the timers: add,edit,delete,enable, all, none (share's default) "
      "or the bits 0-15", "LIST|N" },
    { "note", 0, 0, G_OPTION_ARG_STRING, &options->note, "A note for the other account", "TEXT" },
    G_OPTION_ENTRY_NULL
  };
  /* unshare takes --to only. */
  const GOptionEntry *used = entries;
  GOptionEntry to_only[] = { entries[0], G_OPTION_ENTRY_NULL };

  if (!with_terms)
    used = to_only;

  if (!relayctl_parse_command (ctx, command, used, 1, 1, argc, argv))
    return FALSE;

  if (options->to == NULL || *options->to == '\0')
    {
      relayctl_usage_error ("%s needs --to E-MAIL or --to +PHONE", (*argv)[0]);
      return FALSE;
    }
  if (options->to[0] == '+' ? !relayctl_is_e164 (options->to) : strchr (options->to, '@') == NULL)
    {
      relayctl_usage_error ("--to wants an e-mail address or a phone number in E.164 form, "
                            "e.g. +4915112345678");
      return FALSE;
    }
  if (options->permit_text != NULL && !parse_permit (options->permit_text, &options->permit))
    return FALSE;

  return TRUE;
}

/* What the command came to: {"id", "name", "to", "result", ["permit", "permit_names", "note"]}
 * or @text. */
static int
report_share (RelayctlContext    *ctx,
              CkDevice           *device,
              const ShareOptions *options,
              const char         *result,
              gboolean            with_terms,
              const char         *text)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  relayctl_json_add_device (builder, device);
  relayctl_json_add_string (builder, "to", options->to);
  relayctl_json_add_string (builder, "result", result);
  if (with_terms)
    {
      relayctl_json_add_int (builder, "permit", options->permit);
      json_builder_set_member_name (builder, "permit_names");
      json_builder_begin_array (builder);
      for (gsize p = 0; p < G_N_ELEMENTS (permit_names); p++)
        if (ck_permit_has (options->permit, permit_names[p].bit))
          json_builder_add_string_value (builder, permit_names[p].name);
      json_builder_end_array (builder);
      relayctl_json_add_string (builder, "note", options->note);
    }
  json_builder_end_object (builder);

  return relayctl_print_result (ctx, builder, "%s", text);
}

/* One line naming the failure; the exit status of its class. */
static int
fail_share (RelayctlContext    *ctx,
            CkDevice           *device,
            const ShareOptions *options,
            const GError       *error)
{
  g_autofree char *phrase = NULL;

  /* The receiver's answer is what the cloud waits for (spec §4.9). */
  if (g_error_matches (error, CK_ERROR, CK_ERROR_TIMEOUT))
    phrase = g_strdup_printf ("%s did not answer the share in time (try again later)", options->to);
  else if (g_error_matches (error, CK_ERROR, CK_ERROR_NOT_FOUND))
    phrase = g_strdup_printf ("%s is not shared with %s", ck_device_get_name (device), options->to);

  if (phrase != NULL)
    return relayctl_fail_with (ctx, error, phrase);

  return relayctl_fail (ctx, error, device);
}

/* Connects and finds DEVICE; prints the failure and returns NULL otherwise. */
static CkClient *
connect_for (RelayctlContext  *ctx,
             const char       *target,
             CkDevice        **device,
             int              *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CkClient) client = NULL;

  if (!(client = relayctl_context_connect (ctx, &error))
      || !(*device = relayctl_find_device (client, target, &error)))
    {
      *status = relayctl_fail (ctx, error, NULL);
      return NULL;
    }

  return g_steal_pointer (&client);
}

static int
run_share (RelayctlContext        *ctx,
           const RelayctlCommand  *command,
           int                     argc,
           char                  **argv)
{
  g_auto(ShareOptions) options = { NULL };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CkClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *permit = NULL;
  g_autofree char *text = NULL;
  CkDevice *device = NULL;
  CkShareResult answer;
  int status;

  if (!parse_share_command (ctx, command, TRUE, &options, &argc, &argv))
    return RELAYCTL_EXIT_USAGE;
  if (!(client = connect_for (ctx, argv[1], &device, &status)))
    return status;

  ck_client_share_async (client, device, options.to, options.permit, options.note, ctx->cancellable,
                         relayctl_async_done, &result);
  relayctl_wait (ctx, &result);
  answer = ck_client_share_finish (client, result, &error);

  switch (answer)
    {
    case CK_SHARE_RESULT_ACCEPTED:
      break;
    case CK_SHARE_RESULT_REFUSED:
      g_set_error (&error, CK_ERROR, CK_ERROR_NOT_PERMITTED, "%s refused the share", options.to);
      break;
    case CK_SHARE_RESULT_NO_SUCH_USER:
      g_set_error (&error, CK_ERROR, CK_ERROR_USER_NOT_FOUND,
                   "there is no account %s in this region", options.to);
      break;
    case CK_SHARE_RESULT_ALREADY_SHARED:
      g_set_error (&error, CK_ERROR, CK_ERROR_ALREADY_EXISTS,
                   "%s is already shared with %s (change it with share-edit)",
                   ck_device_get_name (device), options.to);
      break;
    case CK_SHARE_RESULT_FAILED:
    default:
      break;
    }
  /* The cloud's answers (worded above) or an error of the request. */
  if (error != NULL && answer != CK_SHARE_RESULT_FAILED)
    return relayctl_fail (ctx, error, NULL);
  if (error != NULL)
    return fail_share (ctx, device, &options, error);

  permit = describe_permit (options.permit);
  text = g_strdup_printf ("%s accepted %s (timers: %s).", options.to, ck_device_get_name (device), permit);
  return report_share (ctx, device, &options, "accepted", TRUE, text);
}

/* Our `sharedTo` record for @to, or NULL. */
static CkShare *
find_share (CkDevice   *device,
            const char *to)
{
  GPtrArray *shares = ck_device_get_shares (device);

  for (guint i = 0; i < shares->len; i++)
    {
      CkShare *share = g_ptr_array_index (shares, i);
      const char *identity = ck_share_get_identity (share);

      if (identity != NULL && g_ascii_strcasecmp (identity, to) == 0)
        return share;
    }

  return NULL;
}

static int
run_share_edit (RelayctlContext        *ctx,
                const RelayctlCommand  *command,
                int                     argc,
                char                  **argv)
{
  g_auto(ShareOptions) options = { NULL };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CkClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *permit = NULL;
  g_autofree char *text = NULL;
  CkDevice *device = NULL;
  CkShare *share;
  int status;

  if (!parse_share_command (ctx, command, TRUE, &options, &argc, &argv))
    return RELAYCTL_EXIT_USAGE;
  if (options.permit_text == NULL && options.note == NULL)
    return relayctl_usage_error ("share-edit needs --permit or --note (or both)");
  if (!(client = connect_for (ctx, argv[1], &device, &status)))
    return status;

  /* updateShare sends both; what is not given stays as it is. */
  share = find_share (device, options.to);
  if (options.permit_text == NULL && share != NULL)
    options.permit = ck_share_get_permit (share);
  if (options.note == NULL && share != NULL)
    options.note = g_strdup (ck_share_get_note (share));

  ck_client_update_share_async (client, device, options.to, options.permit, options.note,
                                ctx->cancellable, relayctl_async_done, &result);
  relayctl_wait (ctx, &result);
  if (!ck_client_update_share_finish (client, result, &error))
    return fail_share (ctx, device, &options, error);

  permit = describe_permit (options.permit);
  text = g_strdup_printf ("%s shared with %s: timers %s.", ck_device_get_name (device), options.to, permit);
  return report_share (ctx, device, &options, "updated", TRUE, text);
}

static int
run_unshare (RelayctlContext        *ctx,
             const RelayctlCommand  *command,
             int                     argc,
             char                  **argv)
{
  g_auto(ShareOptions) options = { NULL };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CkClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  CkDevice *device = NULL;
  int status;

  if (!parse_share_command (ctx, command, FALSE, &options, &argc, &argv))
    return RELAYCTL_EXIT_USAGE;
  if (!(client = connect_for (ctx, argv[1], &device, &status)))
    return status;

  ck_client_cancel_share_async (client, device, options.to, ctx->cancellable, relayctl_async_done, &result);
  relayctl_wait (ctx, &result);
  if (!ck_client_cancel_share_finish (client, result, &error))
    return fail_share (ctx, device, &options, error);

  text = g_strdup_printf ("%s is no longer shared with %s.", ck_device_get_name (device), options.to);
  return report_share (ctx, device, &options, "cancelled", FALSE, text);
}

const RelayctlCommand relayctl_share_commands[] = {
  { "share", "DEVICE",
    "Share DEVICE (one you own) with another account.\n"
    "--to E-MAIL|+PHONE [--permit LIST|N] [--note TEXT]. The other account must\n"
    "be connected and accept. Exit status: 0 accepted, 7 refused, 4 no such\n"
    "account in this region, 8 already shared with it, 6 the other account did\n"
    "not answer.",
    run_share },
  { "share-edit", "DEVICE",
    "Change what a share of DEVICE allows.\n"
    "--to E-MAIL|+PHONE with --permit LIST|N and/or --note TEXT; what is not\n"
    "given stays as it is. Exit status 4 when DEVICE is not shared with that\n"
    "account.",
    run_share_edit },
  { "unshare", "DEVICE",
    "Stop sharing DEVICE with --to E-MAIL|+PHONE.\n"
    "Succeeds too when it was not shared.",
    run_unshare },
  { NULL }
};
