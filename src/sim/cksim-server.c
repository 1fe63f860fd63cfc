/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "cksim-server"

#include "cksim-server.h"

#include <libsoup/soup.h>
#include <string.h>

#include "cksim-context.h"
#include "cksim-control.h"
#include "cksim-demo.h"
#include "cksim-json.h"
#include "cksim-rest.h"
#include "cksim-script.h"
#include "cksim-seed.h"

struct _CkSimServer
{
  GObject          parent_instance;

  CkSimConfig      config;
  CkSimContext     ctx;
  SoupServer      *soup;
  GTlsCertificate *tls_certificate;
  char            *state_file;
};

G_DEFINE_FINAL_TYPE (CkSimServer, cksim_server, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_COMPAT,
  PROP_CONTROL,
  PROP_DEFAULT_REGION,
  PROP_TLS_CERTIFICATE,
  PROP_STATE_FILE,
  PROP_TS_WINDOW,
  PROP_AT_TTL,
  PROP_RT_TTL,
  PROP_HB_INTERVAL,
  PROP_ACK_TIMEOUT_MS,
  PROP_ACK_DELAY_MS,
  PROP_SHARE_TIMEOUT_MS,
  PROP_IDLE_TIMEOUT_MS,
  PROP_HANDSHAKE_TIMEOUT_MS,
  PROP_RATE_LIMIT,
  PROP_RATE_LIMIT_GAP_MS,
  PROP_RATE_LIMIT_MAX,
  PROP_RATE_LIMIT_WINDOW,
  PROP_CODE_TTL,
  PROP_CODE_INTERVAL,
  PROP_TIMER_LIMIT,
  PROP_METERING_INTERVAL_MS,
  PROP_TRAVEL_MS,
  PROP_DEMO_SCRIPT,
  PROP_SCRIPT_INTERVAL_MS,
  PROP_FLOOD_LIMIT,
  PROP_PORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_CODE_SENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_region (const char *region)
{
  return g_strcmp0 (region, "cn") == 0 || g_strcmp0 (region, "as") == 0
         || g_strcmp0 (region, "eu") == 0 || g_strcmp0 (region, "us") == 0;
}

static void
save_state (CkSimServer *self)
{
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (self->state_file == NULL)
    return;
  root = cksim_state_dump (self->ctx.state, TRUE);
  text = json_to_string (root, TRUE);
  if (!g_file_set_contents_full (self->state_file, text, -1, G_FILE_SET_CONTENTS_CONSISTENT,
                                 0600, &error))
    g_warning ("Could not save the simulator state: %s", error->message);
}

gboolean
cksim_server_open_state (CkSimServer  *self,
                         const char   *path,
                         GError      **error)
{
  g_autofree char *text = NULL;
  gsize len;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CKSIM_IS_SERVER (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_file_get_contents (path, &text, &len, &local_error))
    {
      root = cksim_json_parse (text, len, error);
      if (root == NULL || !cksim_state_load (self->ctx.state, root, error))
        {
          g_prefix_error (error, "%s: ", path);
          return FALSE;
        }
    }
  else if (!g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (g_strcmp0 (self->state_file, path) != 0)
    {
      g_free (self->state_file);
      self->state_file = g_strdup (path);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE_FILE]);
    }
  save_state (self);
  return TRUE;
}

static void
on_request (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  CkSimServer *self = user_data;
  g_autoptr(CkSimRequest) req = cksim_request_new (msg, path);

  if (g_str_equal (path, "/_sim") || g_str_has_prefix (path, "/_sim/"))
    {
      if (self->config.control)
        cksim_control_serve (&self->ctx, req);
      else
        {
          g_autoptr(JsonObject) body = cksim_error_body (404, "interface not found");

          cksim_reply_json (msg, SOUP_STATUS_NOT_FOUND, body);
        }
      return;
    }
  cksim_rest_serve (&self->ctx, req);
}

