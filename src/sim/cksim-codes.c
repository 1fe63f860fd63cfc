/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "cksim-codes"

#include "cksim-codes.h"
#include "cksim-secret.h"

typedef struct
{
  char   code[5];
  char  *send_type;
  gint64 issued;   /* unix s, simulator clock */
  gint64 expires;  /* 0 once spent or given up */
  guint  failures; /* wrong guesses so far */
} Code;

struct _CkSimCodes
{
  CkSimClock *clock;
  GHashTable *by_identity;  /* identity -> Code */
};

static void
code_free (Code *code)
{
  g_free (code->send_type);
  g_free (code);
}

CkSimCodes *
cksim_codes_new (CkSimClock *clock)
{
  CkSimCodes *codes = g_new0 (CkSimCodes, 1);

  codes->clock = g_object_ref (clock);
  codes->by_identity = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) code_free);
  return codes;
}

void
cksim_codes_free (CkSimCodes *codes)
{
  if (codes == NULL)
    return;
  g_clear_object (&codes->clock);
  g_clear_pointer (&codes->by_identity, g_hash_table_unref);
  g_free (codes);
}

static Code *
live_code (CkSimCodes *codes,
           const char *identity)
{
  Code *code = g_hash_table_lookup (codes->by_identity, identity);

  if (code == NULL || cksim_clock_get_time (codes->clock) >= code->expires)
    return NULL;
  return code;
}

/* Drops the entries that serve neither a live code nor the send interval,
 * so the table holds only the identities of the last lifetime or interval. */
static void
sweep (CkSimCodes *codes,
       gint64      now,
       gint64      interval_s)
{
  GHashTableIter iter;
  Code *code;

  g_hash_table_iter_init (&iter, codes->by_identity);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &code))
    if (now >= code->expires && now - code->issued >= interval_s)
      g_hash_table_iter_remove (&iter);
}

const char *
cksim_codes_issue (CkSimCodes *codes,
                   const char *identity,
                   const char *send_type,
                   gint64      ttl_s,
                   gint64      interval_s)
{
  gint64 now = cksim_clock_get_time (codes->clock);
  Code *code;

  sweep (codes, now, interval_s);
  code = g_hash_table_lookup (codes->by_identity, identity);
  if (code != NULL && now - code->issued < interval_s)
    return NULL;

  code = g_new0 (Code, 1);
  g_snprintf (code->code, sizeof code->code, "%04d", g_random_int_range (0, 10000));
  code->send_type = g_strdup (send_type);
  code->issued = now;
  code->expires = now + ttl_s;
  g_hash_table_replace (codes->by_identity, g_strdup (identity), code);
  return code->code;
}

gboolean
cksim_codes_consume (CkSimCodes *codes,
                     const char *identity,
                     const char *send_type,
                     const char *code)
{
  Code *live = live_code (codes, identity);
  gboolean match;

  if (live == NULL)
    return FALSE;
  /* Both compared, whichever differs: the time tells nothing. */
  match = cksim_secret_equal (live->code, code) & g_str_equal (live->send_type, send_type);
  /* Spent (or, after too many guesses, given up): the send interval still
   * counts from its issue time. */
  if (match || ++live->failures >= CKSIM_CODES_MAX_FAILURES)
    live->expires = 0;
  return match;
}

guint
cksim_codes_get_size (CkSimCodes *codes)
{
  return g_hash_table_size (codes->by_identity);
}

const char *
cksim_codes_peek (CkSimCodes *codes,
                  const char *identity)
{
  Code *live = identity != NULL ? live_code (codes, identity) : NULL;

  return live != NULL ? live->code : NULL;
}

JsonNode *
cksim_codes_dump (CkSimCodes *codes)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  GHashTableIter iter;
  const char *identity;
  Code *code;

  json_builder_begin_array (b);
  g_hash_table_iter_init (&iter, codes->by_identity);
  while (g_hash_table_iter_next (&iter, (gpointer *) &identity, (gpointer *) &code))
    {
      if (live_code (codes, identity) == NULL)
        continue;
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "identity");
      json_builder_add_string_value (b, identity);
      json_builder_set_member_name (b, "code");
      json_builder_add_string_value (b, code->code);
      json_builder_set_member_name (b, "sendType");
      json_builder_add_string_value (b, code->send_type);
      json_builder_set_member_name (b, "expires");
      json_builder_add_int_value (b, code->expires);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  return json_builder_get_root (b);
}
