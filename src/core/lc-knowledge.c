/* lc-knowledge.c — loads and validates the knowledge base
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdarg.h>
#include <string.h>

#include "lc-knowledge-private.h"

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

G_DEFINE_FINAL_TYPE (LcKnowledge, lc_knowledge, G_TYPE_OBJECT)

G_DEFINE_QUARK (lc-knowledge-error-quark, lc_knowledge_error)

/* Deeper nesting than this is never needed and only risks the parser's stack. */
#define MAX_JSON_DEPTH 32
#define MAX_WAIT_SECONDS 3600
#define MAX_HOLD_SECONDS 120

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
} FileKind;

static const struct {
  const char *name;   /* file name */
  const char *member; /* the array at the top */
  const char *entry;  /* what one element is called in messages */
  gboolean    has_ids;
} files[N_FILES] = {
  [FILE_CONTEXTS]   = { "contexts.json",   "contexts",   "context",   TRUE },
  [FILE_SOURCES]    = { "sources.json",    "sources",    "source",    TRUE },
  [FILE_FAMILIES]   = { "families.json",   "families",   "family",    TRUE },
  [FILE_DEVICES]    = { "devices.json",    "devices",    "device",    TRUE },
  [FILE_PROCEDURES] = { "procedures.json", "procedures", "procedure", TRUE },
  [FILE_CAUSES]     = { "causes.json",     "causes",     "cause",     TRUE },
  [FILE_SIGNALS]    = { "signals.json",    "signals",    "signal",    FALSE },
};

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
} Loader;

static void
loader_clear (Loader *loader)
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
static gboolean
fail (GError           **error,
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

static gboolean
check_fields (Loader            *loader,
              JsonObject        *object,
              const char        *entry,
              const char * const *allowed,
              GError           **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      if (!g_strv_contains (allowed, l->data))
        return fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                     "unknown field “%s”", (const char *) l->data);
    }

  return TRUE;
}

/* @out is NULL when the field is absent and not required. */
static gboolean
read_string (Loader      *loader,
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
        return fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                     "the field “%s” is missing", field);
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                 "the field “%s” must be a string", field);

  value = json_node_get_string (node);

  if (!g_utf8_validate (value, -1, NULL))
    return fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                 "the field “%s” is not valid UTF-8", field);

  if (is_blank (value))
    return fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                 "the field “%s” is empty", field);

  *out = value;

  return TRUE;
}

/* Like read_string(), but returns the translation. */
static gboolean
read_text (Loader      *loader,
           JsonObject  *object,
           const char  *entry,
           const char  *field,
           gboolean     required,
           const char **out,
           GError     **error)
{
  if (!read_string (loader, object, entry, field, required, out, error))
    return FALSE;

  if (*out != NULL)
    *out = translate (*out);

  return TRUE;
}

static gboolean
read_id (Loader      *loader,
         JsonObject  *object,
         const char  *entry,
         const char  *field,
         gboolean     required,
         const char **out,
         GError     **error)
{
  if (!read_string (loader, object, entry, field, required, out, error))
    return FALSE;

  if (*out != NULL && !is_valid_id (*out))
    return fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                 "“%s” is not a valid id (use lower-case letters, digits and “-”)", *out);

  return TRUE;
}

static gboolean
read_boolean (Loader     *loader,
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
        return fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                     "the field “%s” is missing", field);
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
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

static gboolean
check_fraction (Loader     *loader,
                JsonNode   *node,
                const char *entry,
                const char *field,
                double     *out,
                GError    **error)
{
  if (!node_get_number (node, out))
    return fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                 "the field “%s” must be a number", field);

  /* Written this way round so that NaN is rejected too. */
  if (!(*out >= 0.0 && *out <= 1.0))
    return fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                 "the field “%s” must be between 0 and 1", field);

  return TRUE;
}

static gboolean
read_fraction (Loader     *loader,
               JsonObject *object,
               const char *entry,
               const char *field,
               double     *out,
               GError    **error)
{
  JsonNode *node = json_object_get_member (object, field);

  if (node == NULL)
    return fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                 "the field “%s” is missing", field);

  return check_fraction (loader, node, entry, field, out, error);
}

static gboolean
read_seconds (Loader     *loader,
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
    return fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                 "the field “%s” must be a whole number of seconds", field);

  value = json_node_get_int (node);
  if (value < 1 || value > max)
    return fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                 "the field “%s” must be between 1 and %u seconds", field, max);

  *out = (guint) value;

  return TRUE;
}

