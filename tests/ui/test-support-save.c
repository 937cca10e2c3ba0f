/* test-support-save.c — saving the support summary: atomically, keeping
 * the mode of the file it replaces, through symbolic links
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "lc-diagnosis.h"
#include "lc-knowledge.h"
#include "lc-support-page.h"
#include "lc-test-ui.h"

typedef struct
{
  gboolean  done;
  GError   *error;
} Save;

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Save *save = user_data;

  lc_support_page_save_to_file_finish (LC_SUPPORT_PAGE (object), result, &save->error);
  save->done = TRUE;
}

static void
save_and_wait (LcSupportPage *page,
               const char    *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Save save = { 0 };

  lc_support_page_save_to_file (page, file, NULL, save_done_cb, &save);
  while (!save.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (save.error);
}

static LcSupportPage *
new_page (void)
{
  LcKnowledge *knowledge = lc_knowledge_get_default ();
  LcDevice *device = lc_knowledge_lookup_device (knowledge, "outdoor-4");
  g_autoptr(LcDiagnosis) diagnosis = NULL;
  g_autoptr(GError) error = NULL;
  LcSupportPage *page;
  LcSignal signal;

  g_assert_nonnull (device);
  g_assert_true (lc_signal_parse ("red:burst:6", &signal, &error));
  diagnosis = lc_diagnosis_new (knowledge, device, &signal, NULL, &error);
  g_assert_no_error (error);

  page = g_object_ref_sink (g_object_new (LC_TYPE_SUPPORT_PAGE, NULL));
  lc_support_page_set_diagnosis (page, diagnosis);
  g_assert_nonnull (lc_support_page_get_summary (page));

  return page;
}

static void
assert_has_summary (LcSupportPage *page,
                    const char    *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, lc_support_page_get_summary (page));
}

static void
test_overwrite_keeps_mode (void)
{
  g_autoptr(LcSupportPage) page = new_page ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lightcode-test-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "summary.txt", NULL);
  GStatBuf before, after;

  g_assert_no_error (error);
  g_file_set_contents (path, "an older, longer summary that must not survive in part\n", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  g_assert_cmpint (g_stat (path, &before), ==, 0);

  save_and_wait (page, path);

  assert_has_summary (page, path);
  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_cmpuint (after.st_mode & 07777, ==, 0640);
  /* A new file renamed over the old one, not the old one rewritten. */
  g_assert_cmpuint (after.st_ino, !=, before.st_ino);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_new_file (void)
{
  g_autoptr(LcSupportPage) page = new_page ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lightcode-test-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "summary.txt", NULL);
  g_autoptr(GDir) listing = NULL;

  g_assert_no_error (error);
  save_and_wait (page, path);
  assert_has_summary (page, path);

  /* No temporary file left next to it. */
  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "summary.txt");
  g_assert_null (g_dir_read_name (listing));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_follows_symlink (void)
{
  g_autoptr(LcSupportPage) page = new_page ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lightcode-test-XXXXXX", &error);
  g_autofree char *real = g_build_filename (dir, "real.txt", NULL);
  g_autofree char *link = g_build_filename (dir, "link.txt", NULL);
  g_autofree char *link_target = NULL;

  g_assert_no_error (error);
  g_file_set_contents (real, "old\n", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (real, 0600), ==, 0);
  g_assert_cmpint (symlink ("real.txt", link), ==, 0);

  save_and_wait (page, link);

  /* The link is still a link, to the same file, which has the summary. */
  link_target = g_file_read_link (link, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (link_target, ==, "real.txt");
  assert_has_summary (page, real);
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (real, &st), ==, 0);
    g_assert_cmpuint (st.st_mode & 07777, ==, 0600);
  }

  g_unlink (link);
  g_unlink (real);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (!lc_test_ui_init (&argc, &argv))
    return 0;

  g_test_add_func ("/ui/support-save/new-file", test_new_file);
  g_test_add_func ("/ui/support-save/overwrite-keeps-mode", test_overwrite_keeps_mode);
  g_test_add_func ("/ui/support-save/follows-symlink", test_follows_symlink);

  return g_test_run ();
}
