/* lc-match-page.h — match the light by eye: simulator, controls, known signals
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "lc-device.h"
#include "lc-led-simulator.h"
#include "lc-reading.h"
#include "lc-signal.h"

G_BEGIN_DECLS

#define LC_TYPE_MATCH_PAGE (lc_match_page_get_type ())

G_DECLARE_FINAL_TYPE (LcMatchPage, lc_match_page, LC, MATCH_PAGE, GtkWidget)

GtkWidget      *lc_match_page_new           (void);

/* Setting a device resets the page: its first known signal is shown and
 * the context goes back to "any".
 */
LcDevice       *lc_match_page_get_device    (LcMatchPage    *self);
void            lc_match_page_set_device    (LcMatchPage    *self,
                                             LcDevice       *device);

/* The signal the user has matched so far (what the simulator shows). */
const LcSignal *lc_match_page_get_signal    (LcMatchPage    *self);
void            lc_match_page_set_signal    (LcMatchPage    *self,
                                             const LcSignal *signal);

/* A reading from a camera or video, kept until the light is changed by eye. */
void            lc_match_page_set_reading   (LcMatchPage    *self,
                                             LcReading      *reading);
LcReading      *lc_match_page_get_reading   (LcMatchPage    *self);

/* A context id ("any", "setup", …); NULL or unknown means "any". */
const char     *lc_match_page_get_context   (LcMatchPage    *self);
void            lc_match_page_set_context   (LcMatchPage    *self,
                                             const char     *context_id);

LcLedSimulator *lc_match_page_get_simulator (LcMatchPage    *self);

G_END_DECLS
