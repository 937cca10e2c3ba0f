/* lc-support-page.h — the summary for Blink support: read, copy, save
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "lc-diagnosis.h"
#include "lc-fix-session.h"

G_BEGIN_DECLS

#define LC_TYPE_SUPPORT_PAGE (lc_support_page_get_type ())

G_DECLARE_FINAL_TYPE (LcSupportPage, lc_support_page, LC, SUPPORT_PAGE, GtkWidget)

GtkWidget    *lc_support_page_new                 (void);

/* The summary of @session (lc_support_summary_for_session()); it is
 * written again whenever the page is shown.
 */
LcFixSession *lc_support_page_get_session         (LcSupportPage        *self);
void          lc_support_page_set_session         (LcSupportPage        *self,
                                                   LcFixSession         *session);
/* The summary when nothing was tried yet; clears the session. */
void          lc_support_page_set_diagnosis       (LcSupportPage        *self,
                                                   LcDiagnosis          *diagnosis);

/* The text shown, or NULL when there is nothing to summarise. */
const char   *lc_support_page_get_summary         (LcSupportPage        *self);

/* Puts the summary on the clipboard, with a toast. */
void          lc_support_page_copy                (LcSupportPage        *self);

/* Writes the summary to @file, atomically (g_file_replace_contents).
 * On failure the page shows why (a message on the page and a toast) and
 * the error is also returned by _finish().
 */
void          lc_support_page_save_to_file        (LcSupportPage        *self,
                                                   GFile                *file,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean      lc_support_page_save_to_file_finish (LcSupportPage        *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);
/* The message shown after the last save failed, or NULL. */
const char   *lc_support_page_get_save_error      (LcSupportPage        *self);

G_END_DECLS
