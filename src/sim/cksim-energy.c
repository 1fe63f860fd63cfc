/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "cksim-energy"

#include "cksim-energy.h"

#include <math.h>

static GRand *
seeded (const char *seed,
        guint       salt)
{
  return g_rand_new_with_seed (g_str_hash (seed != NULL ? seed : "") ^ salt);
}

char *
cksim_energy_hundred_days (const char *seed)
{
  g_autoptr(GRand) rand = seeded (seed, 100);
  GString *out = g_string_sized_new (601);

  for (guint day = 0; day < 100; day++)
    {
      /* 0.00-6.99 kWh a day: a household appliance. */
      int centi = g_rand_int_range (rand, 0, 700);

      g_string_append_printf (out, "%02x0%d0%d", centi / 100, centi / 10 % 10, centi % 10);
    }
  return g_string_free (out, FALSE);
}

char *
cksim_energy_day_history (const char *seed,
                          guint       days)
{
  g_autoptr(GRand) rand = seeded (seed, days);
  GString *out = g_string_new (NULL);

  for (guint day = 0; day < days; day++)
    {
      int centi = g_rand_int_range (rand, 0, 1200);

      g_string_append_printf (out, "%02x%02d", centi / 100, centi % 100);
    }
  return g_string_free (out, FALSE);
}

char *
cksim_energy_hours (const char *seed,
                    gint64      start,
                    gint64      end)
{
  g_autoptr(GRand) rand = seeded (seed, (guint) start);
  gint64 count = CLAMP (end - start + 1, 0, CKSIM_ENERGY_MAX_HOURS);
  GString *out = g_string_new (NULL);

  for (gint64 hour = 0; hour < count; hour++)
    {
      /* 0.00-1.49 kWh an hour. */
      int centi = g_rand_int_range (rand, 0, 150);

      g_string_append_printf (out, "%x%02d", centi / 100, centi % 100);
    }
  return g_string_free (out, FALSE);
}

double
cksim_energy_one_kwh (const char *seed)
{
  g_autoptr(GRand) rand = seeded (seed, 1);

  return g_rand_int_range (rand, 100, 5000) / 100.0;
}
