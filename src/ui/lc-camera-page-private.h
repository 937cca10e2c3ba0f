/* lc-camera-page-private.h — what the pieces of the camera page share
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page is one widget in four files: lc-camera-page.c (views, layout,
 * leaving, the API), lc-camera-page-reading.c (what is shown of the
 * reading), lc-camera-page-source.c (starting, stopping and hearing the
 * video source) and lc-camera-page-actions.c (what its buttons do).
 */

#pragma once

#include <adwaita.h>

#include "lc-breakpoint-bin.h"
#include "lc-camera-light-list.h"
#include "lc-camera-page.h"
#include "lc-camera-preview.h"
#include "lc-camera-source-chooser.h"
#include "lc-device-chooser.h"
#include "lc-led-prior.h"
#include "lc-webcam-list.h"

G_BEGIN_DECLS

typedef enum
{
  MODE_NONE,
  MODE_WEBCAM,
  MODE_FILE,
  MODE_SAMPLE,
} Mode;

struct _LcCameraPage
{
  GtkWidget         parent_instance;

  /* Template widgets */
  LcBreakpointBin  *breakpoint_bin;
  GtkStack         *stack;
  LcCameraSourceChooser *source_chooser;
  GtkWidget        *watch_grid;
  GtkWidget        *preview_overlay;
  GtkWidget        *status_box;
  GtkBox           *watch_buttons;
  GtkLabel         *status_label;
  GtkLabel         *detail_label;
  LcCameraPreview  *preview;
  GtkWidget        *starting_box;
  GtkSpinner       *starting_spinner;
  GtkLabel         *starting_label;
  GtkWidget        *hint_box;
  GtkLabel         *hint_label;
  LcCameraLightList *light_list;
  GtkWidget        *again_button;
  GtkWidget        *use_button;
  GtkWidget        *use_unconfirmed_button;
  AdwStatusPage    *bad_file_page;
  AdwStatusPage    *failed_page;

  /* Owned references */
  GSettings        *settings;
  LcDeviceChooser  *device_chooser;  /* "Which device is it?"; NULL until needed */
  LcWebcamList     *webcams;
  GCancellable     *list_cancellable; /* listing the webcams to watch with one */
  LcVideoSource    *source;
  LcCamera         *camera;          /* MODE_WEBCAM: the one being watched */
  GFile            *file;            /* MODE_FILE: what to play again */
  char             *status;
  char             *known_device_id; /* chosen before, in the picker (LcCameraPage:device-id) */
  char             *announcement;

  /* Borrowed references */
  GtkWidget        *parent_stack;    /* the window's stack, while mapped */
  GdkSurface       *surface;         /* our toplevel, while mapped */

  Mode              mode;
  gboolean          webcam_pending;  /* start the webcam once the webcams are listed */
  gboolean          resume;          /* restart when the window comes back */
  gboolean          finished;        /* a file played to its end */
  int               layout;          /* LAYOUT_*, for the breakpoint bin's size class */

  LcDetection       detection;
  LcLedPrior        prior;           /* last handed to the source; n_lights 0: none */
  gint64            last_strip_us;
  gint64            last_hint_us;

  /* The latest reading with a light in it, kept when watching stops */
  LcReading        *reading;
};

/* lc-camera-page.c */
void        _lc_camera_page_add_toast              (LcCameraPage  *self,
                                                    const char    *text);
void        _lc_camera_page_set_view               (LcCameraPage  *self,
                                                    const char    *view);
void        _lc_camera_page_set_status             (LcCameraPage  *self,
                                                    const char    *status,
                                                    const char    *detail);
void        _lc_camera_page_hand_off               (LcCameraPage  *self,
                                                    const char    *device_id);

/* lc-camera-page-reading.c */
void        _lc_camera_page_update_last_reading    (LcCameraPage  *self);
void        _lc_camera_page_update_hint            (LcCameraPage  *self,
                                                    gboolean       force);
void        _lc_camera_page_update_strips          (LcCameraPage  *self);
void        _lc_camera_page_show_detection         (LcCameraPage  *self);

/* lc-camera-page-source.c */
void        _lc_camera_page_hide_starting          (LcCameraPage  *self);
void        _lc_camera_page_stop_watching          (LcCameraPage  *self);
void        _lc_camera_page_reset_watching_view    (LcCameraPage  *self,
                                                    const char    *starting_text);
const char *_lc_camera_page_get_device_id          (LcCameraPage  *self);
void        _lc_camera_page_update_device_chooser  (LcCameraPage  *self);
void        _lc_camera_page_apply_device_prior     (LcCameraPage  *self);
void        _lc_camera_page_apply_preview_size     (LcCameraPage  *self);
void        _lc_camera_page_start_source           (LcCameraPage  *self,
                                                    LcVideoSource *source,
                                                    Mode           mode);
void        _lc_camera_page_start_picked_camera    (LcCameraPage  *self);
void        _lc_camera_page_list_webcams           (LcCameraPage  *self);

/* lc-camera-page-actions.c */
void        _lc_camera_page_restart_source         (LcCameraPage  *self);
void        _lc_camera_page_class_init_actions     (GtkWidgetClass *widget_class);

G_END_DECLS