static void
on_websocket (SoupServer              *server,
              SoupServerMessage       *msg,
              const char              *path,
              SoupWebsocketConnection *conn,
              gpointer                 user_data)
{
  CkSimServer *self = user_data;

  cksim_ws_accept (self->ctx.ws, conn, soup_server_message_get_remote_host (msg));
}

static void
cksim_server_constructed (GObject *object)
{
  CkSimServer *self = CKSIM_SERVER (object);

  G_OBJECT_CLASS (cksim_server_parent_class)->constructed (object);

  self->config.tls = self->tls_certificate != NULL;
  self->soup = soup_server_new ("tls-certificate", self->tls_certificate, NULL);
  soup_server_add_handler (self->soup, NULL, on_request, self, NULL);
  soup_server_add_websocket_handler (self->soup, "/api/ws", NULL, NULL, on_websocket, self, NULL);

  if (self->state_file != NULL)
    {
      g_autofree char *path = g_steal_pointer (&self->state_file);
      g_autoptr(GError) error = NULL;

      if (!cksim_server_open_state (self, path, &error))
        g_warning ("Simulator state not loaded: %s", error->message);
    }
}

static void
cksim_server_dispose (GObject *object)
{
  CkSimServer *self = CKSIM_SERVER (object);

  if (self->soup != NULL)
    soup_server_disconnect (self->soup);
  g_clear_pointer (&self->ctx.script, cksim_script_free);
  g_clear_pointer (&self->ctx.ws, cksim_ws_free);
  g_clear_pointer (&self->ctx.emulator, cksim_emulator_free);
  g_clear_object (&self->soup);
  g_clear_pointer (&self->ctx.auth, cksim_auth_free);
  g_clear_pointer (&self->ctx.codes, cksim_codes_free);
  g_clear_pointer (&self->ctx.rate_limit, cksim_rate_limit_free);
  if (self->ctx.state != NULL)
    g_signal_handlers_disconnect_by_data (self->ctx.state, self);
  g_clear_object (&self->ctx.state);
  g_clear_object (&self->ctx.clock);
  g_clear_object (&self->tls_certificate);

  G_OBJECT_CLASS (cksim_server_parent_class)->dispose (object);
}

static void
cksim_server_finalize (GObject *object)
{
  CkSimServer *self = CKSIM_SERVER (object);

  g_clear_pointer (&self->ctx.faults, g_hash_table_unref);
  g_free (self->config.default_region);
  g_free (self->state_file);

  G_OBJECT_CLASS (cksim_server_parent_class)->finalize (object);
}

