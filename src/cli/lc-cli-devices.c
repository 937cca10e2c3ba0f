/* lc-cli-devices.c — `lightcode devices`
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "lc-cli.h"

LcKnowledge *
lc_cli_load_knowledge (void)
{
  g_autoptr(GError) error = NULL;
  LcKnowledge *knowledge;

  /* The strict loader: a subcommand must not quietly work on half the
   * data, and it reports the file, entry and problem in one message.
   */
  knowledge = lc_knowledge_new_from_resource (LC_KNOWLEDGE_RESOURCE_PATH, &error);
  if (knowledge == NULL)
    {
      lc_cli_error (_("the built-in knowledge base is broken: %s"), error->message);
      return NULL;
    }

  return knowledge;
}

static void
add_known_signal (JsonBuilder   *builder,
                  LcKnownSignal *known)
{
  const char * const *contexts = lc_known_signal_get_contexts (known);
  LcProvenance *provenance = lc_known_signal_get_provenance (known);
  guint n_causes = lc_known_signal_get_n_causes (known);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "signal");
  json_builder_add_string_value (builder, lc_known_signal_get_signal_text (known));
  json_builder_set_member_name (builder, "meaning");
  json_builder_add_string_value (builder, lc_known_signal_get_title (known));
  json_builder_set_member_name (builder, "normal");
  json_builder_add_boolean_value (builder, lc_known_signal_is_normal (known));
  json_builder_set_member_name (builder, "family_advice");
  json_builder_add_boolean_value (builder, lc_known_signal_is_family_advice (known));
  json_builder_set_member_name (builder, "provenance");
  json_builder_add_string_value (builder, lc_provenance_kind_to_string (lc_provenance_get_kind (provenance)));
  json_builder_set_member_name (builder, "contexts");
  json_builder_begin_array (builder);
  for (guint i = 0; contexts[i] != NULL; i++)
    json_builder_add_string_value (builder, contexts[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "causes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_causes; i++)
    json_builder_add_string_value (builder, lc_cause_ref_get_cause_id (lc_known_signal_get_cause (known, i)));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "disagreement");
  if (lc_known_signal_get_disagreement (known) != NULL)
    json_builder_add_string_value (builder, lc_known_signal_get_disagreement (known));
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
}

static JsonNode *
devices_to_json (LcKnowledge *knowledge)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GListModel *devices = lc_knowledge_get_devices (knowledge);
  guint n_devices = g_list_model_get_n_items (devices);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "devices");
  json_builder_begin_array (builder);

  for (guint i = 0; i < n_devices; i++)
    {
      g_autoptr(LcDevice) device = g_list_model_get_item (devices, i);
      GListModel *known_signals = lc_device_get_known_signals (device);
      guint n_known = g_list_model_get_n_items (known_signals);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, lc_device_get_id (device));
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, lc_device_get_name (device));
      json_builder_set_member_name (builder, "family");
      json_builder_add_string_value (builder, lc_device_get_family_id (device));
      json_builder_set_member_name (builder, "family_name");
      json_builder_add_string_value (builder, lc_device_get_family_name (device));
      json_builder_set_member_name (builder, "needs_sync_module");
      json_builder_add_boolean_value (builder, lc_device_needs_sync_module (device));
      json_builder_set_member_name (builder, "official_chart");
      json_builder_add_boolean_value (builder, lc_device_has_official_chart (device));
      json_builder_set_member_name (builder, "signals");
      json_builder_begin_array (builder);
      for (guint j = 0; j < n_known; j++)
        {
          g_autoptr(LcKnownSignal) known = g_list_model_get_item (known_signals, j);

          add_known_signal (builder, known);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static char *
devices_to_text (LcKnowledge *knowledge)
{
  GListModel *devices = lc_knowledge_get_devices (knowledge);
  guint n_devices = g_list_model_get_n_items (devices);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n_devices; i++)
    {
      g_autoptr(LcDevice) device = g_list_model_get_item (devices, i);
      GListModel *known_signals = lc_device_get_known_signals (device);
      guint n_known = g_list_model_get_n_items (known_signals);

      if (i > 0)
        g_string_append_c (out, '\n');
      g_string_append_printf (out, "%s — %s (%s)\n", lc_device_get_id (device),
                              lc_device_get_name (device), lc_device_get_family_name (device));

      if (n_known == 0)
        {
          g_string_append_printf (out, "  %s\n", _("No known lights: Lightcode gives the general advice for its family."));
          continue;
        }

      for (guint j = 0; j < n_known; j++)
        {
          g_autoptr(LcKnownSignal) known = g_list_model_get_item (known_signals, j);
          LcProvenance *provenance = lc_known_signal_get_provenance (known);

          g_string_append_printf (out, "  %-24s %s (%s)\n",
                                  lc_known_signal_get_signal_text (known),
                                  lc_known_signal_get_title (known),
                                  lc_provenance_get_label (provenance));
        }
    }

  return g_string_free (out, FALSE);
}

int
lc_cli_devices (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(LcKnowledge) knowledge = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print one JSON object instead of text"), NULL },
    { NULL }
  };

  g_set_prgname ("lightcode devices");

  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("List the devices Lightcode knows and the lights known for each."));
  g_option_context_set_description (context, _("Exit status: 0 success; 2 bad option or broken built-in data."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  args = g_strdupv (argv);
  if (!g_option_context_parse_strv (context, &args, &error))
    {
      lc_cli_option_error (argv, error);
      return LC_EXIT_BAD_INPUT;
    }

  if (g_strv_length (args) > 1)
    {
      lc_cli_error (_("unexpected argument “%s”; run “lightcode devices --help”"), args[1]);
      return LC_EXIT_BAD_INPUT;
    }

  if (!(knowledge = lc_cli_load_knowledge ()))
    return LC_EXIT_BAD_INPUT;

  if (json)
    {
      g_autoptr(JsonNode) root = devices_to_json (knowledge);

      /* Doubles to 3 decimals, UTF-8 whatever the locale. */
      lc_cli_print_json (root);
    }
  else
    {
      g_autofree char *text = devices_to_text (knowledge);

      g_print ("%s", text);
    }

  return LC_EXIT_OK;
}
