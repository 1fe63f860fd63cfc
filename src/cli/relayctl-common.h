/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "ck-api.h"
#include "ck-client.h"
#include "ck-token-store.h"

G_BEGIN_DECLS

/* Exit codes, one per class of meaning (listed in `relayctl --help`). */
typedef enum
{
  RELAYCTL_EXIT_OK          = 0,
  RELAYCTL_EXIT_FAILED      = 1, /* anything without a better class */
  RELAYCTL_EXIT_USAGE       = 2, /* bad options, unknown command, missing argument */
  RELAYCTL_EXIT_AUTH        = 3, /* not signed in, wrong credentials, session ended, no app secret */
  RELAYCTL_EXIT_NOT_FOUND   = 4, /* no such device, group or account */
  RELAYCTL_EXIT_UNREACHABLE = 5, /* the device is offline or did not answer */
  RELAYCTL_EXIT_NETWORK     = 6, /* network failure, timeout, rate limit: try again later */
  RELAYCTL_EXIT_DENIED      = 7, /* not permitted: someone else's device, a share refused */
  RELAYCTL_EXIT_EXISTS      = 8, /* already exists: account registered, device already added or shared */
  RELAYCTL_EXIT_WRONG_CODE  = 9, /* wrong or expired verification code */
} RelayctlExit;

/* The `relayctl --help` text of the exit codes above. */
#define RELAYCTL_EXIT_HELP \
  "Exit status:\n" \
  "  0  success\n" \
  "  1  failure without a more specific class (e.g. the device or the cloud\n" \
  "     refused a value, or the device lacks that control)\n" \
  "  2  usage: bad option, unknown command, missing argument, a value out of\n" \
  "     range or in a unit the device does not take\n" \
  "  3  not signed in, wrong credentials, session ended or taken, no app secret\n" \
  "  4  no such device, group or account (e.g. no account to share with)\n" \
  "  5  the device is offline or did not answer\n" \
  "  6  network failure, timeout or rate limit, or a share's receiver did not\n" \
  "     answer: try again later\n" \
  "  7  not permitted: not the device's owner (a shared device), another brand;\n" \
  "     the receiver refused a share\n" \
  "  8  already exists: the account is registered, the device already added or\n" \
  "     already shared with that account\n" \
  "  9  wrong or expired verification code\n"

#define RELAYCTL_DEFAULT_REGION    "eu"
#define RELAYCTL_DEFAULT_TIMEOUT_S 30

/* The global options and what every command builds from them. */
typedef struct
{
  /* Global options (owned). */
  char         *server_template;
  char         *region;
  char         *app_id;
  char         *ca_file;
  gboolean      json;
  gint          timeout_s;

  /* Built on demand. */
  GCancellable *cancellable;
  guint         deadline_id;
  gboolean      timed_out;
  CkTokenStore *store;
  CkApi        *api;
  gboolean      tokens_changed;
  GIOChannel   *stdin_channel; /* one buffered reader, so several lines can be read */
} RelayctlContext;

typedef struct _RelayctlCommand RelayctlCommand;

/* @argv[0] is the command's name. Returns the process exit code. */
typedef int (*RelayctlCommandFunc) (RelayctlContext        *ctx,
                                    const RelayctlCommand  *command,
                                    int                     argc,
                                    char                  **argv);

/* One subcommand; each command group exports a table ending with a NULL name. */
struct _RelayctlCommand
{
  const char          *name;
  const char          *parameter_string; /* e.g. "DEVICE", or NULL */
  const char          *summary;
  RelayctlCommandFunc  run;
  /* What @run needs to tell this command from its siblings (e.g. on, off or
   * toggle), or the RelayctlCommandGroup of relayctl_run_command_group(). */
  gconstpointer        data;
};

/* A command whose subcommands are named by an argument, as the data of a
 * RelayctlCommand whose run is relayctl_run_command_group(). */
typedef struct
{
  const RelayctlCommand *subcommands;  /* ending with a NULL name */
  const char            *default_name; /* run when none is named */
  /* Every option a subcommand takes (their arg_data is not used), so that
   * an option's value is never taken for the object or the subcommand. */
  const GOptionEntry    *options;
  /* `timers DEVICE add`: the subcommand follows an object, the first word
   * of the command's parameter string; else `groups add`. */
  gboolean               object_first;
} RelayctlCommandGroup;

