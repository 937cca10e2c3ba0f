/* lc-knowledge-reader.c — reading the knowledge files: JSON, fields, references, each error worded once
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdarg.h>
#include <string.h>

#include "lc-knowledge-loader.h"

/* Deeper nesting than this is never needed and only risks the parser's stack. */
#define MAX_JSON_DEPTH 32

const LcLoaderFile lc_loader_files[N_FILES] = {
  [FILE_CONTEXTS]   = { "contexts.json",   "contexts",   "context",   TRUE },
  [FILE_SOURCES]    = { "sources.json",    "sources",    "source",    TRUE },
  [FILE_FAMILIES]   = { "families.json",   "families",   "family",    TRUE },
  [FILE_DEVICES]    = { "devices.json",    "devices",    "device",    TRUE },
  [FILE_PROCEDURES] = { "procedures.json", "procedures", "procedure", TRUE },
  [FILE_CAUSES]     = { "causes.json",     "causes",     "cause",     TRUE },
  [FILE_SIGNALS]    = { "signals.json",    "signals",    "signal",    FALSE },
};

void
lc_loader_clear (LcLoader *loader)
{
  for (guint i = 0; i < N_FILES; i++)
    {
      g_clear_object (&loader->parsers[i]);
      g_clear_pointer (&loader->ids[i], g_hash_table_unref);
    }
  g_clear_pointer (&loader->missing, g_hash_table_unref);
}

/* Every error reads "<file>: <entry>: <problem>". */
G_GNUC_PRINTF (5, 6)
gboolean
lc_loader_fail (GError           **error,
                LcKnowledgeError   code,
                const char        *file,
                const char        *entry,
                const char        *format,
                ...)
{
  g_autofree char *problem = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  if (entry != NULL)
    g_set_error (error, LC_KNOWLEDGE_ERROR, code, "%s: %s: %s", file, entry, problem);
  else
    g_set_error (error, LC_KNOWLEDGE_ERROR, code, "%s: %s", file, problem);

  return FALSE;
}

static const char *
translate (const char *text)
{
  g_assert (text != NULL && *text != '\0');

  return g_dgettext (GETTEXT_PACKAGE, text);
}

static gboolean
is_valid_id (const char *id)
{
  if (*id == '\0' || *id == '-')
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    {
      if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isspace (*p))
        return FALSE;
    }

  return TRUE;
}

/* Field readers ---------------------------------------------------------- */

gboolean
lc_loader_check_fields (LcLoader            *loader,
                        JsonObject        *object,
                        const char        *entry,
                        const char * const *allowed,
                        GError           **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      if (!g_strv_contains (allowed, l->data))
        return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                     "unknown field “%s”", (const char *) l->data);
    }

  return TRUE;
}

/* @out is NULL when the field is absent and not required. */
gboolean
lc_loader_read_string (LcLoader      *loader,
                       JsonObject  *object,
                       const char  *entry,
                       const char  *field,
                       gboolean     required,
                       const char **out,
                       GError     **error)
{
  JsonNode *node = json_object_get_member (object, field);
  const char *value;

  *out = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                     "the field “%s” is missing", field);
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                 "the field “%s” must be a string", field);

  value = json_node_get_string (node);

  if (!g_utf8_validate (value, -1, NULL))
    return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                 "the field “%s” is not valid UTF-8", field);

  if (is_blank (value))
    return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                 "the field “%s” is empty", field);

  *out = value;

  return TRUE;
}

/* Like read_string(), but returns the translation. */
gboolean
lc_loader_read_text (LcLoader      *loader,
                     JsonObject  *object,
                     const char  *entry,
                     const char  *field,
                     gboolean     required,
                     const char **out,
                     GError     **error)
{
  if (!lc_loader_read_string (loader, object, entry, field, required, out, error))
    return FALSE;

  if (*out != NULL)
    *out = translate (*out);

  return TRUE;
}

gboolean
lc_loader_read_id (LcLoader      *loader,
                   JsonObject  *object,
                   const char  *entry,
                   const char  *field,
                   gboolean     required,
                   const char **out,
                   GError     **error)
{
  if (!lc_loader_read_string (loader, object, entry, field, required, out, error))
    return FALSE;

  if (*out != NULL && !is_valid_id (*out))
    return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                 "“%s” is not a valid id (use lower-case letters, digits and “-”)", *out);

  return TRUE;
}

