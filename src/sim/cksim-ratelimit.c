/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "cksim-ratelimit"

#include "cksim-ratelimit.h"

struct _CkSimRateLimit
{
  GHashTable *calls;  /* key -> GArray of gint64 (ms), oldest first */
};

CkSimRateLimit *
cksim_rate_limit_new (void)
{
  CkSimRateLimit *limit = g_new0 (CkSimRateLimit, 1);

  limit->calls = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) g_array_unref);
  return limit;
}

void
cksim_rate_limit_free (CkSimRateLimit *limit)
{
  if (limit == NULL)
    return;
  g_clear_pointer (&limit->calls, g_hash_table_unref);
  g_free (limit);
}

gboolean
cksim_rate_limit_allow (CkSimRateLimit *limit,
                        const char     *key,
                        gint64          now_ms,
                        gint64          gap_ms,
                        guint           max,
                        gint64          window_ms)
{
  GArray *times = g_hash_table_lookup (limit->calls, key);
  guint old = 0;

  if (times == NULL)
    {
      times = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_hash_table_insert (limit->calls, g_strdup (key), times);
    }

  while (old < times->len && g_array_index (times, gint64, old) <= now_ms - window_ms)
    old++;
  g_array_remove_range (times, 0, old);

  if (times->len > 0 && now_ms - g_array_index (times, gint64, times->len - 1) < gap_ms)
    return FALSE;
  if (times->len >= max)
    return FALSE;
  g_array_append_val (times, now_ms);
  return TRUE;
}
