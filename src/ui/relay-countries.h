/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  const char *iso;           /* ISO 3166-1 alpha-2, e.g. "GB" */
  const char *calling_code;  /* digits without '+', e.g. "44" */
  const char *name;          /* untranslated English name */
} RelayCountry;

guint               relay_countries_get_n            (void);
const RelayCountry *relay_countries_get              (guint       index);
/* The index of the country of the user's locale (LANG's territory), else the United States. */
guint               relay_countries_default_index    (void);
/* "United Kingdom (+44)", translated: (transfer full) a GtkStringList of every country. */
GListModel         *relay_countries_create_model     (void) G_GNUC_WARN_UNUSED_RESULT;

/* "+" then 7 to 15 digits, the first not 0. */
gboolean            relay_identity_is_phone_number   (const char *identity);
/* An e-mail address (something@something) or an E.164 number. */
gboolean            relay_identity_is_valid          (const char *identity);

G_END_DECLS
