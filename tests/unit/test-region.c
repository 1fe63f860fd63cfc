/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-region"

/* Calling code → region (spec Appendix A). */

#include <stdlib.h>

#include "ck-region.h"

typedef struct
{
  const char *code;
  const char *region;   /* NULL: not in the table */
} Case;

static const Case calling_codes[] = {
  { "86", "cn" },
  /* us, with the surprises: Australia and New Zealand */
  { "1", "us" }, { "52", "us" }, { "55", "us" }, { "61", "us" }, { "64", "us" },
  { "299", "us" }, { "509", "us" }, { "598", "us" }, { "685", "us" }, { "1876", "us" },
  /* eu, with Russia, South Africa and Africa */
  { "7", "eu" }, { "27", "eu" }, { "20", "eu" }, { "44", "eu" }, { "49", "eu" },
  { "220", "eu" }, { "234", "eu" }, { "244", "eu" }, { "260", "eu" }, { "269", "eu" },
  { "350", "eu" }, { "359", "eu" }, { "383", "eu" }, { "423", "eu" },
  /* as, with Turkey, Israel and India */
  { "90", "as" }, { "972", "as" }, { "91", "as" }, { "60", "as" }, { "81", "as" },
  { "852", "as" }, { "960", "as" }, { "968", "as" }, { "970", "as" }, { "977", "as" },
  { "998", "as" }, { "1268", "as" }, { "1869", "as" },
  /* a leading '+' is tolerated */
  { "+44", "eu" }, { "+86", "cn" },
  /* gaps inside the ranges and codes nobody lists */
  { "245", NULL }, { "252", NULL }, { "259", NULL }, { "374x", NULL }, { "969", NULL },
  { "35", NULL }, { "42", NULL }, { "999", NULL }, { "1000", NULL },
  /* not a calling code at all */
  { "", NULL }, { "+", NULL }, { "0", NULL }, { "044", NULL }, { "12345", NULL },
  { "4 4", NULL }, { "-44", NULL }, { "++44", NULL }, { "abc", NULL }, { "٤٤", NULL },
};

static void
test_calling_codes (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (calling_codes); i++)
    {
      const Case *c = &calling_codes[i];

      g_test_message ("calling code \"%s\"", c->code);
      g_assert_cmpstr (ck_region_for_calling_code (c->code), ==, c->region);
    }

  g_assert_null (ck_region_for_calling_code (NULL));
}

static const Case phone_numbers[] = {
  { "+447700900123", "eu" },
  { "+61412345678", "us" },
  { "+6421123456", "us" },
  { "+79161234567", "eu" },
  { "+27821234567", "eu" },
  { "+905321234567", "as" },
  { "+972541234567", "as" },
  { "+919812345678", "as" },
  { "+8613800138000", "cn" },
  /* "1" is a prefix of longer codes of other regions: the longest wins */
  { "+12025550123", "us" },
  { "+12684601234", "as" },
  { "+18765550123", "us" },
  { "+1", "us" },
  { "+2455551234", NULL },
  { "447700900123", NULL },
  { "+", NULL },
  { "", NULL },
  { "+0123", NULL },
};

static void
test_phone_numbers (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (phone_numbers); i++)
    {
      const Case *c = &phone_numbers[i];

      g_test_message ("phone number \"%s\"", c->code);
      g_assert_cmpstr (ck_region_for_phone_number (c->code), ==, c->region);
    }

  g_assert_null (ck_region_for_phone_number (NULL));
}

static void
test_list (void)
{
  const char * const *codes = ck_region_list_calling_codes ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = 0;
  gulong previous = 0;

  g_assert_nonnull (codes);
  g_assert_true (codes == ck_region_list_calling_codes ());

  for (; codes[n] != NULL; n++)
    {
      gulong value = strtoul (codes[n], NULL, 10);

      g_assert_nonnull (ck_region_for_calling_code (codes[n]));
      g_assert_cmpuint (value, >, previous);
      g_assert_false (g_hash_table_contains (seen, codes[n]));
      g_hash_table_add (seen, (gpointer) codes[n]);
      previous = value;
    }

  /* Appendix A: 1 cn, 43 us, 99 eu, 62 as (ranges spelled out). */
  g_assert_cmpuint (n, ==, 1 + 43 + 99 + 62);
  g_assert_cmpstr (codes[0], ==, "1");
  g_assert_cmpstr (codes[n - 1], ==, "1876");
  g_assert_true (g_hash_table_contains (seen, "972"));
  g_assert_false (g_hash_table_contains (seen, "245"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/region/calling-codes", test_calling_codes);
  g_test_add_func ("/region/phone-numbers", test_phone_numbers);
  g_test_add_func ("/region/list", test_list);

  return g_test_run ();
}
