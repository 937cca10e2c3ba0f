/* lc-knowledge-loader.h — what the knowledge base's reader, loaders and object share
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "lc-knowledge-private.h"

G_BEGIN_DECLS

struct _LcKnowledge
{
  GObject     parent_instance;

  GListStore *devices;
  GListStore *families;
  GListStore *causes;
  GListStore *procedures;

  /* id → object; the stores above hold the references */
  GHashTable *device_table;
  GHashTable *family_table;
  GHashTable *cause_table;
  GHashTable *procedure_table;
  GHashTable *source_table;          /* id → LcProvenance (owned) */

  GStrv       context_ids;
  GHashTable *context_labels;        /* id → translated label */
  GHashTable *context_descriptions;  /* id → translated description */
  GHashTable *problem_contexts;      /* ids where the person reports a fault */
  GHashTable *context_families;      /* id → GStrv of families; absent: all */

  GStrv       missing_illustrations;
};

/* The files, in the order they are loaded: later ones refer to earlier ones. */
typedef enum
{
  FILE_CONTEXTS,
  FILE_SOURCES,
  FILE_FAMILIES,
  FILE_DEVICES,
  FILE_PROCEDURES,
  FILE_CAUSES,
  FILE_SIGNALS,
  N_FILES
} LcLoaderFileKind;

/* Each file: its name, the array at its top, what one element is called in
 * messages, and whether elements have ids.
 */
typedef struct
{
  const char *name;
  const char *member;
  const char *entry;
  gboolean    has_ids;
} LcLoaderFile;

extern const LcLoaderFile lc_loader_files[N_FILES];

/* One load: where the files come from, what was parsed, what is missing. */
typedef struct
{
  LcKnowledge          *self;
  GFile                *directory;
  const char           *resource_path;
  GHashTable           *overrides;
  LcKnowledgeLoadFlags  flags;

  JsonParser           *parsers[N_FILES];
  JsonArray            *arrays[N_FILES];
  GHashTable           *ids[N_FILES];      /* ids defined in each file (phase 1) */
  GHashTable           *missing;           /* illustration names not found */
  const char           *file;              /* the file being read, for messages */
} LcLoader;

/* The reader (lc-knowledge-reader.c): files, fields and checks */
void lc_loader_clear (LcLoader *loader);
G_GNUC_PRINTF (5, 6)
gboolean lc_loader_fail (GError           **error,
                         LcKnowledgeError   code,
                         const char        *file,
                         const char        *entry,
                         const char        *format,
                         ...);
gboolean lc_loader_check_fields (LcLoader            *loader,
                                 JsonObject        *object,
                                 const char        *entry,
                                 const char * const *allowed,
                                 GError           **error);
gboolean lc_loader_read_string (LcLoader      *loader,
                                JsonObject  *object,
                                const char  *entry,
                                const char  *field,
                                gboolean     required,
                                const char **out,
                                GError     **error);
gboolean lc_loader_read_text (LcLoader      *loader,
                              JsonObject  *object,
                              const char  *entry,
                              const char  *field,
                              gboolean     required,
                              const char **out,
                              GError     **error);
gboolean lc_loader_read_id (LcLoader      *loader,
                            JsonObject  *object,
                            const char  *entry,
                            const char  *field,
                            gboolean     required,
                            const char **out,
                            GError     **error);
gboolean lc_loader_read_boolean (LcLoader     *loader,
                                 JsonObject *object,
                                 const char *entry,
                                 const char *field,
                                 gboolean    required,
                                 gboolean   *out,
                                 GError    **error);
gboolean lc_loader_check_fraction (LcLoader     *loader,
                                   JsonNode   *node,
                                   const char *entry,
                                   const char *field,
                                   double     *out,
                                   GError    **error);
gboolean lc_loader_read_fraction (LcLoader     *loader,
                                  JsonObject *object,
                                  const char *entry,
                                  const char *field,
                                  double     *out,
                                  GError    **error);
gboolean lc_loader_read_seconds (LcLoader     *loader,
                                 JsonObject *object,
                                 const char *entry,
                                 const char *field,
                                 guint       max,
                                 guint      *out,
                                 GError    **error);
gboolean lc_loader_read_id_list (LcLoader      *loader,
                                 JsonObject  *object,
                                 const char  *entry,
                                 const char  *field,
                                 gboolean     required,
                                 GHashTable  *known,
                                 const char  *known_what,
                                 GStrv       *out,
                                 GError     **error);
JsonArray *lc_loader_read_object_list (LcLoader      *loader,
                                        JsonObject  *object,
                                        const char  *entry,
                                        const char  *field,
                                        gboolean     required,
                                        GError     **error);
LcProvenance *lc_loader_read_source (LcLoader      *loader,
                                      JsonObject  *object,
                                      const char  *entry,
                                      gboolean     required,
                                      GError     **error);
gboolean lc_loader_check_reference (LcLoader      *loader,
                                    const char  *entry,
                                    LcLoaderFileKind     kind,
                                    const char  *id,
                                    GError     **error);
gboolean lc_loader_check_illustration (LcLoader      *loader,
                                       const char  *entry,
                                       const char  *name,
                                       const char **out_name,
                                       GError     **error);
char *lc_loader_entry_name (LcLoaderFileKind    kind,
                             JsonObject *object);
gboolean lc_loader_parse_file (LcLoader    *loader,
                               LcLoaderFileKind   kind,
                               GError   **error);

/* A list of { "cause", "weight", "source", "context-weights" } (lc-knowledge-loaders.c);
 * a ref without "source" takes @default_provenance, required when NULL.
 */
GPtrArray *lc_loader_read_cause_refs (LcLoader     *loader,
                                      JsonObject   *object,
                                      const char   *entry,
                                      const char   *field,
                                      LcProvenance *default_provenance,
                                      GError      **error);

/* The loaders (lc-knowledge-loaders.c, lc-knowledge-signal-loader.c): one
 * per file, in this order
 */
gboolean lc_loader_load_contexts (LcLoader  *loader,
                                  GError **error);
gboolean lc_loader_load_sources (LcLoader  *loader,
                                 GError **error);
gboolean lc_loader_load_families (LcLoader  *loader,
                                  GError **error);
gboolean lc_loader_load_devices (LcLoader  *loader,
                                 GError **error);
gboolean lc_loader_load_procedures (LcLoader  *loader,
                                    GError **error);
gboolean lc_loader_load_causes (LcLoader  *loader,
                                GError **error);
gboolean lc_loader_load_signals (LcLoader  *loader,
                                 GError **error);

G_END_DECLS
