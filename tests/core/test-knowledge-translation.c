/* test-knowledge-translation.c — knowledge text comes back translated
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libintl.h>
#include <locale.h>

#include "lc-knowledge-private.h"

static char *locale_dir;

/* bindtextdomain() wants <dir>/<lang>/LC_MESSAGES/<domain>.mo; meson can only
 * build the .mo flat, so lay out the tree in a scratch directory.
 */
static void
install_catalogue (void)
{
  const char *builddir = g_getenv ("LC_TEST_BUILDDIR");
  g_autofree char *mo_path = NULL;
  g_autofree char *messages_dir = NULL;
  g_autofree char *target = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_nonnull (builddir);
  mo_path = g_build_filename (builddir, "core", "knowledge-test-de.mo", NULL);
  g_file_get_contents (mo_path, &contents, &length, &error);
  g_assert_no_error (error);

  locale_dir = g_dir_make_tmp ("lightcode-locale-XXXXXX", &error);
  g_assert_no_error (error);
  messages_dir = g_build_filename (locale_dir, "de", "LC_MESSAGES", NULL);
  g_assert_cmpint (g_mkdir_with_parents (messages_dir, 0700), ==, 0);

  target = g_build_filename (messages_dir, GETTEXT_PACKAGE ".mo", NULL);
  g_file_set_contents (target, contents, length, &error);
  g_assert_no_error (error);
}

static void
remove_catalogue (void)
{
  g_autofree char *messages_dir = g_build_filename (locale_dir, "de", "LC_MESSAGES", NULL);
  g_autofree char *target = g_build_filename (messages_dir, GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *language_dir = g_build_filename (locale_dir, "de", NULL);

  g_unlink (target);
  g_rmdir (messages_dir);
  g_rmdir (language_dir);
  g_rmdir (locale_dir);
  g_clear_pointer (&locale_dir, g_free);
}

static void
test_translated_at_load (void)
{
  g_autoptr(LcKnowledge) knowledge = NULL;
  g_autoptr(GError) error = NULL;
  LcCause *cause;

  knowledge = _lc_knowledge_load (NULL, LC_KNOWLEDGE_RESOURCE_PATH, NULL,
                                  LC_KNOWLEDGE_LOAD_LENIENT_PICTURES, &error);
  g_assert_no_error (error);

  cause = lc_knowledge_lookup_cause (knowledge, "normal");
  g_assert_cmpstr (lc_cause_get_title (cause), ==, "Alles in Ordnung");
  g_assert_cmpstr (lc_knowledge_get_context_label (knowledge, "setup"), ==, "Während der Einrichtung");

  /* Text the catalogue doesn't translate stays English. */
  g_assert_cmpstr (lc_knowledge_get_context_label (knowledge, "any"), ==, "Any time");
  /* Ids are never translated. */
  g_assert_cmpstr (lc_cause_get_id (cause), ==, "normal");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  install_catalogue ();
  g_setenv ("LANGUAGE", "de", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_add_func ("/core/knowledge-translation/translated-at-load", test_translated_at_load);

  ret = g_test_run ();
  remove_catalogue ();

  return ret;
}
