/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Relay authors */
#define G_LOG_DOMAIN "test-sim-profiles"

/* The device validation matrix of devices.md §7.1 and the §8 edge cases,
 * in both modes, and the timer rules of spec §7 / §8.5, in-process. */

#include <string.h>

#include "cksim-device.h"
#include "cksim-json.h"
#include "cksim-timers.h"
#include "sim-test-util.h"

#define ISO "2030-10-15T07:05:00.279Z"
#define T_ONCE(mid) "{\"mId\":\"" mid "\",\"enabled\":1,\"type\":\"once\",\"coolkit_timer_type\":\"once\"," \
                    "\"at\":\"" ISO "\",\"do\":{\"switch\":\"on\"}}"
#define MID1 "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0"
#define MID2 "11111111-2222-4333-8444-555555555555"
#define MID3 "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"

/* Stored shadows */
#define S_RELAY1 "{\"switch\":\"off\",\"startup\":\"off\",\"pulse\":\"off\",\"pulseWidth\":500,\"sledOnline\":\"on\",\"timers\":[]}"
#define ARR4(k, v) "[{\"" k "\":" v ",\"outlet\":0},{\"" k "\":" v ",\"outlet\":1},{\"" k "\":" v ",\"outlet\":2},{\"" k "\":" v ",\"outlet\":3}]"
#define S_RELAY4 "{\"switches\":" ARR4 ("switch", "\"off\"") ",\"configure\":" ARR4 ("startup", "\"off\"") \
                 ",\"pulses\":" ARR4 ("pulse", "\"off\"") ",\"lock\":0,\"sledOnline\":\"on\",\"timers\":[]}"
#define S_DUALR3 "{\"switches\":[{\"switch\":\"off\",\"outlet\":0},{\"switch\":\"off\",\"outlet\":1}],\"workMode\":1}"
#define S_POW190 "{\"switches\":[{\"switch\":\"off\",\"outlet\":0}],\"configure\":[{\"startup\":\"off\",\"outlet\":0}]}"
#define S_TH "{\"switch\":\"off\",\"mainSwitch\":\"off\",\"deviceType\":\"normal\",\"currentTemperature\":\"21.4\"}"
#define S_D1_ON "{\"switch\":\"on\",\"brightness\":60,\"mode\":0}"
#define S_D1_OFF "{\"switch\":\"off\",\"brightness\":60,\"mode\":0}"
#define S_RF "{\"rfList\":[{\"rfChl\":0,\"rfVal\":\"29EA015E04245575C0\"}]}"
#define S_GANG2 "{\"switches\":[{\"switch\":\"off\",\"outlet\":0},{\"switch\":\"off\",\"outlet\":1}]}"
#define S_EMPTY "{}"

typedef struct
{
  int         uiid;
  const char *stored;
  const char *update;
  int         strict;  /* device answer: 0, 400 or 504 */
  int         compat;
} Row;

