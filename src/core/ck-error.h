/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CK_ERROR (ck_error_quark ())

/**
 * CkError:
 *
 * What went wrong, by meaning. The cloud reuses the same number for different
 * meanings on different endpoints, so numbers are translated through
 * ck_error_from_code() with the endpoint that produced them. The numeric code
 * and the server's text always travel in the GError message.
 */
typedef enum
{
  CK_ERROR_FAILED,              /* anything without a better name, e.g. 500 */
  CK_ERROR_INVALID_RESPONSE,    /* malformed JSON or an unexpected shape */
  CK_ERROR_BAD_REQUEST,         /* 400: our request was wrong (a bug) */
  CK_ERROR_AUTH_FAILED,         /* 406 on Sign calls: signature, appid, common params */
  CK_ERROR_APP_DISABLED,        /* 403 on Sign calls, or any REST call whose text is
                                 * "Sign:oauthClient enable invalid": APPID disabled (spec §8.2.1) */
  CK_ERROR_WRONG_REGION,        /* 301: the account lives in another region */
  CK_ERROR_WRONG_PASSWORD,      /* 401 on login: wrong account or password */
  CK_ERROR_USER_NOT_FOUND,      /* 404 on login, 401 on sms reset */
  CK_ERROR_EMAIL_NOT_ACTIVATED, /* 402 on login */
  CK_ERROR_ALREADY_EXISTS,      /* 409: account or device already registered */
  CK_ERROR_WRONG_CODE,          /* 498: wrong verification code */
  CK_ERROR_RATE_LIMITED,        /* 429 (simulator), 160038 (sms too often) */
  CK_ERROR_TOKEN_EXPIRED,       /* 402 on Bearer calls: refresh and retry */
  CK_ERROR_TOKEN_INVALID,       /* 401 on Bearer calls: unknown or revoked token */
  CK_ERROR_SESSION_TAKEN,       /* the account signed in elsewhere with this app id */
  CK_ERROR_NOT_SIGNED_IN,       /* no token at all (406 with an empty Bearer, or none stored) */
  CK_ERROR_NOT_PERMITTED,       /* 403: not owner / sharee without permission */
  CK_ERROR_NOT_FOUND,           /* 404: unknown device, group or path */
  CK_ERROR_DEVICE_OFFLINE,      /* 503: the device is offline */
  CK_ERROR_DEVICE_UNREACHABLE,  /* 504: the device did not answer in time */
  CK_ERROR_DEVICE_REJECTED,     /* 400 from a device: params refused */
  CK_ERROR_TIMEOUT,             /* no answer from the cloud in time */
  CK_ERROR_DISCONNECTED,        /* the live connection went away */
  CK_ERROR_SERVER,              /* 500 and other server-side failures */
  CK_ERROR_NETWORK,             /* the server could not be reached (DNS, refused, TLS) */
  CK_ERROR_NOT_SUPPORTED,       /* the device's family lacks that capability (checked locally) */
  CK_ERROR_INVALID_VALUE,       /* a value outside what the device accepts (checked locally) */
} CkError;

/**
 * CkEndpoint:
 *
 * Where a numeric error code came from; selects the meaning table.
 */
typedef enum
{
  CK_ENDPOINT_OTHER,
  CK_ENDPOINT_REGION,
  CK_ENDPOINT_SMS,
  CK_ENDPOINT_REGISTER,
  CK_ENDPOINT_LOGIN,
  CK_ENDPOINT_RESET_PASSWORD,
  CK_ENDPOINT_CHANGE_PASSWORD,
  CK_ENDPOINT_REFRESH,
  CK_ENDPOINT_BEARER,           /* any Bearer REST call without a table of its own */
  CK_ENDPOINT_DEVICE_ADD,
  CK_ENDPOINT_DEVICE_ADD_GSM,
  CK_ENDPOINT_DISPATCH,
  CK_ENDPOINT_STATUS_GET,
  CK_ENDPOINT_STATUS_POST,
  CK_ENDPOINT_WS_HANDSHAKE,
  CK_ENDPOINT_WS_UPDATE,
  CK_ENDPOINT_WS_QUERY,
  CK_ENDPOINT_WS_SHARE,
  CK_ENDPOINT_WS_SESSION,       /* an error pushed on an open session, without a sequence */
  CK_ENDPOINT_DEVICE_GET,       /* GET /api/user/device/{id} */
  CK_ENDPOINT_DEVICE_DELETE,    /* DELETE /api/user/device/{id} */
  CK_ENDPOINT_DEVICE_RENAME,    /* POST /api/user/device/{id} */
  CK_ENDPOINT_TAGS,             /* POST /api/user/tags */
  CK_ENDPOINT_GROUP,            /* /api/group and /api/group/addDevice */
} CkEndpoint;

GQuark ck_error_quark (void);

/* What the cloud said, for errors made by ck_error_from_code() (and their
 * copies): its number (0 for other errors) and its own text (nullable),
 * e.g. a device's reason for refusing a command ("too many timers"). Show
 * the text next to the meaning instead of parsing the message. */
gint        ck_error_get_cloud_code (const GError *error);
const char *ck_error_get_cloud_text (const GError *error);

/**
 * ck_error_from_code:
 * @endpoint: where the code came from
 * @code: the numeric code (HTTP status for non-2xx answers)
 * @message: (nullable): the server's text (msg, errmsg, reason or string error)
 *
 * Returns: (transfer full): a #GError in the %CK_ERROR domain whose message
 * names the meaning and carries @code and @message.
 */
GError *ck_error_from_code (CkEndpoint  endpoint,
                            gint        code,
                            const char *message);

G_END_DECLS
