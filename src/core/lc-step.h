/* lc-step.h — one step of a fix procedure
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LC_TYPE_STEP (lc_step_get_type ())

G_DECLARE_FINAL_TYPE (LcStep, lc_step, LC, STEP, GObject)

/* All text is translated. */
const char *lc_step_get_title        (LcStep *self);
const char *lc_step_get_text         (LcStep *self);
/* Illustration name (GResource …/illustrations/<name>.svg) or NULL. */
const char *lc_step_get_illustration (LcStep *self);
guint       lc_step_get_wait_seconds (LcStep *self); /* 0: no timer */
guint       lc_step_get_hold_seconds (LcStep *self); /* 0: no button to hold */
gboolean    lc_step_is_safety        (LcStep *self);
const char *lc_step_get_safety_text  (LcStep *self); /* NULL unless is_safety */
/* "Stop here if …": when to give up and contact support; may be NULL. */
const char *lc_step_get_stop_text    (LcStep *self);
/* Where sources disagree about this step (e.g. how long to wait); may be NULL. */
const char *lc_step_get_note         (LcStep *self);
/* FALSE when the note is about other devices only ("note-devices" in the
 * data), so that the owner of @device_id is not shown it. TRUE for a NULL
 * @device_id.
 */
gboolean    lc_step_note_applies_to  (LcStep     *self,
                                      const char *device_id);
/* Ids of the sources (sources.json) that back this step; empty when the
 * procedure's own source covers it. Never NULL. */
const char * const *lc_step_get_source_ids (LcStep *self);

/* What a step does to the device, so safety rules can be checked. */
#define LC_STEP_TAG_OPENS_DEVICE   "opens-device"   /* opens a case or battery bay */
#define LC_STEP_TAG_BREAKER_OFF    "breaker-off"    /* switches a circuit off first */
#define LC_STEP_TAG_REMOVES_DRIVE  "removes-drive"  /* takes a USB drive out */
gboolean    lc_step_has_tag          (LcStep     *self,
                                      const char *tag);

G_END_DECLS