static const Row matrix[] = {
  /* relay1 */
  { 1, S_RELAY1, "{\"switch\":\"on\"}", 0, 0 },
  { 1, S_RELAY1, "{\"switch\":\"ON\"}", 400, 400 },
  { 1, S_RELAY1, "{\"switch\":1}", 400, 400 },
  { 1, S_RELAY1, "{\"startup\":\"stay\"}", 0, 0 },
  { 1, S_RELAY1, "{\"startup\":\"last\"}", 400, 400 },
  { 6, S_RELAY1, "{\"pulse\":\"on\",\"pulseWidth\":1000}", 0, 0 },
  { 6, S_RELAY1, "{\"pulseWidth\":1000}", 400, 400 },            /* pulse is off */
  { 6, S_RELAY1, "{\"pulse\":\"on\",\"pulseWidth\":1250}", 400, 400 },  /* not x500 */
  { 6, S_RELAY1, "{\"pulse\":\"on\",\"pulseWidth\":3600500}", 400, 400 },
  { 14, S_RELAY1, "{\"pulse\":\"on\",\"pulseWidth\":\"1000\"}", 400, 400 },
  { 14, S_RELAY1, "{\"swich\":\"on\"}", 400, 0 },                 /* unknown key */
  { 24, S_RELAY1, "{\"sledOnline\":\"off\"}", 0, 0 },
  /* relayN */
  { 4, S_RELAY4, "{\"switches\":[{\"switch\":\"on\",\"outlet\":3}]}", 0, 0 },
  { 4, S_RELAY4, "{\"switches\":[{\"switch\":\"on\",\"outlet\":4}]}", 400, 400 },
  { 4, S_RELAY4, "{\"switches\":[{\"switch\":\"on\",\"outlet\":\"1\"}]}", 400, 400 },
  { 4, S_RELAY4, "{\"switches\":[{\"switch\":\"on\"}]}", 400, 400 },
  { 4, S_RELAY4, "{\"switches\":{\"switch\":\"on\",\"outlet\":0}}", 400, 400 },
  { 4, S_RELAY4, "{\"lock\":1}", 0, 0 },
  { 4, S_RELAY4, "{\"lock\":2}", 400, 400 },
  { 4, S_RELAY4, "{\"pulses\":[{\"pulse\":\"on\",\"width\":2000,\"outlet\":0}]}", 0, 0 },
  { 4, S_RELAY4, "{\"pulses\":[{\"pulse\":\"on\",\"width\":700,\"outlet\":0}]}", 400, 400 },
  { 4, S_RELAY4, "{\"configure\":[{\"startup\":\"maybe\",\"outlet\":0}]}", 400, 400 },
  { 4, S_RELAY4, "{\"switches\":[{\"switch\":\"on\",\"outlet\":0,\"enableDelay\":1}]}", 400, 0 },
  { 2, S_RELAY4, "{\"switches\":[{\"switch\":\"on\",\"outlet\":3}]}", 0, 0 },  /* phantom, stored */
  { 7, S_RELAY4, "{\"switches\":" ARR4 ("switch", "\"on\"") "}", 0, 0 },     /* whole array */
  { 126, S_DUALR3, "{\"switches\":[{\"switch\":\"on\",\"outlet\":2}]}", 400, 400 }, /* not stored */
  /* relay1m */
  { 77, S_RELAY4, "{\"switches\":[{\"switch\":\"on\",\"outlet\":2}]}", 0, 0 },
  { 138, S_RELAY4, "{\"relaySeparation\":1,\"swMode\":3}", 0, 0 },
  { 138, S_RELAY4, "{\"swMode\":4}", 400, 400 },
  { 77, S_RELAY4, "{\"relaySeparation\":1}", 0, 0 },
  { 160, S_POW190, "{\"switches\":[{\"switch\":\"on\",\"outlet\":1}]}", 400, 0 },  /* absent outlet */
  /* pow */
  { 32, S_RELAY1, "{\"uiActive\":60}", 0, 0 },
  { 32, S_RELAY1, "{\"uiActive\":0}", 400, 400 },
  { 32, S_RELAY1, "{\"uiActive\":\"60\"}", 400, 400 },
  { 32, S_RELAY1, "{\"uiActive\":7201}", 400, 400 },
  { 32, S_RELAY1, "{\"hundredDaysKwh\":\"get\"}", 0, 0 },
  { 32, S_RELAY1, "{\"hundredDaysKwh\":\"set\"}", 400, 400 },
  { 32, S_RELAY1, "{\"oneKwh\":\"start\",\"startTime\":\"" ISO "\",\"endTime\":\"\"}", 0, 0 },
  { 32, S_RELAY1, "{\"onKwh\":\"get\"}", 400, 0 },   /* UP's misspelling: unknown */
  { 32, S_RELAY1, "{\"alarmType\":\"pcv\",\"alarmPValue\":[200,1500],\"alarmCValue\":[-1,20]}", 0, 0 },
  { 32, S_RELAY1, "{\"alarmType\":\"pcx\"}", 400, 400 },
  { 32, S_RELAY1, "{\"alarmType\":\"pp\"}", 400, 400 },
  { 32, S_RELAY1, "{\"alarmType\":\"\"}", 400, 400 },
  { 32, S_RELAY1, "{\"alarmPValue\":[1500,200]}", 400, 400 },
  { 32, S_RELAY1, "{\"alarmVValue\":[1]}", 400, 400 },
  { 5, S_RELAY1, "{\"timeZone\":15}", 400, 400 },
  { 5, S_RELAY1, "{\"timeZone\":-12}", 0, 0 },
  /* pow190 */
  { 190, S_POW190, "{\"switches\":[{\"switch\":\"on\",\"outlet\":0}],\"operSide\":1}", 0, 0 },
  { 190, S_POW190, "{\"operSide\":2}", 400, 400 },
  { 190, S_POW190, "{\"getHoursKwh\":{\"start\":0,\"end\":719}}", 0, 0 },
  { 190, S_POW190, "{\"getHoursKwh\":{\"start\":10,\"end\":5}}", 400, 400 },
  { 190, S_POW190, "{\"getHoursKwh\":{\"start\":-1,\"end\":5}}", 400, 400 },
  { 190, S_POW190, "{\"getHoursKwh\":{\"start\":0}}", 400, 400 },
  { 190, S_POW190, "{\"hundredDaysKwh\":\"get\"}", 400, 400 },
  { 182, S_POW190, "{\"hundredDaysKwh\":\"get\"}", 0, 0 },
  { 190, S_POW190, "{\"switches\":[{\"switch\":\"on\",\"outlet\":1}]}", 400, 0 },
  /* dualr3 */
  { 126, S_DUALR3, "{\"workMode\":2}", 0, 0 },
  { 126, S_DUALR3, "{\"workMode\":4}", 400, 400 },
  { 126, S_DUALR3, "{\"motorTurn\":3}", 400, 400 },
  { 126, S_DUALR3, "{\"location\":101}", 400, 400 },
  { 126, S_DUALR3, "{\"uiActive\":{\"outlet\":0,\"time\":120}}", 0, 0 },
  { 126, S_DUALR3, "{\"uiActive\":{\"outlet\":2,\"time\":120}}", 400, 400 },
  { 126, S_DUALR3, "{\"uiActive\":120}", 400, 400 },
  { 126, S_DUALR3, "{\"getKwh_00\":2}", 0, 0 },
  { 126, S_DUALR3, "{\"getKwh_01\":\"2\"}", 400, 400 },
  /* th */
  { 15, S_TH, "{\"switch\":\"on\",\"mainSwitch\":\"on\",\"deviceType\":\"normal\"}", 0, 0 },
  { 15, S_TH, "{\"deviceType\":\"temperature\",\"mainSwitch\":\"on\",\"targets\":[{\"targetHigh\":\"25\",\"reaction\":{\"switch\":\"off\"}},{\"targetLow\":\"24\",\"reaction\":{\"switch\":\"on\"}}]}", 0, 0 },
  { 15, S_TH, "{\"targets\":[{\"targetHigh\":\"24\",\"reaction\":{\"switch\":\"off\"}},{\"targetLow\":\"24\",\"reaction\":{\"switch\":\"on\"}}]}", 400, 400 },
  { 15, S_TH, "{\"targets\":[{\"targetHigh\":\"25\",\"reaction\":{\"switch\":\"on\"}},{\"targetLow\":\"24\",\"reaction\":{\"switch\":\"on\"}}]}", 400, 400 },
  { 15, S_TH, "{\"targets\":[{\"targetHigh\":25,\"reaction\":{\"switch\":\"off\"}},{\"targetLow\":\"24\",\"reaction\":{\"switch\":\"on\"}}]}", 400, 400 },
  { 15, S_TH, "{\"targets\":[{\"targetHigh\":\"25\",\"reaction\":{\"switch\":\"off\"}}]}", 400, 400 },
  { 15, S_TH, "{\"deviceType\":\"auto\"}", 400, 400 },
  { 15, S_TH, "{\"autoControlEnabled\":1}", 400, 0 },
  { 181, S_TH, "{\"autoControlEnabled\":1}", 0, 0 },
  { 181, S_TH, "{\"autoControlEnabled\":2}", 400, 400 },
  /* ifan */
  { 34, S_RELAY4, "{\"switches\":" ARR4 ("switch", "\"on\"") "}", 0, 0 },
  { 34, S_RELAY4, "{\"timers\":[{\"mId\":\"" MID1 "\",\"enabled\":1,\"type\":\"once\",\"coolkit_timer_type\":\"once\",\"at\":\"" ISO "\",\"do\":{\"outlet\":1,\"switch\":\"on\"}}]}", 400, 400 },
  { 34, S_RELAY4, "{\"timers\":[{\"mId\":\"" MID1 "\",\"enabled\":1,\"type\":\"once\",\"coolkit_timer_type\":\"once\",\"at\":\"" ISO "\",\"do\":{\"outlet\":0,\"switch\":\"on\"}}]}", 0, 0 },
  /* dimmers and single-colour lights */
  { 36, S_EMPTY, "{\"bright\":9}", 400, 400 },
  { 36, S_EMPTY, "{\"bright\":10}", 0, 0 },
  { 36, S_EMPTY, "{\"bright\":101}", 400, 400 },
  { 44, S_D1_ON, "{\"switch\":\"on\",\"brightness\":50,\"mode\":0}", 0, 0 },
  { 44, S_D1_ON, "{\"brightness\":50}", 400, 0 },        /* compat: alone while on */
  { 44, S_D1_OFF, "{\"brightness\":50}", 400, 400 },
  { 44, S_D1_ON, "{\"switch\":\"on\",\"brightness\":101}", 400, 400 },
  { 44, S_D1_ON, "{\"mode\":1}", 400, 400 },
  { 57, S_EMPTY, "{\"channel0\":\"24\"}", 400, 400 },
  { 57, S_EMPTY, "{\"channel0\":\"25\"}", 0, 0 },
  { 57, S_EMPTY, "{\"channel0\":\"255\",\"state\":\"on\"}", 0, 0 },
  { 57, S_EMPTY, "{\"channel0\":132}", 400, 400 },
  { 57, S_EMPTY, "{\"switch\":\"on\"}", 400, 0 },
  { 52, S_EMPTY, "{\"channel0\":\"9\"}", 400, 400 },
  { 52, S_EMPTY, "{\"channel0\":\"10\",\"channel1\":\"0\"}", 0, 0 },
  { 16, S_EMPTY, "{\"channel0\":\"0\",\"channel1\":\"40\",\"type\":\"warm\"}", 0, 0 },
  { 16, S_EMPTY, "{\"channel0\":\"24\"}", 400, 400 },
  { 16, S_EMPTY, "{\"type\":\"hot\"}", 400, 400 },
  /* b1 */
  { 22, S_EMPTY, "{\"state\":\"on\"}", 0, 0 },
  { 22, S_EMPTY, "{\"channel0\":\"0\",\"channel1\":\"0\",\"channel2\":\"255\",\"channel3\":\"0\",\"channel4\":\"0\",\"zyx_mode\":2,\"type\":\"middle\"}", 0, 0 },
  { 22, S_EMPTY, "{\"channel0\":\"20\"}", 400, 400 },
  { 22, S_EMPTY, "{\"channel2\":\"256\"}", 400, 400 },
  { 22, S_EMPTY, "{\"channel2\":255}", 400, 400 },
  { 22, S_EMPTY, "{\"zyx_mode\":7}", 400, 400 },
  { 22, S_EMPTY, "{\"switch\":\"on\"}", 400, 0 },
  /* strips */
  { 59, S_EMPTY, "{\"mode\":1,\"bright\":1}", 0, 0 },
  { 59, S_EMPTY, "{\"bright\":0}", 400, 400 },
  { 59, S_EMPTY, "{\"mode\":13}", 400, 400 },
  { 59, S_EMPTY, "{\"speed\":0}", 400, 400 },
  { 137, S_EMPTY, "{\"colorR\":256}", 400, 400 },
  { 137, S_EMPTY, "{\"sensitive\":11}", 400, 400 },
  { 33, S_EMPTY, "{\"bright\":9}", 400, 400 },
  { 33, S_EMPTY, "{\"mode\":4}", 400, 400 },
  { 33, S_EMPTY, "{\"speed\":0,\"mode\":3}", 0, 0 },
  /* bulbs */
  { 103, S_EMPTY, "{\"ltype\":\"white\",\"white\":{\"br\":50,\"ct\":128}}", 0, 0 },
  { 103, S_EMPTY, "{\"ltype\":\"color\"}", 400, 400 },
  { 103, S_EMPTY, "{\"ltype\":\"white\",\"white\":{\"br\":50}}", 400, 400 },
  { 103, S_EMPTY, "{\"white\":{\"br\":0,\"ct\":10}}", 400, 400 },
  { 135, S_EMPTY, "{\"white\":{\"br\":10,\"ct\":256}}", 400, 400 },
  { 103, S_EMPTY, "{\"ltype\":1}", 400, 400 },
  { 104, S_EMPTY, "{\"ltype\":\"color\",\"color\":{\"r\":255,\"g\":0,\"b\":0,\"br\":50}}", 0, 0 },
  { 104, S_EMPTY, "{\"ltype\":\"color\",\"color\":{\"r\":255,\"g\":0,\"b\":0}}", 400, 400 },
  { 104, S_EMPTY, "{\"white\":{\"br\":50,\"ct\":200}}", 0, 0 },
  { 136, S_EMPTY, "{\"white\":{\"br\":50,\"ct\":200}}", 400, 400 },
  { 136, S_EMPTY, "{\"white\":{\"br\":50,\"ct\":100}}", 0, 0 },
  { 104, S_EMPTY, "{\"ltype\":\"party\",\"party\":{\"r\":254,\"g\":132,\"b\":0,\"br\":45,\"tf\":1,\"sp\":1}}", 0, 0 },
  /* sensors */
  { 102, S_EMPTY, "{\"switch\":\"on\"}", 400, 504 },
  { 154, S_EMPTY, "{\"sledOnline\":\"on\"}", 400, 504 },
  { 18, S_EMPTY, "{\"temperature\":20}", 400, 400 },
  { 1770, S_EMPTY, "{\"temperature\":\"2000\"}", 400, 400 },
  { 1000, S_EMPTY, "{\"key\":0}", 400, 400 },
  /* rf bridge */
  { 28, S_RF, "{\"cmd\":\"transmit\",\"rfChl\":0}", 0, 0 },
  { 28, S_RF, "{\"cmd\":\"transmit\",\"rfChl\":5}", 400, 400 },
  { 28, S_RF, "{\"cmd\":\"capture\",\"rfChl\":3}", 0, 0 },
  { 28, S_RF, "{\"cmd\":\"captureCancel\"}", 0, 0 },
  { 28, S_RF, "{\"cmd\":\"edit\",\"rfList\":[{\"rfChl\":2,\"rfVal\":\"29EA015E04\"}]}", 0, 0 },
  { 28, S_RF, "{\"cmd\":\"edit\",\"rfList\":[{\"rfChl\":2,\"rfVal\":\"XYZ\"}]}", 400, 400 },
  { 28, S_RF, "{\"cmd\":\"learn\",\"rfChl\":1}", 400, 400 },
  { 28, S_RF, "{\"cmd\":\"transmit\",\"rfChl\":-1}", 400, 400 },
  { 28, S_RF, "{\"rfList\":[]}", 400, 400 },
  /* covers */
  { 11, S_EMPTY, "{\"switch\":\"pause\"}", 0, 0 },
  { 11, S_EMPTY, "{\"setclose\":101}", 400, 400 },
  { 11, S_EMPTY, "{\"switch\":\"stop\"}", 400, 400 },
  { 67, S_EMPTY, "{\"op\":2}", 0, 0 },
  { 91, S_EMPTY, "{\"op\":4}", 400, 400 },
  { 67, S_EMPTY, "{\"op\":\"1\"}", 400, 400 },
  /* fans, thermostat, panel */
  { 17, S_EMPTY, "{\"fan\":\"on\",\"speed\":\"fast\",\"mode\":\"sleep\",\"shake\":\"off\"}", 0, 0 },
  { 17, S_EMPTY, "{\"speed\":\"turbo\"}", 400, 400 },
  { 25, S_EMPTY, "{\"switch\":\"on\",\"state\":2,\"lightswitch\":1,\"lightmode\":2,\"lightRcolor\":10}", 0, 0 },
  { 25, S_EMPTY, "{\"lightswitch\":\"1\"}", 400, 400 },
  { 25, S_EMPTY, "{\"state\":3}", 400, 400 },
  { 127, S_EMPTY, "{\"targetTemp\":21.5}", 0, 0 },
  { 127, S_EMPTY, "{\"targetTemp\":21.3}", 400, 400 },
  { 127, S_EMPTY, "{\"targetTemp\":46}", 400, 400 },
  { 133, S_DUALR3, "{\"ATCEnable\":1,\"ATCMode\":0,\"ATCExpect0\":22.5}", 0, 0 },
  { 133, S_DUALR3, "{\"ATCExpect0\":15}", 400, 400 },
  /* zigbee */
  { 2256, S_GANG2, "{\"switches\":[{\"switch\":\"on\",\"outlet\":0}]}", 400, 400 },
  { 2256, S_GANG2, "{\"switches\":[{\"switch\":\"on\",\"outlet\":0},{\"switch\":\"off\",\"outlet\":1}]}", 0, 0 },
  { 1256, S_EMPTY, "{\"switch\":\"on\"}", 0, 0 },
  { 1257, S_EMPTY, "{\"switch\":\"on\",\"brightness\":0}", 400, 400 },
  { 1258, S_EMPTY, "{\"switch\":\"on\",\"brightness\":40,\"colorTemp\":100}", 0, 0 },
  { 3258, S_EMPTY, "{\"hue\":360}", 400, 400 },
  /* unknown UIIDs: only what the shadow holds */
  { 9999, "{\"switch\":\"off\"}", "{\"switch\":\"on\"}", 0, 0 },
  { 9999, "{\"switch\":\"off\"}", "{\"foo\":1}", 400, 0 },
  /* timers (spec §7) */
  { 1, S_RELAY1, "{\"timers\":[" T_ONCE (MID1) "]}", 0, 0 },
  { 1, S_RELAY1, "{\"timers\":[]}", 0, 0 },
  { 1, S_RELAY1, "{\"timers\":{}}", 400, 400 },
  { 1, S_RELAY1, "{\"timers\":[" T_ONCE ("0F1E2D3C-4B5A-4968-8776-A5B4C3D2E1F0") "]}", 400, 400 },
  { 1, S_RELAY1, "{\"timers\":[" T_ONCE ("timer-1") "]}", 400, 400 },
  { 1, S_RELAY1, "{\"timers\":[" T_ONCE (MID1) "," T_ONCE (MID1) "]}", 400, 400 },
  { 1, S_RELAY1, "{\"timers\":[{\"mId\":\"" MID1 "\",\"enabled\":1,\"type\":\"repeat\",\"coolkit_timer_type\":\"repeat\",\"at\":\"30 17 * * 0\",\"do\":{\"switch\":\"on\"}}]}", 0, 0 },
  { 1, S_RELAY1, "{\"timers\":[{\"mId\":\"" MID1 "\",\"enabled\":1,\"type\":\"repeat\",\"coolkit_timer_type\":\"repeat\",\"at\":\"0 10 * * *\",\"do\":{\"switch\":\"on\"}}]}", 0, 0 },
  { 1, S_RELAY1, "{\"timers\":[{\"mId\":\"" MID1 "\",\"enabled\":1,\"type\":\"repeat\",\"coolkit_timer_type\":\"repeat\",\"at\":\"60 8 * * 1\",\"do\":{\"switch\":\"on\"}}]}", 400, 400 },
  { 1, S_RELAY1, "{\"timers\":[{\"mId\":\"" MID1 "\",\"enabled\":1,\"type\":\"repeat\",\"coolkit_timer_type\":\"repeat\",\"at\":\"0 8 * * 7\",\"do\":{\"switch\":\"on\"}}]}", 400, 400 },
  { 1, S_RELAY1, "{\"timers\":[{\"mId\":\"" MID1 "\",\"enabled\":1,\"type\":\"repeat\",\"coolkit_timer_type\":\"once\",\"at\":\"0 8 * * 1\",\"do\":{\"switch\":\"on\"}}]}", 400, 400 },
  { 1, S_RELAY1, "{\"timers\":[{\"mId\":\"" MID1 "\",\"enabled\":1,\"type\":\"once\",\"coolkit_timer_type\":\"delay\",\"period\":\"30\",\"at\":\"" ISO "\",\"do\":{\"switch\":\"on\"}}]}", 0, 0 },
  { 1, S_RELAY1, "{\"timers\":[{\"mId\":\"" MID1 "\",\"enabled\":1,\"type\":\"delay\",\"coolkit_timer_type\":\"delay\",\"period\":\"30\",\"at\":\"" ISO "\",\"do\":{\"switch\":\"on\"}}]}", 400, 400 },
  { 1, S_RELAY1, "{\"timers\":[{\"mId\":\"" MID1 "\",\"enabled\":1,\"type\":\"once\",\"coolkit_timer_type\":\"delay\",\"at\":\"" ISO "\",\"do\":{\"switch\":\"on\"}}]}", 400, 400 },
  { 1, S_RELAY1, "{\"timers\":[{\"mId\":\"" MID1 "\",\"enabled\":1,\"type\":\"duration\",\"coolkit_timer_type\":\"duration\",\"at\":\"" ISO " 60 30\",\"startDo\":{\"switch\":\"off\"},\"endDo\":{\"switch\":\"on\"}}]}", 0, 0 },
  { 1, S_RELAY1, "{\"timers\":[{\"mId\":\"" MID1 "\",\"enabled\":1,\"type\":\"duration\",\"coolkit_timer_type\":\"duration\",\"at\":\"" ISO " 60\",\"do\":{\"switch\":\"on\"}}]}", 0, 0 },
  { 1, S_RELAY1, "{\"timers\":[{\"mId\":\"" MID1 "\",\"enabled\":1,\"type\":\"duration\",\"coolkit_timer_type\":\"duration\",\"at\":\"" ISO " 10 10\",\"startDo\":{\"switch\":\"off\"},\"endDo\":{\"switch\":\"on\"}}]}", 400, 400 },
  { 1, S_RELAY1, "{\"timers\":[{\"mId\":\"" MID1 "\",\"enabled\":1,\"type\":\"duration\",\"coolkit_timer_type\":\"duration\",\"at\":\"" ISO " 60 30\",\"do\":{\"switch\":\"on\"}}]}", 400, 400 },
  { 1, S_RELAY1, "{\"timers\":[{\"mId\":\"" MID1 "\",\"enabled\":1,\"type\":\"once\",\"coolkit_timer_type\":\"once\",\"at\":\"2030-10-15 07:05\",\"do\":{\"switch\":\"on\"}}]}", 400, 400 },
  { 1, S_RELAY1, "{\"timers\":[{\"mId\":\"" MID1 "\",\"enabled\":2,\"type\":\"once\",\"coolkit_timer_type\":\"once\",\"at\":\"" ISO "\",\"do\":{\"switch\":\"on\"}}]}", 400, 400 },
  { 1, S_RELAY1, "{\"timers\":[{\"mId\":\"" MID1 "\",\"enabled\":1,\"type\":\"once\",\"coolkit_timer_type\":\"once\",\"at\":\"" ISO "\"}]}", 400, 400 },
  { 102, S_EMPTY, "{\"timers\":[]}", 400, 504 },  /* UP: door sensors have no timers */
};

