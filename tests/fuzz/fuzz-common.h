/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The libFuzzer entry points: fuzz-common.c defines the first, each harness
 * the second. */
int       LLVMFuzzerInitialize   (int            *argc,
                                  char         ***argv);
int       LLVMFuzzerTestOneInput (const uint8_t  *data,
                                  size_t          size);

/* A finding that is not a sanitizer report (a round trip that is not stable,
 * an invariant broken): prints @format and aborts, so libFuzzer saves the
 * input as a crash. */
G_NORETURN void fuzz_fail        (const char     *format,
                                  ...) G_GNUC_PRINTF (1, 2);

/* A NUL-terminated copy of the input (which may hold NULs of its own). */
char     *fuzz_dup_text          (const uint8_t  *data,
                                  size_t          size) G_GNUC_WARN_UNUSED_RESULT;

/* The input through the core's parser for untrusted JSON; NULL when it is
 * not JSON. */
JsonNode *fuzz_parse_json        (const uint8_t  *data,
                                  size_t          size) G_GNUC_WARN_UNUSED_RESULT;

/* Compact JSON text of @node, for comparisons. */
char     *fuzz_node_to_string    (JsonNode       *node) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
