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
  const char *tags;  /* NULL: none */
} demo_devices[] = {
  { "1000a1b201", "Desk lamp", 104, "B05-B-A60", "B05-B-A60", "RGB Color Temperature Bulb", TRUE,
    "{\"switch\":\"on\",\"ltype\":\"white\",\"white\":{\"br\":80,\"ct\":120},"
    "\"color\":{\"br\":100,\"r\":255,\"g\":140,\"b\":0},\"fwVersion\":\"1.6.1\",\"rssi\":-52,"
    "\"pVer\":\"1.1\",\"init\":1,\"version\":8,\"timers\":[]}", NULL },
  { "1000a1b202", "Kitchen plug", 1, "PSF-BD1-GL", "S26", "Single Channel Switch", TRUE,
    "{\"switch\":\"off\",\"startup\":\"off\",\"pulse\":\"off\",\"pulseWidth\":500,\"sledOnline\":\"on\","
    "\"fwVersion\":\"3.5.0\",\"rssi\":-55,\"staMac\":\"D0:27:00:A1:B2:02\",\"init\":1,\"version\":8,\"timers\":[]}", NULL },
  { "1000a1b203", "Hall light", 6, "PSF-BFB-GL", "T1EU1C", "Single Channel Switch", TRUE,
    "{\"switch\":\"on\",\"startup\":\"stay\",\"pulse\":\"off\",\"pulseWidth\":500,\"sledOnline\":\"on\","
    "\"fwVersion\":\"3.4.1\",\"rssi\":-61,\"init\":1,\"version\":8,\"timers\":[]}", NULL },
  { "1000a1b204", "Aquarium", 4, "PSF-B04-GL", "4CHPROR3", "Four Channel Switch", TRUE,
    "{\"switches\":[{\"switch\":\"on\",\"outlet\":0},{\"switch\":\"off\",\"outlet\":1},"
    "{\"switch\":\"on\",\"outlet\":2},{\"switch\":\"off\",\"outlet\":3}],"
    "\"configure\":[{\"startup\":\"off\",\"outlet\":0},{\"startup\":\"off\",\"outlet\":1},"
    "{\"startup\":\"off\",\"outlet\":2},{\"startup\":\"off\",\"outlet\":3}],"
    "\"pulses\":[{\"pulse\":\"off\",\"width\":1000,\"outlet\":0},{\"pulse\":\"off\",\"width\":1000,\"outlet\":1},"
    "{\"pulse\":\"off\",\"width\":1000,\"outlet\":2},{\"pulse\":\"off\",\"width\":1000,\"outlet\":3}],"
    "\"lock\":0,\"sledOnline\":\"on\",\"fwVersion\":\"3.4.0\",\"rssi\":-46,\"init\":1,\"version\":8,\"timers\":[]}",
    "{\"ck_channel_name\":{\"0\":\"Light\",\"1\":\"Filter\",\"2\":\"Heater\",\"3\":\"Air pump\"}}" },
  { "1000a1b205", "Living room TH", 15, "PSA-BHA-GL", "TH16", "Temperature and Humidity Switch", TRUE,
    "{\"switch\":\"off\",\"mainSwitch\":\"off\",\"deviceType\":\"normal\",\"currentTemperature\":\"21.4\","
    "\"currentHumidity\":\"42\",\"sensorType\":\"AM2301\",\"startup\":\"stay\",\"pulse\":\"off\","
    "\"pulseWidth\":500,\"sledOnline\":\"on\",\"targets\":[{\"targetHigh\":\"22\",\"reaction\":{\"switch\":\"off\"}},"
    "{\"targetLow\":\"20\",\"reaction\":{\"switch\":\"on\"}}],\"timers\":[],\"init\":1,\"rssi\":-43,"
    "\"fwVersion\":\"3.4.0\",\"version\":8}", NULL },
  { "1000a1b206", "Washing machine", 32, "PSF-B01-GL", "POWR2", "Power Detection Switch", TRUE,
    "{\"switch\":\"on\",\"startup\":\"on\",\"pulse\":\"off\",\"pulseWidth\":500,\"sledOnline\":\"on\","
    "\"power\":\"412.06\",\"voltage\":\"231.40\",\"current\":\"1.78\",\"alarmType\":\"pcv\","
    "\"alarmPValue\":[-1,-1],\"alarmCValue\":[-1,-1],\"alarmVValue\":[-1,-1],\"uiActive\":60,"
    "\"oneKwh\":\"stop\",\"startTime\":\"\",\"endTime\":\"\",\"hundredDaysKwh\":\"get\",\"timeZone\":1,"
    "\"init\":1,\"rssi\":-72,\"fwVersion\":\"3.4.0\",\"version\":8,\"timers\":[]}", NULL },
  { "1000a1b207", "Bedroom fan", 34, "PSF-BFB-GL", "iFan03", "Fan Light", TRUE,
    "{\"switches\":[{\"switch\":\"off\",\"outlet\":0},{\"switch\":\"on\",\"outlet\":1},"
    "{\"switch\":\"on\",\"outlet\":2},{\"switch\":\"off\",\"outlet\":3}],\"sledOnline\":\"on\","
    "\"fwVersion\":\"3.5.0\",\"rssi\":-67,\"init\":1,\"version\":8,\"timers\":[]}", NULL },
  { "1000a1b208", "Dimmer", 44, "PSF-BD1-GL", "D1", "Dimmer Switch", TRUE,
    "{\"switch\":\"on\",\"brightness\":60,\"mode\":0,\"fwVersion\":\"3.5.0\",\"rssi\":-58,"
    "\"init\":1,\"version\":8,\"timers\":[]}", NULL },
  { "1000a1b209", "TV strip", 59, "PSF-BD1-GL", "L1", "Light Strip", TRUE,
    "{\"switch\":\"on\",\"bright\":100,\"colorR\":255,\"colorG\":255,\"colorB\":255,\"mode\":2,"
    "\"speed\":100,\"sensitive\":8,\"light_type\":1,\"sledOnline\":\"on\",\"fwVersion\":\"2.9.1\","
    "\"rssi\":-45,\"version\":8,\"timers\":[]}", NULL },
  { "1000a1b20a", "Porch bulb", 103, "B02-F-A60", "B02-F-A60", "Color Temperature Bulb", TRUE,
    "{\"switch\":\"off\",\"ltype\":\"white\",\"white\":{\"br\":50,\"ct\":125},\"pVer\":\"1.1\","
    "\"fwVersion\":\"1.6.1\",\"rssi\":-70,\"init\":1,\"version\":8,\"timers\":[]}", NULL },
  { "1000a1b20b", "Front door", 102, "OPL-DMA", "DW2-Wi-Fi", "Door Sensor", TRUE,
    "{\"switch\":\"off\",\"battery\":3,\"type\":4,\"actionTime\":\"2020-05-20T08:43:33.151Z\","
    "\"lastUpdateTime\":\"2020-05-20T13:43:24.124Z\",\"rssi\":-64,\"fwVersion\":\"1000.2.917\"}", NULL },
  { "1000a1b20c", "Garden pump", 77, "PSF-BD1-GL", "MICRO", "Single Channel Switch", FALSE,
    "{\"switches\":[{\"switch\":\"off\",\"outlet\":0},{\"switch\":\"off\",\"outlet\":1},"
    "{\"switch\":\"off\",\"outlet\":2},{\"switch\":\"off\",\"outlet\":3}],"
    "\"configure\":[{\"startup\":\"off\",\"outlet\":0},{\"startup\":\"off\",\"outlet\":1},"
    "{\"startup\":\"off\",\"outlet\":2},{\"startup\":\"off\",\"outlet\":3}],"
    "\"pulses\":[{\"pulse\":\"off\",\"width\":1000,\"outlet\":0},{\"pulse\":\"off\",\"width\":1000,\"outlet\":1},"
    "{\"pulse\":\"off\",\"width\":1000,\"outlet\":2},{\"pulse\":\"off\",\"width\":1000,\"outlet\":3}],"
    "\"sledOnline\":\"on\",\"fwVersion\":\"3.5.1\",\"rssi\":-79,\"init\":1,\"version\":8,\"timers\":[]}", NULL },
  /* Issue 5: every family of devices.md §3, and more of §4. */
  { "1000a1b20d", "Bedside lamp", 22, "PSF-BFB-GL", "B1", "RGB Light Bulb", TRUE,
    "{\"state\":\"on\",\"zyx_mode\":1,\"type\":\"middle\",\"channel0\":\"159\",\"channel1\":\"159\","
    "\"channel2\":\"0\",\"channel3\":\"0\",\"channel4\":\"0\",\"sledOnline\":\"on\",\"fwVersion\":\"2.6.1\","
    "\"rssi\":-62,\"init\":1,\"version\":8,\"timers\":[]}", NULL },
  { "1000a1b20e", "Study dimmer", 36, "PSF-BD1-GL", "KING-M4", "Single Channel Dimmer Switch", TRUE,
    "{\"switch\":\"on\",\"bright\":70,\"sledOnline\":\"on\",\"fwVersion\":\"2.7.0\",\"rssi\":-57,"
    "\"init\":1,\"version\":8,\"timers\":[]}", NULL },
  { "1000a1b20f", "Mosquito lamp", 57, "PSF-BD1-GL", "MOSQUITO-LAMP", "Monochromatic Ball Light", TRUE,
    "{\"state\":\"off\",\"channel0\":\"132\",\"fwVersion\":\"1.3.0\",\"rssi\":-66,\"init\":1,\"version\":8,"
    "\"timers\":[]}", NULL },
  { "1000a1b210", "Ceiling light", 52, "PSF-BD1-GL", "CCT-CEILING", "Dual Color Light", TRUE,
    "{\"state\":\"on\",\"channel0\":\"128\",\"channel1\":\"64\",\"fwVersion\":\"1.3.2\",\"rssi\":-59,"
    "\"init\":1,\"version\":8,\"timers\":[]}", NULL },
  { "1000a1b211", "Boiler room", 126, "CK-BL602-W102SW18-01", "DUALR3", "Dual R3", TRUE,
    "{\"switches\":[{\"switch\":\"on\",\"outlet\":0},{\"switch\":\"off\",\"outlet\":1}],"
    "\"configure\":[{\"startup\":\"off\",\"outlet\":0},{\"startup\":\"off\",\"outlet\":1}],"
    "\"pulses\":[{\"pulse\":\"off\",\"width\":1000,\"outlet\":0},{\"pulse\":\"off\",\"width\":1000,\"outlet\":1}],"
    "\"lock\":0,\"workMode\":1,\"currLocation\":0,\"current_00\":152,\"voltage_00\":23120,\"actPow_00\":3514,"
    "\"reactPow_00\":210,\"apparentPow_00\":3520,\"current_01\":0,\"voltage_01\":23120,\"actPow_01\":0,"
    "\"reactPow_01\":0,\"apparentPow_01\":0,\"sledOnline\":\"on\",\"fwVersion\":\"1.4.0\",\"rssi\":-54,"
    "\"init\":1,\"version\":8,\"timers\":[]}",
    "{\"ck_channel_name\":{\"0\":\"Boiler\",\"1\":\"Pump\"}}" },
  { "1000a1b212", "Dryer", 190, "CK-BL602-POWR316-01", "POWR316", "Power Detection Switch", TRUE,
    "{\"switches\":[{\"switch\":\"on\",\"outlet\":0}],\"configure\":[{\"startup\":\"stay\",\"outlet\":0}],"
    "\"pulses\":[{\"pulse\":\"off\",\"width\":1000,\"outlet\":0}],\"power\":18250,\"voltage\":23050,"
    "\"current\":792,\"dayKwh\":215,\"monthKwh\":4810,\"timeZone\":1,\"sledOnline\":\"on\","
    "\"fwVersion\":\"1.1.0\",\"rssi\":-63,\"init\":1,\"version\":8,"
    "\"timers\":[{\"mId\":\"5f2d9a6e-3c41-4b8e-9d7a-1e6f0c2b8a11\",\"enabled\":1,\"type\":\"once\","
    "\"coolkit_timer_type\":\"once\",\"at\":\"2030-01-15T07:00:00.000Z\","
    "\"do\":{\"outlet\":0,\"switch\":\"off\"}}]}", NULL },
  { "1000a1b213", "Heater plug", 182, "CK-BL602-SWP1-01", "S40TPB", "Power Detection Plug", TRUE,
    "{\"switches\":[{\"switch\":\"off\",\"outlet\":0}],\"configure\":[{\"startup\":\"off\",\"outlet\":0}],"
    "\"pulses\":[{\"pulse\":\"off\",\"width\":1000,\"outlet\":0}],\"power\":0,\"voltage\":229.8,\"current\":0,"
    "\"sledOnline\":\"on\",\"fwVersion\":\"1.0.3\",\"rssi\":-70,\"init\":1,\"version\":8,\"timers\":[]}", NULL },
  { "1000a1b214", "Coffee machine", 138, "CK-BL602-SW1-01", "MINIR3", "Single Channel Switch", TRUE,
    "{\"switches\":[{\"switch\":\"off\",\"outlet\":0},{\"switch\":\"off\",\"outlet\":1},"
    "{\"switch\":\"off\",\"outlet\":2},{\"switch\":\"off\",\"outlet\":3}],"
    "\"configure\":[{\"startup\":\"off\",\"outlet\":0}],\"pulses\":[{\"pulse\":\"off\",\"width\":1000,\"outlet\":0}],"
    "\"relaySeparation\":0,\"swMode\":2,\"sledOnline\":\"on\",\"fwVersion\":\"1.2.1\",\"rssi\":-48,"
    "\"init\":1,\"version\":8,"
    "\"timers\":[{\"mId\":\"8a4c1f3e-92b7-4d0a-b6e5-3f1a7c9d2e40\",\"enabled\":1,\"type\":\"repeat\","
    "\"coolkit_timer_type\":\"repeat\",\"at\":\"30 5 * * 1,2,3,4,5\",\"do\":{\"outlet\":0,\"switch\":\"on\"}},"
    "{\"mId\":\"c71e0b2d-5a96-4f3c-8e21-9b4d6a0f7c58\",\"enabled\":0,\"type\":\"repeat\","
    "\"coolkit_timer_type\":\"repeat\",\"at\":\"0 7 * * 1,2,3,4,5\",\"do\":{\"outlet\":0,\"switch\":\"off\"}}]}",
    NULL },
  { "1000a1b215", "Greenhouse TH", 181, "CK-BL602-TH01", "THR316D", "Temperature and Humidity Switch", TRUE,
    "{\"switch\":\"on\",\"mainSwitch\":\"off\",\"deviceType\":\"normal\",\"currentTemperature\":\"12.5\","
    "\"currentHumidity\":\"78\",\"sensorType\":\"THS01\",\"autoControlEnabled\":0,\"startup\":\"off\","
    "\"pulse\":\"off\",\"pulseWidth\":500,\"sledOnline\":\"on\",\"fwVersion\":\"1.3.0\",\"rssi\":-68,"
    "\"init\":1,\"version\":8,\"timers\":[]}", NULL },
  { "1000a1b216", "Nursery bulb", 136, "B05-BL-A60", "B05-BL-A60", "RGB Color Temperature Bulb", TRUE,
    "{\"switch\":\"on\",\"ltype\":\"white\",\"white\":{\"br\":100,\"ct\":100},"
    "\"color\":{\"br\":100,\"r\":255,\"g\":0,\"b\":0},\"fwVersion\":\"1.3.0\",\"rssi\":-60,\"init\":1,"
    "\"version\":8,\"timers\":[]}", NULL },
  { "1000a1b217", "Shelf strip", 137, "CK-BL602-L2-01", "L2", "Light Strip", TRUE,
    "{\"switch\":\"off\",\"bright\":60,\"colorR\":0,\"colorG\":120,\"colorB\":255,\"mode\":1,\"speed\":50,"
    "\"sensitive\":5,\"light_type\":1,\"sledOnline\":\"on\",\"fwVersion\":\"1.1.0\",\"rssi\":-71,\"init\":1,"
    "\"version\":8,\"timers\":[]}", NULL },
  { "1000a1b218", "Stairs switch", 7, "PSF-B04-GL", "T1EU2C", "Double Channel Switch", TRUE,
    "{\"switches\":[{\"switch\":\"on\",\"outlet\":0},{\"switch\":\"off\",\"outlet\":1},"
    "{\"switch\":\"off\",\"outlet\":2},{\"switch\":\"off\",\"outlet\":3}],"
    "\"configure\":[{\"startup\":\"off\",\"outlet\":0},{\"startup\":\"off\",\"outlet\":1},"
    "{\"startup\":\"off\",\"outlet\":2},{\"startup\":\"off\",\"outlet\":3}],"
    "\"pulses\":[{\"pulse\":\"off\",\"width\":1000,\"outlet\":0},{\"pulse\":\"off\",\"width\":1000,\"outlet\":1},"
    "{\"pulse\":\"off\",\"width\":1000,\"outlet\":2},{\"pulse\":\"off\",\"width\":1000,\"outlet\":3}],"
    "\"lock\":0,\"sledOnline\":\"on\",\"fwVersion\":\"3.5.0\",\"rssi\":-53,\"init\":1,\"version\":8,\"timers\":[]}",
    "{\"ck_channel_name\":{\"0\":\"Upstairs\",\"1\":\"Downstairs\"}}" },
  { "1000a1b219", "Bedroom blinds", 11, "PSF-BD1-GL", "KING-Q4", "Curtain", TRUE,
    "{\"switch\":\"off\",\"setclose\":30,\"fwVersion\":\"2.0.3\",\"rssi\":-58,\"init\":1,\"version\":8,"
    "\"timers\":[]}", NULL },
  { "1000a1b21a", "RF bridge", 28, "PSF-BRA-GL", "RFBridge433", "RF Bridge", TRUE,
    "{\"rfList\":[{\"rfChl\":0,\"rfVal\":\"29EA015E04245575C0\"},{\"rfChl\":1,\"rfVal\":\"29E0014A04105575C2\"}],"
    "\"sledOnline\":\"on\",\"fwVersion\":\"3.4.0\",\"rssi\":-50,\"init\":1,\"version\":8}",
    "{\"zyx_info\":[{\"name\":\"Gate remote\",\"remote_type\":\"2\","
    "\"buttonName\":[{\"0\":\"Open\"},{\"1\":\"Close\"}]}]}" },
  { "1000a1b21b", "Air monitor", 18, "PSF-BSC-GL", "SC", "Sensors Center", TRUE,
    "{\"humidity\":47,\"temperature\":25,\"light\":9,\"noise\":4,\"dusty\":2,\"fwVersion\":\"2.7.1\","
    "\"rssi\":-55,\"init\":1,\"version\":8}", NULL },
  { "1000a1b21c", "Garage door", 67, "PSF-BD1-GL", "KING-Q1", "Rolling Door", TRUE,
    "{\"op\":3,\"per\":0,\"statu\":6,\"fwVersion\":\"2.0.3\",\"rssi\":-74,\"init\":1,\"version\":8,"
    "\"timers\":[]}", NULL },
  { "1000a1b21d", "Porch and path", 2, "PSF-B04-GL", "DUALR2", "Double Channel Switch", TRUE,
    "{\"switches\":[{\"switch\":\"off\",\"outlet\":0},{\"switch\":\"on\",\"outlet\":1},"
    "{\"switch\":\"off\",\"outlet\":2},{\"switch\":\"off\",\"outlet\":3}],"
    "\"configure\":[{\"startup\":\"off\",\"outlet\":0},{\"startup\":\"off\",\"outlet\":1},"
    "{\"startup\":\"off\",\"outlet\":2},{\"startup\":\"off\",\"outlet\":3}],"
    "\"pulses\":[{\"pulse\":\"off\",\"width\":1000,\"outlet\":0},{\"pulse\":\"on\",\"width\":60000,\"outlet\":1},"
    "{\"pulse\":\"off\",\"width\":1000,\"outlet\":2},{\"pulse\":\"off\",\"width\":1000,\"outlet\":3}],"
    "\"lock\":0,\"sledOnline\":\"on\",\"fwVersion\":\"3.4.0\",\"rssi\":-77,\"init\":1,\"version\":8,\"timers\":[]}",
    "{\"ck_channel_name\":{\"0\":\"Porch\",\"1\":\"Path\"}}" },
  { "1000a1b21e", "Reading lamp", 16, "PSF-BD1-GL", "CW-LIGHT", "Cold and Warm Light", TRUE,
    "{\"state\":\"off\",\"channel0\":\"40\",\"channel1\":\"0\",\"type\":\"cold\",\"fwVersion\":\"1.2.0\","
    "\"rssi\":-64,\"init\":1,\"version\":8,\"timers\":[]}", NULL },
  { "1000a1b21f", "Diffuser", 25, "PSF-BD1-GL", "YB-01", "Aromatherapy Diffuser", TRUE,
    "{\"switch\":\"off\",\"state\":1,\"lightswitch\":0,\"lightbright\":50,\"lightmode\":2,\"lightRcolor\":255,"
    "\"lightGcolor\":120,\"lightBcolor\":40,\"water\":1,\"fwVersion\":\"2.1.0\",\"rssi\":-69,\"init\":1,"
    "\"version\":8,\"timers\":[]}", NULL },
};

