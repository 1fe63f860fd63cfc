/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "cksim-demo"

#include "cksim-demo.h"
#include "cksim-json.h"
#include "cksim-server.h"

#include <string.h>

/* Seeds from devices.md §6 with the extras of §7.3. Test data. */
static const struct
{
  const char *deviceid;
  const char *name;
  int         uiid;
  const char *model;
  const char *product_model;
  const char *ui;
  gboolean    online;
  const char *params;
} demo_devices[] = {
  { "1000a1b201", "Desk lamp", 104, "B05-B-A60", "B05-B-A60", "RGB Color Temperature Bulb", TRUE,
    "{\"switch\":\"on\",\"ltype\":\"white\",\"white\":{\"br\":80,\"ct\":120},"
    "\"color\":{\"br\":100,\"r\":255,\"g\":140,\"b\":0},\"fwVersion\":\"1.6.1\",\"rssi\":-52,"
    "\"pVer\":\"1.1\",\"init\":1,\"version\":8,\"timers\":[]}" },
  { "1000a1b202", "Kitchen plug", 1, "PSF-BD1-GL", "S26", "Single Channel Switch", TRUE,
    "{\"switch\":\"off\",\"startup\":\"off\",\"pulse\":\"off\",\"pulseWidth\":500,\"sledOnline\":\"on\","
    "\"fwVersion\":\"3.5.0\",\"rssi\":-55,\"staMac\":\"D0:27:00:A1:B2:02\",\"init\":1,\"version\":8,\"timers\":[]}" },
  { "1000a1b203", "Hall light", 6, "PSF-BFB-GL", "T1EU1C", "Single Channel Switch", TRUE,
    "{\"switch\":\"on\",\"startup\":\"stay\",\"pulse\":\"off\",\"pulseWidth\":500,\"sledOnline\":\"on\","
    "\"fwVersion\":\"3.4.1\",\"rssi\":-61,\"init\":1,\"version\":8,\"timers\":[]}" },
  { "1000a1b204", "Aquarium", 4, "PSF-B04-GL", "4CHPROR3", "Four Channel Switch", TRUE,
    "{\"switches\":[{\"switch\":\"on\",\"outlet\":0},{\"switch\":\"off\",\"outlet\":1},"
    "{\"switch\":\"on\",\"outlet\":2},{\"switch\":\"off\",\"outlet\":3}],"
    "\"configure\":[{\"startup\":\"off\",\"outlet\":0},{\"startup\":\"off\",\"outlet\":1},"
    "{\"startup\":\"off\",\"outlet\":2},{\"startup\":\"off\",\"outlet\":3}],"
    "\"pulses\":[{\"pulse\":\"off\",\"width\":1000,\"outlet\":0},{\"pulse\":\"off\",\"width\":1000,\"outlet\":1},"
    "{\"pulse\":\"off\",\"width\":1000,\"outlet\":2},{\"pulse\":\"off\",\"width\":1000,\"outlet\":3}],"
    "\"lock\":0,\"sledOnline\":\"on\",\"fwVersion\":\"3.4.0\",\"rssi\":-46,\"init\":1,\"version\":8,\"timers\":[]}" },
  { "1000a1b205", "Living room TH", 15, "PSA-BHA-GL", "TH16", "Temperature and Humidity Switch", TRUE,
    "{\"switch\":\"off\",\"mainSwitch\":\"off\",\"deviceType\":\"normal\",\"currentTemperature\":\"21.4\","
    "\"currentHumidity\":\"42\",\"sensorType\":\"AM2301\",\"startup\":\"stay\",\"pulse\":\"off\","
    "\"pulseWidth\":500,\"sledOnline\":\"on\",\"targets\":[{\"targetHigh\":\"22\",\"reaction\":{\"switch\":\"off\"}},"
    "{\"targetLow\":\"20\",\"reaction\":{\"switch\":\"on\"}}],\"timers\":[],\"init\":1,\"rssi\":-43,"
    "\"fwVersion\":\"3.4.0\",\"version\":8}" },
  { "1000a1b206", "Washing machine", 32, "PSF-B01-GL", "POWR2", "Power Detection Switch", TRUE,
    "{\"switch\":\"on\",\"startup\":\"on\",\"pulse\":\"off\",\"pulseWidth\":500,\"sledOnline\":\"on\","
    "\"power\":\"412.06\",\"voltage\":\"231.40\",\"current\":\"1.78\",\"alarmType\":\"pcv\","
    "\"alarmPValue\":[-1,-1],\"alarmCValue\":[-1,-1],\"alarmVValue\":[-1,-1],\"uiActive\":60,"
    "\"oneKwh\":\"stop\",\"startTime\":\"\",\"endTime\":\"\",\"hundredDaysKwh\":\"get\",\"timeZone\":1,"
    "\"init\":1,\"rssi\":-72,\"fwVersion\":\"3.4.0\",\"version\":8,\"timers\":[]}" },
  { "1000a1b207", "Bedroom fan", 34, "PSF-BFB-GL", "iFan03", "Fan Light", TRUE,
    "{\"switches\":[{\"switch\":\"off\",\"outlet\":0},{\"switch\":\"on\",\"outlet\":1},"
    "{\"switch\":\"on\",\"outlet\":2},{\"switch\":\"off\",\"outlet\":3}],\"sledOnline\":\"on\","
    "\"fwVersion\":\"3.5.0\",\"rssi\":-67,\"init\":1,\"version\":8,\"timers\":[]}" },
  { "1000a1b208", "Dimmer", 44, "PSF-BD1-GL", "D1", "Dimmer Switch", TRUE,
    "{\"switch\":\"on\",\"brightness\":60,\"mode\":0,\"fwVersion\":\"3.5.0\",\"rssi\":-58,"
    "\"init\":1,\"version\":8,\"timers\":[]}" },
  { "1000a1b209", "TV strip", 59, "PSF-BD1-GL", "L1", "Light Strip", TRUE,
    "{\"switch\":\"on\",\"bright\":100,\"colorR\":255,\"colorG\":255,\"colorB\":255,\"mode\":2,"
    "\"speed\":100,\"sensitive\":8,\"light_type\":1,\"sledOnline\":\"on\",\"fwVersion\":\"2.9.1\","
    "\"rssi\":-45,\"version\":8,\"timers\":[]}" },
  { "1000a1b20a", "Porch bulb", 103, "B02-F-A60", "B02-F-A60", "Color Temperature Bulb", TRUE,
    "{\"switch\":\"off\",\"ltype\":\"white\",\"white\":{\"br\":50,\"ct\":125},\"pVer\":\"1.1\","
    "\"fwVersion\":\"1.6.1\",\"rssi\":-70,\"init\":1,\"version\":8,\"timers\":[]}" },
  { "1000a1b20b", "Front door", 102, "OPL-DMA", "DW2-Wi-Fi", "Door Sensor", TRUE,
    "{\"switch\":\"off\",\"battery\":3,\"type\":4,\"actionTime\":\"2020-05-20T08:43:33.151Z\","
    "\"lastUpdateTime\":\"2020-05-20T13:43:24.124Z\",\"rssi\":-64,\"fwVersion\":\"1000.2.917\"}" },
  { "1000a1b20c", "Garden pump", 77, "PSF-BD1-GL", "MICRO", "Single Channel Switch", FALSE,
    "{\"switches\":[{\"switch\":\"off\",\"outlet\":0},{\"switch\":\"off\",\"outlet\":1},"
    "{\"switch\":\"off\",\"outlet\":2},{\"switch\":\"off\",\"outlet\":3}],"
    "\"configure\":[{\"startup\":\"off\",\"outlet\":0},{\"startup\":\"off\",\"outlet\":1},"
    "{\"startup\":\"off\",\"outlet\":2},{\"startup\":\"off\",\"outlet\":3}],"
    "\"pulses\":[{\"pulse\":\"off\",\"width\":1000,\"outlet\":0},{\"pulse\":\"off\",\"width\":1000,\"outlet\":1},"
    "{\"pulse\":\"off\",\"width\":1000,\"outlet\":2},{\"pulse\":\"off\",\"width\":1000,\"outlet\":3}],"
    "\"sledOnline\":\"on\",\"fwVersion\":\"3.5.1\",\"rssi\":-79,\"init\":1,\"version\":8,\"timers\":[]}" },
};