gboolean
lc_loader_read_boolean (LcLoader     *loader,
                        JsonObject *object,
                        const char *entry,
                        const char *field,
                        gboolean    required,
                        gboolean   *out,
                        GError    **error)
{
  JsonNode *node = json_object_get_member (object, field);

  *out = FALSE;

  if (node == NULL)
    {
      if (required)
        return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                     "the field “%s” is missing", field);
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                 "the field “%s” must be true or false", field);

  *out = json_node_get_boolean (node);

  return TRUE;
}

static gboolean
node_get_number (JsonNode *node,
                 double   *out)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);
  if (type != G_TYPE_DOUBLE && type != G_TYPE_INT64)
    return FALSE;

  *out = json_node_get_double (node);

  return TRUE;
}

gboolean
lc_loader_check_fraction (LcLoader     *loader,
                          JsonNode   *node,
                          const char *entry,
                          const char *field,
                          double     *out,
                          GError    **error)
{
  if (!node_get_number (node, out))
    return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                 "the field “%s” must be a number", field);

  /* Written this way round so that NaN is rejected too. */
  if (!(*out >= 0.0 && *out <= 1.0))
    return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                 "the field “%s” must be between 0 and 1", field);

  return TRUE;
}

gboolean
lc_loader_read_fraction (LcLoader     *loader,
                         JsonObject *object,
                         const char *entry,
                         const char *field,
                         double     *out,
                         GError    **error)
{
  JsonNode *node = json_object_get_member (object, field);

  if (node == NULL)
    return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                 "the field “%s” is missing", field);

  return lc_loader_check_fraction (loader, node, entry, field, out, error);
}

gboolean
lc_loader_read_seconds (LcLoader     *loader,
                        JsonObject *object,
                        const char *entry,
                        const char *field,
                        guint       max,
                        guint      *out,
                        GError    **error)
{
  JsonNode *node = json_object_get_member (object, field);
  gint64 value;

  *out = 0;

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                 "the field “%s” must be a whole number of seconds", field);

  value = json_node_get_int (node);
  if (value < 1 || value > max)
    return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                 "the field “%s” must be between 1 and %u seconds", field, max);

  *out = (guint) value;

  return TRUE;
}

/* Reads an array of ids; each must be in @known (when given). An absent
 * field gives an empty array unless @required.
 */
gboolean
lc_loader_read_id_list (LcLoader      *loader,
                        JsonObject  *object,
                        const char  *entry,
                        const char  *field,
                        gboolean     required,
                        GHashTable  *known,
                        const char  *known_what,
                        GStrv       *out,
                        GError     **error)
{
  JsonNode *node = json_object_get_member (object, field);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array;
  guint length;

  *out = NULL;

  if (node == NULL)
    {
      if (required)
        return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                     "the field “%s” is missing", field);
      *out = g_strv_builder_end (builder);
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                 "the field “%s” must be a list", field);

  array = json_node_get_array (node);
  length = json_array_get_length (array);

  if (required && length == 0)
    return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                 "the field “%s” is empty", field);

  for (guint i = 0; i < length; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      const char *id;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                     "the field “%s” must be a list of strings", field);

      id = json_node_get_string (element);

      if (known != NULL && !g_hash_table_contains (known, id))
        {
          /* Don't echo bytes that aren't text. */
          if (!g_utf8_validate (id, -1, NULL))
            return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_REFERENCE, loader->file, entry,
                         "unknown %s in “%s”", known_what, field);
          return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_REFERENCE, loader->file, entry,
                       "unknown %s “%s”", known_what, id);
        }

      if (!g_hash_table_add (seen, (gpointer) id))
        return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_DUPLICATE, loader->file, entry,
                     "“%s” is listed twice in “%s”", id, field);

      g_strv_builder_add (builder, id);
    }

  *out = g_strv_builder_end (builder);

  return TRUE;
}

