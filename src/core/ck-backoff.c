/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "ck-backoff"

#include "ck-backoff.h"

#define JITTER  0.2

void
ck_backoff_init (CkBackoff *backoff,
                 guint      initial_ms,
                 guint      max_ms)
{
  backoff->initial_ms = initial_ms;
  backoff->max_ms = MAX (max_ms, initial_ms);
  backoff->attempt = 0;
}

guint
ck_backoff_next_delay (CkBackoff *backoff)
{
  double base = backoff->initial_ms;
  double delay;

  /* 2^attempt, stopping once the cap is reached (no overflow). */
  for (guint i = 0; i < backoff->attempt && base < backoff->max_ms; i++)
    base *= 2;
  base = MIN (base, (double) backoff->max_ms);

  delay = base * g_random_double_range (1.0 - JITTER, 1.0 + JITTER);
  backoff->attempt++;

  return (guint) CLAMP (delay, 0.0, (double) backoff->max_ms);
}

void
ck_backoff_reset (CkBackoff *backoff)
{
  backoff->attempt = 0;
}
