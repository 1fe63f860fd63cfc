/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "ck-share"

#include "ck-share.h"

#include "ck-error.h"
#include "ck-json.h"

gboolean
ck_permit_has (CkPermit permit,
               CkPermit mask)
{
  return (permit & mask) == mask;
}

CkPermit
ck_permit_combine (CkPermit permit,
                   CkPermit mask)
{
  return (permit | mask) & CK_PERMIT_ALL;
}

CkPermit
ck_permit_remove (CkPermit permit,
                  CkPermit mask)
{
  return permit & ~mask & CK_PERMIT_ALL;
}

CkPermit
ck_permit_from_int (gint64 value)
{
  return value < 0 ? CK_PERMIT_NONE : (CkPermit) (value & CK_PERMIT_ALL);
}

struct _CkShare
{
  gatomicrefcount ref_count;

  char           *apikey;
  char           *identity;
  char           *nickname;
  char           *note;
  CkPermit        permit;
  gint64          share_time;
};

G_DEFINE_BOXED_TYPE (CkShare, ck_share, ck_share_ref, ck_share_unref)

/* An integer member that some documents type as a string (shareTime). */
static gboolean
get_int_or_numeric_string (JsonObject *object,
                           const char *member,
                           gint64     *value)
{
  const char *text = ck_json_get_string (object, member);

  if (text != NULL)
    return g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, value, NULL);
  return ck_json_get_int (object, member, value);
}

static const char *
first_string (JsonObject        *object,
              const char *const *members)
{
  for (guint i = 0; members[i] != NULL; i++)
    {
      const char *value = ck_json_get_string (object, members[i]);

      if (value != NULL && value[0] != '\0')
        return value;
    }
  return NULL;
}

CkShare *
ck_share_new_from_json (JsonObject  *object,
                        GError     **error)
{
  static const char *const identity_members[] = { "phoneNumber", "email", NULL };
  static const char *const note_members[] = { "note", "comment", NULL };
  const char *apikey;
  CkShare *self;
  gint64 number;

  g_return_val_if_fail (object != NULL, NULL);

  apikey = ck_json_get_string (object, "apikey");
  if (apikey == NULL || apikey[0] == '\0')
    {
      g_set_error_literal (error, CK_ERROR, CK_ERROR_INVALID_RESPONSE, "A share record has no apikey");
      return NULL;
    }

  self = g_new0 (CkShare, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->apikey = g_strdup (apikey);
  self->identity = g_strdup (first_string (object, identity_members));
  self->nickname = g_strdup (ck_json_get_string (object, "nickname"));
  self->note = g_strdup (first_string (object, note_members));
  self->permit = ck_json_get_int (object, "permit", &number) ? ck_permit_from_int (number) : CK_PERMIT_NONE;
  self->share_time = get_int_or_numeric_string (object, "shareTime", &number) ? number : 0;
  return self;
}

GPtrArray *
ck_share_list_from_json (JsonArray *shared_to)
{
  GPtrArray *shares = g_ptr_array_new_with_free_func ((GDestroyNotify) ck_share_unref);

  for (guint i = 0; shared_to != NULL && i < json_array_get_length (shared_to); i++)
    {
      JsonNode *node = json_array_get_element (shared_to, i);
      g_autoptr(GError) error = NULL;
      CkShare *share;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      share = ck_share_new_from_json (json_node_get_object (node), &error);
      if (share == NULL)
        {
          g_debug ("Skipping share %u: %s", i, error->message);
          continue;
        }
      g_ptr_array_add (shares, share);
    }

  return shares;
}

CkShare *
ck_share_ref (CkShare *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
ck_share_unref (CkShare *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->apikey);
  g_free (self->identity);
  g_free (self->nickname);
  g_free (self->note);
  g_free (self);
}

const char *
ck_share_get_apikey (CkShare *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->apikey;
}

const char *
ck_share_get_identity (CkShare *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->identity;
}

const char *
ck_share_get_nickname (CkShare *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->nickname;
}

CkPermit
ck_share_get_permit (CkShare *self)
{
  g_return_val_if_fail (self != NULL, CK_PERMIT_NONE);
  return self->permit;
}

const char *
ck_share_get_note (CkShare *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->note;
}

gint64
ck_share_get_share_time (CkShare *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->share_time;
}

gboolean
ck_share_matches (CkShare    *self,
                  const char *uid)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (uid == NULL || uid[0] == '\0')
    return FALSE;
  return g_str_equal (self->apikey, uid)
         || (self->identity != NULL && g_ascii_strcasecmp (self->identity, uid) == 0);
}
