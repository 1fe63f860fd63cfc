/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "relay-errors"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "ck-error.h"
#include "relay-errors.h"

/**
 * relay_error_describe:
 * @error: an error from the core
 *
 * Turns an error into a plain sentence for the user. Errors of the %CK_ERROR
 * domain read by meaning; anything else (network, TLS) keeps its own message,
 * which GIO and libsoup already translate.
 *
 * Returns: (transfer none): a translated sentence
 */
const char *
relay_error_describe (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain != CK_ERROR)
    return error->message;

  switch ((CkError) error->code)
    {
    case CK_ERROR_WRONG_PASSWORD:
      return _("The account or the password is not right.");
    case CK_ERROR_USER_NOT_FOUND:
      return _("There is no account with this e-mail address or phone number.");
    case CK_ERROR_EMAIL_NOT_ACTIVATED:
      return _("This account has not been activated yet. Follow the link in the e-mail the cloud sent you.");
    case CK_ERROR_AUTH_FAILED:
      return _("The cloud did not accept the app ID or app secret.");
    case CK_ERROR_APP_DISABLED:
      return _("The cloud has disabled this app ID.");
    case CK_ERROR_WRONG_REGION:
      return _("The account lives in another region of the cloud.");
    case CK_ERROR_RATE_LIMITED:
      return _("Too many requests in a short time. Wait a moment and try again.");
    case CK_ERROR_TOKEN_EXPIRED:
    case CK_ERROR_TOKEN_INVALID:
    case CK_ERROR_NOT_SIGNED_IN:
      return _("Your session has ended. Sign in again.");
    case CK_ERROR_SESSION_TAKEN:
      return _("This account signed in somewhere else with the same app ID.");
    case CK_ERROR_NOT_PERMITTED:
      return _("This account is not allowed to do that.");
    case CK_ERROR_NOT_FOUND:
      return _("The cloud does not know this device.");
    case CK_ERROR_DEVICE_OFFLINE:
      return _("The device is offline.");
    case CK_ERROR_DEVICE_UNREACHABLE:
      return _("The device did not answer in time.");
    case CK_ERROR_DEVICE_REJECTED:
      return _("The device refused the command.");
    case CK_ERROR_TIMEOUT:
      return _("The cloud did not answer in time.");
    case CK_ERROR_DISCONNECTED:
      return _("The connection to the cloud was lost.");
    case CK_ERROR_SERVER:
      return _("The cloud has a problem right now. Try again later.");
    case CK_ERROR_NETWORK:
      return _("The cloud could not be reached. Check the server address and your network connection.");
    case CK_ERROR_ALREADY_EXISTS:
      return _("This account or device is already registered.");
    case CK_ERROR_WRONG_CODE:
      return _("The verification code is not right.");
    case CK_ERROR_FAILED:
    case CK_ERROR_INVALID_RESPONSE:
    case CK_ERROR_BAD_REQUEST:
    default:
      return error->message;
    }
}

/**
 * relay_error_format:
 * @what: what did not happen, e.g. "The device was not renamed"
 * @error: why
 *
 * "@what: <the reason in a sentence>". A device's own refusal keeps the
 * number and the device's words the core put in brackets ("(error 400: too
 * many timers (at most 16))"): they say what to change.
 *
 * Returns: (transfer full): plain text
 */
char *
relay_error_format (const char   *what,
                    const GError *error)
{
  const char *detail = NULL;

  g_return_val_if_fail (what != NULL, NULL);
  g_return_val_if_fail (error != NULL, NULL);

  if (g_error_matches (error, CK_ERROR, CK_ERROR_DEVICE_REJECTED))
    detail = strstr (error->message, " (");
  if (detail != NULL)
    /* Translators: "The timer was not saved: The device refused the command. (error 400: too many timers)" */
    return g_strdup_printf (_("%s: %s%s"), what, relay_error_describe (error), detail);
  /* Translators: "The device was not renamed: The device is offline." */
  return g_strdup_printf (_("%s: %s"), what, relay_error_describe (error));
}

/**
 * relay_error_is_rolled_back:
 * @error: what a device command (CkClient) failed with
 *
 * Whether the command went out and was rolled back: CkClient said so in
 * "command-failed", which the window shows as a toast, so the caller need
 * not say it again. Failures found before sending (not permitted, unknown
 * timer, invalid value) are the caller's to show.
 */
gboolean
relay_error_is_rolled_back (const GError *error)
{
  g_return_val_if_fail (error != NULL, FALSE);

  return g_error_matches (error, CK_ERROR, CK_ERROR_DEVICE_REJECTED) ||
         g_error_matches (error, CK_ERROR, CK_ERROR_DEVICE_OFFLINE) ||
         g_error_matches (error, CK_ERROR, CK_ERROR_DEVICE_UNREACHABLE) ||
         g_error_matches (error, CK_ERROR, CK_ERROR_TIMEOUT) ||
         g_error_matches (error, CK_ERROR, CK_ERROR_DISCONNECTED);
}

/**
 * relay_error_toast:
 * @widget: a widget inside the main window (it must provide win.toast)
 * @what: what did not happen, e.g. "The device was not renamed"
 * @error: why
 *
 * Shows relay_error_format() as a toast of the main window. A cancelled
 * call shows nothing: the user asked for it.
 */
void
relay_error_toast (GtkWidget    *widget,
                   const char   *what,
                   const GError *error)
{
  g_autofree char *text = NULL;
  g_autofree char *markup = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (what != NULL);
  g_return_if_fail (error != NULL);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  text = relay_error_format (what, error);
  /* Toast titles are markup on libadwaita 1.2. */
  markup = g_markup_escape_text (text, -1);
  gtk_widget_activate_action (widget, "win.toast", "s", markup);
}
