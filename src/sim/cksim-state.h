/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <json-glib/json-glib.h>

#include "cksim-clock.h"

G_BEGIN_DECLS

/* An account. Passwords are kept only as a salted HMAC (never dumped). */
typedef struct
{
  char   *id;             /* "_id", 24 hex */
  char   *apikey;         /* UUID */
  char   *identity;       /* e-mail (lower case) or "+<digits>" phone */
  char   *region;         /* cn, as, eu or us */
  char   *nickname;
  char   *password_salt;
  char   *password_hash;
  gint64  created_ms;
  gboolean not_activated;  /* e-mail not confirmed: login answers 402 (§8.8.3) */
} CkSimUser;

/* One (user, appid) login: the live at/rt pair. Tokens are kept hashed. */
typedef struct
{
  char   *user_apikey;
  char   *appid;
  char   *at_hash;
  char   *rt_hash;
  char   *at_hint;        /* first 4 characters, for masked dumps */
  gint64  at_expires;     /* unix s, simulator clock */
  gint64  rt_expires;
} CkSimSession;

typedef struct
{
  char   *user_apikey;    /* the receiver */
  int     permit;         /* spec §4.9 bits */
  char   *note;
  gint64  share_time;     /* ms */
} CkSimShare;

typedef struct
{
  char       *deviceid;
  char       *name;
  char       *owner_apikey;
  int         uiid;
  char       *model;          /* extra.extra.model, e.g. "PSF-B01-GL" */
  char       *product_model;  /* e.g. "BASICR2" */
  char       *ui;             /* extra.extra.ui */
  char       *devicekey;      /* factory key (UUID) */
  gboolean    online;
  gint64      created_ms;
  gint64      online_ms;
  gint64      offline_ms;
  JsonObject *params;         /* the shadow */
  JsonObject *tags;
  GPtrArray  *shares;         /* CkSimShare */
  GPtrArray  *groups;         /* char *: group ids of any user (each user sees his own) */
} CkSimDevice;

/* A user's device folder (spec §3.15). Indexes run 1..N in display order. */
typedef struct
{
  char   *id;                 /* 24 hex */
  char   *owner_apikey;
  char   *name;
  int     index;
  gint64  created_ms;
} CkSimGroup;

typedef enum
{
  CKSIM_ACCESS_NONE,
  CKSIM_ACCESS_OWNER,
  CKSIM_ACCESS_SHAREE,
} CkSimAccess;

typedef enum
{
  CKSIM_TOKEN_LIVE,
  CKSIM_TOKEN_UNKNOWN,   /* never issued, or revoked by a newer login */
  CKSIM_TOKEN_EXPIRED,
} CkSimTokenStatus;

#define CKSIM_TYPE_STATE (cksim_state_get_type ())
G_DECLARE_FINAL_TYPE (CkSimState, cksim_state, CKSIM, STATE, GObject)

/*
 * CkSimState:
 *
 * Everything the simulated cloud knows: apps, users, sessions, devices.
 * Emits "changed" after every mutation (the server saves the state file).
 */
CkSimState   *cksim_state_new               (CkSimClock   *clock) G_GNUC_WARN_UNUSED_RESULT;
CkSimClock   *cksim_state_get_clock         (CkSimState   *self);
void          cksim_state_changed           (CkSimState   *self);
/* Between these, many mutations make a single "changed" (bulk seeding). */
void          cksim_state_hold_changes      (CkSimState   *self);
void          cksim_state_release_changes   (CkSimState   *self);

void          cksim_state_add_app           (CkSimState   *self,
                                             const char   *app_id,
                                             const char   *app_secret);
const char   *cksim_state_get_app_secret    (CkSimState   *self,
                                             const char   *app_id);
/* Spec §8.2.1: a known app whose enabled=false. Apps start enabled;
 * FALSE from the setter when @app_id is not known. Saved in the state
 * file ("disabledApps", ids only). */
gboolean      cksim_state_get_app_enabled   (CkSimState   *self,
                                             const char   *app_id);
gboolean      cksim_state_set_app_enabled   (CkSimState   *self,
                                             const char   *app_id,
                                             gboolean      enabled);

CkSimUser    *cksim_state_add_user          (CkSimState   *self,
                                             const char   *identity,
                                             const char   *password,
                                             const char   *region,
                                             GError      **error);
CkSimUser    *cksim_state_find_user         (CkSimState   *self,
                                             const char   *identity);
CkSimUser    *cksim_state_find_user_by_apikey (CkSimState *self,
                                               const char *apikey);
gboolean      cksim_user_check_password     (const CkSimUser *user,
                                             const char   *password);
gboolean      cksim_user_is_phone           (const CkSimUser *user);
void          cksim_user_set_password       (CkSimUser    *user,
                                             const char   *password);
/* "+<digits>" stays, an e-mail goes to lower case. */
char         *cksim_normalize_identity      (const char   *identity) G_GNUC_WARN_UNUSED_RESULT;

/* A new at/rt pair for (user, appid) living @at_ttl / @rt_ttl s, revoking the older one. The plain
 * tokens go to @at and @rt. */
