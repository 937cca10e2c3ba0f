/* lc-knowledge.h — the knowledge base: devices, signals, causes, procedures
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lc-cause.h"
#include "lc-cause-ref.h"
#include "lc-device.h"
#include "lc-family.h"
#include "lc-known-signal.h"
#include "lc-procedure.h"
#include "lc-provenance.h"
#include "lc-step.h"

G_BEGIN_DECLS

#define LC_KNOWLEDGE_RESOURCE_PATH "/io/github/lightcode/Lightcode/knowledge"
#define LC_ILLUSTRATIONS_RESOURCE_PATH "/io/github/lightcode/Lightcode/illustrations"

#define LC_KNOWLEDGE_ERROR (lc_knowledge_error_quark ())
GQuark lc_knowledge_error_quark (void);

/* Messages always read "<file>: <entry>: <problem>". */
typedef enum
{
  LC_KNOWLEDGE_ERROR_NOT_FOUND,    /* a data file is missing */
  LC_KNOWLEDGE_ERROR_SYNTAX,       /* not JSON (message has line:column) */
  LC_KNOWLEDGE_ERROR_INVALID,      /* missing, empty or mistyped field */
  LC_KNOWLEDGE_ERROR_REFERENCE,    /* unknown id */
  LC_KNOWLEDGE_ERROR_DUPLICATE,    /* id defined twice */
  LC_KNOWLEDGE_ERROR_SIGNAL,       /* bad signal text, or a light the device lacks */
  LC_KNOWLEDGE_ERROR_ILLUSTRATION, /* illustration not in the GResource */
} LcKnowledgeError;

#define LC_TYPE_KNOWLEDGE (lc_knowledge_get_type ())

G_DECLARE_FINAL_TYPE (LcKnowledge, lc_knowledge, LC, KNOWLEDGE, GObject)

/* The shipped knowledge base, loaded once. Never NULL: on broken data it
 * logs a critical and returns an empty base, and lc_knowledge_get_load_error()
 * says why. A missing illustration is not fatal here (the step simply has
 * none); the test suite checks them strictly.
 */
LcKnowledge        *lc_knowledge_get_default        (void);
const GError       *lc_knowledge_get_load_error     (void);

/* Strict loaders (every check, illustrations included), for tests and tools. */
LcKnowledge        *lc_knowledge_new_from_directory (GFile       *directory,
                                                     GError     **error);
LcKnowledge        *lc_knowledge_new_from_resource  (const char  *resource_path,
                                                     GError     **error);

gboolean            lc_knowledge_is_empty           (LcKnowledge *self);

/* GListModel of LcDevice, in display order. */
GListModel         *lc_knowledge_get_devices        (LcKnowledge *self);
/* GListModel of LcFamily, in display order. */
GListModel         *lc_knowledge_get_families       (LcKnowledge *self);
/* GListModel of LcCause / LcProcedure, in file order. */
GListModel         *lc_knowledge_get_causes         (LcKnowledge *self);
GListModel         *lc_knowledge_get_procedures     (LcKnowledge *self);

LcDevice           *lc_knowledge_lookup_device      (LcKnowledge *self,
                                                     const char  *id);
LcFamily           *lc_knowledge_lookup_family      (LcKnowledge *self,
                                                     const char  *id);
LcCause            *lc_knowledge_lookup_cause       (LcKnowledge *self,
                                                     const char  *id);
LcProcedure        *lc_knowledge_lookup_procedure   (LcKnowledge *self,
                                                     const char  *id);
/* The source with this id (sources.json), or NULL. */
LcProvenance       *lc_knowledge_lookup_source      (LcKnowledge *self,
                                                     const char  *id);

/* Context ids ("any" first, then setup, recording, new-batteries,
 * after-reset, after-update) and their translated labels/descriptions;
 * NULL for an unknown id.
 */
const char * const *lc_knowledge_get_context_ids    (LcKnowledge *self);
const char         *lc_knowledge_get_context_label  (LcKnowledge *self,
                                                     const char  *context_id);
const char         *lc_knowledge_get_context_description (LcKnowledge *self,
                                                          const char  *context_id);
/* TRUE for a moment that is itself a fault report ("the app says offline"):
 * there a normal-looking light doesn't mean that all is well. */
gboolean            lc_knowledge_context_is_problem (LcKnowledge *self,
                                                     const char  *context_id);
/* FALSE for a moment that can't happen to this device (a chime for a camera). */
gboolean            lc_knowledge_context_applies_to (LcKnowledge *self,
                                                     const char  *context_id,
                                                     LcDevice    *device);

/* The procedures of @cause that fit @device, in order (GListModel of
 * LcProcedure, transfer full). @device NULL: all of them.
 */
GListModel         *lc_knowledge_list_procedures_for_cause (LcKnowledge *self,
                                                           LcCause     *cause,
                                                           LcDevice    *device);

G_END_DECLS
