/* lc-knowledge-signal-loader.c — the signals file: whom each known light is for, and each device's list
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "lc-knowledge-loader.h"

/* Whom a signal entry is for: a family, or a list of devices. Fills
 * @targets ("family:<id>" or "device:<id>"), @devices (borrowed) and
 * @out_entry, the entry's name for messages.
 */
static gboolean
read_signal_targets (LcLoader    *loader,
                     JsonObject  *object,
                     const char  *index_entry,
                     const char  *signal_text,
                     const char  *family_id,
                     GPtrArray   *targets,
                     GPtrArray   *devices,
                     char       **out_entry,
                     GError     **error)
{
  LcKnowledge *self = loader->self;
  g_auto(GStrv) device_ids = NULL;
  g_autofree char *joined = NULL;

  if (family_id != NULL)
    {
      LcFamily *family;
      guint n_devices;

      if (json_object_has_member (object, "devices"))
        return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, index_entry,
                     "give either “family” or “devices”, not both");

      *out_entry = g_strdup_printf ("signal “%s” of family “%s”", signal_text, family_id);

      family = g_hash_table_lookup (self->family_table, family_id);
      if (family == NULL)
        return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_REFERENCE, loader->file, *out_entry,
                     "unknown family “%s”", family_id);

      g_ptr_array_add (targets, g_strconcat ("family:", family_id, NULL));

      n_devices = g_list_model_get_n_items (G_LIST_MODEL (self->devices));
      for (guint j = 0; j < n_devices; j++)
        {
          g_autoptr(LcDevice) device = g_list_model_get_item (G_LIST_MODEL (self->devices), j);

          /* Borrowed: the store keeps every device alive. */
          if (lc_device_get_family (device) == family)
            g_ptr_array_add (devices, device);
        }

      return TRUE;
    }

  if (!lc_loader_read_id_list (loader, object, index_entry, "devices", FALSE,
                     loader->ids[FILE_DEVICES], "device", &device_ids, error))
    return FALSE;

  if (device_ids[0] == NULL)
    return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, index_entry,
                 "give either “family” or “devices”");

  joined = g_strjoinv ("”, “", device_ids);
  *out_entry = g_strdup_printf ("signal “%s” of “%s”", signal_text, joined);

  for (guint j = 0; device_ids[j] != NULL; j++)
    {
      LcDevice *device = g_hash_table_lookup (self->device_table, device_ids[j]);

      if (device == NULL)
        return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_REFERENCE, loader->file, *out_entry,
                     "unknown device “%s”", device_ids[j]);

      g_ptr_array_add (devices, device);
      g_ptr_array_add (targets, g_strconcat ("device:", device_ids[j], NULL));
    }

  return TRUE;
}

/* The optional "disagreement": { "text", "source" }. */
static gboolean
read_disagreement (LcLoader      *loader,
                   JsonObject    *object,
                   const char    *entry,
                   const char   **out_text,
                   LcProvenance **out_provenance,
                   GError       **error)
{
  static const char * const allowed[] = { "text", "source", NULL };
  JsonNode *node = json_object_get_member (object, "disagreement");
  g_autofree char *disagreement_entry = NULL;
  JsonObject *disagreement;

  *out_text = NULL;
  *out_provenance = NULL;

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                 "the field “disagreement” must be an object with “text” and “source”");

  disagreement_entry = g_strdup_printf ("%s, disagreement", entry);
  disagreement = json_node_get_object (node);

  return lc_loader_check_fields (loader, disagreement, disagreement_entry, allowed, error) &&
         lc_loader_read_text (loader, disagreement, disagreement_entry, "text", TRUE, out_text, error) &&
         (*out_provenance = lc_loader_read_source (loader, disagreement, disagreement_entry, TRUE, error)) != NULL;
}

/* Files @known under each of @targets in @by_target, refusing a second
 * meaning for the same light of one device or family.
 */
static gboolean
add_known_signal (LcLoader       *loader,
                  GHashTable     *by_target,
                  GPtrArray      *targets,
                  LcKnownSignal  *known,
                  const char     *entry,
                  GError        **error)
{
  const LcSignal *signal = lc_known_signal_get_signal (known);

  for (guint j = 0; j < targets->len; j++)
    {
      const char *target = g_ptr_array_index (targets, j);
      GPtrArray *list = g_hash_table_lookup (by_target, target);

      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (by_target, g_strdup (target), list);
        }

      for (guint k = 0; k < list->len; k++)
        {
          LcKnownSignal *other = g_ptr_array_index (list, k);

          if (lc_signal_equal (lc_known_signal_get_signal (other), signal))
            return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_DUPLICATE, loader->file, entry,
                         "“%s” already has a meaning for “%s”",
                         strchr (target, ':') + 1, lc_known_signal_get_signal_text (other));
        }

      g_ptr_array_add (list, g_object_ref (known));
    }

  return TRUE;
}

