/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "cksim-reason"

#include "cksim-reason.h"

gboolean
cksim_reject (char       **reason,
              const char  *format,
              ...)
{
  va_list args;

  if (reason != NULL && *reason == NULL)
    {
      va_start (args, format);
      *reason = g_strdup_vprintf (format, args);
      va_end (args);
    }
  return FALSE;
}