void
cksim_demo_load (CkSimState *state)
{
  CkSimUser *owner, *guest;
  CkSimClock *clock = cksim_state_get_clock (state);

  if (cksim_state_find_user (state, CKSIM_DEMO_EMAIL) != NULL)
    return;

  owner = cksim_state_add_user (state, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD, CKSIM_DEMO_REGION, NULL);
  guest = cksim_state_find_user (state, CKSIM_DEMO_GUEST_EMAIL);
  if (guest == NULL)
    guest = cksim_state_add_user (state, CKSIM_DEMO_GUEST_EMAIL, CKSIM_DEMO_GUEST_PASSWORD,
                                  CKSIM_DEMO_REGION, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (demo_devices); i++)
    {
      g_autoptr(JsonNode) params = cksim_json_parse (demo_devices[i].params, strlen (demo_devices[i].params), NULL);
      CkSimDevice *device;

      g_assert (params != NULL && JSON_NODE_HOLDS_OBJECT (params));
      if (cksim_state_find_device (state, demo_devices[i].deviceid) != NULL)
        continue;
      device = cksim_device_new (demo_devices[i].deviceid, demo_devices[i].name, owner->apikey,
                                 demo_devices[i].uiid, json_node_get_object (params));
      device->model = g_strdup (demo_devices[i].model);
      device->product_model = g_strdup (demo_devices[i].product_model);
      device->ui = g_strdup (demo_devices[i].ui);
      device->online = demo_devices[i].online;
      device->created_ms = cksim_clock_get_time_ms (clock) - (gint64) (90 - i) * 24 * 3600 * 1000;
      device->online_ms = device->created_ms;
      if (!device->online)
        device->offline_ms = cksim_clock_get_time_ms (clock) - 3600 * 1000;
      cksim_state_add_device (state, device);
    }

  /* The guest sees the kitchen plug (issue 4 builds on sharing). */
  if (guest != NULL)
    cksim_state_share_device (state, cksim_state_find_device (state, "1000a1b202"), guest, 15,
                              "Shared by the demo");
}
