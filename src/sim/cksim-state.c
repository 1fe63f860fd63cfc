/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "cksim-state"

#include "cksim-state.h"
#include "cksim-json.h"
#include "cksim-secret.h"

#include <string.h>

struct _CkSimState
{
  GObject     parent_instance;

  CkSimClock *clock;
  GHashTable *apps;          /* app id -> secret */
  GHashTable *disabled_apps; /* app ids whose enabled=false (spec §8.2.1) */
  GPtrArray  *users;         /* CkSimUser, owned */
  GHashTable *users_by_id;   /* identity -> CkSimUser */
  GHashTable *users_by_key;  /* apikey -> CkSimUser */
  GHashTable *sessions;      /* at hash -> CkSimSession, owned */
  GHashTable *by_rt;         /* rt hash -> CkSimSession */
  GHashTable *by_login;      /* "apikey appid" -> CkSimSession */
  GPtrArray  *devices;       /* CkSimDevice, owned, insertion order */
  GHashTable *devices_by_id; /* deviceid -> CkSimDevice */
  GPtrArray  *factory;       /* CkSimDevice without owner, owned */
  GPtrArray  *groups;        /* CkSimGroup, owned */
  guint       login_count;
  gboolean    loading;       /* no "changed" while loading a file */
  guint       held;          /* cksim_state_hold_changes() depth */
  gboolean    changed_while_held;
  guint       device_serial; /* the last generated device id */
};

G_DEFINE_FINAL_TYPE (CkSimState, cksim_state, G_TYPE_OBJECT)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
random_hex (guint len)
{
  static const char hex[] = "0123456789abcdef";
  char *s = g_malloc (len + 1);

  for (guint i = 0; i < len; i++)
    s[i] = hex[g_random_int_range (0, 16)];
  s[len] = '\0';
  return s;
}

static char *
hmac_hex (const char *key,
          const char *text)
{
  return g_compute_hmac_for_string (G_CHECKSUM_SHA256,
                                    (const guchar *) key, strlen (key),
                                    text, -1);
}

char *
cksim_hash_token (const char *token)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, token, -1);
}

static void
user_free (CkSimUser *user)
{
  g_free (user->id);
  g_free (user->apikey);
  g_free (user->identity);
  g_free (user->region);
  g_free (user->nickname);
  g_free (user->password_salt);
  g_free (user->password_hash);
  g_free (user);
}

static void
session_free (CkSimSession *session)
{
  g_free (session->user_apikey);
  g_free (session->appid);
  g_free (session->at_hash);
  g_free (session->rt_hash);
  g_free (session->at_hint);
  g_free (session);
}

static void
share_free (CkSimShare *share)
{
  g_free (share->user_apikey);
  g_free (share->note);
  g_free (share);
}

CkSimDevice *
cksim_device_new (const char *deviceid,
                  const char *name,
                  const char *owner_apikey,
                  int         uiid,
                  JsonObject *params)
{
  CkSimDevice *device = g_new0 (CkSimDevice, 1);

  device->deviceid = g_strdup (deviceid);
  device->name = g_strdup (name);
  device->owner_apikey = g_strdup (owner_apikey);
  device->uiid = uiid;
  device->devicekey = g_uuid_string_random ();
  device->params = params != NULL ? cksim_json_object_copy (params) : json_object_new ();
  device->tags = json_object_new ();
  device->shares = g_ptr_array_new_with_free_func ((GDestroyNotify) share_free);
  device->groups = g_ptr_array_new_with_free_func (g_free);
  device->online = TRUE;
  return device;
}

void
cksim_device_free (CkSimDevice *device)
{
  if (device == NULL)
    return;
  g_free (device->deviceid);
  g_free (device->name);
  g_free (device->owner_apikey);
  g_free (device->model);
  g_free (device->product_model);
  g_free (device->ui);
  g_free (device->devicekey);
  g_clear_pointer (&device->params, json_object_unref);
  g_clear_pointer (&device->tags, json_object_unref);
  g_clear_pointer (&device->shares, g_ptr_array_unref);
  g_clear_pointer (&device->groups, g_ptr_array_unref);
  g_free (device);
}

static void
group_free (CkSimGroup *group)
{
  g_free (group->id);
  g_free (group->owner_apikey);
  g_free (group->name);
  g_free (group);
}

static void
cksim_state_dispose (GObject *object)
{
  CkSimState *self = CKSIM_STATE (object);

  g_clear_object (&self->clock);

  G_OBJECT_CLASS (cksim_state_parent_class)->dispose (object);
}

static void
cksim_state_finalize (GObject *object)
{
  CkSimState *self = CKSIM_STATE (object);

  g_clear_pointer (&self->apps, g_hash_table_unref);
  g_clear_pointer (&self->disabled_apps, g_hash_table_unref);
  g_clear_pointer (&self->users_by_id, g_hash_table_unref);
  g_clear_pointer (&self->users_by_key, g_hash_table_unref);
  g_clear_pointer (&self->users, g_ptr_array_unref);
  g_clear_pointer (&self->by_rt, g_hash_table_unref);
  g_clear_pointer (&self->by_login, g_hash_table_unref);
  g_clear_pointer (&self->sessions, g_hash_table_unref);
  g_clear_pointer (&self->devices_by_id, g_hash_table_unref);
  g_clear_pointer (&self->devices, g_ptr_array_unref);
  g_clear_pointer (&self->factory, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);

  G_OBJECT_CLASS (cksim_state_parent_class)->finalize (object);
}

