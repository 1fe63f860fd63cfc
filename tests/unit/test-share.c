/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-share"

#include "ck-error.h"
#include "ck-share.h"

static JsonNode *
node_from (const char *json)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (json, &error);

  g_assert_no_error (error);
  return node;
}

static void
test_permit_bits (void)
{
  CkPermit permit = ck_permit_combine (CK_PERMIT_ADD_TIMER, CK_PERMIT_EDIT_TIMER | CK_PERMIT_ENABLE_TIMER);

  /* spec §4.9: 1|2|8 = 11. */
  g_assert_cmpint (permit, ==, 11);
  g_assert_true (ck_permit_has (permit, CK_PERMIT_ADD_TIMER | CK_PERMIT_ENABLE_TIMER));
  g_assert_false (ck_permit_has (permit, CK_PERMIT_DELETE_TIMER));
  g_assert_false (ck_permit_has (permit, CK_PERMIT_ALL));
  g_assert_true (ck_permit_has (CK_PERMIT_ALL, permit));
  g_assert_true (ck_permit_has (CK_PERMIT_NONE, CK_PERMIT_NONE));
  g_assert_cmpint (CK_PERMIT_ALL, ==, 15);

  /* permit ^ (permit & mask). */
  g_assert_cmpint (ck_permit_remove (permit, CK_PERMIT_EDIT_TIMER | CK_PERMIT_DELETE_TIMER), ==, 9);
  g_assert_cmpint (ck_permit_remove (permit, CK_PERMIT_ALL), ==, CK_PERMIT_NONE);
  g_assert_cmpint (ck_permit_from_int (15), ==, CK_PERMIT_ALL);
  g_assert_cmpint (ck_permit_from_int (0x13), ==, 3);
  g_assert_cmpint (ck_permit_from_int (-1), ==, CK_PERMIT_NONE);
}

static void
test_shared_to (void)
{
  g_autoptr(JsonNode) node = node_from (
    "[{\"apikey\":\"b1\",\"phoneNumber\":\"+8613800000000\",\"nickname\":\"Li\",\"permit\":15,"
    "\"shareTime\":1584231085395,\"note\":\"Kitchen\"},"
    " {\"apikey\":\"b2\",\"email\":\"ann@example.com\",\"permit\":9,\"shareTime\":\"1584231085000\","
    "\"comment\":\"Hall\"},"
    " {\"email\":\"no-apikey@example.com\"}, 3]");
  g_autoptr(GPtrArray) shares = ck_share_list_from_json (json_node_get_array (node));
  CkShare *first, *second;

  g_assert_cmpuint (shares->len, ==, 2);
  first = g_ptr_array_index (shares, 0);
  second = g_ptr_array_index (shares, 1);

  g_assert_cmpstr (ck_share_get_apikey (first), ==, "b1");
  g_assert_cmpstr (ck_share_get_identity (first), ==, "+8613800000000");
  g_assert_cmpstr (ck_share_get_nickname (first), ==, "Li");
  g_assert_cmpint (ck_share_get_permit (first), ==, CK_PERMIT_ALL);
  g_assert_cmpint (ck_share_get_share_time (first), ==, 1584231085395);
  g_assert_cmpstr (ck_share_get_note (first), ==, "Kitchen");

  g_assert_cmpstr (ck_share_get_identity (second), ==, "ann@example.com");
  g_assert_null (ck_share_get_nickname (second));
  g_assert_cmpint (ck_share_get_permit (second), ==, CK_PERMIT_ADD_TIMER | CK_PERMIT_ENABLE_TIMER);
  /* D20-en types shareTime as a string. */
  g_assert_cmpint (ck_share_get_share_time (second), ==, 1584231085000);
  g_assert_cmpstr (ck_share_get_note (second), ==, "Hall");
}

static void
test_shared_by (void)
{
  g_autoptr(JsonNode) node = node_from ("{\"apikey\":\"owner\",\"email\":\"bob@example.com\",\"nickname\":\"Bob\"}");
  g_autoptr(JsonNode) broken = node_from ("{\"apikey\":\"\"}");
  g_autoptr(GError) error = NULL;
  g_autoptr(CkShare) share = ck_share_new_from_json (json_node_get_object (node), &error);
  g_autoptr(CkShare) none = NULL;
  GValue value = G_VALUE_INIT;

  g_assert_no_error (error);
  g_assert_cmpstr (ck_share_get_apikey (share), ==, "owner");
  g_assert_cmpint (ck_share_get_permit (share), ==, CK_PERMIT_NONE);
  g_assert_cmpint (ck_share_get_share_time (share), ==, 0);
  g_assert_null (ck_share_get_note (share));

  /* A boxed type, so it can travel in a GObject property. */
  g_value_init (&value, CK_TYPE_SHARE);
  g_value_set_boxed (&value, share);
  g_assert_true (g_value_get_boxed (&value) == share);
  g_value_unset (&value);

  none = ck_share_new_from_json (json_node_get_object (broken), &error);
  g_assert_null (none);
  g_assert_error (error, CK_ERROR, CK_ERROR_INVALID_RESPONSE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/share/permit-bits", test_permit_bits);
  g_test_add_func ("/share/shared-to", test_shared_to);
  g_test_add_func ("/share/shared-by", test_shared_by);

  return g_test_run ();
}