CkSimSession *cksim_state_open_session      (CkSimState   *self,
                                             CkSimUser    *user,
                                             const char   *appid,
                                             gint64        at_ttl,
                                             gint64        rt_ttl,
                                             char        **at,
                                             char        **rt);
CkSimTokenStatus cksim_state_lookup_at      (CkSimState   *self,
                                             const char   *at,
                                             CkSimSession **session);
CkSimTokenStatus cksim_state_lookup_rt      (CkSimState   *self,
                                             const char   *rt,
                                             CkSimSession **session);
char         *cksim_hash_token              (const char   *token) G_GNUC_WARN_UNUSED_RESULT;
guint         cksim_state_get_login_count   (CkSimState   *self);
void          cksim_state_count_login       (CkSimState   *self);

/* Takes ownership of @device. */
void          cksim_state_add_device        (CkSimState   *self,
                                             CkSimDevice  *device);
CkSimDevice  *cksim_state_find_device       (CkSimState   *self,
                                             const char   *deviceid);
/* (transfer container): every installed device, in insertion order. */
GPtrArray    *cksim_state_all_devices       (CkSimState   *self);
/* (transfer container): devices owned by or shared to @apikey, stable order. */
GPtrArray    *cksim_state_list_devices      (CkSimState   *self,
                                             const char   *apikey);
CkSimAccess   cksim_device_access           (const CkSimDevice *device,
                                             const char   *apikey);
/* Users (apikeys) with access: the owner first, then sharees. */
GPtrArray    *cksim_device_watchers         (const CkSimDevice *device) G_GNUC_WARN_UNUSED_RESULT;
gboolean      cksim_state_share_device      (CkSimState   *self,
                                             CkSimDevice  *device,
                                             CkSimUser    *receiver,
                                             int           permit,
                                             const char   *note);
CkSimDevice  *cksim_device_new              (const char   *deviceid,
                                             const char   *name,
                                             const char   *owner_apikey,
                                             int           uiid,
                                             JsonObject   *params);
void          cksim_device_free             (CkSimDevice  *device);
/* A device from its state-file form (see cksim_state_dump(): deviceid,
 * name, owner, uiid, model, productModel, ui, devicekey, online, createdMs,
 * onlineMs, offlineMs, params, tags, shares, groups); NULL without a
 * deviceid. */
CkSimDevice  *cksim_device_new_from_json    (JsonObject   *o);
/* TRUE if an installed or factory device has @deviceid. */
gboolean      cksim_state_device_id_taken   (CkSimState   *self,
                                             const char   *deviceid);
/* A fresh 10-hex-digit device id that no device has (NULL: all 16M taken). */
char         *cksim_state_new_device_id     (CkSimState   *self) G_GNUC_WARN_UNUSED_RESULT;

/* The factory inventory (spec §8.8.5–6): devices made but owned by nobody
 * (owner_apikey NULL). Adding one moves it to the installed devices; deleting
 * an installed device moves it back, without shares or groups. */
void          cksim_state_add_factory_device (CkSimState  *self,
                                              CkSimDevice *device);
CkSimDevice  *cksim_state_find_factory_device (CkSimState *self,
                                               const char *deviceid);
/* The installed or factory device whose gsmId (md5 of deviceid + factory key,
 * lowercase hex, §3.11) is @gsm_id. */
CkSimDevice  *cksim_state_find_by_gsm_id    (CkSimState   *self,
                                             const char   *gsm_id);
char         *cksim_device_gsm_id           (const CkSimDevice *device) G_GNUC_WARN_UNUSED_RESULT;
/* Moves a factory device to @owner_apikey, named @name, online. */
CkSimDevice  *cksim_state_install_device    (CkSimState   *self,
                                             CkSimDevice  *factory_device,
                                             const char   *owner_apikey,
                                             const char   *name);
/* Back to the factory: no owner, shares, groups or tags; offline. */
void          cksim_state_uninstall_device  (CkSimState   *self,
                                             CkSimDevice  *device);

/* Groups */
CkSimGroup   *cksim_state_add_group         (CkSimState   *self,
                                             const char   *owner_apikey,
                                             const char   *name,
                                             int           index);
CkSimGroup   *cksim_state_find_group        (CkSimState   *self,
                                             const char   *id);
/* (transfer container): @owner_apikey's groups by index. */
GPtrArray    *cksim_state_list_groups       (CkSimState   *self,
                                             const char   *owner_apikey);
/* @index 0: unchanged; else moved there, the others from @index on shift by one. */
void          cksim_state_move_group        (CkSimState   *self,
                                             CkSimGroup   *group,
                                             int           index);
/* Also drops the group from every device's memberships. */
void          cksim_state_remove_group      (CkSimState   *self,
                                             CkSimGroup   *group);
gboolean      cksim_device_in_group         (const CkSimDevice *device,
                                             const char   *group_id);
void          cksim_device_set_in_group     (CkSimDevice  *device,
                                             const char   *group_id,
                                             gboolean      member);

/* @persist: the state file form (hashes) rather than the masked dump. */
JsonNode     *cksim_state_dump              (CkSimState   *self,
                                             gboolean      persist) G_GNUC_WARN_UNUSED_RESULT;
gboolean      cksim_state_load              (CkSimState   *self,
                                             JsonNode     *root,
                                             GError      **error);

G_END_DECLS