static void
cksim_state_class_init (CkSimStateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cksim_state_dispose;
  object_class->finalize = cksim_state_finalize;

  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cksim_state_init (CkSimState *self)
{
  self->apps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->disabled_apps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->users = g_ptr_array_new_with_free_func ((GDestroyNotify) user_free);
  self->users_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->users_by_key = g_hash_table_new (g_str_hash, g_str_equal);
  self->sessions = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                          (GDestroyNotify) session_free);
  self->by_rt = g_hash_table_new (g_str_hash, g_str_equal);
  self->by_login = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->devices = g_ptr_array_new_with_free_func ((GDestroyNotify) cksim_device_free);
  self->devices_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->factory = g_ptr_array_new_with_free_func ((GDestroyNotify) cksim_device_free);
  self->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
}

CkSimState *
cksim_state_new (CkSimClock *clock)
{
  CkSimState *self = g_object_new (CKSIM_TYPE_STATE, NULL);

  self->clock = g_object_ref (clock);
  return self;
}

CkSimClock *
cksim_state_get_clock (CkSimState *self)
{
  return self->clock;
}

void
cksim_state_changed (CkSimState *self)
{
  if (self->loading)
    return;
  if (self->held > 0)
    self->changed_while_held = TRUE;
  else
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

void
cksim_state_hold_changes (CkSimState *self)
{
  g_return_if_fail (CKSIM_IS_STATE (self));

  self->held++;
}

void
cksim_state_release_changes (CkSimState *self)
{
  g_return_if_fail (CKSIM_IS_STATE (self));
  g_return_if_fail (self->held > 0);

  if (--self->held == 0 && self->changed_while_held)
    {
      self->changed_while_held = FALSE;
      cksim_state_changed (self);
    }
}

/* Apps */

void
cksim_state_add_app (CkSimState *self,
                     const char *app_id,
                     const char *app_secret)
{
  g_return_if_fail (CKSIM_IS_STATE (self));
  g_return_if_fail (app_id != NULL && app_secret != NULL);

  g_hash_table_replace (self->apps, g_strdup (app_id), g_strdup (app_secret));
}

const char *
cksim_state_get_app_secret (CkSimState *self,
                            const char *app_id)
{
  if (app_id == NULL)
    return NULL;
  return g_hash_table_lookup (self->apps, app_id);
}

gboolean
cksim_state_get_app_enabled (CkSimState *self,
                             const char *app_id)
{
  g_return_val_if_fail (CKSIM_IS_STATE (self), FALSE);

  return app_id != NULL && !g_hash_table_contains (self->disabled_apps, app_id);
}

gboolean
cksim_state_set_app_enabled (CkSimState *self,
                             const char *app_id,
                             gboolean    enabled)
{
  g_return_val_if_fail (CKSIM_IS_STATE (self), FALSE);

  if (cksim_state_get_app_secret (self, app_id) == NULL)
    return FALSE;
  if (enabled == cksim_state_get_app_enabled (self, app_id))
    return TRUE;
  if (enabled)
    g_hash_table_remove (self->disabled_apps, app_id);
  else
    g_hash_table_add (self->disabled_apps, g_strdup (app_id));
  cksim_state_changed (self);
  return TRUE;
}

/* Users */

char *
cksim_normalize_identity (const char *identity)
{
  if (identity[0] == '+')
    return g_strdup (identity);
  return g_utf8_strdown (identity, -1);
}

static void
index_user (CkSimState *self,
            CkSimUser  *user)
{
  g_ptr_array_add (self->users, user);
  g_hash_table_insert (self->users_by_id, user->identity, user);
  g_hash_table_insert (self->users_by_key, user->apikey, user);
}

void
cksim_user_set_password (CkSimUser  *user,
                         const char *password)
{
  g_free (user->password_salt);
  g_free (user->password_hash);
  user->password_salt = random_hex (32);
  user->password_hash = hmac_hex (user->password_salt, password);
}

CkSimUser *
cksim_state_add_user (CkSimState  *self,
                      const char  *identity,
                      const char  *password,
                      const char  *region,
                      GError     **error)
{
  g_autofree char *key = NULL;
  CkSimUser *user;

  g_return_val_if_fail (CKSIM_IS_STATE (self), NULL);
  g_return_val_if_fail (identity != NULL && password != NULL && region != NULL, NULL);

  key = cksim_normalize_identity (identity);
  if (g_hash_table_contains (self->users_by_id, key))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   "The account %s already exists", identity);
      return NULL;
    }

  user = g_new0 (CkSimUser, 1);
  user->id = random_hex (24);
  user->apikey = g_uuid_string_random ();
  user->identity = g_steal_pointer (&key);
  user->region = g_strdup (region);
  user->nickname = g_strndup (user->identity, strcspn (user->identity, "@"));
  user->created_ms = cksim_clock_get_time_ms (self->clock);
  cksim_user_set_password (user, password);
  index_user (self, user);
  cksim_state_changed (self);
  return user;
}

CkSimUser *
cksim_state_find_user (CkSimState *self,
                       const char *identity)
{
  g_autofree char *key = NULL;

  if (identity == NULL)
    return NULL;
  key = cksim_normalize_identity (identity);
  return g_hash_table_lookup (self->users_by_id, key);
}