extern const RelayctlCommand relayctl_session_commands[];
extern const RelayctlCommand relayctl_account_commands[];
extern const RelayctlCommand relayctl_devices_commands[];
extern const RelayctlCommand relayctl_groups_commands[];
extern const RelayctlCommand relayctl_live_commands[];
extern const RelayctlCommand relayctl_watch_commands[];
extern const RelayctlCommand relayctl_share_commands[];
extern const RelayctlCommand relayctl_control_commands[];
extern const RelayctlCommand relayctl_timers_commands[];

/* "--email E" and "--phone +NNN" for commands that name an account. */
#define RELAYCTL_IDENTITY_ENTRIES(email, phone) \
  { "email", 'e', 0, G_OPTION_ARG_STRING, (email), "The account's e-mail address", "EMAIL" }, \
  { "phone", 'p', 0, G_OPTION_ARG_STRING, (phone), \
    "The account's phone number in E.164 form, e.g. +4915112345678", "+NNN" }

/* "--channel N" for commands that act on one channel (1 is the first). */
#define RELAYCTL_CHANNEL_ENTRY(number) \
  { "channel", 'c', 0, G_OPTION_ARG_INT, (number), \
    "Act on channel N only, 1 being the first (see relayctl show DEVICE)", "N" }

RelayctlContext *relayctl_context_new           (void);
void             relayctl_context_free          (RelayctlContext  *ctx);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelayctlContext, relayctl_context_free)

/* Parses a command's own options, --json and the global options, wherever
 * they stand after the command's name and with their values attached
 * (--channel=2, -c2) or separate, and checks that MIN_ARGS to MAX_ARGS
 * arguments (-1: any number) remain after the name; prints the usage error
 * and returns FALSE on misuse. (*argv)[0] names the command in the help,
 * e.g. "groups add". */
gboolean         relayctl_parse_command         (RelayctlContext  *ctx,
                                                 const RelayctlCommand *command,
                                                 const GOptionEntry *entries,
                                                 int               min_args,
                                                 int               max_args,
                                                 int              *argc,
                                                 char           ***argv);
/* The global options (--server, --region, --app-id, --ca-file, --json,
 * --timeout) as main entries of @options, bound to @ctx; those named by
 * @command_entries (nullable) are left to the command. */
void             relayctl_add_global_options    (RelayctlContext  *ctx,
                                                 GOptionContext   *options,
                                                 const GOptionEntry *command_entries);
/* After parsing: the global values are valid, else a usage error (printed)
 * and FALSE. */
gboolean         relayctl_check_global_options  (RelayctlContext  *ctx);

/* The run of a RelayctlCommand whose data is a RelayctlCommandGroup: runs
 * the subcommand the arguments name (the default when none does) with
 * argv[0] replaced by its full name ("groups add", "timers DEVICE add") and
 * the subcommand's name taken out, so that the object (if any) is its
 * first argument. Options may stand anywhere. `--help` without a
 * subcommand lists them. */
int              relayctl_run_command_group     (RelayctlContext  *ctx,
                                                 const RelayctlCommand *command,
                                                 int               argc,
                                                 char            **argv);
/* "  NAME PARAMETERS   first line of the summary" for each entry of @table. */
void             relayctl_append_command_list   (GString          *text,
                                                 const char       *prefix,
                                                 const RelayctlCommand *table);

/* Exactly one of @email / @phone (E.164) given: *identity is it. Else a usage
 * error (printed) and FALSE. */
gboolean         relayctl_check_identity        (const char       *command_name,
                                                 const char       *email,
                                                 const char       *phone,
                                                 const char      **identity);
/* "+" and 8 to 15 digits (spec §3.4). */
gboolean         relayctl_is_e164               (const char       *phone);
/* A non-negative decimal integer, or a usage error (printed) naming @what. */
gboolean         relayctl_parse_index           (const char       *text,
                                                 const char       *what,
                                                 gint             *value);

