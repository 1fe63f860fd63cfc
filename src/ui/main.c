/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "relay"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "relay-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RelayApplication) application = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  application = relay_application_new ();

  return g_application_run (G_APPLICATION (application), argc, argv);
}
