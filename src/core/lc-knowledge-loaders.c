/* lc-knowledge-loaders.c — one loader per knowledge file: contexts, sources, families, devices, procedures, causes
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lc-knowledge-loader.h"

/* The longest wait and hold a step may ask for. */
#define MAX_WAIT_SECONDS 3600
#define MAX_HOLD_SECONDS 120

/* Contexts and sources ---------------------------------------------------- */

gboolean
lc_loader_load_contexts (LcLoader  *loader,
                         GError **error)
{
  static const char * const allowed[] = { "id", "label", "description", "problem", "families", NULL };
  LcKnowledge *self = loader->self;
  JsonArray *array = loader->arrays[FILE_CONTEXTS];
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  loader->file = lc_loader_files[FILE_CONTEXTS].name;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      g_autofree char *entry = lc_loader_entry_name (FILE_CONTEXTS, object);
      const char *id = json_object_get_string_member (object, "id");
      const char *label;
      const char *description;
      gboolean problem;
      g_auto(GStrv) families = NULL;

      if (!lc_loader_check_fields (loader, object, entry, allowed, error) ||
          !lc_loader_read_id_list (loader, object, entry, "families", FALSE,
                         loader->ids[FILE_FAMILIES], "family", &families, error) ||
          !lc_loader_read_text (loader, object, entry, "label", TRUE, &label, error) ||
          !lc_loader_read_text (loader, object, entry, "description", TRUE, &description, error) ||
          !lc_loader_read_boolean (loader, object, entry, "problem", FALSE, &problem, error))
        return FALSE;

      if (problem)
        g_hash_table_add (self->problem_contexts, g_strdup (id));
      if (families[0] != NULL)
        g_hash_table_insert (self->context_families, g_strdup (id), g_steal_pointer (&families));

      g_strv_builder_add (builder, id);
      g_hash_table_insert (self->context_labels, g_strdup (id), g_strdup (label));
      g_hash_table_insert (self->context_descriptions, g_strdup (id), g_strdup (description));
    }

  if (!g_hash_table_contains (loader->ids[FILE_CONTEXTS], "any") ||
      !g_str_equal (json_object_get_string_member (json_array_get_object_element (array, 0), "id"), "any"))
    return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, NULL,
                 "the first context must be “any”");

  g_clear_pointer (&self->context_ids, g_strfreev);
  self->context_ids = g_strv_builder_end (builder);

  return TRUE;
}

gboolean
lc_loader_load_sources (LcLoader  *loader,
                        GError **error)
{
  static const char * const allowed[] = { "id", "kind", "name", "url", NULL };
  JsonArray *array = loader->arrays[FILE_SOURCES];

  loader->file = lc_loader_files[FILE_SOURCES].name;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      g_autofree char *entry = lc_loader_entry_name (FILE_SOURCES, object);
      const char *id = json_object_get_string_member (object, "id");
      const char *kind_text;
      const char *name;
      const char *url;
      LcProvenanceKind kind;

      if (!lc_loader_check_fields (loader, object, entry, allowed, error) ||
          !lc_loader_read_string (loader, object, entry, "kind", TRUE, &kind_text, error) ||
          !lc_loader_read_string (loader, object, entry, "name", TRUE, &name, error) ||
          !lc_loader_read_string (loader, object, entry, "url", FALSE, &url, error))
        return FALSE;

      if (!lc_provenance_kind_from_string (kind_text, &kind))
        return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                     "unknown kind “%s” (use official, article, community, third-party or lightcode)",
                     kind_text);

      if (url != NULL && !g_str_has_prefix (url, "https://") && !g_str_has_prefix (url, "http://"))
        return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                     "the url must start with https://");

      g_hash_table_insert (loader->self->source_table, g_strdup (id),
                           lc_provenance_new (kind, id, name, url));
    }

  return TRUE;
}

/* Cause refs ------------------------------------------------------------- */

