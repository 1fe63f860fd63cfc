/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cksim-server.h"

G_BEGIN_DECLS

/* relayctl end to end: one `relay-sim --demo --control` per test binary,
 * relayctl run as a subprocess against it, its answers checked against the
 * simulator's /_sim/ hooks. The keyring entry is keyed by the simulator's
 * port, so parallel test binaries do not share a session. */

#define WRONG_PASSWORD "not-the-demo-password"

/* A NULL-terminated argument list in place. */
#define ANY_ARGS(...) ((const char * const[]) { __VA_ARGS__, NULL })

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

void        run_free                (Run                *run);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Run, run_free)

/* The simulator of this binary. */
typedef struct
{
  char *url;             /* http://127.0.0.1:PORT */
  char *server_template; /* url + "/{region}" */
  /* An app pair of this run only (relay-sim --app), so that what the keyring
   * holds for it is this run's doing. */
  char *app_id;
  char *app_secret;
} TestSim;

extern TestSim sim;

void        sim_start               (void);
/* The same with more relay-sim arguments, e.g. "--user", "E:P". */
void        sim_start_with          (const char * const *extra_args);
void        sim_stop                (void);
/* Runs the tests added so far, then stops the simulator; main()'s return value. */
int         run_tests_and_stop_sim  (void);

/* GET or POST (@body non-NULL) a /_sim/ hook; asserts HTTP @expected_status. */
JsonNode   *sim_call                (const char         *method,
                                     const char         *path,
                                     const char         *body,
                                     guint               expected_status);
JsonNode   *sim_get_state           (void);
/* The live verification code of @identity (GET /_sim/code). */
char       *sim_get_code            (const char         *identity);
/* The apikey of the user @identity. */
const char *sim_user_apikey         (JsonNode           *state,
                                     const char         *identity);
/* @owner's devices in the simulator, in its order. (element-type JsonObject) */
GPtrArray  *sim_user_devices        (JsonNode           *state,
                                     const char         *owner);
GPtrArray  *sim_demo_devices        (JsonNode           *state);
/* The device @device_id of the state (any owner), or NULL. (transfer none) */
JsonObject *sim_find_device         (JsonNode           *state,
                                     const char         *device_id);
/* The params of @device_id in the simulator now (asserts it exists). (transfer full) */
JsonObject *sim_params              (const char         *device_id);
/* @owner's groups in the simulator, by index. (element-type JsonObject) */
GPtrArray  *sim_user_groups         (JsonNode           *state,
                                     const char         *owner);

/* A value that must never appear in relayctl's output (checked on every run). */
void        register_secret         (const char         *secret);
/* A fresh e-mail address for this run. */
char       *unique_email            (const char         *prefix);

/* A failure is exactly one line on stderr, prefixed with the tool's name,
 * and nothing on stdout. */
void        assert_one_line_error   (const Run          *run,
                                     int                 status);
/* The number of newlines in @text. */
guint       count_lines             (const char         *text);
/* Parses stdout as JSON. */
JsonNode   *run_parse_json          (const Run          *run);

/* Runs relayctl with --server and --app-id (NULL: none) set, RELAY_APP_SECRET
 * = @app_secret (NULL: unset), the "NAME=VALUE" strings of @env set and every
 * other RELAY_* variable unset; @input goes to stdin. */
Run        *run_relayctl_env        (const char         *app_id,
                                     const char         *app_secret,
                                     const char * const *env,
                                     const char         *input,
                                     const char * const *args);
/* The same with only RELAY_PASSWORD (NULL: unset). */
Run        *run_relayctl_full       (const char         *app_id,
                                     const char         *app_secret,
                                     const char         *password,
                                     const char         *input,
                                     const char * const *args);

/* The same with the first example app pair, and --server and --app-id
 * after @args instead of before them. */
Run        *run_relayctl_globals_last (const char * const *args);

/* With the first example app pair. */
#define run_relayctl(password, ...) \
  run_relayctl_full (CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET, (password), NULL, ANY_ARGS (__VA_ARGS__))
/* With the second example pair (its own keyring entry): the demo's guest,
 * or a second session of the demo account that does not sign the first out. */
#define run_relayctl_second(...) \
  run_relayctl_full (CKSIM_EXAMPLE2_APP_ID, CKSIM_EXAMPLE2_APP_SECRET, NULL, NULL, ANY_ARGS (__VA_ARGS__))

/* relayctl with the first example pair, its stdin on the terminal
 * @terminal_fd (the test keeps its own copy), stdout and stderr piped, in a
 * process group of its own so that SIGTSTP stops it. */
GSubprocess *spawn_relayctl_on_terminal (int                 terminal_fd,
                                         const char * const *args);

/* A relayctl run in the background (e.g. watch), read line by line while
 * the test acts; same environment rules as run_relayctl_env(). */
typedef struct _BackgroundRun BackgroundRun;

BackgroundRun *run_relayctl_background (const char         *app_id,
                                        const char         *app_secret,
                                        const char * const *args);
/* The next line of its stdout (without the newline), or NULL at the end;
 * fails the test when none comes within 2 s. */
char       *background_read_line    (BackgroundRun      *run);
/* The next line, which must be one JSON object. */
JsonObject *background_read_json    (BackgroundRun      *run);
/* Sends @signal_number (0: none), waits for the exit (2 s at most) and
 * frees @run: its status, all its stdout and its stderr, checked for secrets. */
Run        *background_finish       (BackgroundRun      *run,
                                     int                 signal_number);

/* Signs in with the first example pair (login_demo) or the second one. */
void        login_demo              (void);
void        login_second            (const char         *email,
                                     const char         *password);
/* login_second() as the demo's guest. */
void        login_guest             (void);

G_END_DECLS
