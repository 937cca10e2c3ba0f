/* lc-window.h — the main window: the navigation between pages and the toasts
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lc-application.h"
#include "lc-device.h"
#include "lc-diagnosis.h"
#include "lc-fix-session.h"
#include "lc-pages.h"
#include "lc-signal.h"

G_BEGIN_DECLS

#define LC_TYPE_WINDOW (lc_window_get_type ())

G_DECLARE_FINAL_TYPE (LcWindow, lc_window, LC, WINDOW, AdwApplicationWindow)

LcWindow   *lc_window_new              (LcApplication *application);
void        lc_window_push_page        (LcWindow      *self,
                                        const char    *page_name);
gboolean    lc_window_go_back          (LcWindow      *self);
const char *lc_window_get_visible_page (LcWindow      *self);
GtkWidget  *lc_window_get_page         (LcWindow      *self,
                                        const char    *page_name);
void        lc_window_open_device      (LcWindow      *self,
                                        const char    *device_id,
                                        const char    *signal_text);
void        lc_window_open_camera      (LcWindow      *self);
void        lc_window_watch_webcam     (LcWindow      *self);
const char *lc_window_get_device_id    (LcWindow      *self);
void        lc_window_open_reading     (LcWindow       *self,
                                        const char     *device_id,
                                        LcReading      *reading);
void        lc_window_show_diagnosis   (LcWindow       *self,
                                        LcDevice       *device,
                                        LcReading      *reading,
                                        const char     *context_id);
void        lc_window_start_fix        (LcWindow         *self,
                                        LcDiagnosis      *diagnosis,
                                        LcDiagnosisCause *cause);
void        lc_window_show_support     (LcWindow         *self,
                                        LcFixSession     *session);

G_END_DECLS
