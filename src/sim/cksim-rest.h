/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include "cksim-router.h"

G_BEGIN_DECLS

/* The emulated cloud API of spec §3 (region prefixes and the bare host). */
void        cksim_rest_serve          (CkSimContext *ctx,
                                       CkSimRequest *req);
/* Appendix A: the region new accounts of a calling code get, or NULL. */
const char *cksim_region_for_country  (const char   *country_code);

G_END_DECLS
