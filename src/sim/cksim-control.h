/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include "cksim-router.h"

G_BEGIN_DECLS

/* The /_sim/ test hooks (spec §8.9), served only with "control". Among them:
 * GET state; POST clock/advance {"seconds":N} or {"ms":N};
 * POST fault {"endpoint":E,"error":N[,"region":R][,"http":true]} (the next
 * call to E answers N in E's documented shape, see cksim_server_arm_fault());
 * GET codes (live verification codes), GET code?identity=I;
 * POST user/activated {"identity":I,"activated":false} (login answers 402);
 * POST app {"appid":A,"enabled":false} (A's REST calls answer 403, §8.2.1). */
void      cksim_control_serve (CkSimContext *ctx,
                               CkSimRequest *req);
/* The full state: users (no passwords), masked sessions, devices, sockets. */
JsonNode *cksim_control_dump  (CkSimContext *ctx) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
