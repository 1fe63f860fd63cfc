/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "cksim-share"

#include "cksim-share.h"
#include "cksim-json.h"

/* Spec §4.9: a receiver that timed out cannot be asked again for 3 minutes
 * (judged on the simulator's clock, which tests move forward). */
#define COOL_DOWN_MS    (180 * 1000)
#define MAX_NOTE_CHARS  30
#define ALL_PERMITS     15

/* `result` values of spec §4.9 */
enum {
  RESULT_NO_SUCH_USER   = 1,
  RESULT_OK             = 2,
  RESULT_REFUSED        = 3,
  RESULT_ALREADY_SHARED = 4,
};

struct _CkSimShares
{
  CkSimState        *state;
  const CkSimConfig *config;
  GHashTable        *policies;   /* receiver apikey -> CkSimSharePolicy */
  GHashTable        *cool_down;  /* receiver apikey -> gint64* until (ms, sim clock) */
};

CkSimShares *
cksim_shares_new (CkSimState        *state,
                  const CkSimConfig *config)
{
  CkSimShares *shares = g_new0 (CkSimShares, 1);

  shares->state = state;
  shares->config = config;
  shares->policies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  shares->cool_down = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return shares;
}

void
cksim_shares_free (CkSimShares *shares)
{
  if (shares == NULL)
    return;
  g_hash_table_unref (shares->policies);
  g_hash_table_unref (shares->cool_down);
  g_free (shares);
}

gboolean
cksim_share_policy_parse (const char       *text,
                          CkSimSharePolicy *policy)
{
  if (g_strcmp0 (text, "accept") == 0)
    *policy = CKSIM_SHARE_POLICY_ACCEPT;
  else if (g_strcmp0 (text, "refuse") == 0)
    *policy = CKSIM_SHARE_POLICY_REFUSE;
  else if (g_strcmp0 (text, "timeout") == 0)
    *policy = CKSIM_SHARE_POLICY_TIMEOUT;
  else
    return FALSE;
  return TRUE;
}

void
cksim_shares_set_policy (CkSimShares      *shares,
                         const char       *apikey,
                         CkSimSharePolicy  policy)
{
  g_hash_table_replace (shares->policies, g_strdup (apikey), GINT_TO_POINTER (policy));
}

static CkSimSharePolicy
policy_of (CkSimShares *shares,
           const char  *apikey)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (shares->policies, apikey));
}

static gint64
now_ms (CkSimShares *shares)
{
  return cksim_clock_get_time_ms (cksim_state_get_clock (shares->state));
}

static gboolean
cooling_down (CkSimShares *shares,
              const char  *apikey)
{
  gint64 *until = g_hash_table_lookup (shares->cool_down, apikey);

  return until != NULL && now_ms (shares) < *until;
}

static void
start_cool_down (CkSimShares *shares,
                 const char  *apikey)
{
  gint64 *until = g_new (gint64, 1);

  *until = now_ms (shares) + shares->config->share_timeout_ms + COOL_DOWN_MS;
  g_hash_table_replace (shares->cool_down, g_strdup (apikey), until);
}

static CkSimShare *
find_share (CkSimDevice *device,
            const char  *apikey,
            guint       *index)
{
  for (guint i = 0; i < device->shares->len; i++)
    {
      CkSimShare *share = g_ptr_array_index (device->shares, i);

      if (g_str_equal (share->user_apikey, apikey))
        {
          if (index != NULL)
            *index = i;
          return share;
        }
    }
  return NULL;
}

/* permit (optional, 0..15) and note (≤ 30 characters): FALSE when malformed. */
static gboolean
valid_permit_and_note (JsonObject *params,
                       gboolean    note_required)
{
  JsonNode *permit = json_object_get_member (params, "permit");
  const char *note = cksim_json_get_string (params, "note");

  if (permit != NULL && (!cksim_json_is_integer (permit)
                         || json_node_get_int (permit) < 0 || json_node_get_int (permit) > ALL_PERMITS))
    return FALSE;
  if (note == NULL)
    return !note_required && !json_object_has_member (params, "note");
  return g_utf8_strlen (note, -1) <= MAX_NOTE_CHARS;
}

