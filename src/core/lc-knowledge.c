/* lc-knowledge.c — the knowledge base: loading it once, and its lookups
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "lc-knowledge-loader.h"

G_DEFINE_FINAL_TYPE (LcKnowledge, lc_knowledge, G_TYPE_OBJECT)

G_DEFINE_QUARK (lc-knowledge-error-quark, lc_knowledge_error)

/* Object ------------------------------------------------------------------ */

static void
lc_knowledge_finalize (GObject *object)
{
  LcKnowledge *self = (LcKnowledge *)object;

  g_clear_pointer (&self->device_table, g_hash_table_unref);
  g_clear_pointer (&self->family_table, g_hash_table_unref);
  g_clear_pointer (&self->cause_table, g_hash_table_unref);
  g_clear_pointer (&self->procedure_table, g_hash_table_unref);
  g_clear_pointer (&self->source_table, g_hash_table_unref);
  g_clear_object (&self->devices);
  g_clear_object (&self->families);
  g_clear_object (&self->causes);
  g_clear_object (&self->procedures);
  g_clear_pointer (&self->context_ids, g_strfreev);
  g_clear_pointer (&self->context_labels, g_hash_table_unref);
  g_clear_pointer (&self->context_descriptions, g_hash_table_unref);
  g_clear_pointer (&self->problem_contexts, g_hash_table_unref);
  g_clear_pointer (&self->context_families, g_hash_table_unref);
  g_clear_pointer (&self->missing_illustrations, g_strfreev);

  G_OBJECT_CLASS (lc_knowledge_parent_class)->finalize (object);
}

static void
lc_knowledge_class_init (LcKnowledgeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lc_knowledge_finalize;
}

static void
lc_knowledge_init (LcKnowledge *self)
{
  self->devices = g_list_store_new (LC_TYPE_DEVICE);
  self->families = g_list_store_new (LC_TYPE_FAMILY);
  self->causes = g_list_store_new (LC_TYPE_CAUSE);
  self->procedures = g_list_store_new (LC_TYPE_PROCEDURE);
  self->device_table = g_hash_table_new (g_str_hash, g_str_equal);
  self->family_table = g_hash_table_new (g_str_hash, g_str_equal);
  self->cause_table = g_hash_table_new (g_str_hash, g_str_equal);
  self->procedure_table = g_hash_table_new (g_str_hash, g_str_equal);
  self->source_table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->context_ids = g_new0 (char *, 1);
  self->context_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->context_descriptions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->problem_contexts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->context_families = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                  (GDestroyNotify) g_strfreev);
  self->missing_illustrations = g_new0 (char *, 1);
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

LcKnowledge *
_lc_knowledge_load (GFile                *directory,
                    const char           *resource_path,
                    GHashTable           *overrides,
                    LcKnowledgeLoadFlags  flags,
                    GError              **error)
{
  g_autoptr(LcKnowledge) self = g_object_new (LC_TYPE_KNOWLEDGE, NULL);
  g_autofree char **missing = NULL;
  LcLoader loader = { NULL, };
  gboolean ok;
  guint n_missing;

  g_assert ((directory == NULL) != (resource_path == NULL));

  loader.self = self;
  loader.directory = directory;
  loader.resource_path = resource_path;
  loader.overrides = overrides;
  loader.flags = flags;
  loader.missing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  ok = TRUE;
  for (guint i = 0; ok && i < N_FILES; i++)
    ok = lc_loader_parse_file (&loader, i, error);

  ok = ok &&
       lc_loader_load_contexts (&loader, error) &&
       lc_loader_load_sources (&loader, error) &&
       lc_loader_load_families (&loader, error) &&
       lc_loader_load_devices (&loader, error) &&
       lc_loader_load_procedures (&loader, error) &&
       lc_loader_load_causes (&loader, error) &&
       lc_loader_load_signals (&loader, error);

  if (ok)
    {
      missing = (char **) g_hash_table_get_keys_as_array (loader.missing, &n_missing);
      g_qsort_with_data (missing, n_missing, sizeof (char *), compare_names, NULL);
      g_strfreev (self->missing_illustrations);
      self->missing_illustrations = g_new0 (char *, n_missing + 1);
      for (guint i = 0; i < n_missing; i++)
        self->missing_illustrations[i] = g_strdup (missing[i]);
    }

  lc_loader_clear (&loader);

  if (!ok)
    return NULL;

  return g_steal_pointer (&self);
}

static LcKnowledge *default_knowledge;
static GError *default_error;

LcKnowledge *
lc_knowledge_get_default (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      g_autoptr(GError) error = NULL;

      default_knowledge = _lc_knowledge_load (NULL, LC_KNOWLEDGE_RESOURCE_PATH, NULL,
                                              LC_KNOWLEDGE_LOAD_LENIENT_PICTURES, &error);

      if (default_knowledge == NULL)
        {
          g_critical ("The knowledge base is broken: %s", error->message);
          default_error = g_steal_pointer (&error);
          default_knowledge = g_object_new (LC_TYPE_KNOWLEDGE, NULL);
        }
      else if (default_knowledge->missing_illustrations[0] != NULL)
        {
          g_autofree char *names = g_strjoinv (", ", default_knowledge->missing_illustrations);

          g_debug ("Illustrations missing from the resources: %s", names);
        }

      g_once_init_leave (&initialized, 1);
    }

  return default_knowledge;
}

const GError *
lc_knowledge_get_load_error (void)
{
  lc_knowledge_get_default ();

  return default_error;
}