/* The optional "context-weights": { "<context>": weight, … }. */
static gboolean
read_context_weights (LcLoader    *loader,
                      JsonObject  *ref_object,
                      const char  *ref_entry,
                      LcCauseRef  *ref,
                      GError     **error)
{
  JsonNode *weights_node = json_object_get_member (ref_object, "context-weights");
  g_autoptr(GList) contexts = NULL;
  JsonObject *weights;

  if (weights_node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (weights_node))
    return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, ref_entry,
                           "the field “context-weights” must be an object");

  weights = json_node_get_object (weights_node);
  contexts = json_object_get_members (weights);

  for (const GList *l = contexts; l != NULL; l = l->next)
    {
      const char *context_id = l->data;
      double context_weight = 0; /* for GCC 12 -O3: check_fraction sets it */

      if (!g_utf8_validate (context_id, -1, NULL))
        return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_REFERENCE, loader->file, ref_entry,
                               "unknown context in “context-weights”");

      if (!lc_loader_check_reference (loader, ref_entry, FILE_CONTEXTS, context_id, error) ||
          !lc_loader_check_fraction (loader, json_object_get_member (weights, context_id),
                                     ref_entry, context_id, &context_weight, error))
        return FALSE;

      _lc_cause_ref_set_context_weight (ref, context_id, context_weight);
    }

  return TRUE;
}

GPtrArray *
lc_loader_read_cause_refs (LcLoader     *loader,
                           JsonObject   *object,
                           const char   *entry,
                           const char   *field,
                           LcProvenance *default_provenance,
                           GError      **error)
{
  static const char * const allowed[] = { "cause", "weight", "source", "context-weights", NULL };
  g_autoptr(GPtrArray) refs = g_ptr_array_new_with_free_func ((GDestroyNotify) _lc_cause_ref_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array;

  if (!(array = lc_loader_read_object_list (loader, object, entry, field, TRUE, error)))
    return NULL;

  if (json_array_get_length (array) == 0)
    {
      lc_loader_fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
            "the field “%s” is empty", field);
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *ref_object = json_array_get_object_element (array, i);
      g_autofree char *ref_entry = g_strdup_printf ("%s, cause %u", entry, i + 1);
      LcProvenance *provenance;
      const char *cause_id;
      LcCauseRef *ref;
      double weight;

      if (!lc_loader_check_fields (loader, ref_object, ref_entry, allowed, error) ||
          !lc_loader_read_string (loader, ref_object, ref_entry, "cause", TRUE, &cause_id, error) ||
          !lc_loader_check_reference (loader, ref_entry, FILE_CAUSES, cause_id, error) ||
          !lc_loader_read_fraction (loader, ref_object, ref_entry, "weight", &weight, error))
        return NULL;

      provenance = lc_loader_read_source (loader, ref_object, ref_entry, default_provenance == NULL, error);
      if (provenance == NULL)
        {
          if (json_object_has_member (ref_object, "source") || default_provenance == NULL)
            return NULL;
          provenance = default_provenance;
        }

      if (!g_hash_table_add (seen, (gpointer) cause_id))
        {
          lc_loader_fail (error, LC_KNOWLEDGE_ERROR_DUPLICATE, loader->file, ref_entry,
                "the cause “%s” is listed twice", cause_id);
          return NULL;
        }

      ref = _lc_cause_ref_new (cause_id, weight, provenance);
      g_ptr_array_add (refs, ref);

      if (!read_context_weights (loader, ref_object, ref_entry, ref, error))
        return NULL;
    }

  return g_steal_pointer (&refs);
}

/* Families and devices ---------------------------------------------------- */