/* The tables' params and tags: JSON objects (a typo here is a bug). */
static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonNode) node = cksim_json_parse (text, strlen (text), NULL);

  g_assert (node != NULL && JSON_NODE_HOLDS_OBJECT (node));
  return json_object_ref (json_node_get_object (node));
}

/* The factory inventory: made, owned by nobody, for add and addGsm. */
static const struct
{
  const char *deviceid;
  const char *apikey;
  int         uiid;
  const char *model;
  const char *product_model;
  const char *ui;
  const char *params;
} factory_devices[] = {
  { CKSIM_FACTORY_DEVICE_ID, CKSIM_FACTORY_DEVICE_APIKEY, 1, "PSF-BD1-GL", "BASICR2",
    "Single Channel Switch",
    "{\"switch\":\"off\",\"startup\":\"off\",\"pulse\":\"off\",\"pulseWidth\":500,\"sledOnline\":\"on\","
    "\"fwVersion\":\"3.5.0\",\"rssi\":-50,\"init\":1,\"version\":8,\"timers\":[]}" },
  { CKSIM_FACTORY_DEVICE4_ID, CKSIM_FACTORY_DEVICE4_APIKEY, 4, "PSF-B04-GL", "4CHPROR3",
    "Four Channel Switch",
    "{\"switches\":[{\"switch\":\"off\",\"outlet\":0},{\"switch\":\"off\",\"outlet\":1},"
    "{\"switch\":\"off\",\"outlet\":2},{\"switch\":\"off\",\"outlet\":3}],"
    "\"configure\":[{\"startup\":\"off\",\"outlet\":0},{\"startup\":\"off\",\"outlet\":1},"
    "{\"startup\":\"off\",\"outlet\":2},{\"startup\":\"off\",\"outlet\":3}],"
    "\"lock\":0,\"sledOnline\":\"on\",\"fwVersion\":\"3.4.0\",\"rssi\":-48,\"init\":1,\"version\":8,\"timers\":[]}" },
  { CKSIM_FACTORY_GSM_ID, CKSIM_FACTORY_GSM_APIKEY, 1, "PSG-B01-GL", "G1", "Single Channel Switch",
    "{\"switch\":\"off\",\"startup\":\"off\",\"pulse\":\"off\",\"pulseWidth\":500,\"sledOnline\":\"on\","
    "\"fwVersion\":\"3.3.0\",\"rssi\":-80,\"init\":1,\"version\":8,\"timers\":[]}" },
};