static CkSimDeviceAck
check (int         uiid,
       const char *stored,
       const char *update,
       gboolean    compat,
       guint       timer_limit,
       JsonObject **accepted)
{
  g_autoptr(JsonNode) stored_node = cksim_json_parse (stored, strlen (stored), NULL);
  g_autoptr(JsonNode) update_node = cksim_json_parse (update, strlen (update), NULL);
  CkSimConfig config = { .compat = compat, .timer_limit = timer_limit };
  CkSimDevice *device;
  JsonObject *local = NULL;
  g_autofree char *reason = NULL;
  CkSimDeviceAck ack;

  g_assert_nonnull (stored_node);
  g_assert_nonnull (update_node);
  device = cksim_device_new ("1000aaaa01", "Test", "owner", uiid, json_node_get_object (stored_node));
  ack = cksim_device_check_update (device, json_node_get_object (update_node), &config, &local, &reason);
  g_assert_true ((ack == CKSIM_DEVICE_ACK_OK) == (local != NULL));
  g_assert_true (ack != CKSIM_DEVICE_ACK_REJECTED || reason != NULL);
  if (accepted != NULL)
    *accepted = local;
  else
    g_clear_pointer (&local, json_object_unref);
  cksim_device_free (device);
  return ack;
}

static void
test_matrix (void)
{
  guint failures = 0;

  for (guint i = 0; i < G_N_ELEMENTS (matrix); i++)
    for (guint mode = 0; mode < 2; mode++)
      {
        int want = mode == 0 ? matrix[i].strict : matrix[i].compat;
        int got = check (matrix[i].uiid, matrix[i].stored, matrix[i].update, mode == 1, 16, NULL);

        if (got != want)
          {
            g_test_message ("UIID %d (%s) %s %s: %d, expected %d", matrix[i].uiid,
                            cksim_device_profile_name (matrix[i].uiid), mode ? "compat" : "strict",
                            matrix[i].update, got, want);
            failures++;
          }
      }
  g_assert_cmpuint (failures, ==, 0);
}

