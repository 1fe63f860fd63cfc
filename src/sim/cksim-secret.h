/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when @a and @b are equal. The time taken depends only on their
 * lengths, never on where they differ: for signatures, verification codes,
 * factory keys and password hashes. */
gboolean cksim_secret_equal (const char *a,
                             const char *b);

G_END_DECLS