/* Each device: its own chart, then the family advice it doesn't override. */
static void
give_devices_their_signals (LcKnowledge *self,
                            GHashTable  *by_target)
{
  guint n_devices = g_list_model_get_n_items (G_LIST_MODEL (self->devices));

  for (guint i = 0; i < n_devices; i++)
    {
      g_autoptr(LcDevice) device = g_list_model_get_item (G_LIST_MODEL (self->devices), i);
      g_autofree char *device_key = g_strconcat ("device:", lc_device_get_id (device), NULL);
      g_autofree char *family_key = g_strconcat ("family:", lc_device_get_family_id (device), NULL);
      GPtrArray *own = g_hash_table_lookup (by_target, device_key);
      GPtrArray *general = g_hash_table_lookup (by_target, family_key);

      for (guint j = 0; own != NULL && j < own->len; j++)
        _lc_device_add_known_signal (device, g_ptr_array_index (own, j));

      for (guint j = 0; general != NULL && j < general->len; j++)
        {
          LcKnownSignal *known = g_ptr_array_index (general, j);

          if (lc_device_lookup_known_signal (device, lc_known_signal_get_signal (known)) == NULL)
            _lc_device_add_known_signal (device, known);
        }
    }
}

static gboolean
read_known_signal (LcLoader    *loader,
                   JsonObject  *object,
                   guint        index,
                   GHashTable  *by_target,
                   GError     **error)
{
  static const char * const allowed[] = {
    "family", "devices", "signal", "contexts", "title", "explanation", "normal",
    "source", "causes", "disagreement", NULL
  };
  g_autofree char *index_entry = g_strdup_printf ("signal %u", index + 1);
  g_autofree char *entry = NULL;
  g_autoptr(LcKnownSignal) known = NULL;
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) devices = g_ptr_array_new ();
  g_autoptr(GPtrArray) causes = NULL;
  g_autoptr(GError) signal_error = NULL;
  g_auto(GStrv) contexts = NULL;
  LcProvenance *provenance;
  LcProvenance *disagreement_provenance;
  const char *disagreement;
  const char *family_id;
  const char *signal_text;
  const char *title;
  const char *explanation;
  gboolean is_normal;
  LcSignal signal;

  if (!lc_loader_check_fields (loader, object, index_entry, allowed, error) ||
      !lc_loader_read_string (loader, object, index_entry, "signal", TRUE, &signal_text, error) ||
      !lc_loader_read_string (loader, object, index_entry, "family", FALSE, &family_id, error) ||
      !read_signal_targets (loader, object, index_entry, signal_text, family_id,
                            targets, devices, &entry, error))
    return FALSE;

  if (!lc_signal_parse (signal_text, &signal, &signal_error))
    return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_SIGNAL, loader->file, entry,
                 "bad signal text: %s", signal_error->message);

  for (guint j = 0; j < devices->len; j++)
    {
      LcDevice *device = g_ptr_array_index (devices, j);

      if (!lc_device_map_signal (device, &signal, NULL))
        return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_SIGNAL, loader->file, entry,
                     "the device “%s” has no light that can show it",
                     lc_device_get_id (device));
    }

  if (!lc_loader_read_id_list (loader, object, entry, "contexts", TRUE,
                     loader->ids[FILE_CONTEXTS], "context", &contexts, error) ||
      !lc_loader_read_text (loader, object, entry, "title", TRUE, &title, error) ||
      !lc_loader_read_text (loader, object, entry, "explanation", TRUE, &explanation, error) ||
      !lc_loader_read_boolean (loader, object, entry, "normal", FALSE, &is_normal, error) ||
      !(provenance = lc_loader_read_source (loader, object, entry, TRUE, error)) ||
      !(causes = lc_loader_read_cause_refs (loader, object, entry, "causes", provenance, error)) ||
      !read_disagreement (loader, object, entry, &disagreement, &disagreement_provenance, error))
    return FALSE;

  known = _lc_known_signal_new (&signal, g_steal_pointer (&contexts), title, explanation,
                                is_normal, provenance, family_id != NULL,
                                g_steal_pointer (&causes),
                                disagreement, disagreement_provenance);

  return add_known_signal (loader, by_target, targets, known, entry, error);
}

gboolean
lc_loader_load_signals (LcLoader  *loader,
                        GError   **error)
{
  JsonArray *array = loader->arrays[FILE_SIGNALS];
  /* "device:<id>" or "family:<id>" → GPtrArray of LcKnownSignal, file order */
  g_autoptr(GHashTable) by_target = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           (GDestroyNotify) g_ptr_array_unref);

  loader->file = lc_loader_files[FILE_SIGNALS].name;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      if (!read_known_signal (loader, json_array_get_object_element (array, i), i, by_target, error))
        return FALSE;
    }

  give_devices_their_signals (loader->self, by_target);

  return TRUE;
}