static CkSimShareAnswer
answer (int error,
        int result)
{
  return (CkSimShareAnswer) { error, result, 0 };
}

static CkSimShareAnswer
handle_share (CkSimShares          *shares,
              CkSimDevice          *device,
              CkSimUser            *receiver,
              JsonObject           *params,
              CkSimShareOnlineFunc  is_online,
              gpointer              user_data)
{
  CkSimUser *owner = cksim_state_find_user_by_apikey (shares->state, device->owner_apikey);
  JsonNode *permit = json_object_get_member (params, "permit");
  CkSimSharePolicy policy;

  if (cksim_json_get_string (params, "deviceName") == NULL || !valid_permit_and_note (params, TRUE))
    return answer (400, 0);
  if (receiver != NULL && receiver == owner)
    return answer (400, 0);
  /* The receiver must exist in the owner's region. */
  if (receiver == NULL || owner == NULL || g_strcmp0 (receiver->region, owner->region) != 0)
    return answer (0, RESULT_NO_SUCH_USER);
  if (find_share (device, receiver->apikey, NULL) != NULL)
    return answer (0, RESULT_ALREADY_SHARED);
  if (cooling_down (shares, receiver->apikey))
    return answer (504, 0);

  policy = policy_of (shares, receiver->apikey);
  if (!is_online (receiver->apikey, user_data) || policy == CKSIM_SHARE_POLICY_TIMEOUT)
    {
      start_cool_down (shares, receiver->apikey);
      return (CkSimShareAnswer) { 504, 0, MAX (shares->config->share_timeout_ms, 1) };
    }
  if (policy == CKSIM_SHARE_POLICY_REFUSE)
    return answer (0, RESULT_REFUSED);

  cksim_state_share_device (shares->state, device, receiver,
                            permit != NULL ? (int) json_node_get_int (permit) : 0,
                            cksim_json_get_string (params, "note"));
  return answer (0, RESULT_OK);
}

static CkSimShareAnswer
handle_update_share (CkSimShares *shares,
                     CkSimDevice *device,
                     CkSimUser   *receiver,
                     JsonObject  *params)
{
  CkSimShare *share;
  JsonNode *permit = json_object_get_member (params, "permit");
  const char *note = cksim_json_get_string (params, "note");

  if (!valid_permit_and_note (params, FALSE))
    return answer (400, 0);
  share = receiver != NULL ? find_share (device, receiver->apikey, NULL) : NULL;
  if (share == NULL)
    return answer (0, RESULT_NO_SUCH_USER);

  if (permit != NULL)
    share->permit = (int) json_node_get_int (permit);
  if (note != NULL)
    {
      g_free (share->note);
      share->note = g_strdup (note);
    }
  cksim_state_changed (shares->state);
  return answer (0, RESULT_OK);
}

/* Idempotent: the same answer when the share was already gone (spec §4.9). */
static CkSimShareAnswer
handle_cancel_share (CkSimShares *shares,
                     CkSimDevice *device,
                     CkSimUser   *receiver)
{
  guint index;

  if (receiver != NULL && find_share (device, receiver->apikey, &index) != NULL)
    {
      g_ptr_array_remove_index (device->shares, index);
      cksim_state_changed (shares->state);
    }
  return answer (0, RESULT_OK);
}

CkSimShareAnswer
cksim_shares_handle (CkSimShares          *shares,
                     const char           *action,
                     CkSimDevice          *device,
                     const char           *caller_apikey,
                     JsonObject           *params,
                     CkSimShareOnlineFunc  is_online,
                     gpointer              user_data)
{
  const char *uid = cksim_json_get_string (params, "uid");
  CkSimUser *receiver;

  /* Only the owner manages shares; a sharee cannot re-share (§8.5). */
  if (cksim_device_access (device, caller_apikey) != CKSIM_ACCESS_OWNER)
    return answer (403, 0);
  if (uid == NULL || uid[0] == '\0')
    return answer (400, 0);

  receiver = cksim_state_find_user (shares->state, uid);
  if (g_str_equal (action, "share"))
    return handle_share (shares, device, receiver, params, is_online, user_data);
  if (g_str_equal (action, "updateShare"))
    return handle_update_share (shares, device, receiver, params);
  return handle_cancel_share (shares, device, receiver);
}