gboolean
lc_loader_load_families (LcLoader  *loader,
                         GError **error)
{
  static const char * const allowed[] = { "id", "name", "description", "fallback-causes", NULL };
  LcKnowledge *self = loader->self;
  JsonArray *array = loader->arrays[FILE_FAMILIES];

  loader->file = lc_loader_files[FILE_FAMILIES].name;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      g_autofree char *entry = lc_loader_entry_name (FILE_FAMILIES, object);
      const char *id = json_object_get_string_member (object, "id");
      g_autoptr(LcFamily) family = NULL;
      GPtrArray *fallback;
      const char *name;
      const char *description;

      if (!lc_loader_check_fields (loader, object, entry, allowed, error) ||
          !lc_loader_read_text (loader, object, entry, "name", TRUE, &name, error) ||
          !lc_loader_read_text (loader, object, entry, "description", TRUE, &description, error))
        return FALSE;

      if (!(fallback = lc_loader_read_cause_refs (loader, object, entry, "fallback-causes", NULL, error)))
        return FALSE;

      family = _lc_family_new (id, name, description, fallback);
      g_list_store_append (self->families, family);
      g_hash_table_insert (self->family_table, (gpointer) lc_family_get_id (family), family);
    }

  return TRUE;
}

static gboolean
read_light (LcLoader         *loader,
            JsonObject     *object,
            const char     *entry,
            GHashTable     *seen,
            LcDeviceLight  *light,
            GError        **error)
{
  static const char * const allowed[] = { "id", "name", "colors", "x", "y", NULL };
  JsonNode *colors_node;
  JsonArray *colors;
  const char *id;
  const char *name;

  if (!lc_loader_check_fields (loader, object, entry, allowed, error) ||
      !lc_loader_read_id (loader, object, entry, "id", TRUE, &id, error) ||
      !lc_loader_read_text (loader, object, entry, "name", TRUE, &name, error) ||
      !lc_loader_read_fraction (loader, object, entry, "x", &light->x, error) ||
      !lc_loader_read_fraction (loader, object, entry, "y", &light->y, error))
    return FALSE;

  if (!g_hash_table_add (seen, (gpointer) id))
    return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_DUPLICATE, loader->file, entry,
                 "the light id “%s” is used twice", id);

  colors_node = json_object_get_member (object, "colors");
  if (colors_node == NULL || !JSON_NODE_HOLDS_ARRAY (colors_node))
    return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                 "the field “colors” must be a list of colors");

  colors = json_node_get_array (colors_node);
  if (json_array_get_length (colors) == 0)
    return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                 "the field “colors” is empty");

  for (guint i = 0; i < json_array_get_length (colors); i++)
    {
      JsonNode *element = json_array_get_element (colors, i);
      const char *text;
      LcColor color;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                     "the field “colors” must be a list of colors");

      text = json_node_get_string (element);
      if (!lc_color_from_string (text, &color) || color == LC_COLOR_NONE)
        {
          if (!g_utf8_validate (text, -1, NULL))
            return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                         "unknown color in “colors”");
          return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                       "unknown color “%s”", text);
        }

      if (lc_device_light_can_show (light, color))
        return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_DUPLICATE, loader->file, entry,
                     "the color “%s” is listed twice", text);

      /* Distinct valid colors never exceed LC_N_COLORS - 1. */
      g_assert (light->n_colors < LC_N_COLORS);
      light->colors[light->n_colors++] = color;
    }

  light->id = g_strdup (id);
  light->name = g_strdup (name);

  return TRUE;
}

static void
clear_light (gpointer data)
{
  LcDeviceLight *light = data;

  g_free ((char *) light->id);
  g_free ((char *) light->name);
}

/* The device's "lights", into @lights (LcDeviceLight). */
static gboolean
read_lights (LcLoader    *loader,
             JsonObject  *object,
             const char  *entry,
             GArray      *lights,
             GError     **error)
{
  g_autoptr(GHashTable) seen = NULL;
  JsonArray *light_array;

  if (!(light_array = lc_loader_read_object_list (loader, object, entry, "lights", TRUE, error)))
    return FALSE;

  if (json_array_get_length (light_array) == 0)
    return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                 "the field “lights” is empty");

  if (json_array_get_length (light_array) > LC_SIGNAL_MAX_LIGHTS)
    return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                 "a device can have at most %u lights", LC_SIGNAL_MAX_LIGHTS);

  seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint j = 0; j < json_array_get_length (light_array); j++)
    {
      g_autofree char *light_entry = g_strdup_printf ("%s, light %u", entry, j + 1);
      LcDeviceLight light = { NULL, };

      if (!read_light (loader, json_array_get_object_element (light_array, j),
                       light_entry, seen, &light, error))
        return FALSE;

      g_array_append_val (lights, light);
    }

  return TRUE;
}

