/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* base64 (HMAC-SHA256 (secret, data)): the value after "Sign " (spec §2.5). */
char *ck_sign      (const char   *secret,
                    const guint8 *data,
                    gsize         len);

/* 8 random characters from [A-Za-z0-9] (spec §2.2). */
char *ck_nonce_new (void);

G_END_DECLS
