/* lc-knowledge-private.h — constructors the loader uses; not public API
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lc-knowledge.h"

G_BEGIN_DECLS

/* Every string handed to these constructors is already translated; the
 * objects copy what they keep.
 */

LcStep        *_lc_step_new                 (const char     *title,
                                             const char     *text,
                                             const char     *illustration,
                                             guint           wait_seconds,
                                             guint           hold_seconds,
                                             const char     *safety_text,
                                             const char     *stop_text,
                                             const char     *note);
void           _lc_step_set_facts           (LcStep         *self,
                                             GStrv           source_ids,    /* transfer full, may be NULL */
                                             GStrv           tags);         /* transfer full, may be NULL */
void           _lc_step_set_note_devices    (LcStep         *self,
                                             GStrv           device_ids);   /* transfer full, may be NULL */

LcProcedure   *_lc_procedure_new            (const char     *id,
                                             const char     *title,
                                             LcProvenance   *provenance,
                                             GStrv           families,      /* transfer full, may be NULL */
                                             GStrv           devices,       /* transfer full, may be NULL */
                                             GPtrArray      *steps,         /* of LcStep, transfer full */
                                             const char     *support_text,
                                             const char     *disagreement);

LcCause       *_lc_cause_new                (const char     *id,
                                             const char     *title,
                                             const char     *explanation,
                                             gboolean        is_normal,
                                             GStrv           procedure_ids); /* transfer full */

LcCauseRef    *_lc_cause_ref_new            (const char     *cause_id,
                                             double          weight,
                                             LcProvenance   *provenance);
void           _lc_cause_ref_set_context_weight (LcCauseRef *ref,
                                                 const char *context_id,
                                                 double      weight);
void           _lc_cause_ref_free           (LcCauseRef     *ref);
/* Sorts a GPtrArray of LcCauseRef by base weight, highest first (stable). */
void           _lc_cause_refs_sort          (GPtrArray      *refs);

LcKnownSignal *_lc_known_signal_new         (const LcSignal *signal,
                                             GStrv           contexts,       /* transfer full */
                                             const char     *title,
                                             const char     *explanation,
                                             gboolean        is_normal,
                                             LcProvenance   *provenance,
                                             gboolean        family_advice,
                                             GPtrArray      *causes,         /* of LcCauseRef, transfer full */
                                             const char     *disagreement,
                                             LcProvenance   *disagreement_provenance);

LcFamily      *_lc_family_new               (const char     *id,
                                             const char     *name,
                                             const char     *description,
                                             GPtrArray      *fallback_causes); /* transfer full */

/* @lights: GArray of LcDeviceLight whose strings the device takes over. */
LcDevice      *_lc_device_new               (const char     *id,
                                             const char     *name,
                                             LcFamily       *family,
                                             const char     *drawing,
                                             gboolean        needs_sync_module,
                                             gboolean        has_official_chart,
                                             const char     *note,
                                             GArray         *lights,          /* transfer full */
                                             GPtrArray      *fallback_causes); /* transfer full, may be NULL */
void           _lc_device_set_lights_assumed (LcDevice      *self,
                                             gboolean        lights_assumed);
void           _lc_device_add_known_signal  (LcDevice       *self,
                                             LcKnownSignal  *known);

typedef enum
{
  LC_KNOWLEDGE_LOAD_STRICT            = 0,
  /* A missing illustration drops the picture instead of failing. */
  LC_KNOWLEDGE_LOAD_LENIENT_PICTURES  = 1 << 0,
} LcKnowledgeLoadFlags;

/* Loads from @directory or @resource_path; a file named in @overrides
 * (file name → GBytes) is taken from there instead. Used by the fuzzer.
 */
LcKnowledge   *_lc_knowledge_load           (GFile                *directory,
                                             const char           *resource_path,
                                             GHashTable           *overrides,
                                             LcKnowledgeLoadFlags  flags,
                                             GError              **error);
/* Illustration names a lenient load could not find (NULL-terminated, sorted). */
const char * const *_lc_knowledge_get_missing_illustrations (LcKnowledge *self);

G_END_DECLS
