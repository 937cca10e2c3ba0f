/* lc-provenance.c — where a piece of knowledge comes from
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lc-provenance.h"

struct _LcProvenance
{
  GObject           parent_instance;

  LcProvenanceKind  kind;
  char             *id;
  char             *source_name;
  char             *url;
};

G_DEFINE_FINAL_TYPE (LcProvenance, lc_provenance, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_ID,
  PROP_SOURCE_NAME,
  PROP_URL,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const char * const kind_ids[] = {
  [LC_PROVENANCE_OFFICIAL] = "official",
  [LC_PROVENANCE_ARTICLE] = "article",
  [LC_PROVENANCE_COMMUNITY] = "community",
  [LC_PROVENANCE_THIRD_PARTY] = "third-party",
  [LC_PROVENANCE_LIGHTCODE] = "lightcode",
};

const char *
lc_provenance_kind_to_string (LcProvenanceKind kind)
{
  g_return_val_if_fail (kind <= LC_PROVENANCE_LIGHTCODE, NULL);

  return kind_ids[kind];
}

gboolean
lc_provenance_kind_from_string (const char       *text,
                                LcProvenanceKind *out_kind)
{
  g_return_val_if_fail (out_kind != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (kind_ids); i++)
    {
      if (g_str_equal (text, kind_ids[i]))
        {
          *out_kind = (LcProvenanceKind) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
lc_provenance_kind_get_label (LcProvenanceKind kind)
{
  switch (kind)
    {
    case LC_PROVENANCE_OFFICIAL:
      return _("Blink’s guide");
    case LC_PROVENANCE_ARTICLE:
      return _("Common troubleshooting advice");
    case LC_PROVENANCE_COMMUNITY:
      return _("Reported by other owners");
    case LC_PROVENANCE_THIRD_PARTY:
      /* Translators: repair and how-to websites, neither Blink nor owners */
      return _("Third-party repair guides");
    case LC_PROVENANCE_LIGHTCODE:
      return _("Lightcode’s own reasoning");
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
lc_provenance_finalize (GObject *object)
{
  LcProvenance *self = (LcProvenance *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->source_name, g_free);
  g_clear_pointer (&self->url, g_free);

  G_OBJECT_CLASS (lc_provenance_parent_class)->finalize (object);
}

static void
lc_provenance_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LcProvenance *self = LC_PROVENANCE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_SOURCE_NAME:
      g_value_set_string (value, self->source_name);
      break;

    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    case PROP_LABEL:
      g_value_set_string (value, lc_provenance_get_label (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_provenance_class_init (LcProvenanceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lc_provenance_finalize;
  object_class->get_property = lc_provenance_get_property;

  properties [PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       LC_TYPE_PROVENANCE_KIND, LC_PROVENANCE_LIGHTCODE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_SOURCE_NAME] =
    g_param_spec_string ("source-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lc_provenance_init (LcProvenance *self)
{
}

LcProvenance *
lc_provenance_new (LcProvenanceKind  kind,
                   const char       *id,
                   const char       *source_name,
                   const char       *url)
{
  LcProvenance *self;

  g_return_val_if_fail (kind <= LC_PROVENANCE_LIGHTCODE, NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (source_name != NULL, NULL);

  self = g_object_new (LC_TYPE_PROVENANCE, NULL);
  self->kind = kind;
  self->id = g_strdup (id);
  self->source_name = g_strdup (source_name);
  self->url = g_strdup (url);

  return self;
}

LcProvenanceKind
lc_provenance_get_kind (LcProvenance *self)
{
  g_return_val_if_fail (LC_IS_PROVENANCE (self), LC_PROVENANCE_LIGHTCODE);

  return self->kind;
}

const char *
lc_provenance_get_id (LcProvenance *self)
{
  g_return_val_if_fail (LC_IS_PROVENANCE (self), NULL);

  return self->id;
}

const char *
lc_provenance_get_source_name (LcProvenance *self)
{
  g_return_val_if_fail (LC_IS_PROVENANCE (self), NULL);

  return self->source_name;
}

const char *
lc_provenance_get_url (LcProvenance *self)
{
  g_return_val_if_fail (LC_IS_PROVENANCE (self), NULL);

  return self->url;
}

const char *
lc_provenance_get_label (LcProvenance *self)
{
  g_return_val_if_fail (LC_IS_PROVENANCE (self), NULL);

  return lc_provenance_kind_get_label (self->kind);
}