/* Reads an array of ids; each must be in @known (when given). An absent
 * field gives an empty array unless @required.
 */
static gboolean
read_id_list (Loader      *loader,
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
        return fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                     "the field “%s” is missing", field);
      *out = g_strv_builder_end (builder);
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                 "the field “%s” must be a list", field);

  array = json_node_get_array (node);
  length = json_array_get_length (array);

  if (required && length == 0)
    return fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                 "the field “%s” is empty", field);

  for (guint i = 0; i < length; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      const char *id;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        return fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                     "the field “%s” must be a list of strings", field);

      id = json_node_get_string (element);

      if (known != NULL && !g_hash_table_contains (known, id))
        {
          /* Don't echo bytes that aren't text. */
          if (!g_utf8_validate (id, -1, NULL))
            return fail (error, LC_KNOWLEDGE_ERROR_REFERENCE, loader->file, entry,
                         "unknown %s in “%s”", known_what, field);
          return fail (error, LC_KNOWLEDGE_ERROR_REFERENCE, loader->file, entry,
                       "unknown %s “%s”", known_what, id);
        }

      if (!g_hash_table_add (seen, (gpointer) id))
        return fail (error, LC_KNOWLEDGE_ERROR_DUPLICATE, loader->file, entry,
                     "“%s” is listed twice in “%s”", id, field);

      g_strv_builder_add (builder, id);
    }

  *out = g_strv_builder_end (builder);

  return TRUE;
}

static JsonArray *
read_object_list (Loader      *loader,
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
        fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
              "the field “%s” is missing", field);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
            "the field “%s” must be a list", field);
      return NULL;
    }

  array = json_node_get_array (node);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      if (!JSON_NODE_HOLDS_OBJECT (json_array_get_element (array, i)))
        {
          fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                "item %u of “%s” must be an object", i + 1, field);
          return NULL;
        }
    }

  return array;
}

static LcProvenance *
read_source (Loader      *loader,
             JsonObject  *object,
             const char  *entry,
             gboolean     required,
             GError     **error)
{
  const char *source_id;
  LcProvenance *provenance;

  if (!read_string (loader, object, entry, "source", required, &source_id, error))
    return NULL;

  if (source_id == NULL)
    return NULL;

  provenance = g_hash_table_lookup (loader->self->source_table, source_id);
  if (provenance == NULL)
    fail (error, LC_KNOWLEDGE_ERROR_REFERENCE, loader->file, entry,
          "unknown source “%s”", source_id);

  return provenance;
}

static gboolean
check_reference (Loader      *loader,
                 const char  *entry,
                 FileKind     kind,
                 const char  *id,
                 GError     **error)
{
  if (!g_hash_table_contains (loader->ids[kind], id))
    return fail (error, LC_KNOWLEDGE_ERROR_REFERENCE, loader->file, entry,
                 "unknown %s “%s”", files[kind].entry, id);

  return TRUE;
}