CkSimUser *
cksim_state_find_user_by_apikey (CkSimState *self,
                                 const char *apikey)
{
  if (apikey == NULL)
    return NULL;
  return g_hash_table_lookup (self->users_by_key, apikey);
}

gboolean
cksim_user_check_password (const CkSimUser *user,
                           const char      *password)
{
  g_autofree char *hash = NULL;

  if (password == NULL)
    return FALSE;
  hash = hmac_hex (user->password_salt, password);
  return cksim_secret_equal (hash, user->password_hash);
}

gboolean
cksim_user_is_phone (const CkSimUser *user)
{
  return user->identity[0] == '+';
}

/* Sessions */

static char *
login_key (const char *apikey,
           const char *appid)
{
  return g_strconcat (apikey, " ", appid, NULL);
}

static void
index_session (CkSimState   *self,
               CkSimSession *session)
{
  g_hash_table_insert (self->sessions, session->at_hash, session);
  g_hash_table_insert (self->by_rt, session->rt_hash, session);
  g_hash_table_replace (self->by_login,
                        login_key (session->user_apikey, session->appid), session);
}

CkSimSession *
cksim_state_open_session (CkSimState  *self,
                          CkSimUser   *user,
                          const char  *appid,
                          gint64       at_ttl,
                          gint64       rt_ttl,
                          char       **at,
                          char       **rt)
{
  g_autofree char *key = login_key (user->apikey, appid);
  CkSimSession *old = g_hash_table_lookup (self->by_login, key);
  CkSimSession *session;
  gint64 now = cksim_clock_get_time (self->clock);
  g_autofree char *plain_at = random_hex (40);
  g_autofree char *plain_rt = random_hex (40);

  if (old != NULL)
    {
      /* The single-login rule: the older pair of this (user, appid) dies. */
      g_hash_table_remove (self->by_login, key);
      g_hash_table_remove (self->by_rt, old->rt_hash);
      g_hash_table_remove (self->sessions, old->at_hash);
    }

  session = g_new0 (CkSimSession, 1);
  session->user_apikey = g_strdup (user->apikey);
  session->appid = g_strdup (appid);
  session->at_hash = cksim_hash_token (plain_at);
  session->rt_hash = cksim_hash_token (plain_rt);
  session->at_hint = g_strndup (plain_at, 4);
  session->at_expires = now + at_ttl;
  session->rt_expires = now + rt_ttl;
  index_session (self, session);

  *at = g_steal_pointer (&plain_at);
  *rt = g_steal_pointer (&plain_rt);
  return session;
}

static CkSimTokenStatus
token_status (CkSimState    *self,
              GHashTable    *table,
              const char    *token,
              gboolean       is_rt,
              CkSimSession **out)
{
  g_autofree char *hash = NULL;
  CkSimSession *session;
  gint64 now = cksim_clock_get_time (self->clock);

  if (out != NULL)
    *out = NULL;
  if (token == NULL || *token == '\0')
    return CKSIM_TOKEN_UNKNOWN;

  hash = cksim_hash_token (token);
  session = g_hash_table_lookup (table, hash);
  if (session == NULL)
    return CKSIM_TOKEN_UNKNOWN;
  if (out != NULL)
    *out = session;
  if (now >= (is_rt ? session->rt_expires : session->at_expires))
    return CKSIM_TOKEN_EXPIRED;
  return CKSIM_TOKEN_LIVE;
}

CkSimTokenStatus
cksim_state_lookup_at (CkSimState    *self,
                       const char    *at,
                       CkSimSession **session)
{
  return token_status (self, self->sessions, at, FALSE, session);
}

CkSimTokenStatus
cksim_state_lookup_rt (CkSimState    *self,
                       const char    *rt,
                       CkSimSession **session)
{
  return token_status (self, self->by_rt, rt, TRUE, session);
}

guint
cksim_state_get_login_count (CkSimState *self)
{
  return self->login_count;
}

void
cksim_state_count_login (CkSimState *self)
{
  self->login_count++;
}

/* Devices */

void
cksim_state_add_device (CkSimState  *self,
                        CkSimDevice *device)
{
  g_return_if_fail (CKSIM_IS_STATE (self));
  g_return_if_fail (device != NULL);

  if (device->created_ms == 0)
    device->created_ms = cksim_clock_get_time_ms (self->clock);
  if (device->online_ms == 0)
    device->online_ms = device->created_ms;
  g_ptr_array_add (self->devices, device);
  g_hash_table_replace (self->devices_by_id, device->deviceid, device);
  cksim_state_changed (self);
}

CkSimDevice *
cksim_state_find_device (CkSimState *self,
                         const char *deviceid)
{
  if (deviceid == NULL)
    return NULL;
  return g_hash_table_lookup (self->devices_by_id, deviceid);
}

CkSimAccess
cksim_device_access (const CkSimDevice *device,
                     const char        *apikey)
{
  if (apikey == NULL)
    return CKSIM_ACCESS_NONE;
  if (g_str_equal (device->owner_apikey, apikey))
    return CKSIM_ACCESS_OWNER;
  for (guint i = 0; i < device->shares->len; i++)
    {
      CkSimShare *share = g_ptr_array_index (device->shares, i);

      if (g_str_equal (share->user_apikey, apikey))
        return CKSIM_ACCESS_SHAREE;
    }
  return CKSIM_ACCESS_NONE;
}

