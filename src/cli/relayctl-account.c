/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "relayctl"

/* The account: region, send-code, register, reset-password,
 * change-password, refresh (spec §3.1–3.7). */

#include <string.h>

#include "relayctl-common.h"

/* A country calling code: 1 to 4 digits (spec Appendix A). */
static gboolean
is_calling_code (const char *digits)
{
  gsize length = strlen (digits);

  if (length < 1 || length > 4)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (digits[i]))
      return FALSE;

  return TRUE;
}

static int
run_region (RelayctlContext        *ctx,
            const RelayctlCommand  *command,
            int                     argc,
            char                  **argv)
{
  g_autofree char *country = NULL;
  const GOptionEntry entries[] = {
    { "country", 'c', 0, G_OPTION_ARG_STRING, &country,
      "Country calling code, e.g. 49 or +49 (default: the cloud guesses from the caller)", "CC" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *region = NULL;
  const char *digits = NULL;
  CkApi *api;

  if (!relayctl_parse_command (ctx, command, entries, 0, 0, &argc, &argv))
    return RELAYCTL_EXIT_USAGE;

  if (country != NULL)
    {
      digits = country[0] == '+' ? country + 1 : country;
      if (!is_calling_code (digits))
        return relayctl_usage_error ("--country wants a calling code of 1 to 4 digits, e.g. 49");
    }

  if (!(api = relayctl_context_get_api (ctx, &error)))
    return relayctl_fail (ctx, error, NULL);

  ck_api_lookup_region_async (api, digits, ctx->cancellable, relayctl_async_done, &result);
  relayctl_wait (ctx, &result);
  if (!(region = ck_api_lookup_region_finish (api, result, &error)))
    return relayctl_fail (ctx, error, NULL);

  json_builder_begin_object (builder);
  relayctl_json_add_string (builder, "region", region);
  relayctl_json_add_string (builder, "country_code", digits);
  json_builder_end_object (builder);

  if (digits != NULL)
    return relayctl_print_result (ctx, builder, "New accounts from +%s are in region %s.", digits, region);

  return relayctl_print_result (ctx, builder, "New accounts from here are in region %s.", region);
}

static int
run_send_code (RelayctlContext        *ctx,
               const RelayctlCommand  *command,
               int                     argc,
               char                  **argv)
{
  g_autofree char *email = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *purpose_name = NULL;
  const GOptionEntry entries[] = {
    RELAYCTL_IDENTITY_ENTRIES (&email, &phone),
    { "purpose", 0, 0, G_OPTION_ARG_STRING, &purpose_name,
      "register (a new account) or reset (a forgotten password)", "PURPOSE" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) error = NULL;
  CkCodePurpose purpose;
  const char *identity;
  CkApi *api;

  if (!relayctl_parse_command (ctx, command, entries, 0, 0, &argc, &argv)
      || !relayctl_check_identity (argv[0], email, phone, &identity))
    return RELAYCTL_EXIT_USAGE;

  if (g_strcmp0 (purpose_name, "register") == 0)
    purpose = CK_CODE_PURPOSE_REGISTER;
  else if (g_strcmp0 (purpose_name, "reset") == 0)
    purpose = CK_CODE_PURPOSE_RESET;
  else
    return relayctl_usage_error ("send-code needs --purpose register or --purpose reset");

  if (!(api = relayctl_context_get_api (ctx, &error)))
    return relayctl_fail (ctx, error, NULL);

  ck_api_send_code_async (api, purpose, identity, ctx->cancellable, relayctl_async_done, &result);
  relayctl_wait (ctx, &result);
  if (!ck_api_send_code_finish (api, result, &error))
    return relayctl_fail (ctx, error, NULL);

  json_builder_begin_object (builder);
  relayctl_json_add_boolean (builder, "sent", TRUE);
  relayctl_json_add_string (builder, "identity", identity);
  relayctl_json_add_string (builder, "purpose", purpose_name);
  json_builder_end_object (builder);

  return relayctl_print_result (ctx, builder, "A verification code was sent to %s.", identity);
}

typedef enum
{
  CODE_FOR_REGISTER,
  CODE_FOR_RESET,
} CodeCall;

/* register and reset-password (the CodeCall in the command's data):
 * identity, code, password; both sign in. */
static int
run_code_call (RelayctlContext        *ctx,
               const RelayctlCommand  *command,
               int                     argc,
               char                  **argv)
{
  CodeCall call = GPOINTER_TO_INT (command->data);
  g_autofree char *email = NULL;
  g_autofree char *phone = NULL;
  const GOptionEntry entries[] = {
    RELAYCTL_IDENTITY_ENTRIES (&email, &phone),
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(CkTokens) tokens = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RelayctlSecret) code = NULL;
  g_autoptr(RelayctlSecret) password = NULL;
  const char *identity;
  CkApi *api;

  if (!relayctl_parse_command (ctx, command, entries, 0, 0, &argc, &argv)
      || !relayctl_check_identity (argv[0], email, phone, &identity))
    return RELAYCTL_EXIT_USAGE;

  if (!(api = relayctl_context_get_api (ctx, &error)))
    return relayctl_fail (ctx, error, NULL);

  if (!(code = relayctl_read_secret (ctx, "RELAY_CODE", "Verification code: ", &error))
      || !(password = relayctl_read_secret (ctx, "RELAY_PASSWORD",
                                            call == CODE_FOR_REGISTER ? "Password: " : "New password: ",
                                            &error)))
    return relayctl_fail (ctx, error, NULL);

  if (call == CODE_FOR_REGISTER)
    {
      ck_api_register_async (api, identity, password, code, ctx->cancellable, relayctl_async_done, &result);
      relayctl_wait (ctx, &result);
      tokens = ck_api_register_finish (api, result, &error);
    }
  else
    {
      ck_api_reset_password_async (api, identity, password, code, ctx->cancellable,
                                   relayctl_async_done, &result);
      relayctl_wait (ctx, &result);
      tokens = ck_api_reset_password_finish (api, result, &error);
    }

  if (tokens == NULL)
    return relayctl_fail (ctx, error, NULL);

  return relayctl_finish_sign_in (ctx, tokens);
}

static int
run_change_password (RelayctlContext        *ctx,
                     const RelayctlCommand  *command,
                     int                     argc,
                     char                  **argv)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RelayctlSecret) old_password = NULL;
  g_autoptr(RelayctlSecret) new_password = NULL;
  CkApi *api;

  if (!relayctl_parse_command (ctx, command, NULL, 0, 0, &argc, &argv))
    return RELAYCTL_EXIT_USAGE;

  if (!(api = relayctl_context_resume_api (ctx, &error)))
    return relayctl_fail (ctx, error, NULL);

  if (!(old_password = relayctl_read_secret (ctx, "RELAY_PASSWORD", "Current password: ", &error))
      || !(new_password = relayctl_read_secret (ctx, "RELAY_NEW_PASSWORD", "New password: ", &error)))
    return relayctl_fail (ctx, error, NULL);

  ck_api_change_password_async (api, old_password, new_password, ctx->cancellable,
                                relayctl_async_done, &result);
  relayctl_wait (ctx, &result);
  if (!ck_api_change_password_finish (api, result, &error))
    {
      /* This endpoint's 401 is most likely the current password. */
      if (g_error_matches (error, CK_ERROR, CK_ERROR_WRONG_PASSWORD))
        return relayctl_fail_with (ctx, error, "wrong current password (or the session has ended)");
      return relayctl_fail (ctx, error, NULL);
    }

  json_builder_begin_object (builder);
  relayctl_json_add_boolean (builder, "password_changed", TRUE);
  json_builder_end_object (builder);

  return relayctl_print_result (ctx, builder, "The password is changed; this session stays signed in.");
}

static int
run_refresh (RelayctlContext        *ctx,
             const RelayctlCommand  *command,
             int                     argc,
             char                  **argv)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(CkTokens) tokens = NULL;
  g_autoptr(GError) error = NULL;
  CkApi *api;

  if (!relayctl_parse_command (ctx, command, NULL, 0, 0, &argc, &argv))
    return RELAYCTL_EXIT_USAGE;

  if (!(api = relayctl_context_resume_api (ctx, &error)))
    return relayctl_fail (ctx, error, NULL);

  /* The new tokens reach the keyring through "tokens-changed" at the end. */
  ck_api_refresh_async (api, ctx->cancellable, relayctl_async_done, &result);
  relayctl_wait (ctx, &result);
  if (!(tokens = ck_api_refresh_finish (api, result, &error)))
    return relayctl_fail (ctx, error, NULL);

  json_builder_begin_object (builder);
  relayctl_json_add_boolean (builder, "refreshed", TRUE);
  relayctl_json_add_session (builder, tokens);
  json_builder_end_object (builder);

  return relayctl_print_result (ctx, builder, "The session of %s is renewed.", tokens->identity);
}