/* @out_name: the name to keep, or NULL when it is missing and tolerated. */
static gboolean
check_illustration (Loader      *loader,
                    const char  *entry,
                    const char  *name,
                    const char **out_name,
                    GError     **error)
{
  g_autofree char *path = NULL;

  *out_name = NULL;

  if (!is_valid_id (name))
    return fail (error, LC_KNOWLEDGE_ERROR_ILLUSTRATION, loader->file, entry,
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

  return fail (error, LC_KNOWLEDGE_ERROR_ILLUSTRATION, loader->file, entry,
               "the illustration “%s” does not exist", name);
}

/* Files ------------------------------------------------------------------ */

static GBytes *
read_file (Loader      *loader,
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
    fail (error, LC_KNOWLEDGE_ERROR_NOT_FOUND, name, NULL,
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
            return fail (error, LC_KNOWLEDGE_ERROR_SYNTAX, name, NULL,
                         "line %u: nested more than %u levels deep", line, MAX_JSON_DEPTH);
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }

  return TRUE;
}

static gboolean
parse_file (Loader    *loader,
            FileKind   kind,
            GError   **error)
{
  const char *name = files[kind].name;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  JsonObject *object;
  JsonNode *array_node;
  const char *data;
  gsize length;

  loader->file = name;

  if (!(bytes = read_file (loader, name, error)))
    return FALSE;

  data = g_bytes_get_data (bytes, &length);

  if (length == 0)
    return fail (error, LC_KNOWLEDGE_ERROR_SYNTAX, name, NULL, "the file is empty");

  if (memchr (data, '\0', length) != NULL)
    return fail (error, LC_KNOWLEDGE_ERROR_SYNTAX, name, NULL, "contains a NUL byte");

  if (!g_utf8_validate (data, length, NULL))
    return fail (error, LC_KNOWLEDGE_ERROR_SYNTAX, name, NULL, "is not valid UTF-8");

  if (!check_depth (data, length, name, error))
    return FALSE;

  loader->parsers[kind] = json_parser_new_immutable ();

  if (!json_parser_load_from_data (loader->parsers[kind], data, length, &local_error))
    {
      /* json-glib may cut a quoted token in the middle of a character. */
      g_autofree char *message = g_utf8_make_valid (local_error->message, -1);

      /* json-glib says "<data>:LINE:COLUMN: Parse error: …"; name the file. */
      if (g_str_has_prefix (message, "<data>:"))
        return fail (error, LC_KNOWLEDGE_ERROR_SYNTAX, name, NULL,
                     "line %s", message + strlen ("<data>:"));

      return fail (error, LC_KNOWLEDGE_ERROR_SYNTAX, name, NULL, "%s", message);
    }

  root = json_parser_get_root (loader->parsers[kind]);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return fail (error, LC_KNOWLEDGE_ERROR_INVALID, name, NULL,
                 "the top level must be an object with a “%s” list", files[kind].member);

  object = json_node_get_object (root);
  {
    const char * const allowed[] = { files[kind].member, NULL };

    if (!check_fields (loader, object, NULL, allowed, error))
      return FALSE;
  }

  array_node = json_object_get_member (object, files[kind].member);
  if (array_node == NULL || !JSON_NODE_HOLDS_ARRAY (array_node))
    return fail (error, LC_KNOWLEDGE_ERROR_INVALID, name, NULL,
                 "the top level must be an object with a “%s” list", files[kind].member);

  loader->arrays[kind] = json_node_get_array (array_node);
  loader->ids[kind] = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < json_array_get_length (loader->arrays[kind]); i++)
    {
      JsonNode *element = json_array_get_element (loader->arrays[kind], i);
      g_autofree char *entry = g_strdup_printf ("%s %u", files[kind].entry, i + 1);
      const char *id;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return fail (error, LC_KNOWLEDGE_ERROR_INVALID, name, entry, "must be an object");

      if (!files[kind].has_ids)
        continue;

      if (!read_id (loader, json_node_get_object (element), entry, "id", TRUE, &id, error))
        return FALSE;

      if (!g_hash_table_add (loader->ids[kind], (gpointer) id))
        return fail (error, LC_KNOWLEDGE_ERROR_DUPLICATE, name, NULL,
                     "%s “%s” is defined twice", files[kind].entry, id);
    }

  return TRUE;
}

static char *
entry_name (FileKind    kind,
            JsonObject *object)
{
  return g_strdup_printf ("%s “%s”", files[kind].entry, json_object_get_string_member (object, "id"));
}

/* Contexts and sources ---------------------------------------------------- */

static gboolean
load_contexts (Loader  *loader,
               GError **error)
{
  static const char * const allowed[] = { "id", "label", "description", "problem", "families", NULL };
  LcKnowledge *self = loader->self;
  JsonArray *array = loader->arrays[FILE_CONTEXTS];
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  loader->file = files[FILE_CONTEXTS].name;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      g_autofree char *entry = entry_name (FILE_CONTEXTS, object);
      const char *id = json_object_get_string_member (object, "id");
      const char *label;
      const char *description;
      gboolean problem;
      g_auto(GStrv) families = NULL;

      if (!check_fields (loader, object, entry, allowed, error) ||
          !read_id_list (loader, object, entry, "families", FALSE,
                         loader->ids[FILE_FAMILIES], "family", &families, error) ||
          !read_text (loader, object, entry, "label", TRUE, &label, error) ||
          !read_text (loader, object, entry, "description", TRUE, &description, error) ||
          !read_boolean (loader, object, entry, "problem", FALSE, &problem, error))
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
    return fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, NULL,
                 "the first context must be “any”");

  g_clear_pointer (&self->context_ids, g_strfreev);
  self->context_ids = g_strv_builder_end (builder);

  return TRUE;
}