gboolean
lc_loader_load_devices (LcLoader  *loader,
                        GError **error)
{
  static const char * const allowed[] = {
    "id", "name", "family", "drawing", "needs-sync-module", "official-chart",
    "note", "lights", "fallback-causes", "lights-assumed", "sources", NULL
  };
  LcKnowledge *self = loader->self;
  JsonArray *array = loader->arrays[FILE_DEVICES];

  loader->file = lc_loader_files[FILE_DEVICES].name;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      g_autofree char *entry = lc_loader_entry_name (FILE_DEVICES, object);
      const char *id = json_object_get_string_member (object, "id");
      g_autoptr(GPtrArray) fallback = NULL;
      g_autoptr(LcDevice) device = NULL;
      g_autoptr(GArray) lights = NULL;
      const char *name;
      const char *family_id;
      const char *drawing;
      const char *drawing_kept;
      const char *note;
      gboolean needs_sync_module;
      gboolean official_chart;
      gboolean lights_assumed;
      g_auto(GStrv) note_sources = NULL;
      LcFamily *family;

      if (!lc_loader_check_fields (loader, object, entry, allowed, error) ||
          !lc_loader_read_text (loader, object, entry, "name", TRUE, &name, error) ||
          !lc_loader_read_string (loader, object, entry, "family", TRUE, &family_id, error) ||
          !lc_loader_read_string (loader, object, entry, "drawing", TRUE, &drawing, error) ||
          !lc_loader_check_illustration (loader, entry, drawing, &drawing_kept, error) ||
          !lc_loader_read_boolean (loader, object, entry, "needs-sync-module", TRUE, &needs_sync_module, error) ||
          !lc_loader_read_boolean (loader, object, entry, "official-chart", TRUE, &official_chart, error) ||
          !lc_loader_read_text (loader, object, entry, "note", TRUE, &note, error) ||
          !lc_loader_read_boolean (loader, object, entry, "lights-assumed", FALSE, &lights_assumed, error) ||
          !lc_loader_read_id_list (loader, object, entry, "sources", FALSE,
                         loader->ids[FILE_SOURCES], "source", &note_sources, error))
        return FALSE;

      family = g_hash_table_lookup (self->family_table, family_id);
      if (family == NULL)
        return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_REFERENCE, loader->file, entry,
                     "unknown family “%s”", family_id);

      lights = g_array_new (FALSE, TRUE, sizeof (LcDeviceLight));
      g_array_set_clear_func (lights, clear_light);
      if (!read_lights (loader, object, entry, lights, error))
        return FALSE;

      if (json_object_has_member (object, "fallback-causes") &&
          !(fallback = lc_loader_read_cause_refs (loader, object, entry, "fallback-causes", NULL, error)))
        return FALSE;

      /* The device takes over the light strings; don't free them twice. */
      g_array_set_clear_func (lights, NULL);

      /* Without its drawing (lenient load) the device keeps the name: the UI
       * falls back to a plain picture, and the test suite reports it.
       */
      device = _lc_device_new (id, name, family,
                               drawing_kept != NULL ? drawing_kept : drawing,
                               needs_sync_module, official_chart, note,
                               g_steal_pointer (&lights),
                               g_steal_pointer (&fallback));
      _lc_device_set_lights_assumed (device, lights_assumed);
      g_list_store_append (self->devices, device);
      g_hash_table_insert (self->device_table, (gpointer) lc_device_get_id (device), device);
    }

  return TRUE;
}

/* Procedures and causes --------------------------------------------------- */

