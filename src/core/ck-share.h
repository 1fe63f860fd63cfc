/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * CkPermit:
 *
 * What a sharee may do with the device's timers (spec §4.9). Everything
 * else a sharee may control regardless.
 */
typedef enum /*< flags >*/
{
  CK_PERMIT_NONE         = 0,
  CK_PERMIT_ADD_TIMER    = 1 << 0,
  CK_PERMIT_EDIT_TIMER   = 1 << 1,
  CK_PERMIT_DELETE_TIMER = 1 << 2,
  CK_PERMIT_ENABLE_TIMER = 1 << 3,
  CK_PERMIT_ALL          = 0xf,
} CkPermit;

/* (permit & mask) == mask */
gboolean    ck_permit_has              (CkPermit    permit,
                                        CkPermit    mask);
CkPermit    ck_permit_combine          (CkPermit    permit,
                                        CkPermit    mask);
/* permit & ~mask */
CkPermit    ck_permit_remove           (CkPermit    permit,
                                        CkPermit    mask);
/* A permit from the cloud's number; unknown bits are dropped. */
CkPermit    ck_permit_from_int         (gint64      value);

/**
 * CkShare:
 *
 * One party of a share: an item of the owner's `sharedTo` array, or the
 * receiver's `sharedBy` object (spec §3.8). Immutable, reference-counted.
 */
typedef struct _CkShare CkShare;

#define CK_TYPE_SHARE (ck_share_get_type ())
GType       ck_share_get_type          (void) G_GNUC_CONST;

/* NULL with CK_ERROR_INVALID_RESPONSE when @object has no `apikey`. */
CkShare    *ck_share_new_from_json     (JsonObject  *object,
                                        GError     **error) G_GNUC_WARN_UNUSED_RESULT;
/* (element-type CkShare) (transfer full): the valid items of a `sharedTo`
 * array (NULL gives an empty array); malformed items are skipped. */
GPtrArray  *ck_share_list_from_json    (JsonArray   *shared_to) G_GNUC_WARN_UNUSED_RESULT;

CkShare    *ck_share_ref               (CkShare     *self);
void        ck_share_unref             (CkShare     *self);

/* The other party's user apikey. */
const char *ck_share_get_apikey        (CkShare     *self);
/* Phone number (with +cc) or e-mail, whichever the record has; may be NULL. */
const char *ck_share_get_identity      (CkShare     *self);
const char *ck_share_get_nickname      (CkShare     *self);
CkPermit    ck_share_get_permit        (CkShare     *self);
/* `note` (or `comment`); may be NULL. */
const char *ck_share_get_note          (CkShare     *self);
/* Milliseconds since the epoch, 0 when unknown. */
gint64      ck_share_get_share_time    (CkShare     *self);
/* @uid names this party: its apikey, or its identity (e-mail without
 * regard to case, or phone number). */
gboolean    ck_share_matches           (CkShare     *self,
                                        const char  *uid);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CkShare, ck_share_unref)

G_END_DECLS
