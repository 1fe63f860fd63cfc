/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <adwaita.h>

#include "ck-client.h"

G_BEGIN_DECLS

typedef enum
{
  RELAY_SIGN_IN_MODE_SIGN_IN,
  RELAY_SIGN_IN_MODE_REGISTER,
  RELAY_SIGN_IN_MODE_RESET,
} RelaySignInMode;

#define RELAY_TYPE_SIGN_IN_PAGE (relay_sign_in_page_get_type ())
G_DECLARE_FINAL_TYPE (RelaySignInPage, relay_sign_in_page, RELAY, SIGN_IN_PAGE, AdwBin)

GtkWidget       *relay_sign_in_page_new               (void);

void             relay_sign_in_page_set_server        (RelaySignInPage *self,
                                                       const char      *server_template,
                                                       const char      *app_id);
void             relay_sign_in_page_set_mode          (RelaySignInPage *self,
                                                       RelaySignInMode  mode);
RelaySignInMode  relay_sign_in_page_get_mode          (RelaySignInPage *self);
void             relay_sign_in_page_set_busy          (RelaySignInPage *self,
                                                       gboolean         busy);
void             relay_sign_in_page_set_error         (RelaySignInPage *self,
                                                       const char      *sentence);
void             relay_sign_in_page_set_info          (RelaySignInPage *self,
                                                       const char      *sentence);
void             relay_sign_in_page_set_identity      (RelaySignInPage *self,
                                                       const char      *identity);

/* A signed-out client for the form's server, app and region. */
CkClient        *relay_sign_in_page_create_client     (RelaySignInPage *self) G_GNUC_WARN_UNUSED_RESULT;
const char      *relay_sign_in_page_get_app_secret    (RelaySignInPage *self);
const char      *relay_sign_in_page_get_identity      (RelaySignInPage *self);
const char      *relay_sign_in_page_get_password      (RelaySignInPage *self);
const char      *relay_sign_in_page_get_code          (RelaySignInPage *self);
/* The chosen country's calling code, digits only (for the region lookup). */
const char      *relay_sign_in_page_get_calling_code  (RelaySignInPage *self);
/* The region to ask first: a phone number's own, else the country's. */
const char      *relay_sign_in_page_get_region        (RelaySignInPage *self);
void             relay_sign_in_page_clear_password    (RelaySignInPage *self);

G_END_DECLS