GPtrArray *
cksim_device_watchers (const CkSimDevice *device)
{
  GPtrArray *apikeys = g_ptr_array_new ();

  g_ptr_array_add (apikeys, device->owner_apikey);
  for (guint i = 0; i < device->shares->len; i++)
    {
      CkSimShare *share = g_ptr_array_index (device->shares, i);

      g_ptr_array_add (apikeys, share->user_apikey);
    }
  return apikeys;
}

GPtrArray *
cksim_state_all_devices (CkSimState *self)
{
  GPtrArray *list = g_ptr_array_new ();

  for (guint i = 0; i < self->devices->len; i++)
    g_ptr_array_add (list, g_ptr_array_index (self->devices, i));
  return list;
}

GPtrArray *
cksim_state_list_devices (CkSimState *self,
                          const char *apikey)
{
  GPtrArray *list = g_ptr_array_new ();

  for (guint i = 0; i < self->devices->len; i++)
    {
      CkSimDevice *device = g_ptr_array_index (self->devices, i);

      if (cksim_device_access (device, apikey) != CKSIM_ACCESS_NONE)
        g_ptr_array_add (list, device);
    }
  return list;
}

gboolean
cksim_state_share_device (CkSimState  *self,
                          CkSimDevice *device,
                          CkSimUser   *receiver,
                          int          permit,
                          const char  *note)
{
  CkSimShare *share;

  if (cksim_device_access (device, receiver->apikey) != CKSIM_ACCESS_NONE)
    return FALSE;

  share = g_new0 (CkSimShare, 1);
  share->user_apikey = g_strdup (receiver->apikey);
  share->permit = permit;
  share->note = g_strdup (note != NULL ? note : "");
  share->share_time = cksim_clock_get_time_ms (self->clock);
  g_ptr_array_add (device->shares, share);
  cksim_state_changed (self);
  return TRUE;
}

/* Factory inventory */

void
cksim_state_add_factory_device (CkSimState  *self,
                                CkSimDevice *device)
{
  g_return_if_fail (CKSIM_IS_STATE (self));
  g_return_if_fail (device != NULL && device->owner_apikey == NULL);

  device->online = FALSE;
  g_ptr_array_add (self->factory, device);
  cksim_state_changed (self);
}

CkSimDevice *
cksim_state_find_factory_device (CkSimState *self,
                                 const char *deviceid)
{
  for (guint i = 0; deviceid != NULL && i < self->factory->len; i++)
    {
      CkSimDevice *device = g_ptr_array_index (self->factory, i);

      if (g_str_equal (device->deviceid, deviceid))
        return device;
    }
  return NULL;
}

char *
cksim_device_gsm_id (const CkSimDevice *device)
{
  g_autofree char *text = g_strconcat (device->deviceid, device->devicekey, NULL);

  return g_compute_checksum_for_string (G_CHECKSUM_MD5, text, -1);
}

static CkSimDevice *
find_by_gsm_id_in (GPtrArray  *devices,
                   const char *gsm_id)
{
  for (guint i = 0; i < devices->len; i++)
    {
      CkSimDevice *device = g_ptr_array_index (devices, i);
      g_autofree char *id = cksim_device_gsm_id (device);

      if (g_str_equal (id, gsm_id))
        return device;
    }
  return NULL;
}

CkSimDevice *
cksim_state_find_by_gsm_id (CkSimState *self,
                            const char *gsm_id)
{
  CkSimDevice *device;

  if (gsm_id == NULL)
    return NULL;
  device = find_by_gsm_id_in (self->devices, gsm_id);
  return device != NULL ? device : find_by_gsm_id_in (self->factory, gsm_id);
}

CkSimDevice *
cksim_state_install_device (CkSimState  *self,
                            CkSimDevice *factory_device,
                            const char  *owner_apikey,
                            const char  *name)
{
  CkSimDevice *device;
  gint64 now = cksim_clock_get_time_ms (self->clock);
  guint index;

  g_return_val_if_fail (factory_device->owner_apikey == NULL, NULL);
  if (!g_ptr_array_find (self->factory, factory_device, &index))
    return NULL;

  device = g_ptr_array_steal_index (self->factory, index);
  device->owner_apikey = g_strdup (owner_apikey);
  g_free (device->name);
  device->name = g_strdup (name);
  device->online = TRUE;
  device->created_ms = now;
  device->online_ms = now;
  cksim_state_add_device (self, device);
  return device;
}

void
cksim_state_uninstall_device (CkSimState  *self,
                              CkSimDevice *device)
{
  guint index;

  g_return_if_fail (device->owner_apikey != NULL);

  if (!g_ptr_array_find (self->devices, device, &index))
    return;
  g_hash_table_remove (self->devices_by_id, device->deviceid);
  g_ptr_array_steal_index (self->devices, index);
  g_clear_pointer (&device->owner_apikey, g_free);
  g_ptr_array_set_size (device->shares, 0);
  g_ptr_array_set_size (device->groups, 0);
  json_object_unref (device->tags);
  device->tags = json_object_new ();
  device->offline_ms = cksim_clock_get_time_ms (self->clock);
  cksim_state_add_factory_device (self, device);
}