static LcStep *
read_step (LcLoader      *loader,
           JsonObject  *object,
           const char  *entry,
           gboolean    *has_illustration,
           GError     **error)
{
  static const char * const allowed[] = {
    "title", "text", "illustration", "wait", "hold", "safety", "stop", "note",
    "note-devices", "sources", "tags", NULL
  };
  static const char * const known_tags[] = {
    LC_STEP_TAG_OPENS_DEVICE, LC_STEP_TAG_BREAKER_OFF, LC_STEP_TAG_REMOVES_DRIVE, NULL
  };
  g_auto(GStrv) source_ids = NULL;
  g_auto(GStrv) tags = NULL;
  g_auto(GStrv) note_device_ids = NULL;
  LcStep *step;
  const char *title;
  const char *text;
  const char *illustration;
  const char *illustration_kept = NULL;
  const char *safety;
  const char *stop;
  const char *note;
  guint wait_seconds;
  guint hold_seconds;

  if (!lc_loader_check_fields (loader, object, entry, allowed, error) ||
      !lc_loader_read_text (loader, object, entry, "title", TRUE, &title, error) ||
      !lc_loader_read_text (loader, object, entry, "text", TRUE, &text, error) ||
      !lc_loader_read_string (loader, object, entry, "illustration", FALSE, &illustration, error) ||
      !lc_loader_read_seconds (loader, object, entry, "wait", MAX_WAIT_SECONDS, &wait_seconds, error) ||
      !lc_loader_read_seconds (loader, object, entry, "hold", MAX_HOLD_SECONDS, &hold_seconds, error) ||
      !lc_loader_read_text (loader, object, entry, "safety", FALSE, &safety, error) ||
      !lc_loader_read_text (loader, object, entry, "stop", FALSE, &stop, error) ||
      !lc_loader_read_text (loader, object, entry, "note", FALSE, &note, error) ||
      !lc_loader_read_id_list (loader, object, entry, "note-devices", FALSE,
                     loader->ids[FILE_DEVICES], "device", &note_device_ids, error) ||
      !lc_loader_read_id_list (loader, object, entry, "sources", FALSE,
                     loader->ids[FILE_SOURCES], "source", &source_ids, error) ||
      !lc_loader_read_id_list (loader, object, entry, "tags", FALSE, NULL, NULL, &tags, error))
    return NULL;

  for (guint i = 0; tags[i] != NULL; i++)
    {
      if (!g_strv_contains (known_tags, tags[i]))
        {
          lc_loader_fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                "unknown tag “%s”", g_utf8_validate (tags[i], -1, NULL) ? tags[i] : "?");
          return NULL;
        }
    }

  /* A step that switches a circuit off is a safety step: it must say why. */
  if (g_strv_contains ((const char * const *) tags, LC_STEP_TAG_BREAKER_OFF) && safety == NULL)
    {
      lc_loader_fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
            "a “%s” step needs a “safety” note", LC_STEP_TAG_BREAKER_OFF);
      return NULL;
    }

  if (illustration != NULL)
    {
      if (!lc_loader_check_illustration (loader, entry, illustration, &illustration_kept, error))
        return NULL;
      *has_illustration = TRUE;
    }

  step = _lc_step_new (title, text, illustration_kept, wait_seconds, hold_seconds,
                       safety, stop, note);
  _lc_step_set_facts (step, g_steal_pointer (&source_ids), g_steal_pointer (&tags));
  _lc_step_set_note_devices (step, g_steal_pointer (&note_device_ids));

  return step;
}