/* Every UIID of devices.md §4 has a profile of its own. */
static void
test_profiles_cover_catalog (void)
{
  static const int uiids[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 14, 15, 16, 17, 18, 22, 24, 25, 27, 28, 29,
                               30, 31, 32, 33, 34, 36, 44, 52, 57, 59, 67, 77, 78, 81, 82, 83, 84, 91, 102,
                               103, 104, 107, 112, 113, 114, 126, 127, 133, 135, 136, 137, 138, 139, 140,
                               141, 154, 160, 161, 162, 165, 181, 182, 190, 1000, 1256, 7004, 1770, 7014,
                               2026, 7002, 3026, 7003, 4026, 2256, 3256, 4256 };

  for (guint i = 0; i < G_N_ELEMENTS (uiids); i++)
    if (g_str_equal (cksim_device_profile_name (uiids[i]), "generic"))
      g_error ("UIID %d has no profile", uiids[i]);
  g_assert_cmpstr (cksim_device_profile_name (62), ==, "generic");
}

/* relay1m with --compat: absent outlets are accepted and dropped. */
static void
test_compat_drops_absent_outlets (void)
{
  JsonObject *accepted = NULL;
  JsonArray *switches;

  g_assert_cmpint (check (190, S_POW190, "{\"switches\":[{\"switch\":\"on\",\"outlet\":0},"
                          "{\"switch\":\"on\",\"outlet\":1}]}", TRUE, 16, &accepted), ==, 0);
  switches = json_object_get_array_member (accepted, "switches");
  g_assert_cmpuint (json_array_get_length (switches), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (switches, 0), "outlet"), ==, 0);
  json_object_unref (accepted);
}