static gboolean
load_sources (Loader  *loader,
              GError **error)
{
  static const char * const allowed[] = { "id", "kind", "name", "url", NULL };
  JsonArray *array = loader->arrays[FILE_SOURCES];

  loader->file = files[FILE_SOURCES].name;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      g_autofree char *entry = entry_name (FILE_SOURCES, object);
      const char *id = json_object_get_string_member (object, "id");
      const char *kind_text;
      const char *name;
      const char *url;
      LcProvenanceKind kind;

      if (!check_fields (loader, object, entry, allowed, error) ||
          !read_string (loader, object, entry, "kind", TRUE, &kind_text, error) ||
          !read_string (loader, object, entry, "name", TRUE, &name, error) ||
          !read_string (loader, object, entry, "url", FALSE, &url, error))
        return FALSE;

      if (!lc_provenance_kind_from_string (kind_text, &kind))
        return fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                     "unknown kind “%s” (use official, article, community, third-party or lightcode)",
                     kind_text);

      if (url != NULL && !g_str_has_prefix (url, "https://") && !g_str_has_prefix (url, "http://"))
        return fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                     "the url must start with https://");

      g_hash_table_insert (loader->self->source_table, g_strdup (id),
                           lc_provenance_new (kind, id, name, url));
    }

  return TRUE;
}

/* Cause refs ------------------------------------------------------------- */

static GPtrArray *
read_cause_refs (Loader       *loader,
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

  if (!(array = read_object_list (loader, object, entry, field, TRUE, error)))
    return NULL;

  if (json_array_get_length (array) == 0)
    {
      fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
            "the field “%s” is empty", field);
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *ref_object = json_array_get_object_element (array, i);
      g_autofree char *ref_entry = g_strdup_printf ("%s, cause %u", entry, i + 1);
      LcProvenance *provenance;
      JsonNode *weights_node;
      const char *cause_id;
      LcCauseRef *ref;
      double weight;

      if (!check_fields (loader, ref_object, ref_entry, allowed, error) ||
          !read_string (loader, ref_object, ref_entry, "cause", TRUE, &cause_id, error) ||
          !check_reference (loader, ref_entry, FILE_CAUSES, cause_id, error) ||
          !read_fraction (loader, ref_object, ref_entry, "weight", &weight, error))
        return NULL;

      provenance = read_source (loader, ref_object, ref_entry, default_provenance == NULL, error);
      if (provenance == NULL)
        {
          if (json_object_has_member (ref_object, "source") || default_provenance == NULL)
            return NULL;
          provenance = default_provenance;
        }

      if (!g_hash_table_add (seen, (gpointer) cause_id))
        {
          fail (error, LC_KNOWLEDGE_ERROR_DUPLICATE, loader->file, ref_entry,
                "the cause “%s” is listed twice", cause_id);
          return NULL;
        }

      ref = _lc_cause_ref_new (cause_id, weight, provenance);
      g_ptr_array_add (refs, ref);

      weights_node = json_object_get_member (ref_object, "context-weights");
      if (weights_node != NULL)
        {
          g_autoptr(GList) contexts = NULL;
          JsonObject *weights;

          if (!JSON_NODE_HOLDS_OBJECT (weights_node))
            {
              fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, ref_entry,
                    "the field “context-weights” must be an object");
              return NULL;
            }

          weights = json_node_get_object (weights_node);
          contexts = json_object_get_members (weights);

          for (const GList *l = contexts; l != NULL; l = l->next)
            {
              const char *context_id = l->data;
              double context_weight = 0; /* for GCC 12 -O3: check_fraction sets it */

              if (!g_utf8_validate (context_id, -1, NULL))
                {
                  fail (error, LC_KNOWLEDGE_ERROR_REFERENCE, loader->file, ref_entry,
                        "unknown context in “context-weights”");
                  return NULL;
                }

              if (!check_reference (loader, ref_entry, FILE_CONTEXTS, context_id, error) ||
                  !check_fraction (loader, json_object_get_member (weights, context_id),
                                   ref_entry, context_id, &context_weight, error))
                return NULL;

              _lc_cause_ref_set_context_weight (ref, context_id, context_weight);
            }
        }
    }

  return g_steal_pointer (&refs);
}

/* Families and devices ---------------------------------------------------- */