/* --channel @number (1-based; 0: not given) of @device as a 0-based
 * channel in *@channel, -1 when not given. A usage error (printed) and
 * FALSE when @device has no such channel. */
gboolean         relayctl_resolve_channel       (CkDevice         *device,
                                                 gint              number,
                                                 gint             *channel);

/* The keyring entry for this server template and app id. (transfer none) */
CkTokenStore    *relayctl_context_get_store     (RelayctlContext  *ctx,
                                                 GError          **error);
/* The API with the app secret from RELAY_APP_SECRET or the keyring. (transfer none) */
CkApi           *relayctl_context_get_api       (RelayctlContext  *ctx,
                                                 GError          **error);
/* The API with the stored session resumed (no login call). (transfer none) */
CkApi           *relayctl_context_resume_api    (RelayctlContext  *ctx,
                                                 GError          **error);
/* A client with the stored session resumed (no login call, not connected). */
CkClient        *relayctl_context_resume_client (RelayctlContext  *ctx,
                                                 GError          **error);
/* Resumes the stored session and opens the live one (device list, dispatch,
 * socket). (transfer full) */
CkClient        *relayctl_context_connect       (RelayctlContext  *ctx,
                                                 GError          **error);
/* Resumes the stored session and fetches the device list over REST, without
 * the live connection: for one-shot REST commands. (transfer full) */
CkClient        *relayctl_context_fetch_devices (RelayctlContext  *ctx,
                                                 GError          **error);
/* The same, finding @target in it: *@device (transfer full), which outlives
 * its removal from the list, e.g. for changes made through the client. */
CkClient        *relayctl_context_fetch_client_and_device (RelayctlContext  *ctx,
                                                           const char       *target,
                                                           CkDevice        **device,
                                                           GError          **error);
/* Resumes the session, fetches the device list over REST and finds @target.
 * (transfer full) */
CkDevice        *relayctl_context_fetch_device  (RelayctlContext  *ctx,
                                                 const char       *target,
                                                 GError          **error);
/* @target (an id or an exact name) among @client's devices, or a
 * CK_ERROR_NOT_FOUND error naming it. (transfer none) */
CkDevice        *relayctl_find_device           (CkClient         *client,
                                                 const char       *target,
                                                 GError          **error);
/* Saves tokens the API replaced (a refresh) back into the keyring. */
gboolean         relayctl_context_save_session  (RelayctlContext  *ctx,
                                                 GError          **error);
/* After login, register or reset-password: keeps @tokens in the keyring and
 * says who is signed in. Returns the exit code. */
int              relayctl_finish_sign_in        (RelayctlContext  *ctx,
                                                 const CkTokens   *tokens);

/* Pass as the GAsyncReadyCallback with a `GAsyncResult *` slot (initially NULL) as user data. */
void             relayctl_async_done            (GObject          *source,
                                                 GAsyncResult     *result,
                                                 gpointer          user_data);
/* Iterates the main context until @slot is set (bounded by --timeout through the cancellable). */
void             relayctl_wait                  (RelayctlContext  *ctx,
                                                 GAsyncResult    **slot);
/* The same, returning early once *@stop is TRUE (e.g. set by a signal handler). */
void             relayctl_wait_or_stop          (RelayctlContext  *ctx,
                                                 GAsyncResult    **slot,
                                                 const gboolean   *stop);

/* @env_var if set, else the next line of stdin (echo off on a terminal).
 * Never from argv. Free with relayctl_secret_free(). */
char            *relayctl_read_secret           (RelayctlContext  *ctx,
                                                 const char       *env_var,
                                                 const char       *prompt,
                                                 GError          **error);
/* Overwrites and frees a secret. */
void             relayctl_secret_free           (char             *secret);
typedef char RelayctlSecret;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelayctlSecret, relayctl_secret_free)

/* Prints one line `relayctl: <meaning>` on stderr and returns the exit code
 * of its class. @device (nullable) is what the error is about; the line
 * names it. A cloud error's number stays in the line; the server's text
 * too, unless the meaning already says it. */
int              relayctl_fail                  (RelayctlContext  *ctx,
                                                 const GError     *error,
                                                 CkDevice         *device);
