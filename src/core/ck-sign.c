/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "ck-sign"

#include "ck-sign.h"

#include <string.h>

char *
ck_sign (const char   *secret,
         const guint8 *data,
         gsize         len)
{
  g_autoptr(GHmac) hmac = NULL;
  guint8 digest[32];
  gsize digest_len = sizeof digest;

  g_return_val_if_fail (secret != NULL, NULL);
  g_return_val_if_fail (data != NULL || len == 0, NULL);

  hmac = g_hmac_new (G_CHECKSUM_SHA256, (const guchar *) secret, strlen (secret));
  if (len > 0)
    g_hmac_update (hmac, data, len);
  g_hmac_get_digest (hmac, digest, &digest_len);

  return g_base64_encode (digest, digest_len);
}

char *
ck_nonce_new (void)
{
  static const char alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  char *nonce = g_malloc (9);

  for (guint i = 0; i < 8; i++)
    nonce[i] = alphabet[g_random_int_range (0, sizeof alphabet - 1)];
  nonce[8] = '\0';

  return nonce;
}