static void
load_factory (CkSimState *state)
{
  for (guint i = 0; i < G_N_ELEMENTS (factory_devices); i++)
    {
      g_autoptr(JsonObject) params = NULL;
      CkSimDevice *device;

      if (cksim_state_device_id_taken (state, factory_devices[i].deviceid))
        continue;
      params = parse_object (factory_devices[i].params);
      device = cksim_device_new (factory_devices[i].deviceid, factory_devices[i].product_model, NULL,
                                 factory_devices[i].uiid, params);
      g_free (device->devicekey);
      device->devicekey = g_strdup (factory_devices[i].apikey);
      device->model = g_strdup (factory_devices[i].model);
      device->product_model = g_strdup (factory_devices[i].product_model);
      device->ui = g_strdup (factory_devices[i].ui);
      cksim_state_add_factory_device (state, device);
    }
}

JsonObject *
cksim_demo_device_params (int uiid)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_devices); i++)
    if (demo_devices[i].uiid == uiid)
      return parse_object (demo_devices[i].params);
  for (guint i = 0; i < G_N_ELEMENTS (factory_devices); i++)
    if (factory_devices[i].uiid == uiid)
      return parse_object (factory_devices[i].params);
  return NULL;
}

void
cksim_demo_load (CkSimState *state)
{
  CkSimUser *owner, *guest;
  CkSimClock *clock = cksim_state_get_clock (state);

  load_factory (state);
  if (cksim_state_find_user (state, CKSIM_DEMO_EMAIL) != NULL)
    return;

  owner = cksim_state_add_user (state, CKSIM_DEMO_EMAIL, CKSIM_DEMO_PASSWORD, CKSIM_DEMO_REGION, NULL);
  guest = cksim_state_find_user (state, CKSIM_DEMO_GUEST_EMAIL);
  if (guest == NULL)
    guest = cksim_state_add_user (state, CKSIM_DEMO_GUEST_EMAIL, CKSIM_DEMO_GUEST_PASSWORD,
                                  CKSIM_DEMO_REGION, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (demo_devices); i++)
    {
      g_autoptr(JsonObject) params = NULL;
      CkSimDevice *device;

      if (cksim_state_find_device (state, demo_devices[i].deviceid) != NULL)
        continue;
      params = parse_object (demo_devices[i].params);
      device = cksim_device_new (demo_devices[i].deviceid, demo_devices[i].name, owner->apikey,
                                 demo_devices[i].uiid, params);
      device->model = g_strdup (demo_devices[i].model);
      device->product_model = g_strdup (demo_devices[i].product_model);
      device->ui = g_strdup (demo_devices[i].ui);
      device->online = demo_devices[i].online;
      if (demo_devices[i].tags != NULL)
        {
          json_object_unref (device->tags);
          device->tags = parse_object (demo_devices[i].tags);
        }
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