/* The same with the command's own wording for @error (nullable: the default). */
int              relayctl_fail_with             (RelayctlContext  *ctx,
                                                 const GError     *error,
                                                 const char       *phrase);
/* A usage error: one line on stderr, returns RELAYCTL_EXIT_USAGE. */
int              relayctl_usage_error           (const char       *format,
                                                 ...) G_GNUC_PRINTF (1, 2);

/* "  Label:       value" (nothing for a NULL or empty @value). */
void             relayctl_print_field           (const char       *label,
                                                 const char       *value);
/* Columns padded by characters, not bytes, so UTF-8 text lines up. @rows:
 * (element-type GStrv), each with as many cells as @headings. */
void             relayctl_print_table           (const char * const *headings,
                                                 GPtrArray        *rows);

/* ---- A device's typed state (relayctl-state.c) ------------------------
 * What show and the control commands print: family, power, channels,
 * brightness, colour temperature, colour, fan speed, readings, contact,
 * cover, and the params no codec reads (read-only). */

/* Adds the typed members ("family", "capabilities", "power", "channels",
 * "brightness", "color_temperature", "color", "fan_speed", "readings",
 * "contact", "cover_position", "other_params") to an open object. */
void             relayctl_json_add_state        (JsonBuilder      *builder,
                                                 CkDevice         *device);
/* The same as relayctl_print_field() lines. */
void             relayctl_print_state           (CkDevice         *device);
/* "channel 2 (Filter)" for a 0-based @channel. */
char            *relayctl_describe_channel      (CkDevice         *device,
                                                 guint             channel);

/* What a command came to: what @builder built (a closed object or array)
 * with --json, else the text @format makes, as one line. Returns
 * RELAYCTL_EXIT_OK. */
int              relayctl_print_result          (RelayctlContext  *ctx,
                                                 JsonBuilder      *builder,
                                                 const char       *format,
                                                 ...) G_GNUC_PRINTF (3, 4);
void             relayctl_print_json            (JsonNode         *node);
/* Prints what @builder built. */
void             relayctl_print_built_json      (JsonBuilder      *builder);
/* One compact JSON text on one line (for streams such as `watch --json`). */
void             relayctl_print_json_line       (JsonNode         *node);
/* Adds "id" and "name" of @device. */
void             relayctl_json_add_device       (JsonBuilder      *builder,
                                                 CkDevice         *device);
/* Adds "groups": the ids of the groups @device is in. */
void             relayctl_json_add_groups       (JsonBuilder      *builder,
                                                 CkDevice         *device);
/* A param's value as `key=value` shows it: a string as it is unless it
 * would read as JSON (then quoted), anything else as compact JSON. The
 * inverse of relayctl_parse_param_value(). */
char            *relayctl_format_param_value    (JsonNode         *value);
/* The VALUE of key=VALUE: JSON when it parses as JSON (numbers, true,
 * false, null, objects, arrays, "quoted strings"), else the text itself. */
JsonNode        *relayctl_parse_param_value     (const char       *text);
/* "key=value key=value …" on one line; a string value with white space
 * in it shows quoted, as JSON. */
char            *relayctl_format_params_line    (JsonObject       *params);
/* Prints @params as `key=value` lines, in the cloud's order. */
void             relayctl_print_params          (JsonObject       *params);
/* A string member of @object (nullable), or NULL when absent or not a string. */
const char      *relayctl_json_get_string       (JsonObject       *object,
                                                 const char       *name);
/* Adds "name": value, or null for a NULL @value. */
void             relayctl_json_add_string       (JsonBuilder      *builder,
                                                 const char       *name,
                                                 const char       *value);
void             relayctl_json_add_boolean      (JsonBuilder      *builder,
                                                 const char       *name,
                                                 gboolean          value);
void             relayctl_json_add_int          (JsonBuilder      *builder,
                                                 const char       *name,
                                                 gint64            value);
/* Adds "identity" and "region" of a session. */
void             relayctl_json_add_session      (JsonBuilder      *builder,
                                                 const CkTokens   *tokens);

G_END_DECLS