static gboolean
load_families (Loader  *loader,
               GError **error)
{
  static const char * const allowed[] = { "id", "name", "description", "fallback-causes", NULL };
  LcKnowledge *self = loader->self;
  JsonArray *array = loader->arrays[FILE_FAMILIES];

  loader->file = files[FILE_FAMILIES].name;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      g_autofree char *entry = entry_name (FILE_FAMILIES, object);
      const char *id = json_object_get_string_member (object, "id");
      g_autoptr(LcFamily) family = NULL;
      GPtrArray *fallback;
      const char *name;
      const char *description;

      if (!check_fields (loader, object, entry, allowed, error) ||
          !read_text (loader, object, entry, "name", TRUE, &name, error) ||
          !read_text (loader, object, entry, "description", TRUE, &description, error))
        return FALSE;

      if (!(fallback = read_cause_refs (loader, object, entry, "fallback-causes", NULL, error)))
        return FALSE;

      family = _lc_family_new (id, name, description, fallback);
      g_list_store_append (self->families, family);
      g_hash_table_insert (self->family_table, (gpointer) lc_family_get_id (family), family);
    }

  return TRUE;
}

static gboolean
read_light (Loader         *loader,
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

  if (!check_fields (loader, object, entry, allowed, error) ||
      !read_id (loader, object, entry, "id", TRUE, &id, error) ||
      !read_text (loader, object, entry, "name", TRUE, &name, error) ||
      !read_fraction (loader, object, entry, "x", &light->x, error) ||
      !read_fraction (loader, object, entry, "y", &light->y, error))
    return FALSE;

  if (!g_hash_table_add (seen, (gpointer) id))
    return fail (error, LC_KNOWLEDGE_ERROR_DUPLICATE, loader->file, entry,
                 "the light id “%s” is used twice", id);

  colors_node = json_object_get_member (object, "colors");
  if (colors_node == NULL || !JSON_NODE_HOLDS_ARRAY (colors_node))
    return fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                 "the field “colors” must be a list of colors");

  colors = json_node_get_array (colors_node);
  if (json_array_get_length (colors) == 0)
    return fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                 "the field “colors” is empty");

  for (guint i = 0; i < json_array_get_length (colors); i++)
    {
      JsonNode *element = json_array_get_element (colors, i);
      const char *text;
      LcColor color;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        return fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                     "the field “colors” must be a list of colors");

      text = json_node_get_string (element);
      if (!lc_color_from_string (text, &color) || color == LC_COLOR_NONE)
        {
          if (!g_utf8_validate (text, -1, NULL))
            return fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                         "unknown color in “colors”");
          return fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                       "unknown color “%s”", text);
        }

      if (lc_device_light_can_show (light, color))
        return fail (error, LC_KNOWLEDGE_ERROR_DUPLICATE, loader->file, entry,
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

static gboolean
load_devices (Loader  *loader,
              GError **error)
{
  static const char * const allowed[] = {
    "id", "name", "family", "drawing", "needs-sync-module", "official-chart",
    "note", "lights", "fallback-causes", "lights-assumed", "sources", NULL
  };
  LcKnowledge *self = loader->self;
  JsonArray *array = loader->arrays[FILE_DEVICES];

  loader->file = files[FILE_DEVICES].name;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      g_autofree char *entry = entry_name (FILE_DEVICES, object);
      const char *id = json_object_get_string_member (object, "id");
      g_autoptr(GPtrArray) fallback = NULL;
      g_autoptr(GHashTable) seen = NULL;
      g_autoptr(LcDevice) device = NULL;
      g_autoptr(GArray) lights = NULL;
      JsonArray *light_array;
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

      if (!check_fields (loader, object, entry, allowed, error) ||
          !read_text (loader, object, entry, "name", TRUE, &name, error) ||
          !read_string (loader, object, entry, "family", TRUE, &family_id, error) ||
          !read_string (loader, object, entry, "drawing", TRUE, &drawing, error) ||
          !check_illustration (loader, entry, drawing, &drawing_kept, error) ||
          !read_boolean (loader, object, entry, "needs-sync-module", TRUE, &needs_sync_module, error) ||
          !read_boolean (loader, object, entry, "official-chart", TRUE, &official_chart, error) ||
          !read_text (loader, object, entry, "note", TRUE, &note, error) ||
          !read_boolean (loader, object, entry, "lights-assumed", FALSE, &lights_assumed, error) ||
          !read_id_list (loader, object, entry, "sources", FALSE,
                         loader->ids[FILE_SOURCES], "source", &note_sources, error))
        return FALSE;

      family = g_hash_table_lookup (self->family_table, family_id);
      if (family == NULL)
        return fail (error, LC_KNOWLEDGE_ERROR_REFERENCE, loader->file, entry,
                     "unknown family “%s”", family_id);

      if (!(light_array = read_object_list (loader, object, entry, "lights", TRUE, error)))
        return FALSE;

      if (json_array_get_length (light_array) == 0)
        return fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                     "the field “lights” is empty");

      if (json_array_get_length (light_array) > LC_SIGNAL_MAX_LIGHTS)
        return fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                     "a device can have at most %u lights", LC_SIGNAL_MAX_LIGHTS);

      lights = g_array_new (FALSE, TRUE, sizeof (LcDeviceLight));
      g_array_set_clear_func (lights, clear_light);
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

      if (json_object_has_member (object, "fallback-causes") &&
          !(fallback = read_cause_refs (loader, object, entry, "fallback-causes", NULL, error)))
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
read_step (Loader      *loader,
           JsonObject  *object,
           const char  *entry,
           gboolean    *has_illustration,
           GError     **error)
{
  static const char * const allowed[] = {
    "title", "text", "illustration", "wait", "hold", "safety", "stop", "note",
    "sources", "tags", NULL
  };
  static const char * const known_tags[] = {
    LC_STEP_TAG_OPENS_DEVICE, LC_STEP_TAG_BREAKER_OFF, LC_STEP_TAG_REMOVES_DRIVE, NULL
  };
  g_auto(GStrv) source_ids = NULL;
  g_auto(GStrv) tags = NULL;
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

  if (!check_fields (loader, object, entry, allowed, error) ||
      !read_text (loader, object, entry, "title", TRUE, &title, error) ||
      !read_text (loader, object, entry, "text", TRUE, &text, error) ||
      !read_string (loader, object, entry, "illustration", FALSE, &illustration, error) ||
      !read_seconds (loader, object, entry, "wait", MAX_WAIT_SECONDS, &wait_seconds, error) ||
      !read_seconds (loader, object, entry, "hold", MAX_HOLD_SECONDS, &hold_seconds, error) ||
      !read_text (loader, object, entry, "safety", FALSE, &safety, error) ||
      !read_text (loader, object, entry, "stop", FALSE, &stop, error) ||
      !read_text (loader, object, entry, "note", FALSE, &note, error) ||
      !read_id_list (loader, object, entry, "sources", FALSE,
                     loader->ids[FILE_SOURCES], "source", &source_ids, error) ||
      !read_id_list (loader, object, entry, "tags", FALSE, NULL, NULL, &tags, error))
    return NULL;

  for (guint i = 0; tags[i] != NULL; i++)
    {
      if (!g_strv_contains (known_tags, tags[i]))
        {
          fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                "unknown tag “%s”", g_utf8_validate (tags[i], -1, NULL) ? tags[i] : "?");
          return NULL;
        }
    }

  /* A step that switches a circuit off is a safety step: it must say why. */
  if (g_strv_contains ((const char * const *) tags, LC_STEP_TAG_BREAKER_OFF) && safety == NULL)
    {
      fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
            "a “%s” step needs a “safety” note", LC_STEP_TAG_BREAKER_OFF);
      return NULL;
    }

  if (illustration != NULL)
    {
      if (!check_illustration (loader, entry, illustration, &illustration_kept, error))
        return NULL;
      *has_illustration = TRUE;
    }

  step = _lc_step_new (title, text, illustration_kept, wait_seconds, hold_seconds,
                       safety, stop, note);
  _lc_step_set_facts (step, g_steal_pointer (&source_ids), g_steal_pointer (&tags));

  return step;
}