/* Groups */

static int
compare_group_index (gconstpointer a,
                     gconstpointer b)
{
  const CkSimGroup *ga = *(CkSimGroup * const *) a;
  const CkSimGroup *gb = *(CkSimGroup * const *) b;

  return (ga->index > gb->index) - (ga->index < gb->index);
}

GPtrArray *
cksim_state_list_groups (CkSimState *self,
                         const char *owner_apikey)
{
  GPtrArray *list = g_ptr_array_new ();

  for (guint i = 0; i < self->groups->len; i++)
    {
      CkSimGroup *group = g_ptr_array_index (self->groups, i);

      if (g_strcmp0 (group->owner_apikey, owner_apikey) == 0)
        g_ptr_array_add (list, group);
    }
  /* Stable: equal indexes keep their insertion order. */
  g_ptr_array_sort (list, compare_group_index);
  return list;
}

/* Places @group at @index (1-based) among its owner's groups, then numbers
 * them 1..N: spec §3.15 "inserted at that position, the others shift". */
static void
place_group (CkSimState *self,
             CkSimGroup *group,
             int         index)
{
  g_autoptr(GPtrArray) list = cksim_state_list_groups (self, group->owner_apikey);
  guint position;

  g_ptr_array_remove (list, group);
  position = index <= 0 ? list->len : MIN ((guint) index - 1, list->len);
  g_ptr_array_insert (list, position, group);
  for (guint i = 0; i < list->len; i++)
    ((CkSimGroup *) g_ptr_array_index (list, i))->index = i + 1;
}

CkSimGroup *
cksim_state_add_group (CkSimState *self,
                       const char *owner_apikey,
                       const char *name,
                       int         index)
{
  CkSimGroup *group = g_new0 (CkSimGroup, 1);
  g_autofree char *seed = g_strdup_printf ("%s %s %" G_GINT64_FORMAT " %u", owner_apikey, name,
                                           g_get_real_time (), g_random_int ());
  g_autofree char *md5 = g_compute_checksum_for_string (G_CHECKSUM_MD5, seed, -1);

  group->id = g_strndup (md5, 24);
  group->owner_apikey = g_strdup (owner_apikey);
  group->name = g_strdup (name);
  group->created_ms = cksim_clock_get_time_ms (self->clock);
  g_ptr_array_add (self->groups, group);
  place_group (self, group, index);
  cksim_state_changed (self);
  return group;
}

CkSimGroup *
cksim_state_find_group (CkSimState *self,
                        const char *id)
{
  for (guint i = 0; id != NULL && i < self->groups->len; i++)
    {
      CkSimGroup *group = g_ptr_array_index (self->groups, i);

      if (g_str_equal (group->id, id))
        return group;
    }
  return NULL;
}

void
cksim_state_move_group (CkSimState *self,
                        CkSimGroup *group,
                        int         index)
{
  if (index <= 0)
    return;
  place_group (self, group, index);
  cksim_state_changed (self);
}

void
cksim_state_remove_group (CkSimState *self,
                          CkSimGroup *group)
{
  g_autofree char *owner = g_strdup (group->owner_apikey);
  g_autoptr(GPtrArray) rest = NULL;

  for (guint i = 0; i < self->devices->len; i++)
    cksim_device_set_in_group (g_ptr_array_index (self->devices, i), group->id, FALSE);
  g_ptr_array_remove (self->groups, group);
  rest = cksim_state_list_groups (self, owner);
  for (guint i = 0; i < rest->len; i++)
    ((CkSimGroup *) g_ptr_array_index (rest, i))->index = i + 1;
  cksim_state_changed (self);
}

gboolean
cksim_device_in_group (const CkSimDevice *device,
                       const char        *group_id)
{
  for (guint i = 0; i < device->groups->len; i++)
    if (g_str_equal (g_ptr_array_index (device->groups, i), group_id))
      return TRUE;
  return FALSE;
}

void
cksim_device_set_in_group (CkSimDevice *device,
                           const char  *group_id,
                           gboolean     member)
{
  for (guint i = 0; i < device->groups->len; i++)
    if (g_str_equal (g_ptr_array_index (device->groups, i), group_id))
      {
        if (!member)
          g_ptr_array_remove_index (device->groups, i);
        return;
      }
  if (member)
    g_ptr_array_add (device->groups, g_strdup (group_id));
}

/* Dump and load */

static void
set_identity_member (JsonBuilder *b,
                     const char  *identity)
{
  json_builder_set_member_name (b, identity[0] == '+' ? "phoneNumber" : "email");
  json_builder_add_string_value (b, identity);
}

