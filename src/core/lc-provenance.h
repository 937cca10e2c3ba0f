/* lc-provenance.h — where a piece of knowledge comes from
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "lc-core-enums.h"

G_BEGIN_DECLS

typedef enum
{
  LC_PROVENANCE_OFFICIAL = 0, /* Blink's own support pages */
  LC_PROVENANCE_ARTICLE,      /* common troubleshooting advice (the seed article) */
  LC_PROVENANCE_COMMUNITY,    /* real owners' reports (forums) */
  LC_PROVENANCE_THIRD_PARTY,  /* repair and SEO sites: neither Blink nor owners */
  LC_PROVENANCE_LIGHTCODE,    /* Lightcode's own inference */
} LcProvenanceKind;

/* "official", "article", "community", "third-party", "lightcode" (stable, used in JSON) */
const char *lc_provenance_kind_to_string   (LcProvenanceKind  kind);
gboolean    lc_provenance_kind_from_string (const char       *text,
                                            LcProvenanceKind *out_kind);
/* Translated label: "Blink's guide", "Common troubleshooting advice", … */
const char *lc_provenance_kind_get_label   (LcProvenanceKind  kind);

#define LC_TYPE_PROVENANCE (lc_provenance_get_type ())

G_DECLARE_FINAL_TYPE (LcProvenance, lc_provenance, LC, PROVENANCE, GObject)

LcProvenance     *lc_provenance_new             (LcProvenanceKind  kind,
                                                 const char       *id,
                                                 const char       *source_name,
                                                 const char       *url);
LcProvenanceKind  lc_provenance_get_kind        (LcProvenance     *self);
const char       *lc_provenance_get_id          (LcProvenance     *self); /* "blink-sync-module-leds" */
const char       *lc_provenance_get_source_name (LcProvenance     *self); /* page title, not translated */
const char       *lc_provenance_get_url         (LcProvenance     *self); /* may be NULL */
const char       *lc_provenance_get_label       (LcProvenance     *self); /* translated kind label */

G_END_DECLS