gboolean
lc_loader_load_procedures (LcLoader  *loader,
                           GError **error)
{
  static const char * const allowed[] = {
    "id", "title", "source", "families", "devices", "support", "disagreement", "steps", NULL
  };
  LcKnowledge *self = loader->self;
  JsonArray *array = loader->arrays[FILE_PROCEDURES];

  loader->file = lc_loader_files[FILE_PROCEDURES].name;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      g_autofree char *entry = lc_loader_entry_name (FILE_PROCEDURES, object);
      const char *id = json_object_get_string_member (object, "id");
      g_autoptr(LcProcedure) procedure = NULL;
      g_autoptr(GPtrArray) steps = NULL;
      g_auto(GStrv) families_ids = NULL;
      g_auto(GStrv) device_ids = NULL;
      gboolean has_illustration = FALSE;
      LcProvenance *provenance;
      JsonArray *step_array;
      const char *title;
      const char *support;
      const char *disagreement;

      if (!lc_loader_check_fields (loader, object, entry, allowed, error) ||
          !lc_loader_read_text (loader, object, entry, "title", TRUE, &title, error) ||
          !(provenance = lc_loader_read_source (loader, object, entry, TRUE, error)) ||
          !lc_loader_read_id_list (loader, object, entry, "families", FALSE,
                         loader->ids[FILE_FAMILIES], "family", &families_ids, error) ||
          !lc_loader_read_id_list (loader, object, entry, "devices", FALSE,
                         loader->ids[FILE_DEVICES], "device", &device_ids, error) ||
          !lc_loader_read_text (loader, object, entry, "support", TRUE, &support, error) ||
          !lc_loader_read_text (loader, object, entry, "disagreement", FALSE, &disagreement, error))
        return FALSE;

      if (!(step_array = lc_loader_read_object_list (loader, object, entry, "steps", TRUE, error)))
        return FALSE;

      if (json_array_get_length (step_array) == 0)
        return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                     "the procedure has no steps");

      steps = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint j = 0; j < json_array_get_length (step_array); j++)
        {
          g_autofree char *step_entry = g_strdup_printf ("%s, step %u", entry, j + 1);
          LcStep *step;

          if (!(step = read_step (loader, json_array_get_object_element (step_array, j),
                                  step_entry, &has_illustration, error)))
            return FALSE;

          g_ptr_array_add (steps, step);
        }

      if (!has_illustration)
        return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_ILLUSTRATION, loader->file, entry,
                     "no step has an illustration");

      procedure = _lc_procedure_new (id, title, provenance,
                                     g_steal_pointer (&families_ids),
                                     g_steal_pointer (&device_ids),
                                     g_steal_pointer (&steps),
                                     support, disagreement);
      g_list_store_append (self->procedures, procedure);
      g_hash_table_insert (self->procedure_table, (gpointer) lc_procedure_get_id (procedure), procedure);
    }

  return TRUE;
}

gboolean
lc_loader_load_causes (LcLoader  *loader,
                       GError **error)
{
  static const char * const allowed[] = { "id", "title", "explanation", "normal", "procedures", NULL };
  LcKnowledge *self = loader->self;
  JsonArray *array = loader->arrays[FILE_CAUSES];

  loader->file = lc_loader_files[FILE_CAUSES].name;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      g_autofree char *entry = lc_loader_entry_name (FILE_CAUSES, object);
      const char *id = json_object_get_string_member (object, "id");
      g_auto(GStrv) procedure_ids = NULL;
      g_autoptr(LcCause) cause = NULL;
      const char *title;
      const char *explanation;
      gboolean is_normal;

      if (!lc_loader_check_fields (loader, object, entry, allowed, error) ||
          !lc_loader_read_text (loader, object, entry, "title", TRUE, &title, error) ||
          !lc_loader_read_text (loader, object, entry, "explanation", TRUE, &explanation, error) ||
          !lc_loader_read_boolean (loader, object, entry, "normal", FALSE, &is_normal, error) ||
          !lc_loader_read_id_list (loader, object, entry, "procedures", FALSE,
                         loader->ids[FILE_PROCEDURES], "procedure", &procedure_ids, error))
        return FALSE;

      if (!is_normal && procedure_ids[0] == NULL)
        return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                     "lists no procedures (only a normal cause may have none)");

      cause = _lc_cause_new (id, title, explanation, is_normal, g_steal_pointer (&procedure_ids));
      g_list_store_append (self->causes, cause);
      g_hash_table_insert (self->cause_table, (gpointer) lc_cause_get_id (cause), cause);
    }

  return TRUE;
}
