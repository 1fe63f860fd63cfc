/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "relay-countries"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "relay-countries.h"

/*
 * The country picker of the account pages: the named countries (the common
 * ones, sorted by English name) with their calling codes. Which region a
 * calling code belongs to is the core's table (ck-region.h, spec Appendix A).
 */

static const RelayCountry countries[] = {
  { "AR", "54", N_("Argentina") },
  { "AU", "61", N_("Australia") },
  { "AT", "43", N_("Austria") },
  { "BE", "32", N_("Belgium") },
  { "BR", "55", N_("Brazil") },
  { "BG", "359", N_("Bulgaria") },
  { "CA", "1", N_("Canada") },
  { "CL", "56", N_("Chile") },
  { "CN", "86", N_("China") },
  { "CO", "57", N_("Colombia") },
  { "HR", "385", N_("Croatia") },
  { "CZ", "420", N_("Czechia") },
  { "DK", "45", N_("Denmark") },
  { "EG", "20", N_("Egypt") },
  { "FI", "358", N_("Finland") },
  { "FR", "33", N_("France") },
  { "DE", "49", N_("Germany") },
  { "GR", "30", N_("Greece") },
  { "HK", "852", N_("Hong Kong") },
  { "HU", "36", N_("Hungary") },
  { "IN", "91", N_("India") },
  { "ID", "62", N_("Indonesia") },
  { "IE", "353", N_("Ireland") },
  { "IL", "972", N_("Israel") },
  { "IT", "39", N_("Italy") },
  { "JP", "81", N_("Japan") },
  { "MY", "60", N_("Malaysia") },
  { "MX", "52", N_("Mexico") },
  { "MA", "212", N_("Morocco") },
  { "NL", "31", N_("Netherlands") },
  { "NZ", "64", N_("New Zealand") },
  { "NG", "234", N_("Nigeria") },
  { "NO", "47", N_("Norway") },
  { "PK", "92", N_("Pakistan") },
  { "PE", "51", N_("Peru") },
  { "PH", "63", N_("Philippines") },
  { "PL", "48", N_("Poland") },
  { "PT", "351", N_("Portugal") },
  { "RO", "40", N_("Romania") },
  { "RU", "7", N_("Russia") },
  { "SA", "966", N_("Saudi Arabia") },
  { "SG", "65", N_("Singapore") },
  { "SK", "421", N_("Slovakia") },
  { "SI", "386", N_("Slovenia") },
  { "ZA", "27", N_("South Africa") },
  { "KR", "82", N_("South Korea") },
  { "ES", "34", N_("Spain") },
  { "SE", "46", N_("Sweden") },
  { "CH", "41", N_("Switzerland") },
  { "TW", "886", N_("Taiwan") },
  { "TH", "66", N_("Thailand") },
  { "TR", "90", N_("Turkey") },
  { "UA", "380", N_("Ukraine") },
  { "AE", "971", N_("United Arab Emirates") },
  { "GB", "44", N_("United Kingdom") },
  { "US", "1", N_("United States") },
  { "VN", "84", N_("Vietnam") },
};

guint
relay_countries_get_n (void)
{
  return G_N_ELEMENTS (countries);
}

const RelayCountry *
relay_countries_get (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (countries), NULL);

  return &countries[index];
}

static guint
find_iso (const char *iso)
{
  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    if (g_ascii_strncasecmp (countries[i].iso, iso, 2) == 0)
      return i;
  return G_MAXUINT;
}

guint
relay_countries_default_index (void)
{
  const char * const *languages = g_get_language_names ();

  for (guint i = 0; languages[i] != NULL; i++)
    {
      const char *underscore = strchr (languages[i], '_');
      guint index;

      if (underscore != NULL && strlen (underscore) >= 3 &&
          (index = find_iso (underscore + 1)) != G_MAXUINT)
        return index;
    }

  return find_iso ("US");
}

GListModel *
relay_countries_create_model (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    {
      /* Translators: a country and its calling code, e.g. "United Kingdom (+44)" */
      g_autofree char *label = g_strdup_printf (_("%s (+%s)"), _(countries[i].name), countries[i].calling_code);

      gtk_string_list_append (list, label);
    }

  return G_LIST_MODEL (list);
}

gboolean
relay_identity_is_phone_number (const char *identity)
{
  gsize len;

  g_return_val_if_fail (identity != NULL, FALSE);

  len = strlen (identity);
  if (identity[0] != '+' || len < 8 || len > 16 || identity[1] == '0')
    return FALSE;
  for (gsize i = 1; i < len; i++)
    if (!g_ascii_isdigit (identity[i]))
      return FALSE;
  return TRUE;
}

gboolean
relay_identity_is_valid (const char *identity)
{
  const char *at;

  g_return_val_if_fail (identity != NULL, FALSE);

  if (identity[0] == '+')
    return relay_identity_is_phone_number (identity);

  at = strchr (identity, '@');
  return at != NULL && at != identity && at[1] != '\0' && strchr (at + 1, '@') == NULL;
}