const RelayctlCommand relayctl_account_commands[] = {
  { "region", NULL,
    "Look up the region new accounts of a country get (--country CC).",
    run_region },
  { "send-code", NULL,
    "Send a verification code to --email or --phone, for --purpose register or reset.",
    run_send_code },
  { "register", NULL,
    "Create the account --email or --phone with a verification code, and sign in.\n"
    "The code comes from RELAY_CODE, the password from RELAY_PASSWORD; whichever\n"
    "is unset is read from stdin, one line each, the code first.",
    run_code_call, GINT_TO_POINTER (CODE_FOR_REGISTER) },
  { "reset-password", NULL,
    "Set a new password for --email or --phone with a verification code, and sign in.\n"
    "The code comes from RELAY_CODE, the new password from RELAY_PASSWORD; whichever\n"
    "is unset is read from stdin, one line each, the code first.",
    run_code_call, GINT_TO_POINTER (CODE_FOR_RESET) },
  { "change-password", NULL,
    "Change the signed-in account's password; the session stays signed in.\n"
    "The current password comes from RELAY_PASSWORD, the new one from\n"
    "RELAY_NEW_PASSWORD; whichever is unset is read from stdin, one line each,\n"
    "the current one first.",
    run_change_password },
  { "refresh", NULL, "Renew the stored session's tokens now (it happens by itself when they expire).",
    run_refresh },
  { NULL }
};