JsonArray *
lc_loader_read_object_list (LcLoader      *loader,
                            JsonObject  *object,
                            const char  *entry,
                            const char  *field,
                            gboolean     required,
                            GError     **error)
{
  JsonNode *node = json_object_get_member (object, field);
  JsonArray *array;

  if (node == NULL)
    {
      if (required)
        lc_loader_fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
              "the field “%s” is missing", field);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      lc_loader_fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
            "the field “%s” must be a list", field);
      return NULL;
    }

  array = json_node_get_array (node);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      if (!JSON_NODE_HOLDS_OBJECT (json_array_get_element (array, i)))
        {
          lc_loader_fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                "item %u of “%s” must be an object", i + 1, field);
          return NULL;
        }
    }

  return array;
}

LcProvenance *
lc_loader_read_source (LcLoader      *loader,
                       JsonObject  *object,
                       const char  *entry,
                       gboolean     required,
                       GError     **error)
{
  const char *source_id;
  LcProvenance *provenance;

  if (!lc_loader_read_string (loader, object, entry, "source", required, &source_id, error))
    return NULL;

  if (source_id == NULL)
    return NULL;

  provenance = g_hash_table_lookup (loader->self->source_table, source_id);
  if (provenance == NULL)
    lc_loader_fail (error, LC_KNOWLEDGE_ERROR_REFERENCE, loader->file, entry,
          "unknown source “%s”", source_id);

  return provenance;
}

gboolean
lc_loader_check_reference (LcLoader      *loader,
                           const char  *entry,
                           LcLoaderFileKind     kind,
                           const char  *id,
                           GError     **error)
{
  if (!g_hash_table_contains (loader->ids[kind], id))
    return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_REFERENCE, loader->file, entry,
                 "unknown %s “%s”", lc_loader_files[kind].entry, id);

  return TRUE;
}

/* @out_name: the name to keep, or NULL when it is missing and tolerated. */
gboolean
lc_loader_check_illustration (LcLoader      *loader,
                              const char  *entry,
                              const char  *name,
                              const char **out_name,
                              GError     **error)
{
  g_autofree char *path = NULL;

  *out_name = NULL;

  if (!is_valid_id (name))
    return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_ILLUSTRATION, loader->file, entry,
                 "“%s” is not a valid illustration name", name);

  path = g_strdup_printf (LC_ILLUSTRATIONS_RESOURCE_PATH "/%s.svg", name);

  if (g_resources_get_info (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL))
    {
      *out_name = name;
      return TRUE;
    }

  if (loader->flags & LC_KNOWLEDGE_LOAD_LENIENT_PICTURES)
    {
      g_hash_table_add (loader->missing, g_strdup (name));
      return TRUE;
    }

  return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_ILLUSTRATION, loader->file, entry,
               "the illustration “%s” does not exist", name);
}

/* Files ------------------------------------------------------------------ */

static GBytes *
read_file (LcLoader      *loader,
           const char  *name,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  GBytes *bytes = NULL;

  if (loader->overrides != NULL)
    {
      bytes = g_hash_table_lookup (loader->overrides, name);
      if (bytes != NULL)
        return g_bytes_ref (bytes);
    }

  if (loader->directory != NULL)
    {
      g_autoptr(GFile) file = g_file_get_child (loader->directory, name);

      bytes = g_file_load_bytes (file, NULL, NULL, &local_error);
    }
  else
    {
      g_autofree char *path = g_build_path ("/", loader->resource_path, name, NULL);

      bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
    }

  if (bytes == NULL)
    lc_loader_fail (error, LC_KNOWLEDGE_ERROR_NOT_FOUND, name, NULL,
          "cannot be read: %s", local_error->message);

  return bytes;
}

/* json-glib recurses once per level; refuse absurd nesting before parsing. */
static gboolean
check_depth (const char  *data,
             gsize        length,
             const char  *name,
             GError     **error)
{
  gboolean in_string = FALSE;
  guint depth = 0;
  guint line = 1;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (c == '\n')
        line++;

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > MAX_JSON_DEPTH)
            return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_SYNTAX, name, NULL,
                         "line %u: nested more than %u levels deep", line, MAX_JSON_DEPTH);
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }

  return TRUE;
}

