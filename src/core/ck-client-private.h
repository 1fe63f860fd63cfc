/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include "ck-client.h"
#include "ck-command-queue.h"

G_BEGIN_DECLS

/* For the files that implement parts of CkClient (ck-client-control.c,
 * ck-client-requests.c). */
CkCommandQueue *ck_client_get_command_queue (CkClient *self);
/* The _finish of every CkClient operation that completes with a boolean:
 * checks @result came from @self with the source tag @tag. */
gboolean        ck_client_finish_boolean    (CkClient      *self,
                                             GAsyncResult  *result,
                                             gpointer       tag,
                                             GError       **error);
/* (transfer none) (nullable): the socket while it is connected. */
CkSocket       *ck_client_get_live_socket   (CkClient *self);

G_END_DECLS