/* The configurable limit (spec §7.4): default 16, more -> 400. */
static void
test_timer_limit (void)
{
  GString *many = g_string_new ("{\"timers\":[");
  g_autofree char *text = NULL;

  for (guint i = 0; i < 17; i++)
    {
      g_autofree char *mid = g_strdup_printf ("00000000-0000-4000-8000-%012u", i);

      g_string_append_printf (many, "%s{\"mId\":\"%s\",\"enabled\":1,\"type\":\"once\",\"coolkit_timer_type\":"
                              "\"once\",\"at\":\"" ISO "\",\"do\":{\"switch\":\"on\"}}", i ? "," : "", mid);
    }
  g_string_append (many, "]}");
  text = g_string_free (many, FALSE);
  g_assert_cmpint (check (1, S_RELAY1, text, FALSE, 16, NULL), ==, 400);
  g_assert_cmpint (check (1, S_RELAY1, text, FALSE, 17, NULL), ==, 0);
  g_assert_cmpint (check (1, S_RELAY1, "{\"timers\":[" T_ONCE (MID1) "," T_ONCE (MID2) "]}", FALSE, 1, NULL),
                   ==, 400);
}

static JsonArray *
array_from (const char *text)
{
  g_autoptr(JsonNode) node = cksim_json_parse (text, strlen (text), NULL);

  g_assert_true (node != NULL && JSON_NODE_HOLDS_ARRAY (node));
  return json_array_ref (json_node_get_array (node));
}

