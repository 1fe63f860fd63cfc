/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Validators say why they refuse: the first reason sticks (later ones are
 * consequences). Sets *@reason unless @reason is NULL or already set, and
 * returns FALSE so a check can end with `return cksim_reject (…);`. */
gboolean cksim_reject (char       **reason,
                       const char  *format,
                       ...) G_GNUC_PRINTF (2, 3);

G_END_DECLS
