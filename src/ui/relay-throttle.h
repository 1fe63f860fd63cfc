/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* ARCHITECTURE.md "Pacing": at most one command per 150 ms per device. */
#define RELAY_THROTTLE_DEFAULT_INTERVAL_MS 150

#define RELAY_TYPE_THROTTLE (relay_throttle_get_type ())
G_DECLARE_FINAL_TYPE (RelayThrottle, relay_throttle, RELAY, THROTTLE, GObject)

RelayThrottle *relay_throttle_new          (guint          interval_ms) G_GNUC_WARN_UNUSED_RESULT;

guint          relay_throttle_get_interval (RelayThrottle *self);
void           relay_throttle_set_interval (RelayThrottle *self,
                                            guint          interval_ms);

/* A value was fired less than "interval" ago, or one is waiting. */
gboolean       relay_throttle_get_busy     (RelayThrottle *self);

void           relay_throttle_push         (RelayThrottle *self,
                                            GVariant      *value);
void           relay_throttle_flush        (RelayThrottle *self);
void           relay_throttle_cancel       (RelayThrottle *self);

G_END_DECLS
