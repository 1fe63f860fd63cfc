/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "ck-region"

#include "ck-region.h"

#include <stdlib.h>
#include <string.h>

#define MAX_CODE_DIGITS 4

typedef struct
{
  guint16     first;
  guint16     last;
  const char *region;
} CodeRange;

/* Spec Appendix A, its ranges ("220–244") kept as ranges. */
static const CodeRange ranges[] = {
  { 86, 86, "cn" },

  { 1, 1, "us" }, { 51, 58, "us" }, { 61, 61, "us" }, { 64, 64, "us" }, { 299, 299, "us" },
  { 501, 507, "us" }, { 509, 509, "us" }, { 590, 598, "us" }, { 676, 676, "us" },
  { 678, 679, "us" }, { 682, 682, "us" }, { 684, 685, "us" }, { 1242, 1242, "us" },
  { 1246, 1246, "us" }, { 1264, 1264, "us" }, { 1671, 1671, "us" }, { 1758, 1758, "us" },
  { 1809, 1809, "us" }, { 1868, 1868, "us" }, { 1876, 1876, "us" },

  { 7, 7, "eu" }, { 20, 20, "eu" }, { 27, 27, "eu" }, { 30, 34, "eu" }, { 36, 36, "eu" },
  { 39, 41, "eu" }, { 43, 49, "eu" }, { 212, 213, "eu" }, { 216, 216, "eu" },
  { 218, 218, "eu" }, { 220, 244, "eu" }, { 247, 251, "eu" }, { 253, 258, "eu" },
  { 260, 269, "eu" }, { 297, 298, "eu" }, { 350, 359, "eu" }, { 370, 373, "eu" },
  { 375, 378, "eu" }, { 380, 381, "eu" }, { 383, 383, "eu" }, { 385, 387, "eu" },
  { 389, 389, "eu" }, { 420, 421, "eu" }, { 423, 423, "eu" },

  { 60, 60, "as" }, { 62, 63, "as" }, { 65, 66, "as" }, { 81, 82, "as" }, { 84, 84, "as" },
  { 90, 95, "as" }, { 98, 98, "as" }, { 374, 374, "as" }, { 382, 382, "as" },
  { 599, 599, "as" }, { 670, 670, "as" }, { 673, 673, "as" }, { 675, 675, "as" },
  { 687, 687, "as" }, { 689, 689, "as" }, { 852, 853, "as" }, { 855, 856, "as" },
  { 880, 880, "as" }, { 886, 886, "as" }, { 960, 968, "as" }, { 970, 977, "as" },
  { 992, 996, "as" }, { 998, 998, "as" }, { 1268, 1268, "as" }, { 1340, 1340, "as" },
  { 1345, 1345, "as" }, { 1441, 1441, "as" }, { 1473, 1473, "as" }, { 1649, 1649, "as" },
  { 1664, 1664, "as" }, { 1767, 1767, "as" }, { 1784, 1784, "as" }, { 1869, 1869, "as" },
};

/* The number of 1–4 ASCII digits without a leading zero; 0 for anything else. */
static guint
parse_code (const char *digits,
            gsize       len)
{
  guint value = 0;

  if (len == 0 || len > MAX_CODE_DIGITS || digits[0] == '0')
    return 0;

  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (digits[i]))
        return 0;
      value = value * 10 + (guint) (digits[i] - '0');
    }

  return value;
}

static const char *
region_for_number (guint code)
{
  for (guint i = 0; code != 0 && i < G_N_ELEMENTS (ranges); i++)
    if (code >= ranges[i].first && code <= ranges[i].last)
      return ranges[i].region;

  return NULL;
}

const char *
ck_region_for_calling_code (const char *digits)
{
  if (digits == NULL)
    return NULL;
  if (digits[0] == '+')
    digits++;

  return region_for_number (parse_code (digits, strlen (digits)));
}

const char *
ck_region_for_phone_number (const char *e164)
{
  gsize available;

  if (e164 == NULL || e164[0] != '+')
    return NULL;

  /* Longest first: "1" (us) is a prefix of "1268" (as) and others. */
  available = strnlen (e164 + 1, MAX_CODE_DIGITS);
  for (gsize len = available; len >= 1; len--)
    {
      const char *region = region_for_number (parse_code (e164 + 1, len));

      if (region != NULL)
        return region;
    }

  return NULL;
}

static int
compare_numeric (gconstpointer a,
                 gconstpointer b)
{
  const char *x = *(const char * const *) a;
  const char *y = *(const char * const *) b;

  return (int) strtoul (x, NULL, 10) - (int) strtoul (y, NULL, 10);
}

const char * const *
ck_region_list_calling_codes (void)
{
  static GStrv codes;

  if (g_once_init_enter (&codes))
    {
      GPtrArray *list = g_ptr_array_new ();

      for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
        for (guint code = ranges[i].first; code <= ranges[i].last; code++)
          g_ptr_array_add (list, g_strdup_printf ("%u", code));
      g_ptr_array_sort (list, compare_numeric);
      g_ptr_array_add (list, NULL);

      g_once_init_leave (&codes, (GStrv) g_ptr_array_free (list, FALSE));
    }

  return (const char * const *) codes;
}