static void
dump_users (CkSimState  *self,
            JsonBuilder *b,
            gboolean     persist)
{
  json_builder_set_member_name (b, "users");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->users->len; i++)
    {
      CkSimUser *user = g_ptr_array_index (self->users, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "_id");
      json_builder_add_string_value (b, user->id);
      json_builder_set_member_name (b, "apikey");
      json_builder_add_string_value (b, user->apikey);
      set_identity_member (b, user->identity);
      json_builder_set_member_name (b, "region");
      json_builder_add_string_value (b, user->region);
      json_builder_set_member_name (b, "nickname");
      json_builder_add_string_value (b, user->nickname);
      json_builder_set_member_name (b, "createdMs");
      json_builder_add_int_value (b, user->created_ms);
      if (user->not_activated)
        {
          json_builder_set_member_name (b, "notActivated");
          json_builder_add_boolean_value (b, TRUE);
        }
      if (persist)
        {
          json_builder_set_member_name (b, "passwordSalt");
          json_builder_add_string_value (b, user->password_salt);
          json_builder_set_member_name (b, "passwordHmac");
          json_builder_add_string_value (b, user->password_hash);
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
dump_sessions (CkSimState  *self,
               JsonBuilder *b,
               gboolean     persist)
{
  GHashTableIter iter;
  CkSimSession *session;

  json_builder_set_member_name (b, "sessions");
  json_builder_begin_array (b);
  g_hash_table_iter_init (&iter, self->sessions);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &session))
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "apikey");
      json_builder_add_string_value (b, session->user_apikey);
      json_builder_set_member_name (b, "appid");
      json_builder_add_string_value (b, session->appid);
      if (persist)
        {
          json_builder_set_member_name (b, "atHash");
          json_builder_add_string_value (b, session->at_hash);
          json_builder_set_member_name (b, "rtHash");
          json_builder_add_string_value (b, session->rt_hash);
          json_builder_set_member_name (b, "atHint");
          json_builder_add_string_value (b, session->at_hint);
        }
      else
        {
          g_autofree char *masked = g_strconcat (session->at_hint, "…", NULL);

          json_builder_set_member_name (b, "at");
          json_builder_add_string_value (b, masked);
        }
      json_builder_set_member_name (b, "atExpires");
      json_builder_add_int_value (b, session->at_expires);
      json_builder_set_member_name (b, "rtExpires");
      json_builder_add_int_value (b, session->rt_expires);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_string_member (JsonBuilder *b,
                   const char  *name,
                   const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value);
}

static void
dump_device (CkSimDevice *device,
             JsonBuilder *b,
             gboolean     persist)
{
  json_builder_begin_object (b);
  add_string_member (b, "deviceid", device->deviceid);
  add_string_member (b, "name", device->name);
  add_string_member (b, "owner", device->owner_apikey);
  json_builder_set_member_name (b, "uiid");
  json_builder_add_int_value (b, device->uiid);
  add_string_member (b, "model", device->model);
  add_string_member (b, "productModel", device->product_model);
  add_string_member (b, "ui", device->ui);
  if (persist)
    add_string_member (b, "devicekey", device->devicekey);
  json_builder_set_member_name (b, "online");
  json_builder_add_boolean_value (b, device->online);
  json_builder_set_member_name (b, "createdMs");
  json_builder_add_int_value (b, device->created_ms);
  json_builder_set_member_name (b, "onlineMs");
  json_builder_add_int_value (b, device->online_ms);
  json_builder_set_member_name (b, "offlineMs");
  json_builder_add_int_value (b, device->offline_ms);
  json_builder_set_member_name (b, "params");
  json_builder_add_value (b, cksim_json_object_node (device->params));
  json_builder_set_member_name (b, "tags");
  json_builder_add_value (b, cksim_json_object_node (device->tags));
  json_builder_set_member_name (b, "shares");
  json_builder_begin_array (b);
  for (guint j = 0; j < device->shares->len; j++)
    {
      CkSimShare *share = g_ptr_array_index (device->shares, j);

      json_builder_begin_object (b);
      add_string_member (b, "apikey", share->user_apikey);
      json_builder_set_member_name (b, "permit");
      json_builder_add_int_value (b, share->permit);
      add_string_member (b, "note", share->note);
      json_builder_set_member_name (b, "shareTime");
      json_builder_add_int_value (b, share->share_time);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "groups");
  json_builder_begin_array (b);
  for (guint j = 0; j < device->groups->len; j++)
    json_builder_add_string_value (b, g_ptr_array_index (device->groups, j));
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static void
dump_device_array (GPtrArray   *devices,
                   const char  *name,
                   JsonBuilder *b,
                   gboolean     persist)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; i < devices->len; i++)
    dump_device (g_ptr_array_index (devices, i), b, persist);
  json_builder_end_array (b);
}

