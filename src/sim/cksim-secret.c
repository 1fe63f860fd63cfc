/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "cksim-secret"

#include "cksim-secret.h"

#include <string.h>

gboolean
cksim_secret_equal (const char *a,
                    const char *b)
{
  gsize len;
  guint8 diff = 0;

  if (a == NULL || b == NULL)
    return FALSE;
  len = strlen (a);
  if (len != strlen (b))
    return FALSE;
  /* Every byte is compared: no early exit at the first difference. */
  for (gsize i = 0; i < len; i++)
    diff |= (guint8) a[i] ^ (guint8) b[i];
  return diff == 0;
}