#define T_OFF(mid) "{\"mId\":\"" mid "\",\"enabled\":0,\"type\":\"once\",\"coolkit_timer_type\":\"once\"," \
                   "\"at\":\"" ISO "\",\"do\":{\"switch\":\"on\"}}"
#define T_EDITED(mid) "{\"mId\":\"" mid "\",\"enabled\":1,\"type\":\"once\",\"coolkit_timer_type\":\"once\"," \
                      "\"at\":\"" ISO "\",\"do\":{\"switch\":\"off\"}}"

/* The permit diff of spec §8.5, by mId. */
static void
test_permit_diff (void)
{
  static const struct
  {
    const char *stored;
    const char *submitted;
    int         needed;
  } cases[] = {
    { "[" T_ONCE (MID1) "]", "[" T_ONCE (MID1) "]", 0 },
    { "[" T_ONCE (MID1) "]", "[" T_ONCE (MID1) "," T_ONCE (MID2) "]", CKSIM_PERMIT_ADD },
    { "[" T_ONCE (MID1) "," T_ONCE (MID2) "]", "[" T_ONCE (MID2) "]", CKSIM_PERMIT_DELETE },
    { "[" T_ONCE (MID1) "]", "[" T_OFF (MID1) "]", CKSIM_PERMIT_ENABLE },
    { "[" T_ONCE (MID1) "]", "[" T_EDITED (MID1) "]", CKSIM_PERMIT_EDIT },
    { "[" T_ONCE (MID1) "]", "[]", CKSIM_PERMIT_DELETE },
    { "[" T_ONCE (MID1) "," T_ONCE (MID2) "]", "[" T_OFF (MID2) "," T_ONCE (MID3) "]",
      CKSIM_PERMIT_ADD | CKSIM_PERMIT_DELETE | CKSIM_PERMIT_ENABLE },
    { "[]", "[" T_ONCE (MID3) "]", CKSIM_PERMIT_ADD },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonArray) stored = array_from (cases[i].stored);
      g_autoptr(JsonArray) submitted = array_from (cases[i].submitted);

      g_assert_cmpint (cksim_timers_needed_permit (stored, submitted), ==, cases[i].needed);
    }
  {
    g_autoptr(JsonArray) submitted = array_from ("[" T_ONCE (MID1) "]");

    g_assert_cmpint (cksim_timers_needed_permit (NULL, submitted), ==, CKSIM_PERMIT_ADD);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sim/profiles/matrix", test_matrix);
  g_test_add_func ("/sim/profiles/cover-catalog", test_profiles_cover_catalog);
  g_test_add_func ("/sim/profiles/compat-drops-absent-outlets", test_compat_drops_absent_outlets);
  g_test_add_func ("/sim/profiles/timer-limit", test_timer_limit);
  g_test_add_func ("/sim/profiles/permit-diff", test_permit_diff);
  return g_test_run ();
}
