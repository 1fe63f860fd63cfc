/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "fuzz-sim-device"

/* The simulated device's checks of an `update` (devices.md §7.1, timers of
 * spec §7, sharee permits of §8.5) and, for what it accepts, the emulator's
 * merge and derived state. Input: one byte choosing the UIID (its demo
 * shadow is the device's state), one byte of flags (bit 0 --compat, bit 1
 * the caller is a sharee, bits 4-7 its permit), then the params as JSON. */

#include "fuzz-common.h"

#include "cksim-demo.h"
#include "cksim-device.h"
#include "cksim-emulator.h"
#include "cksim-timers.h"

#define DEVICE_ID "1000f0f0f0"
#define OWNER "0b6fa9d3-7b8a-4e3c-9a51-0a3b6d2c8e11"
#define GUEST "guest@example.com"

/* Every profile of devices.md §7.1, and UIIDs no profile names. */
static const int uiids[] = {
  1, 6, 14, 77, 78, 2, 3, 4, 5, 32, 190, 182, 126, 15, 181, 34, 17, 25, 36, 44, 57, 52, 16,
  22, 103, 135, 104, 136, 59, 137, 33, 1257, 1258, 102, 154, 3026, 7003, 1770, 7014, 1000,
  2026, 18, 127, 133, 11, 67, 91, 28, 66, 168, 1256, 7004, 0, 9999,
};

static void
ignore_report (CkSimDevice *device,
               JsonObject  *params,
               gpointer     data)
{
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  CkSimConfig config = {
    .ts_window = CKSIM_DEFAULT_TS_WINDOW,
    .hb_interval = CKSIM_DEFAULT_HB_INTERVAL,
    .ack_timeout_ms = CKSIM_DEFAULT_ACK_TIMEOUT_MS,
    .timer_limit = CKSIM_DEFAULT_TIMER_LIMIT,
    .metering_interval_ms = CKSIM_DEFAULT_METERING_INTERVAL_MS,
    .travel_ms = CKSIM_DEFAULT_TRAVEL_MS,
  };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(CkSimClock) clock = NULL;
  g_autoptr(CkSimState) state = NULL;
  g_autoptr(JsonObject) shadow = NULL;
  g_autoptr(JsonObject) accepted = NULL;
  g_autofree char *reason = NULL;
  CkSimEmulator *emulator;
  CkSimDevice *device;
  CkSimDeviceAck ack;
  const char *caller = OWNER;
  int uiid;

  if (size < 2)
    return 0;
  root = fuzz_parse_json (data + 2, size - 2);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return 0;

  uiid = uiids[data[0] % G_N_ELEMENTS (uiids)];
  config.compat = (data[1] & 1) != 0;

  clock = cksim_clock_new ();
  state = cksim_state_new (clock);
  shadow = cksim_demo_device_params (uiid);
  device = cksim_device_new (DEVICE_ID, "Fuzzed device", OWNER, uiid, shadow);
  cksim_state_add_device (state, device);
  if (data[1] & 2)
    {
      CkSimUser *guest = cksim_state_add_user (state, GUEST, "guest-password", "eu", NULL);

      if (guest == NULL || !cksim_state_share_device (state, device, guest, data[1] >> 4, NULL))
        fuzz_fail ("could not share the device");
      caller = guest->apikey;
    }

  (void) cksim_device_profile_name (uiid);
  (void) cksim_device_channel_count (uiid);
  (void) cksim_timers_check_permit (device, caller, json_node_get_object (root));

  ack = cksim_device_check_update (device, json_node_get_object (root), &config, &accepted, &reason);
  if ((ack == CKSIM_DEVICE_ACK_OK) != (accepted != NULL))
    fuzz_fail ("ack %d with%s accepted params", ack, accepted != NULL ? "" : "out");
  if (ack == CKSIM_DEVICE_ACK_REJECTED && reason == NULL)
    fuzz_fail ("a rejection without a reason");
  if (ack != CKSIM_DEVICE_ACK_OK)
    return 0;

  emulator = cksim_emulator_new (state, &config, ignore_report, NULL);
  {
    g_auto(CkSimOutcome) outcome = { NULL, NULL };
    g_autoptr(JsonObject) again = NULL;
    g_autofree char *again_reason = NULL;

    cksim_emulator_apply (emulator, device, accepted, &outcome);
    /* The same command once more, on the state it produced. */
    (void) cksim_device_check_update (device, accepted, &config, &again, &again_reason);
  }
  cksim_emulator_free (emulator);
  return 0;
}