static gboolean
load_procedures (Loader  *loader,
                 GError **error)
{
  static const char * const allowed[] = {
    "id", "title", "source", "families", "devices", "support", "disagreement", "steps", NULL
  };
  LcKnowledge *self = loader->self;
  JsonArray *array = loader->arrays[FILE_PROCEDURES];

  loader->file = files[FILE_PROCEDURES].name;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      g_autofree char *entry = entry_name (FILE_PROCEDURES, object);
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

      if (!check_fields (loader, object, entry, allowed, error) ||
          !read_text (loader, object, entry, "title", TRUE, &title, error) ||
          !(provenance = read_source (loader, object, entry, TRUE, error)) ||
          !read_id_list (loader, object, entry, "families", FALSE,
                         loader->ids[FILE_FAMILIES], "family", &families_ids, error) ||
          !read_id_list (loader, object, entry, "devices", FALSE,
                         loader->ids[FILE_DEVICES], "device", &device_ids, error) ||
          !read_text (loader, object, entry, "support", TRUE, &support, error) ||
          !read_text (loader, object, entry, "disagreement", FALSE, &disagreement, error))
        return FALSE;

      if (!(step_array = read_object_list (loader, object, entry, "steps", TRUE, error)))
        return FALSE;

      if (json_array_get_length (step_array) == 0)
        return fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
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
        return fail (error, LC_KNOWLEDGE_ERROR_ILLUSTRATION, loader->file, entry,
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

static gboolean
load_causes (Loader  *loader,
             GError **error)
{
  static const char * const allowed[] = { "id", "title", "explanation", "normal", "procedures", NULL };
  LcKnowledge *self = loader->self;
  JsonArray *array = loader->arrays[FILE_CAUSES];

  loader->file = files[FILE_CAUSES].name;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      g_autofree char *entry = entry_name (FILE_CAUSES, object);
      const char *id = json_object_get_string_member (object, "id");
      g_auto(GStrv) procedure_ids = NULL;
      g_autoptr(LcCause) cause = NULL;
      const char *title;
      const char *explanation;
      gboolean is_normal;

      if (!check_fields (loader, object, entry, allowed, error) ||
          !read_text (loader, object, entry, "title", TRUE, &title, error) ||
          !read_text (loader, object, entry, "explanation", TRUE, &explanation, error) ||
          !read_boolean (loader, object, entry, "normal", FALSE, &is_normal, error) ||
          !read_id_list (loader, object, entry, "procedures", FALSE,
                         loader->ids[FILE_PROCEDURES], "procedure", &procedure_ids, error))
        return FALSE;

      if (!is_normal && procedure_ids[0] == NULL)
        return fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                     "lists no procedures (only a normal cause may have none)");

      cause = _lc_cause_new (id, title, explanation, is_normal, g_steal_pointer (&procedure_ids));
      g_list_store_append (self->causes, cause);
      g_hash_table_insert (self->cause_table, (gpointer) lc_cause_get_id (cause), cause);
    }

  return TRUE;
}

