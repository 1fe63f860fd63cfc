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
  RELAYCTL_EXIT_NOT_FOUND   = 4, /* no such device (or other object) */
  RELAYCTL_EXIT_UNREACHABLE = 5, /* the device is offline or did not answer */
  RELAYCTL_EXIT_NETWORK     = 6, /* network failure, timeout, rate limit: try again later */
} RelayctlExit;

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
};

extern const RelayctlCommand relayctl_session_commands[];
extern const RelayctlCommand relayctl_devices_commands[];

RelayctlContext *relayctl_context_new           (void);
void             relayctl_context_free          (RelayctlContext  *ctx);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RelayctlContext, relayctl_context_free)

/* Parses a command's own options (plus --json); prints the error and returns FALSE on misuse. */
gboolean         relayctl_parse_command         (RelayctlContext  *ctx,
                                                 const RelayctlCommand *command,
                                                 const GOptionEntry *entries,
                                                 int              *argc,
                                                 char           ***argv);

/* The keyring entry for this server template and app id. (transfer none) */
CkTokenStore    *relayctl_context_get_store     (RelayctlContext  *ctx,
                                                 GError          **error);
/* The API with the app secret from RELAY_APP_SECRET or the keyring. (transfer none) */
CkApi           *relayctl_context_get_api       (RelayctlContext  *ctx,
                                                 GError          **error);
/* A client with the stored session resumed (no login call, not connected). */
CkClient        *relayctl_context_resume_client (RelayctlContext  *ctx,
                                                 GError          **error);
/* Saves tokens the API replaced (a refresh) back into the keyring. */
gboolean         relayctl_context_save_session  (RelayctlContext  *ctx,
                                                 GError          **error);

/* Pass as the GAsyncReadyCallback with a `GAsyncResult *` slot (initially NULL) as user data. */
void             relayctl_async_done            (GObject          *source,
                                                 GAsyncResult     *result,
                                                 gpointer          user_data);
/* Iterates the main context until @slot is set (bounded by --timeout through the cancellable). */
void             relayctl_wait                  (RelayctlContext  *ctx,
                                                 GAsyncResult    **slot);

/* @env_var if set, else one line from stdin (echo off on a terminal). Never from argv. */
char            *relayctl_read_secret           (const char       *env_var,
                                                 const char       *prompt,
                                                 GError          **error);

/* Prints one line `relayctl: <meaning>` on stderr and returns the exit code of its class.
 * @subject (nullable) names the device the error is about. */
int              relayctl_fail                  (RelayctlContext  *ctx,
                                                 const GError     *error,
                                                 const char       *subject);
/* A usage error: one line on stderr, returns RELAYCTL_EXIT_USAGE. */
int              relayctl_usage_error           (const char       *format,
                                                 ...) G_GNUC_PRINTF (1, 2);

void             relayctl_print_json            (JsonNode         *node);

G_END_DECLS