static void
dump_groups (CkSimState  *self,
             JsonBuilder *b)
{
  json_builder_set_member_name (b, "groups");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->groups->len; i++)
    {
      CkSimGroup *group = g_ptr_array_index (self->groups, i);

      json_builder_begin_object (b);
      add_string_member (b, "id", group->id);
      add_string_member (b, "owner", group->owner_apikey);
      add_string_member (b, "name", group->name);
      json_builder_set_member_name (b, "index");
      json_builder_add_int_value (b, group->index);
      json_builder_set_member_name (b, "createdMs");
      json_builder_add_int_value (b, group->created_ms);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

/* The apps whose enabled=false (spec §8.2.1), by id only. */
static void
dump_disabled_apps (CkSimState  *self,
                    JsonBuilder *b)
{
  GList *ids = g_list_sort (g_hash_table_get_keys (self->disabled_apps), (GCompareFunc) g_strcmp0);

  json_builder_set_member_name (b, "disabledApps");
  json_builder_begin_array (b);
  for (GList *l = ids; l != NULL; l = l->next)
    json_builder_add_string_value (b, l->data);
  g_list_free (ids);
  json_builder_end_array (b);
}

JsonNode *
cksim_state_dump (CkSimState *self,
                  gboolean    persist)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  g_return_val_if_fail (CKSIM_IS_STATE (self), NULL);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "clockOffset");
  json_builder_add_int_value (b, cksim_clock_get_offset (self->clock));
  json_builder_set_member_name (b, "clockOffsetMs");
  json_builder_add_int_value (b, cksim_clock_get_offset_ms (self->clock));
  if (!persist)
    {
      json_builder_set_member_name (b, "now");
      json_builder_add_int_value (b, cksim_clock_get_time (self->clock));
    }
  json_builder_set_member_name (b, "loginCount");
  json_builder_add_int_value (b, self->login_count);
  dump_disabled_apps (self, b);
  dump_users (self, b, persist);
  dump_sessions (self, b, persist);
  dump_device_array (self->devices, "devices", b, persist);
  dump_device_array (self->factory, "factory", b, persist);
  dump_groups (self, b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static const char *
get_str (JsonObject *o,
         const char *name)
{
  return json_object_get_string_member_with_default (o, name, NULL);
}

static JsonObject *
get_obj_copy (JsonObject *o,
              const char *name)
{
  JsonNode *node = json_object_get_member (o, name);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return json_object_new ();
  return cksim_json_object_copy (json_node_get_object (node));
}

static gboolean
load_user (CkSimState *self,
           JsonObject *o)
{
  const char *identity = get_str (o, "email") ? get_str (o, "email") : get_str (o, "phoneNumber");
  CkSimUser *user;

  if (identity == NULL || get_str (o, "apikey") == NULL || get_str (o, "passwordHmac") == NULL
      || get_str (o, "passwordSalt") == NULL || cksim_state_find_user (self, identity) != NULL)
    return FALSE;

  user = g_new0 (CkSimUser, 1);
  user->id = g_strdup (get_str (o, "_id") ? get_str (o, "_id") : "000000000000000000000000");
  user->apikey = g_strdup (get_str (o, "apikey"));
  user->identity = cksim_normalize_identity (identity);
  user->region = g_strdup (get_str (o, "region") ? get_str (o, "region") : "eu");
  user->nickname = g_strdup (get_str (o, "nickname") ? get_str (o, "nickname") : "");
  user->password_salt = g_strdup (get_str (o, "passwordSalt"));
  user->password_hash = g_strdup (get_str (o, "passwordHmac"));
  user->created_ms = json_object_get_int_member_with_default (o, "createdMs", 0);
  user->not_activated = json_object_get_boolean_member_with_default (o, "notActivated", FALSE);
  index_user (self, user);
  return TRUE;
}

static gboolean
load_session (CkSimState *self,
              JsonObject *o)
{
  CkSimSession *session;

  if (get_str (o, "apikey") == NULL || get_str (o, "appid") == NULL
      || get_str (o, "atHash") == NULL || get_str (o, "rtHash") == NULL)
    return FALSE;

  session = g_new0 (CkSimSession, 1);
  session->user_apikey = g_strdup (get_str (o, "apikey"));
  session->appid = g_strdup (get_str (o, "appid"));
  session->at_hash = g_strdup (get_str (o, "atHash"));
  session->rt_hash = g_strdup (get_str (o, "rtHash"));
  session->at_hint = g_strdup (get_str (o, "atHint") ? get_str (o, "atHint") : "");
  session->at_expires = json_object_get_int_member_with_default (o, "atExpires", 0);
  session->rt_expires = json_object_get_int_member_with_default (o, "rtExpires", 0);
  index_session (self, session);
  return TRUE;
}

gboolean
cksim_state_device_id_taken (CkSimState *self,
                             const char *deviceid)
{
  return cksim_state_find_device (self, deviceid) != NULL
         || cksim_state_find_factory_device (self, deviceid) != NULL;
}

char *
cksim_state_new_device_id (CkSimState *self)
{
  g_return_val_if_fail (CKSIM_IS_STATE (self), NULL);

  /* 10 hex digits like real ids; "1001…" stays clear of the demo's "1000…". */
  for (guint tries = 0; tries <= 0xffffff; tries++)
    {
      g_autofree char *id = g_strdup_printf ("1001%06x", ++self->device_serial & 0xffffff);

      if (!cksim_state_device_id_taken (self, id))
        return g_steal_pointer (&id);
    }
  return NULL;
}

CkSimDevice *
cksim_device_new_from_json (JsonObject *o)
{
  g_autoptr(JsonObject) params = NULL;
  CkSimDevice *device;
  JsonArray *shares;
  JsonArray *groups;

  if (get_str (o, "deviceid") == NULL)
    return NULL;

  params = get_obj_copy (o, "params");
  device = cksim_device_new (get_str (o, "deviceid"),
                             get_str (o, "name") ? get_str (o, "name") : "",
                             get_str (o, "owner"),
                             json_object_get_int_member_with_default (o, "uiid", 0),
                             params);
  device->model = g_strdup (get_str (o, "model"));
  device->product_model = g_strdup (get_str (o, "productModel"));
  device->ui = g_strdup (get_str (o, "ui"));
  if (get_str (o, "devicekey") != NULL)
    {
      g_free (device->devicekey);
      device->devicekey = g_strdup (get_str (o, "devicekey"));
    }
  device->online = json_object_get_boolean_member_with_default (o, "online", TRUE);
  device->created_ms = json_object_get_int_member_with_default (o, "createdMs", 0);
  device->online_ms = json_object_get_int_member_with_default (o, "onlineMs", 0);
  device->offline_ms = json_object_get_int_member_with_default (o, "offlineMs", 0);
  json_object_unref (device->tags);
  device->tags = get_obj_copy (o, "tags");

  shares = cksim_json_get_array (o, "shares");
  for (guint i = 0; shares != NULL && i < json_array_get_length (shares); i++)
    {
      JsonObject *s = json_array_get_object_element (shares, i);
      CkSimShare *share;

      if (s == NULL || get_str (s, "apikey") == NULL)
        continue;
      share = g_new0 (CkSimShare, 1);
      share->user_apikey = g_strdup (get_str (s, "apikey"));
      share->permit = json_object_get_int_member_with_default (s, "permit", 0);
      share->note = g_strdup (get_str (s, "note") ? get_str (s, "note") : "");
      share->share_time = json_object_get_int_member_with_default (s, "shareTime", 0);
      g_ptr_array_add (device->shares, share);
    }
  groups = cksim_json_get_array (o, "groups");
  for (guint i = 0; groups != NULL && i < json_array_get_length (groups); i++)
    {
      JsonNode *id = json_array_get_element (groups, i);

      if (cksim_json_is_string (id))
        g_ptr_array_add (device->groups, g_strdup (json_node_get_string (id)));
    }
  return device;
}

static CkSimDevice *
parse_device (CkSimState *self,
              JsonObject *o)
{
  if (get_str (o, "deviceid") == NULL || cksim_state_device_id_taken (self, get_str (o, "deviceid")))
    return NULL;
  return cksim_device_new_from_json (o);
}

static gboolean
load_device (CkSimState *self,
             JsonObject *o)
{
  CkSimDevice *device;

  if (get_str (o, "owner") == NULL || (device = parse_device (self, o)) == NULL)
    return FALSE;
  cksim_state_add_device (self, device);
  return TRUE;
}

static gboolean
load_factory_device (CkSimState *self,
                     JsonObject *o)
{
  CkSimDevice *device = parse_device (self, o);

  if (device == NULL)
    return FALSE;
  g_clear_pointer (&device->owner_apikey, g_free);
  cksim_state_add_factory_device (self, device);
  return TRUE;
}

static gboolean
load_group (CkSimState *self,
            JsonObject *o)
{
  CkSimGroup *group;

  if (get_str (o, "id") == NULL || get_str (o, "owner") == NULL
      || cksim_state_find_group (self, get_str (o, "id")) != NULL)
    return FALSE;
  group = g_new0 (CkSimGroup, 1);
  group->id = g_strdup (get_str (o, "id"));
  group->owner_apikey = g_strdup (get_str (o, "owner"));
  group->name = g_strdup (get_str (o, "name") ? get_str (o, "name") : "");
  group->index = json_object_get_int_member_with_default (o, "index", 0);
  group->created_ms = json_object_get_int_member_with_default (o, "createdMs", 0);
  g_ptr_array_add (self->groups, group);
  return TRUE;
}

typedef gboolean (*LoadItemFunc) (CkSimState *self, JsonObject *o);

static void
load_array (CkSimState   *self,
            JsonObject   *root,
            const char   *name,
            LoadItemFunc  func)
{
  JsonArray *array = cksim_json_get_array (root, name);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_OBJECT (node) || !func (self, json_node_get_object (node)))
        g_warning ("State file: skipped an invalid or duplicate entry of \"%s\"", name);
    }
}