/* Refuses what is not JSON text before json-glib sees it. */
static gboolean
check_text (const char  *data,
            gsize        length,
            const char  *name,
            GError     **error)
{
  if (length == 0)
    return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_SYNTAX, name, NULL, "the file is empty");

  if (memchr (data, '\0', length) != NULL)
    return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_SYNTAX, name, NULL, "contains a NUL byte");

  if (!g_utf8_validate (data, length, NULL))
    return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_SYNTAX, name, NULL, "is not valid UTF-8");

  return check_depth (data, length, name, error);
}

static gboolean
parse_json (LcLoader          *loader,
            LcLoaderFileKind   kind,
            const char        *data,
            gsize              length,
            GError           **error)
{
  const char *name = lc_loader_files[kind].name;
  g_autoptr(GError) local_error = NULL;

  loader->parsers[kind] = json_parser_new_immutable ();

  if (!json_parser_load_from_data (loader->parsers[kind], data, length, &local_error))
    {
      /* json-glib may cut a quoted token in the middle of a character. */
      g_autofree char *message = g_utf8_make_valid (local_error->message, -1);

      /* json-glib says "<data>:LINE:COLUMN: Parse error: …"; name the file. */
      if (g_str_has_prefix (message, "<data>:"))
        return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_SYNTAX, name, NULL,
                     "line %s", message + strlen ("<data>:"));

      return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_SYNTAX, name, NULL, "%s", message);
    }

  return TRUE;
}

/* The top level is an object with one member, the file's list. */
static gboolean
find_array (LcLoader          *loader,
            LcLoaderFileKind   kind,
            GError           **error)
{
  const char *name = lc_loader_files[kind].name;
  const char * const allowed[] = { lc_loader_files[kind].member, NULL };
  JsonNode *root = json_parser_get_root (loader->parsers[kind]);
  JsonObject *object;
  JsonNode *array_node;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_INVALID, name, NULL,
                 "the top level must be an object with a “%s” list", lc_loader_files[kind].member);

  object = json_node_get_object (root);
  if (!lc_loader_check_fields (loader, object, NULL, allowed, error))
    return FALSE;

  array_node = json_object_get_member (object, lc_loader_files[kind].member);
  if (array_node == NULL || !JSON_NODE_HOLDS_ARRAY (array_node))
    return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_INVALID, name, NULL,
                 "the top level must be an object with a “%s” list", lc_loader_files[kind].member);

  loader->arrays[kind] = json_node_get_array (array_node);

  return TRUE;
}

/* Phase 1: every element is an object, and the ids are unique. */
static gboolean
collect_ids (LcLoader          *loader,
             LcLoaderFileKind   kind,
             GError           **error)
{
  const char *name = lc_loader_files[kind].name;

  loader->ids[kind] = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < json_array_get_length (loader->arrays[kind]); i++)
    {
      JsonNode *element = json_array_get_element (loader->arrays[kind], i);
      g_autofree char *entry = g_strdup_printf ("%s %u", lc_loader_files[kind].entry, i + 1);
      const char *id;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_INVALID, name, entry, "must be an object");

      if (!lc_loader_files[kind].has_ids)
        continue;

      if (!lc_loader_read_id (loader, json_node_get_object (element), entry, "id", TRUE, &id, error))
        return FALSE;

      if (!g_hash_table_add (loader->ids[kind], (gpointer) id))
        return lc_loader_fail (error, LC_KNOWLEDGE_ERROR_DUPLICATE, name, NULL,
                     "%s “%s” is defined twice", lc_loader_files[kind].entry, id);
    }

  return TRUE;
}

gboolean
lc_loader_parse_file (LcLoader          *loader,
                      LcLoaderFileKind   kind,
                      GError           **error)
{
  const char *name = lc_loader_files[kind].name;
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize length;

  loader->file = name;

  if (!(bytes = read_file (loader, name, error)))
    return FALSE;

  data = g_bytes_get_data (bytes, &length);

  return check_text (data, length, name, error) &&
         parse_json (loader, kind, data, length, error) &&
         find_array (loader, kind, error) &&
         collect_ids (loader, kind, error);
}

char *
lc_loader_entry_name (LcLoaderFileKind    kind,
                      JsonObject *object)
{
  return g_strdup_printf ("%s “%s”", lc_loader_files[kind].entry, json_object_get_string_member (object, "id"));
}
