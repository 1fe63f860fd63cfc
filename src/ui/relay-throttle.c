/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "relay-throttle"

#include "config.h"

#include "relay-throttle.h"

/**
 * RelayThrottle:
 *
 * Paces a stream of values (a slider being dragged) into RelayThrottle::fire
 * emissions: the first value fires at once, later ones at most once per
 * "interval", and the last value pushed always fires. A value superseded
 * inside an interval is dropped, never queued.
 */
struct _RelayThrottle
{
  GObject   parent_instance;

  guint     interval_ms;
  guint     cooldown_id;
  GVariant *pending;
};

G_DEFINE_FINAL_TYPE (RelayThrottle, relay_throttle, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_INTERVAL,
  PROP_BUSY,
  N_PROPS
};

enum {
  FIRE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean on_cooldown_over_cb (gpointer user_data);

static void
fire (RelayThrottle *self,
      GVariant      *value)
{
  g_autoptr(GVariant) owned = g_variant_ref_sink (value);
  gboolean was_busy = self->cooldown_id != 0;

  /* The cool-down starts before the emission, so a handler that pushes
   * again is paced like everyone else. */
  self->cooldown_id = g_timeout_add (self->interval_ms, on_cooldown_over_cb, self);
  if (!was_busy)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  g_signal_emit (self, signals[FIRE], 0, owned);
}

static gboolean
on_cooldown_over_cb (gpointer user_data)
{
  RelayThrottle *self = RELAY_THROTTLE (user_data);

  self->cooldown_id = 0;
  if (self->pending != NULL)
    fire (self, g_steal_pointer (&self->pending));
  else
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);

  return G_SOURCE_REMOVE;
}

static void
relay_throttle_dispose (GObject *object)
{
  relay_throttle_cancel (RELAY_THROTTLE (object));

  G_OBJECT_CLASS (relay_throttle_parent_class)->dispose (object);
}

static void
relay_throttle_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RelayThrottle *self = RELAY_THROTTLE (object);

  switch (prop_id)
    {
    case PROP_INTERVAL:
      g_value_set_uint (value, self->interval_ms);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, relay_throttle_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
relay_throttle_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RelayThrottle *self = RELAY_THROTTLE (object);

  switch (prop_id)
    {
    case PROP_INTERVAL:
      relay_throttle_set_interval (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
relay_throttle_class_init (RelayThrottleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = relay_throttle_dispose;
  object_class->get_property = relay_throttle_get_property;
  object_class->set_property = relay_throttle_set_property;

  /**
   * RelayThrottle:interval:
   *
   * The shortest time between two emissions, in milliseconds.
   */
  properties[PROP_INTERVAL] =
    g_param_spec_uint ("interval", NULL, NULL,
                       1, G_MAXUINT, RELAY_THROTTLE_DEFAULT_INTERVAL_MS,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS);
  /**
   * RelayThrottle:busy:
   *
   * A value was fired less than "interval" ago or is waiting: a view should
   * not move the control under the user's hand.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RelayThrottle::fire:
   * @value: the value to act on
   */
  signals[FIRE] =
    g_signal_new ("fire",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_VARIANT);
}

static void
relay_throttle_init (RelayThrottle *self)
{
}

RelayThrottle *
relay_throttle_new (guint interval_ms)
{
  return g_object_new (RELAY_TYPE_THROTTLE, "interval", interval_ms, NULL);
}

guint
relay_throttle_get_interval (RelayThrottle *self)
{
  g_return_val_if_fail (RELAY_IS_THROTTLE (self), 0);

  return self->interval_ms;
}

void
relay_throttle_set_interval (RelayThrottle *self,
                             guint          interval_ms)
{
  g_return_if_fail (RELAY_IS_THROTTLE (self));
  g_return_if_fail (interval_ms > 0);

  if (self->interval_ms == interval_ms)
    return;

  self->interval_ms = interval_ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVAL]);
}

/**
 * relay_throttle_push:
 * @value: (transfer floating): the newest value
 *
 * Fires @value now if the last emission is at least "interval" ago, else
 * keeps it (replacing an older kept value) for the end of the interval.
 */
void
relay_throttle_push (RelayThrottle *self,
                     GVariant      *value)
{
  g_return_if_fail (RELAY_IS_THROTTLE (self));
  g_return_if_fail (value != NULL);

  if (self->cooldown_id == 0)
    {
      fire (self, value);
      return;
    }

  g_clear_pointer (&self->pending, g_variant_unref);
  self->pending = g_variant_ref_sink (value);
}

/* Fires the kept value now, if there is one (e.g. when the page closes). */
void
relay_throttle_flush (RelayThrottle *self)
{
  g_return_if_fail (RELAY_IS_THROTTLE (self));

  if (self->pending == NULL)
    return;

  g_clear_handle_id (&self->cooldown_id, g_source_remove);
  fire (self, g_steal_pointer (&self->pending));
}

/* Drops the kept value and the cool-down. */
void
relay_throttle_cancel (RelayThrottle *self)
{
  gboolean was_busy;

  g_return_if_fail (RELAY_IS_THROTTLE (self));

  was_busy = relay_throttle_get_busy (self);
  g_clear_handle_id (&self->cooldown_id, g_source_remove);
  g_clear_pointer (&self->pending, g_variant_unref);
  if (was_busy)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

gboolean
relay_throttle_get_busy (RelayThrottle *self)
{
  g_return_val_if_fail (RELAY_IS_THROTTLE (self), FALSE);

  return self->cooldown_id != 0 || self->pending != NULL;
}