/* Signals ----------------------------------------------------------------- */

static gboolean
load_signals (Loader  *loader,
              GError **error)
{
  static const char * const allowed[] = {
    "family", "devices", "signal", "contexts", "title", "explanation", "normal",
    "source", "causes", "disagreement", NULL
  };
  static const char * const disagreement_allowed[] = { "text", "source", NULL };
  LcKnowledge *self = loader->self;
  JsonArray *array = loader->arrays[FILE_SIGNALS];
  /* "device:<id>" or "family:<id>" → GPtrArray of LcKnownSignal, file order */
  g_autoptr(GHashTable) by_target = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           (GDestroyNotify) g_ptr_array_unref);
  guint n_devices;

  loader->file = files[FILE_SIGNALS].name;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      g_autofree char *index_entry = g_strdup_printf ("signal %u", i + 1);
      g_autofree char *entry = NULL;
      g_autoptr(LcKnownSignal) known = NULL;
      g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) devices = g_ptr_array_new ();
      g_autoptr(GPtrArray) causes = NULL;
      g_autoptr(GError) signal_error = NULL;
      g_auto(GStrv) device_ids = NULL;
      g_auto(GStrv) contexts = NULL;
      LcProvenance *provenance;
      LcProvenance *disagreement_provenance = NULL;
      const char *disagreement = NULL;
      const char *family_id;
      const char *signal_text;
      const char *title;
      const char *explanation;
      gboolean is_normal;
      LcSignal signal;
      JsonNode *node;

      if (!check_fields (loader, object, index_entry, allowed, error) ||
          !read_string (loader, object, index_entry, "signal", TRUE, &signal_text, error) ||
          !read_string (loader, object, index_entry, "family", FALSE, &family_id, error))
        return FALSE;

      if (family_id != NULL)
        {
          LcFamily *family;

          if (json_object_has_member (object, "devices"))
            return fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, index_entry,
                         "give either “family” or “devices”, not both");

          entry = g_strdup_printf ("signal “%s” of family “%s”", signal_text, family_id);

          family = g_hash_table_lookup (self->family_table, family_id);
          if (family == NULL)
            return fail (error, LC_KNOWLEDGE_ERROR_REFERENCE, loader->file, entry,
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
        }
      else
        {
          if (!read_id_list (loader, object, index_entry, "devices", FALSE,
                             loader->ids[FILE_DEVICES], "device", &device_ids, error))
            return FALSE;

          if (device_ids[0] == NULL)
            return fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, index_entry,
                         "give either “family” or “devices”");

          {
            g_autofree char *joined = g_strjoinv ("”, “", device_ids);
            entry = g_strdup_printf ("signal “%s” of “%s”", signal_text, joined);
          }

          for (guint j = 0; device_ids[j] != NULL; j++)
            {
              LcDevice *device = g_hash_table_lookup (self->device_table, device_ids[j]);

              if (device == NULL)
                return fail (error, LC_KNOWLEDGE_ERROR_REFERENCE, loader->file, entry,
                             "unknown device “%s”", device_ids[j]);

              g_ptr_array_add (devices, device);
              g_ptr_array_add (targets, g_strconcat ("device:", device_ids[j], NULL));
            }
        }

      if (!lc_signal_parse (signal_text, &signal, &signal_error))
        return fail (error, LC_KNOWLEDGE_ERROR_SIGNAL, loader->file, entry,
                     "bad signal text: %s", signal_error->message);

      for (guint j = 0; j < devices->len; j++)
        {
          LcDevice *device = g_ptr_array_index (devices, j);

          if (!lc_device_map_signal (device, &signal, NULL))
            return fail (error, LC_KNOWLEDGE_ERROR_SIGNAL, loader->file, entry,
                         "the device “%s” has no light that can show it",
                         lc_device_get_id (device));
        }

      if (!read_id_list (loader, object, entry, "contexts", TRUE,
                         loader->ids[FILE_CONTEXTS], "context", &contexts, error) ||
          !read_text (loader, object, entry, "title", TRUE, &title, error) ||
          !read_text (loader, object, entry, "explanation", TRUE, &explanation, error) ||
          !read_boolean (loader, object, entry, "normal", FALSE, &is_normal, error) ||
          !(provenance = read_source (loader, object, entry, TRUE, error)) ||
          !(causes = read_cause_refs (loader, object, entry, "causes", provenance, error)))
        return FALSE;

      node = json_object_get_member (object, "disagreement");
      if (node != NULL)
        {
          g_autofree char *disagreement_entry = g_strdup_printf ("%s, disagreement", entry);
          JsonObject *disagreement_object;

          if (!JSON_NODE_HOLDS_OBJECT (node))
            return fail (error, LC_KNOWLEDGE_ERROR_INVALID, loader->file, entry,
                         "the field “disagreement” must be an object with “text” and “source”");

          disagreement_object = json_node_get_object (node);

          if (!check_fields (loader, disagreement_object, disagreement_entry, disagreement_allowed, error) ||
              !read_text (loader, disagreement_object, disagreement_entry, "text", TRUE, &disagreement, error) ||
              !(disagreement_provenance = read_source (loader, disagreement_object, disagreement_entry, TRUE, error)))
            return FALSE;
        }

      known = _lc_known_signal_new (&signal, g_steal_pointer (&contexts), title, explanation,
                                    is_normal, provenance, family_id != NULL,
                                    g_steal_pointer (&causes),
                                    disagreement, disagreement_provenance);

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

              if (lc_signal_equal (lc_known_signal_get_signal (other), &signal))
                return fail (error, LC_KNOWLEDGE_ERROR_DUPLICATE, loader->file, entry,
                             "“%s” already has a meaning for “%s”",
                             strchr (target, ':') + 1, lc_known_signal_get_signal_text (other));
            }

          g_ptr_array_add (list, g_object_ref (known));
        }
    }

  /* Each device: its own chart, then the family advice it doesn't override. */
  n_devices = g_list_model_get_n_items (G_LIST_MODEL (self->devices));
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

  return TRUE;
}

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
  Loader loader = { NULL, };
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
    ok = parse_file (&loader, i, error);

  ok = ok &&
       load_contexts (&loader, error) &&
       load_sources (&loader, error) &&
       load_families (&loader, error) &&
       load_devices (&loader, error) &&
       load_procedures (&loader, error) &&
       load_causes (&loader, error) &&
       load_signals (&loader, error);

  if (ok)
    {
      missing = (char **) g_hash_table_get_keys_as_array (loader.missing, &n_missing);
      g_qsort_with_data (missing, n_missing, sizeof (char *), compare_names, NULL);
      g_strfreev (self->missing_illustrations);
      self->missing_illustrations = g_new0 (char *, n_missing + 1);
      for (guint i = 0; i < n_missing; i++)
        self->missing_illustrations[i] = g_strdup (missing[i]);
    }

  loader_clear (&loader);

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
lc_knowledge_get_procedures_for_cause (LcKnowledge *self,
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