LcKnowledge *
lc_knowledge_new_from_directory (GFile   *directory,
                                 GError **error)
{
  g_return_val_if_fail (G_IS_FILE (directory), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _lc_knowledge_load (directory, NULL, NULL, LC_KNOWLEDGE_LOAD_STRICT, error);
}

LcKnowledge *
lc_knowledge_new_from_resource (const char  *resource_path,
                                GError     **error)
{
  g_return_val_if_fail (resource_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _lc_knowledge_load (NULL, resource_path, NULL, LC_KNOWLEDGE_LOAD_STRICT, error);
}

const char * const *
_lc_knowledge_get_missing_illustrations (LcKnowledge *self)
{
  g_assert (LC_IS_KNOWLEDGE (self));

  return (const char * const *) self->missing_illustrations;
}

gboolean
lc_knowledge_is_empty (LcKnowledge *self)
{
  g_return_val_if_fail (LC_IS_KNOWLEDGE (self), TRUE);

  return g_list_model_get_n_items (G_LIST_MODEL (self->devices)) == 0;
}

GListModel *
lc_knowledge_get_devices (LcKnowledge *self)
{
  g_return_val_if_fail (LC_IS_KNOWLEDGE (self), NULL);

  return G_LIST_MODEL (self->devices);
}

GListModel *
lc_knowledge_get_families (LcKnowledge *self)
{
  g_return_val_if_fail (LC_IS_KNOWLEDGE (self), NULL);

  return G_LIST_MODEL (self->families);
}

GListModel *
lc_knowledge_get_causes (LcKnowledge *self)
{
  g_return_val_if_fail (LC_IS_KNOWLEDGE (self), NULL);

  return G_LIST_MODEL (self->causes);
}

GListModel *
lc_knowledge_get_procedures (LcKnowledge *self)
{
  g_return_val_if_fail (LC_IS_KNOWLEDGE (self), NULL);

  return G_LIST_MODEL (self->procedures);
}

LcDevice *
lc_knowledge_lookup_device (LcKnowledge *self,
                            const char  *id)
{
  g_return_val_if_fail (LC_IS_KNOWLEDGE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->device_table, id);
}

LcFamily *
lc_knowledge_lookup_family (LcKnowledge *self,
                            const char  *id)
{
  g_return_val_if_fail (LC_IS_KNOWLEDGE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->family_table, id);
}

LcCause *
lc_knowledge_lookup_cause (LcKnowledge *self,
                           const char  *id)
{
  g_return_val_if_fail (LC_IS_KNOWLEDGE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->cause_table, id);
}

LcProcedure *
lc_knowledge_lookup_procedure (LcKnowledge *self,
                               const char  *id)
{
  g_return_val_if_fail (LC_IS_KNOWLEDGE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->procedure_table, id);
}

LcProvenance *
lc_knowledge_lookup_source (LcKnowledge *self,
                            const char  *id)
{
  g_return_val_if_fail (LC_IS_KNOWLEDGE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->source_table, id);
}

const char * const *
lc_knowledge_get_context_ids (LcKnowledge *self)
{
  g_return_val_if_fail (LC_IS_KNOWLEDGE (self), NULL);

  return (const char * const *) self->context_ids;
}

const char *
lc_knowledge_get_context_label (LcKnowledge *self,
                                const char  *context_id)
{
  g_return_val_if_fail (LC_IS_KNOWLEDGE (self), NULL);
  g_return_val_if_fail (context_id != NULL, NULL);

  return g_hash_table_lookup (self->context_labels, context_id);
}

const char *
lc_knowledge_get_context_description (LcKnowledge *self,
                                      const char  *context_id)
{
  g_return_val_if_fail (LC_IS_KNOWLEDGE (self), NULL);
  g_return_val_if_fail (context_id != NULL, NULL);

  return g_hash_table_lookup (self->context_descriptions, context_id);
}

gboolean
lc_knowledge_context_is_problem (LcKnowledge *self,
                                 const char  *context_id)
{
  g_return_val_if_fail (LC_IS_KNOWLEDGE (self), FALSE);
  g_return_val_if_fail (context_id != NULL, FALSE);

  return g_hash_table_contains (self->problem_contexts, context_id);
}

gboolean
lc_knowledge_context_applies_to (LcKnowledge *self,
                                 const char  *context_id,
                                 LcDevice    *device)
{
  const char * const *families;

  g_return_val_if_fail (LC_IS_KNOWLEDGE (self), FALSE);
  g_return_val_if_fail (context_id != NULL, FALSE);
  g_return_val_if_fail (LC_IS_DEVICE (device), FALSE);

  families = g_hash_table_lookup (self->context_families, context_id);

  return families == NULL || g_strv_contains (families, lc_device_get_family_id (device));
}

GListModel *
lc_knowledge_list_procedures_for_cause (LcKnowledge *self,
                                        LcCause     *cause,
                                        LcDevice    *device)
{
  GListStore *store;
  const char * const *ids;

  g_return_val_if_fail (LC_IS_KNOWLEDGE (self), NULL);
  g_return_val_if_fail (LC_IS_CAUSE (cause), NULL);
  g_return_val_if_fail (device == NULL || LC_IS_DEVICE (device), NULL);

  store = g_list_store_new (LC_TYPE_PROCEDURE);
  ids = lc_cause_get_procedure_ids (cause);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      LcProcedure *procedure = g_hash_table_lookup (self->procedure_table, ids[i]);

      if (procedure == NULL)
        continue;

      if (device == NULL || lc_procedure_applies_to (procedure, device))
        g_list_store_append (store, procedure);
    }

  return G_LIST_MODEL (store);
}