static void
cksim_server_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CkSimServer *self = CKSIM_SERVER (object);

  switch (prop_id)
    {
    case PROP_COMPAT: g_value_set_boolean (value, self->config.compat); break;
    case PROP_CONTROL: g_value_set_boolean (value, self->config.control); break;
    case PROP_DEFAULT_REGION: g_value_set_string (value, self->config.default_region); break;
    case PROP_TLS_CERTIFICATE: g_value_set_object (value, self->tls_certificate); break;
    case PROP_STATE_FILE: g_value_set_string (value, self->state_file); break;
    case PROP_TS_WINDOW: g_value_set_int64 (value, self->config.ts_window); break;
    case PROP_AT_TTL: g_value_set_int64 (value, self->config.at_ttl); break;
    case PROP_RT_TTL: g_value_set_int64 (value, self->config.rt_ttl); break;
    case PROP_HB_INTERVAL: g_value_set_uint (value, self->config.hb_interval); break;
    case PROP_ACK_TIMEOUT_MS: g_value_set_uint (value, self->config.ack_timeout_ms); break;
    case PROP_ACK_DELAY_MS: g_value_set_uint (value, self->config.ack_delay_ms); break;
    case PROP_SHARE_TIMEOUT_MS: g_value_set_uint (value, self->config.share_timeout_ms); break;
    case PROP_IDLE_TIMEOUT_MS: g_value_set_uint (value, self->config.idle_timeout_ms); break;
    case PROP_HANDSHAKE_TIMEOUT_MS: g_value_set_uint (value, self->config.handshake_timeout_ms); break;
    case PROP_RATE_LIMIT: g_value_set_boolean (value, self->config.rate_limit); break;
    case PROP_RATE_LIMIT_GAP_MS: g_value_set_uint (value, self->config.rate_gap_ms); break;
    case PROP_RATE_LIMIT_MAX: g_value_set_uint (value, self->config.rate_max); break;
    case PROP_RATE_LIMIT_WINDOW: g_value_set_int64 (value, self->config.rate_window); break;
    case PROP_CODE_TTL: g_value_set_int64 (value, self->config.code_ttl); break;
    case PROP_CODE_INTERVAL: g_value_set_int64 (value, self->config.code_interval); break;
    case PROP_TIMER_LIMIT: g_value_set_uint (value, self->config.timer_limit); break;
    case PROP_METERING_INTERVAL_MS: g_value_set_uint (value, self->config.metering_interval_ms); break;
    case PROP_TRAVEL_MS: g_value_set_uint (value, self->config.travel_ms); break;
    case PROP_DEMO_SCRIPT: g_value_set_boolean (value, self->config.demo_script); break;
    case PROP_SCRIPT_INTERVAL_MS: g_value_set_uint (value, self->config.script_interval_ms); break;
    case PROP_FLOOD_LIMIT: g_value_set_uint (value, self->config.flood_limit); break;
    case PROP_PORT: g_value_set_uint (value, self->config.port); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Sets *field and notifies, only on a real change. */
static void
set_int64 (CkSimServer *self,
           gint64      *field,
           gint64       value,
           guint        prop)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

/* TRUE when the value changed. */
static gboolean
set_boolean (CkSimServer *self,
             gboolean    *field,
             gboolean     value,
             guint        prop)
{
  if (*field == !!value)
    return FALSE;
  *field = !!value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  return TRUE;
}

static void
set_uint (CkSimServer *self,
          guint       *field,
          guint        value,
          guint        prop)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
cksim_server_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CkSimServer *self = CKSIM_SERVER (object);

  switch (prop_id)
    {
    case PROP_COMPAT:
      self->config.compat = g_value_get_boolean (value);
      break;
    case PROP_CONTROL:
      self->config.control = g_value_get_boolean (value);
      break;
    case PROP_DEFAULT_REGION:
      g_free (self->config.default_region);
      self->config.default_region = g_strdup (is_region (g_value_get_string (value))
                                              ? g_value_get_string (value) : CKSIM_DEMO_REGION);
      break;
    case PROP_TLS_CERTIFICATE:
      g_set_object (&self->tls_certificate, g_value_get_object (value));
      break;
    case PROP_STATE_FILE:
      g_free (self->state_file);
      self->state_file = g_value_dup_string (value);
      break;
    case PROP_TS_WINDOW:
      set_int64 (self, &self->config.ts_window, g_value_get_int64 (value), prop_id);
      break;
    case PROP_AT_TTL:
      set_int64 (self, &self->config.at_ttl, g_value_get_int64 (value), prop_id);
      break;
    case PROP_RT_TTL:
      set_int64 (self, &self->config.rt_ttl, g_value_get_int64 (value), prop_id);
      break;
    case PROP_HB_INTERVAL:
      set_uint (self, &self->config.hb_interval, g_value_get_uint (value), prop_id);
      break;
    case PROP_ACK_TIMEOUT_MS:
      set_uint (self, &self->config.ack_timeout_ms, g_value_get_uint (value), prop_id);
      break;
    case PROP_ACK_DELAY_MS:
      set_uint (self, &self->config.ack_delay_ms, g_value_get_uint (value), prop_id);
      break;
    case PROP_SHARE_TIMEOUT_MS:
      set_uint (self, &self->config.share_timeout_ms, g_value_get_uint (value), prop_id);
      break;
    case PROP_IDLE_TIMEOUT_MS:
      set_uint (self, &self->config.idle_timeout_ms, g_value_get_uint (value), prop_id);
      break;
    case PROP_HANDSHAKE_TIMEOUT_MS:
      set_uint (self, &self->config.handshake_timeout_ms, g_value_get_uint (value), prop_id);
      break;
    case PROP_RATE_LIMIT:
      set_boolean (self, &self->config.rate_limit, g_value_get_boolean (value), prop_id);
      break;
    case PROP_RATE_LIMIT_GAP_MS:
      set_uint (self, &self->config.rate_gap_ms, g_value_get_uint (value), prop_id);
      break;
    case PROP_RATE_LIMIT_MAX:
      set_uint (self, &self->config.rate_max, g_value_get_uint (value), prop_id);
      break;
    case PROP_RATE_LIMIT_WINDOW:
      set_int64 (self, &self->config.rate_window, g_value_get_int64 (value), prop_id);
      break;
    case PROP_CODE_TTL:
      set_int64 (self, &self->config.code_ttl, g_value_get_int64 (value), prop_id);
      break;
    case PROP_CODE_INTERVAL:
      set_int64 (self, &self->config.code_interval, g_value_get_int64 (value), prop_id);
      break;
    case PROP_TIMER_LIMIT:
      set_uint (self, &self->config.timer_limit, g_value_get_uint (value), prop_id);
      break;
    case PROP_METERING_INTERVAL_MS:
      set_uint (self, &self->config.metering_interval_ms, g_value_get_uint (value), prop_id);
      break;
    case PROP_TRAVEL_MS:
      set_uint (self, &self->config.travel_ms, g_value_get_uint (value), prop_id);
      break;
    case PROP_DEMO_SCRIPT:
      if (set_boolean (self, &self->config.demo_script, g_value_get_boolean (value), prop_id))
        cksim_script_sync (self->ctx.script);
      break;
    case PROP_SCRIPT_INTERVAL_MS:
      set_uint (self, &self->config.script_interval_ms, g_value_get_uint (value), prop_id);
      cksim_script_sync (self->ctx.script);
      break;
    case PROP_FLOOD_LIMIT:
      set_uint (self, &self->config.flood_limit, g_value_get_uint (value), prop_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cksim_server_class_init (CkSimServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->constructed = cksim_server_constructed;
  object_class->dispose = cksim_server_dispose;
  object_class->finalize = cksim_server_finalize;
  object_class->get_property = cksim_server_get_property;
  object_class->set_property = cksim_server_set_property;

  properties[PROP_COMPAT] =
    g_param_spec_boolean ("compat", NULL, NULL, FALSE, construct);
  properties[PROP_CONTROL] =
    g_param_spec_boolean ("control", NULL, NULL, FALSE, construct);
  properties[PROP_DEFAULT_REGION] =
    g_param_spec_string ("default-region", NULL, NULL, CKSIM_DEMO_REGION, construct);
  properties[PROP_TLS_CERTIFICATE] =
    g_param_spec_object ("tls-certificate", NULL, NULL, G_TYPE_TLS_CERTIFICATE, construct);
  properties[PROP_STATE_FILE] =
    g_param_spec_string ("state-file", NULL, NULL, NULL, construct | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TS_WINDOW] =
    g_param_spec_int64 ("ts-window", NULL, NULL, 0, G_MAXINT64, CKSIM_DEFAULT_TS_WINDOW, rw);
  properties[PROP_AT_TTL] =
    g_param_spec_int64 ("at-ttl", NULL, NULL, 1, G_MAXINT64, CKSIM_DEFAULT_AT_TTL, rw);
  properties[PROP_RT_TTL] =
    g_param_spec_int64 ("rt-ttl", NULL, NULL, 1, G_MAXINT64, CKSIM_DEFAULT_RT_TTL, rw);
  properties[PROP_HB_INTERVAL] =
    g_param_spec_uint ("hb-interval", NULL, NULL, 1, G_MAXUINT / 1000 - 37, CKSIM_DEFAULT_HB_INTERVAL, rw);
  properties[PROP_ACK_TIMEOUT_MS] =
    g_param_spec_uint ("ack-timeout-ms", NULL, NULL, 0, G_MAXUINT, CKSIM_DEFAULT_ACK_TIMEOUT_MS, rw);
  properties[PROP_ACK_DELAY_MS] =
    g_param_spec_uint ("ack-delay-ms", NULL, NULL, 0, G_MAXUINT, CKSIM_DEFAULT_ACK_DELAY_MS, rw);
  properties[PROP_SHARE_TIMEOUT_MS] =
    g_param_spec_uint ("share-timeout-ms", NULL, NULL, 0, G_MAXUINT, CKSIM_DEFAULT_SHARE_TIMEOUT_MS, rw);
  properties[PROP_IDLE_TIMEOUT_MS] =
    g_param_spec_uint ("idle-timeout-ms", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties[PROP_HANDSHAKE_TIMEOUT_MS] =
    g_param_spec_uint ("handshake-timeout-ms", NULL, NULL, 0, G_MAXUINT,
                       CKSIM_DEFAULT_HANDSHAKE_TIMEOUT_MS, rw);
  properties[PROP_RATE_LIMIT] =
    g_param_spec_boolean ("rate-limit", NULL, NULL, FALSE, rw);
  properties[PROP_RATE_LIMIT_GAP_MS] =
    g_param_spec_uint ("rate-limit-gap-ms", NULL, NULL, 0, G_MAXUINT, CKSIM_DEFAULT_RATE_GAP_MS, rw);
  properties[PROP_RATE_LIMIT_MAX] =
    g_param_spec_uint ("rate-limit-max", NULL, NULL, 1, G_MAXUINT, CKSIM_DEFAULT_RATE_MAX, rw);
  properties[PROP_RATE_LIMIT_WINDOW] =
    g_param_spec_int64 ("rate-limit-window", NULL, NULL, 1, G_MAXINT32, CKSIM_DEFAULT_RATE_WINDOW, rw);
  properties[PROP_CODE_TTL] =
    g_param_spec_int64 ("code-ttl", NULL, NULL, 1, G_MAXINT32, CKSIM_DEFAULT_CODE_TTL, rw);
  properties[PROP_CODE_INTERVAL] =
    g_param_spec_int64 ("code-interval", NULL, NULL, 0, G_MAXINT32, CKSIM_DEFAULT_CODE_INTERVAL, rw);
  properties[PROP_TIMER_LIMIT] =
    g_param_spec_uint ("timer-limit", NULL, NULL, 0, G_MAXUINT, CKSIM_DEFAULT_TIMER_LIMIT, rw);
  properties[PROP_METERING_INTERVAL_MS] =
    g_param_spec_uint ("metering-interval-ms", NULL, NULL, 1, G_MAXUINT,
                       CKSIM_DEFAULT_METERING_INTERVAL_MS, rw);
  properties[PROP_TRAVEL_MS] =
    g_param_spec_uint ("travel-ms", NULL, NULL, 0, G_MAXINT32, CKSIM_DEFAULT_TRAVEL_MS, rw);
  properties[PROP_DEMO_SCRIPT] =
    g_param_spec_boolean ("demo-script", NULL, NULL, FALSE, rw);
  properties[PROP_SCRIPT_INTERVAL_MS] =
    g_param_spec_uint ("script-interval-ms", NULL, NULL, 1, G_MAXUINT,
                       CKSIM_DEFAULT_SCRIPT_INTERVAL_MS, rw);
  properties[PROP_FLOOD_LIMIT] =
    g_param_spec_uint ("flood-limit", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties[PROP_PORT] =
    g_param_spec_uint ("port", NULL, NULL, 0, G_MAXUINT16, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CkSimServer::code-sent:
   * @identity: the e-mail address or phone number
   * @code: the 4-digit verification code
   *
   * POST /api/sms made a code. Nothing is delivered: relay-sim prints it
   * (simulator test data), /_sim/code serves it.
   */
  signals[SIGNAL_CODE_SENT] =
    g_signal_new ("code-sent", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
on_code_sent (const char *identity,
              const char *code,
              gpointer    data)
{
  g_signal_emit (data, signals[SIGNAL_CODE_SENT], 0, identity, code);
}

/* The emulator's later reports (inching, metering, travel): as a device report. */
static void
on_device_report (CkSimDevice *device,
                  JsonObject  *params,
                  gpointer     data)
{
  CkSimServer *self = data;

  cksim_ws_push_report (self->ctx.ws, device, params);
}

static void
cksim_server_init (CkSimServer *self)
{
  self->config.default_region = g_strdup (CKSIM_DEMO_REGION);
  self->config.ts_window = CKSIM_DEFAULT_TS_WINDOW;
  self->config.at_ttl = CKSIM_DEFAULT_AT_TTL;
  self->config.rt_ttl = CKSIM_DEFAULT_RT_TTL;
  self->config.hb_interval = CKSIM_DEFAULT_HB_INTERVAL;
  self->config.ack_delay_ms = CKSIM_DEFAULT_ACK_DELAY_MS;
  self->config.ack_timeout_ms = CKSIM_DEFAULT_ACK_TIMEOUT_MS;
  self->config.share_timeout_ms = CKSIM_DEFAULT_SHARE_TIMEOUT_MS;
  self->config.handshake_timeout_ms = CKSIM_DEFAULT_HANDSHAKE_TIMEOUT_MS;
  self->config.rate_gap_ms = CKSIM_DEFAULT_RATE_GAP_MS;
  self->config.rate_max = CKSIM_DEFAULT_RATE_MAX;
  self->config.rate_window = CKSIM_DEFAULT_RATE_WINDOW;
  self->config.code_ttl = CKSIM_DEFAULT_CODE_TTL;
  self->config.code_interval = CKSIM_DEFAULT_CODE_INTERVAL;
  self->config.timer_limit = CKSIM_DEFAULT_TIMER_LIMIT;
  self->config.metering_interval_ms = CKSIM_DEFAULT_METERING_INTERVAL_MS;
  self->config.travel_ms = CKSIM_DEFAULT_TRAVEL_MS;
  self->config.script_interval_ms = CKSIM_DEFAULT_SCRIPT_INTERVAL_MS;

  self->ctx.config = &self->config;
  self->ctx.clock = cksim_clock_new ();
  self->ctx.state = cksim_state_new (self->ctx.clock);
  self->ctx.auth = cksim_auth_new (self->ctx.state, &self->config);
  self->ctx.ws = cksim_ws_new (self->ctx.state, self->ctx.auth, &self->config);
  self->ctx.emulator = cksim_emulator_new (self->ctx.state, &self->config, on_device_report, self);
  cksim_ws_set_emulator (self->ctx.ws, self->ctx.emulator);
  self->ctx.script = cksim_script_new (&self->ctx);
  self->ctx.codes = cksim_codes_new (self->ctx.clock);
  self->ctx.rate_limit = cksim_rate_limit_new ();
  self->ctx.code_sent = on_code_sent;
  self->ctx.code_sent_data = self;
  self->ctx.faults = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) cksim_fault_free);
  g_signal_connect_swapped (self->ctx.state, "changed", G_CALLBACK (save_state), self);

  /* Both published example pairs (spec §2.5) are known from the start. */
  cksim_state_add_app (self->ctx.state, CKSIM_EXAMPLE_APP_ID, CKSIM_EXAMPLE_APP_SECRET);
  cksim_state_add_app (self->ctx.state, CKSIM_EXAMPLE2_APP_ID, CKSIM_EXAMPLE2_APP_SECRET);
}

CkSimServer *
cksim_server_new (gboolean compat,
                  gboolean control)
{
  return g_object_new (CKSIM_TYPE_SERVER, "compat", compat, "control", control, NULL);
}

void
cksim_server_add_app (CkSimServer *self,
                      const char  *app_id,
                      const char  *app_secret)
{
  g_return_if_fail (CKSIM_IS_SERVER (self));

  cksim_state_add_app (self->ctx.state, app_id, app_secret);
}

gboolean
cksim_server_set_app_enabled (CkSimServer *self,
                              const char  *app_id,
                              gboolean     enabled)
{
  g_return_val_if_fail (CKSIM_IS_SERVER (self), FALSE);

  return cksim_state_set_app_enabled (self->ctx.state, app_id, enabled);
}

gboolean
cksim_server_add_user (CkSimServer  *self,
                       const char   *email,
                       const char   *password,
                       const char   *region,
                       GError      **error)
{
  g_return_val_if_fail (CKSIM_IS_SERVER (self), FALSE);
  g_return_val_if_fail (email != NULL && password != NULL, FALSE);

  if (region == NULL)
    region = self->config.default_region;
  if (!is_region (region))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "Unknown region “%s” (cn, as, eu or us)", region);
      return FALSE;
    }
  return cksim_state_add_user (self->ctx.state, email, password, region, error) != NULL;
}

void
cksim_server_load_demo (CkSimServer *self)
{
  g_return_if_fail (CKSIM_IS_SERVER (self));

  cksim_demo_load (self->ctx.state);
}

char *
cksim_server_add_device (CkSimServer  *self,
                         const char   *owner_email,
                         JsonObject   *device_or_params,
                         GError      **error)
{
  CkSimUser *owner;
  CkSimDevice *device;

  g_return_val_if_fail (CKSIM_IS_SERVER (self), NULL);
  g_return_val_if_fail (device_or_params != NULL, NULL);

  owner = owner_email != NULL ? cksim_state_find_user (self->ctx.state, owner_email) : NULL;
  if (owner == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No account “%s”",
                   owner_email != NULL ? owner_email : "");
      return NULL;
    }
  device = cksim_seed_device (self->ctx.state, owner->apikey, device_or_params, error);
  return device != NULL ? g_strdup (device->deviceid) : NULL;
}

gboolean
cksim_server_listen (CkSimServer  *self,
                     guint         port,
                     GError      **error)
{
  GSList *uris;
  SoupServerListenOptions options = SOUP_SERVER_LISTEN_IPV4_ONLY;

  g_return_val_if_fail (CKSIM_IS_SERVER (self), FALSE);

  if (self->config.tls)
    options |= SOUP_SERVER_LISTEN_HTTPS;
  if (!soup_server_listen_local (self->soup, port, options, error))
    return FALSE;

  uris = soup_server_get_uris (self->soup);
  if (uris != NULL)
    set_uint (self, &self->config.port, g_uri_get_port (uris->data), PROP_PORT);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return TRUE;
}

guint
cksim_server_get_port (CkSimServer *self)
{
  g_return_val_if_fail (CKSIM_IS_SERVER (self), 0);

  return self->config.port;
}

char *
cksim_server_get_url (CkSimServer *self)
{
  g_return_val_if_fail (CKSIM_IS_SERVER (self), NULL);

  return g_strdup_printf ("%s://127.0.0.1:%u", self->config.tls ? "https" : "http", self->config.port);
}

char *
cksim_server_get_template (CkSimServer *self)
{
  g_autofree char *url = cksim_server_get_url (self);

  return g_strconcat (url, "/{region}", NULL);
}

gint64
cksim_server_get_time (CkSimServer *self)
{
  g_return_val_if_fail (CKSIM_IS_SERVER (self), 0);

  return cksim_clock_get_time (self->ctx.clock);
}

void
cksim_server_advance_clock (CkSimServer *self,
                            gint64       seconds)
{
  g_return_if_fail (CKSIM_IS_SERVER (self));

  cksim_context_advance_clock (&self->ctx, seconds);
}

JsonNode *
cksim_server_dump_state (CkSimServer *self)
{
  g_return_val_if_fail (CKSIM_IS_SERVER (self), NULL);

  return cksim_control_dump (&self->ctx);
}

JsonObject *
cksim_server_get_device_params (CkSimServer *self,
                                const char  *device_id)
{
  CkSimDevice *device;

  g_return_val_if_fail (CKSIM_IS_SERVER (self), NULL);

  device = cksim_state_find_device (self->ctx.state, device_id);
  return device != NULL ? device->params : NULL;
}

gboolean
cksim_server_set_device_online (CkSimServer *self,
                                const char  *device_id,
                                gboolean     online)
{
  CkSimDevice *device;

  g_return_val_if_fail (CKSIM_IS_SERVER (self), FALSE);

  device = cksim_state_find_device (self->ctx.state, device_id);
  if (device == NULL)
    return FALSE;
  cksim_context_set_device_online (&self->ctx, device, online);
  return TRUE;
}

guint
cksim_server_drop_sockets (CkSimServer *self,
                           const char  *email)
{
  CkSimUser *user = NULL;

  g_return_val_if_fail (CKSIM_IS_SERVER (self), 0);

  if (email != NULL && (user = cksim_state_find_user (self->ctx.state, email)) == NULL)
    return 0;
  return cksim_ws_drop (self->ctx.ws, user != NULL ? user->apikey : NULL);
}

void
cksim_server_arm_fault (CkSimServer *self,
                        const char  *endpoint,
                        int          code)
{
  g_return_if_fail (CKSIM_IS_SERVER (self));

  cksim_context_arm_fault (&self->ctx, endpoint, code);
}

guint
cksim_server_get_login_count (CkSimServer *self)
{
  g_return_val_if_fail (CKSIM_IS_SERVER (self), 0);

  return cksim_state_get_login_count (self->ctx.state);
}

/* Live-connection test hooks */

guint
cksim_server_get_handshake_count (CkSimServer *self)
{
  g_return_val_if_fail (CKSIM_IS_SERVER (self), 0);

  return cksim_ws_get_handshake_count (self->ctx.ws);
}

gboolean
cksim_server_report_device (CkSimServer *self,
                            const char  *device_id,
                            JsonObject  *params)
{
  CkSimDevice *device;

  g_return_val_if_fail (CKSIM_IS_SERVER (self), FALSE);
  g_return_val_if_fail (params != NULL, FALSE);

  device = cksim_state_find_device (self->ctx.state, device_id);
  if (device == NULL)
    return FALSE;
  cksim_ws_push_report (self->ctx.ws, device, params);
  return TRUE;
}

gboolean
cksim_server_set_share_policy (CkSimServer *self,
                               const char  *email,
                               const char  *policy)
{
  CkSimUser *user;
  CkSimSharePolicy value;

  g_return_val_if_fail (CKSIM_IS_SERVER (self), FALSE);

  user = cksim_state_find_user (self->ctx.state, email);
  if (user == NULL || !cksim_share_policy_parse (policy, &value))
    return FALSE;
  cksim_ws_set_share_policy (self->ctx.ws, user->apikey, value);
  return TRUE;
}

gboolean
cksim_server_set_ack_mode (CkSimServer *self,
                           const char  *mode,
                           guint        delay_ms)
{
  CkSimAckMode value;

  g_return_val_if_fail (CKSIM_IS_SERVER (self), FALSE);

  if (!cksim_ack_mode_parse (mode, &value))
    return FALSE;
  cksim_ws_set_ack_mode (self->ctx.ws, value, delay_ms);
  return TRUE;
}

void
cksim_server_set_answer_pings (CkSimServer *self,
                               gboolean     answer)
{
  g_return_if_fail (CKSIM_IS_SERVER (self));

  cksim_ws_set_answer_pings (self->ctx.ws, answer);
}

gboolean
cksim_server_set_user_activated (CkSimServer *self,
                                 const char  *identity,
                                 gboolean     activated)
{
  CkSimUser *user;

  g_return_val_if_fail (CKSIM_IS_SERVER (self), FALSE);

  user = identity != NULL ? cksim_state_find_user (self->ctx.state, identity) : NULL;
  if (user == NULL)
    return FALSE;
  if (user->not_activated != !activated)
    {
      user->not_activated = !activated;
      cksim_state_changed (self->ctx.state);
    }
  return TRUE;
}

const char *
cksim_server_get_code (CkSimServer *self,
                       const char  *identity)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (CKSIM_IS_SERVER (self), NULL);

  if (identity == NULL)
    return NULL;
  key = cksim_normalize_identity (identity);
  return cksim_codes_peek (self->ctx.codes, key);
}
