/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "cksim-clock"

#include "cksim-clock.h"

struct _CkSimClock
{
  GObject parent_instance;
  gint64  offset_ms; /* added to the real time */
};

G_DEFINE_FINAL_TYPE (CkSimClock, cksim_clock, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_OFFSET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_MOVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
cksim_clock_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CkSimClock *self = CKSIM_CLOCK (object);

  switch (prop_id)
    {
    case PROP_OFFSET:
      g_value_set_int64 (value, self->offset_ms / 1000);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cksim_clock_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CkSimClock *self = CKSIM_CLOCK (object);

  switch (prop_id)
    {
    case PROP_OFFSET:
      cksim_clock_set_offset (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cksim_clock_class_init (CkSimClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = cksim_clock_get_property;
  object_class->set_property = cksim_clock_set_property;

  properties[PROP_OFFSET] =
    g_param_spec_int64 ("offset", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CkSimClock::moved:
   *
   * The offset changed by any amount (also below a second): what waits on
   * the simulator's time re-checks its deadlines.
   */
  signals[SIGNAL_MOVED] =
    g_signal_new ("moved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
cksim_clock_init (CkSimClock *self)
{
}

CkSimClock *
cksim_clock_new (void)
{
  return g_object_new (CKSIM_TYPE_CLOCK, NULL);
}

gint64
cksim_clock_get_time_ms (CkSimClock *self)
{
  g_return_val_if_fail (CKSIM_IS_CLOCK (self), 0);

  return g_get_real_time () / 1000 + self->offset_ms;
}

gint64
cksim_clock_get_time (CkSimClock *self)
{
  return cksim_clock_get_time_ms (self) / 1000;
}

gint64
cksim_clock_get_offset (CkSimClock *self)
{
  g_return_val_if_fail (CKSIM_IS_CLOCK (self), 0);

  return self->offset_ms / 1000;
}

void
cksim_clock_set_offset (CkSimClock *self,
                        gint64      offset)
{
  cksim_clock_set_offset_ms (self, offset * 1000);
}

gint64
cksim_clock_get_offset_ms (CkSimClock *self)
{
  g_return_val_if_fail (CKSIM_IS_CLOCK (self), 0);

  return self->offset_ms;
}

void
cksim_clock_set_offset_ms (CkSimClock *self,
                           gint64      offset_ms)
{
  gint64 old_seconds;

  g_return_if_fail (CKSIM_IS_CLOCK (self));

  if (self->offset_ms == offset_ms)
    return;

  old_seconds = self->offset_ms / 1000;
  self->offset_ms = offset_ms;
  if (old_seconds != offset_ms / 1000)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFSET]);
  g_signal_emit (self, signals[SIGNAL_MOVED], 0);
}

void
cksim_clock_advance (CkSimClock *self,
                     gint64      seconds)
{
  cksim_clock_advance_ms (self, seconds * 1000);
}

void
cksim_clock_advance_ms (CkSimClock *self,
                        gint64      ms)
{
  g_return_if_fail (CKSIM_IS_CLOCK (self));

  cksim_clock_set_offset_ms (self, self->offset_ms + ms);
}

char *
cksim_format_iso_ms (gint64 unix_ms)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (unix_ms / 1000);
  g_autofree char *base = NULL;

  if (dt == NULL)
    return g_strdup ("1970-01-01T00:00:00.000Z");
  base = g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S");
  return g_strdup_printf ("%s.%03dZ", base, (int) (unix_ms % 1000));
}
