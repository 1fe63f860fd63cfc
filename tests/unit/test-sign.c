/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-sign"

#include <string.h>

#include "ck-sign.h"

typedef struct
{
  const char *name;
  const char *secret;
  const char *message;
  gsize       length;
  const char *signature;
} Vector;

/* Spec §2.5: every published vector (V1–V6) and the computed ones (X1–X3). */
static const Vector vectors[] = {
  { "V1", "S1fHFiMqzykNdxlSrk9Pjdczp7rsvt3M",
    "{\"appid\":\"I25m0KljbFfGsTjRc3eTwTEPVwKzsvCF\",\"phoneNumber\":\"+8613570211955\",\"password\":\"lybywl163\",\"ts\":1545219251123,\"version\":8,\"nonce\":\"asbsedwq\"}",
    148, "QtKh6EnKoNmPnv17Ump3b/6r2hjojWb4nqSt4lnyj2U=" },
  { "V2", "OdPuCZ4PkPPi0rVKRVcGmll2NM6vVk0c",
    "{\"appid\":\"McFJj4Noke1mGDZCR1QarGW7P9Ycp0Vr\",\"nonce\":\"asbsedwq\",\"password\":\"12345678\",\"phoneNumber\":\"+8613123456789\",\"ts\":1560306258,\"version\":8}",
    144, "XuOzGxtG50CiF4H3odUfZsvKVl5+qSPzhfLEuUd4eJw=" },
  { "V3", "OdPuCZ4PkPPi0rVKRVcGmll2NM6vVk0c",
    "{\"appid\": \"McFJj4Noke1mGDZCR1QarGW7P9Ycp0Vr\", \"nonce\": \"asbsedwq\", \"password\": \"12345678\", \"phoneNumber\": \"+8613123456789\", \"ts\": 1560306258, \"version\": 8}",
    155, "XfWcNURxPxpk6Z+6I+WR/j9wHURhvTEK1qa3sAJFNR0=" },
  { "V4", "OdPuCZ4PkPPi0rVKRVcGmll2NM6vVk0c",
    "{\"verificationCode\":\"1234\",\"phoneNumber\":\"+8613123456789\",\"password\":\"12345678\",\"appid\":\"McFJj4Noke1mGDZCR1QarGW7P9Ycp0Vr\",\"ts\":1558004249,\"version\":8,\"nonce\":\"q3wz95p6\"}",
    170, "1zMaXhUQsSORdLo3mfA5igVSbrlkdDIStLtInz5Bjeg=" },
  { "V5", "OdPuCZ4PkPPi0rVKRVcGmll2NM6vVk0c",
    "grantType=refresh&rt=24670a9e493ba18cf5d9750f14505705824fcfd9&appid=McFJj4Noke1mGDZCR1QarGW7P9Ycp0Vr&ts=1558004249&version=8&nonce=asbsedwq",
    139, "3uvYDwdnrpMmToyGpJdm8z4qmkbgI4PWayoJd11t4I4=" },
  { "V6", "OdPuCZ4PkPPi0rVKRVcGmll2NM6vVk0c",
    "{\"email\":\"1234@gmail.com\",\"password\":\"12345678\",\"countryCode\":\"+1\"}",
    67, "ttZ/gluzqrafvGonjMD20p4//arW6KoZKbo1SOMEzCA=" },
  { "X1", "OdPuCZ4PkPPi0rVKRVcGmll2NM6vVk0c",
    "appid=McFJj4Noke1mGDZCR1QarGW7P9Ycp0Vr&grantType=refresh&nonce=asbsedwq&rt=24670a9e493ba18cf5d9750f14505705824fcfd9&ts=1558004249&version=8",
    139, "Fr1fJxFZbC7hddGcCibU4leMEe9/Bl7taPUjNdkUinE=" },
  { "X2", "S1fHFiMqzykNdxlSrk9Pjdczp7rsvt3M",
    "appid=I25m0KljbFfGsTjRc3eTwTEPVwKzsvCF&deviceid=1000052354&nonce=2323dfgh&ts=1545219251",
    0, "UXS8yTRB57HRFVYrKlbBXBRRgtYDuzVHX5QNdg0cWXA=" },
  { "X3", "OdPuCZ4PkPPi0rVKRVcGmll2NM6vVk0c",
    "appid=McFJj4Noke1mGDZCR1QarGW7P9Ycp0Vr&deviceid=1000012345&nonce=2323dfgh&ts=1558004249",
    0, "2CqlYZcS8x6LI27DgfX3QdqnVCFqbEz8sZXtOGEFuGc=" },
};

static void
test_vector (gconstpointer data)
{
  const Vector *vector = data;
  gsize len = strlen (vector->message);
  g_autofree char *signature = NULL;

  /* The byte counts printed in the spec pin the exact messages. */
  if (vector->length != 0)
    g_assert_cmpuint (len, ==, vector->length);

  signature = ck_sign (vector->secret, (const guint8 *) vector->message, len);
  g_assert_cmpstr (signature, ==, vector->signature);
}

/* V6's wrong variant: base64 of the hex text must not be what we produce. */
static void
test_raw_digest_not_hex (void)
{
  const char *message = "{\"email\":\"1234@gmail.com\",\"password\":\"12345678\",\"countryCode\":\"+1\"}";
  g_autofree char *signature = ck_sign ("OdPuCZ4PkPPi0rVKRVcGmll2NM6vVk0c",
                                        (const guint8 *) message, strlen (message));

  g_assert_false (g_str_has_prefix (signature, "YjZkNjdm"));
  g_assert_cmpuint (strlen (signature), ==, 44);
}

static void
test_nonce_format (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < 1000; i++)
    {
      char *nonce = ck_nonce_new ();

      g_assert_cmpuint (strlen (nonce), ==, 8);
      for (guint j = 0; j < 8; j++)
        g_assert_true (g_ascii_isalnum (nonce[j]));
      g_hash_table_add (seen, nonce);
    }

  /* 62^8 possibilities: 1000 draws must not repeat. */
  g_assert_cmpuint (g_hash_table_size (seen), ==, 1000);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (vectors); i++)
    {
      g_autofree char *path = g_strdup_printf ("/sign/vector/%s", vectors[i].name);

      g_test_add_data_func (path, &vectors[i], test_vector);
    }
  g_test_add_func ("/sign/raw-digest", test_raw_digest_not_hex);
  g_test_add_func ("/sign/nonce", test_nonce_format);

  return g_test_run ();
}