/* The ids are kept even for apps not (yet) known: --app pairs may be added
 * after the state file is opened. */
static void
load_disabled_apps (CkSimState *self,
                    JsonObject *root)
{
  JsonArray *ids = cksim_json_get_array (root, "disabledApps");

  for (guint i = 0; ids != NULL && i < json_array_get_length (ids); i++)
    {
      JsonNode *id = json_array_get_element (ids, i);

      if (cksim_json_is_string (id))
        g_hash_table_add (self->disabled_apps, g_strdup (json_node_get_string (id)));
      else
        g_warning ("State file: skipped an invalid entry of \"disabledApps\"");
    }
}

gboolean
cksim_state_load (CkSimState  *self,
                  JsonNode    *root,
                  GError     **error)
{
  JsonObject *o;

  g_return_val_if_fail (CKSIM_IS_STATE (self), FALSE);

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "The state file is not a JSON object");
      return FALSE;
    }
  o = json_node_get_object (root);

  self->loading = TRUE;
  if (json_object_has_member (o, "clockOffsetMs"))
    cksim_clock_set_offset_ms (self->clock, json_object_get_int_member_with_default (o, "clockOffsetMs", 0));
  else
    cksim_clock_set_offset (self->clock, json_object_get_int_member_with_default (o, "clockOffset", 0));
  self->login_count = json_object_get_int_member_with_default (o, "loginCount", 0);
  load_disabled_apps (self, o);
  load_array (self, o, "users", load_user);
  load_array (self, o, "sessions", load_session);
  load_array (self, o, "devices", load_device);
  load_array (self, o, "factory", load_factory_device);
  load_array (self, o, "groups", load_group);
  self->loading = FALSE;
  return TRUE;
}
