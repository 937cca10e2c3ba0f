/* test-camera-portal.c — the webcam through the camera portal and PipeWire, for real
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Brings up a private session: its own runtime directory and D-Bus session
 * bus, pipewire, wireplumber, xdg-desktop-portal (with the GTK backend the
 * Camera interface needs), and a camera node that plays a light clip into
 * PipeWire. Then the camera page, told by LIGHTCODE_CAMERA_PORTAL=1 to take
 * the Flatpak path, asks the portal, watches the node and reads the light;
 * stopping the node unplugs the camera mid-run.
 *
 * Nothing is mocked. A piece this machine cannot run makes the test skip,
 * saying which piece and why.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <gst/gst.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "lc-camera-page.h"
#include "lc-test-ui.h"
#include "lc-window.h"

/* Guards against a hang only: no assertion depends on how long it takes. */
#define DAEMON_WAIT_SECONDS 15
#define HANG_GUARD_SECONDS  45

/* Where Debian and Fedora install it. */
#ifndef LIBEXECDIR_PORTAL
# define LIBEXECDIR_PORTAL "/usr/libexec"
#endif

#define PORTAL_BUS_NAME   "org.freedesktop.portal.Desktop"
#define PORTAL_PATH       "/org/freedesktop/portal/desktop"
#define CAMERA_NODE_NAME  "lightcode-test-camera"

typedef struct
{
  char        *runtime_dir;
  pid_t        group;        /* every daemon started here is in it */
  GPtrArray   *daemons;      /* GSubprocess */
  GSubprocess *camera_node;
  char        *skip_reason;  /* which piece did not come up, and why */
} Session;

static Session session;

static void
child_setup (gpointer data)
{
  /* One process group for all of them, so the clean-up reaches what they
   * start in turn (the bus activates the portal backends); and they die
   * with the test even if it is killed.
   */
  setpgid (0, GPOINTER_TO_INT (data));
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static char *
log_path (const char *name)
{
  g_autofree char *file = g_strconcat (name, ".log", NULL);

  return g_build_filename (session.runtime_dir, file, NULL);
}

/* The last lines a daemon wrote, for a skip message. */
static char *
log_tail (const char *name)
{
  g_autofree char *path = log_path (name);
  g_autofree char *contents = NULL;
  gsize length = 0;
  const char *start;

  if (!g_file_get_contents (path, &contents, &length, NULL) || length == 0)
    return g_strdup ("(no output)");

  start = length > 400 ? contents + length - 400 : contents;
  return g_strdelimit (g_strstrip (g_strdup (start)), "\n", '|');
}

static GSubprocess *
spawn (const char  *name,
       GError     **error,
       ...)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_autofree char *log = log_path (name);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  GSubprocess *process;
  const char *arg;
  va_list args;

  va_start (args, error);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  /* The test's own strictness is not theirs: fatal-warnings would kill
   * xdg-desktop-portal for warning that RealtimeKit is absent. */
  g_subprocess_launcher_unsetenv (launcher, "G_DEBUG");
  g_subprocess_launcher_unsetenv (launcher, "G_ENABLE_DIAGNOSTIC");
  g_subprocess_launcher_unsetenv (launcher, "MALLOC_CHECK_");
  g_subprocess_launcher_unsetenv (launcher, "MALLOC_PERTURB_");
  g_subprocess_launcher_set_stdout_file_path (launcher, log);
  g_subprocess_launcher_set_child_setup (launcher, child_setup, GINT_TO_POINTER (session.group), NULL);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, error);
  if (process == NULL)
    return NULL;

  if (session.group == 0)
    session.group = atoi (g_subprocess_get_identifier (process));
  g_ptr_array_add (session.daemons, g_object_ref (process));

  return process;
}

static gboolean
has_exited (GSubprocess *process)
{
  return g_subprocess_get_identifier (process) == NULL;
}

typedef gboolean (*ReadyFunc) (gpointer data);

/* Polls @ready until it holds, @process dies or the time is up. */
static gboolean
wait_ready (GSubprocess *process,
            ReadyFunc    ready,
            gpointer     data)
{
  gint64 end = g_get_monotonic_time () + DAEMON_WAIT_SECONDS * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end)
    {
      if (ready (data))
        return TRUE;
      if (process != NULL && has_exited (process))
        return FALSE;
      g_usleep (G_USEC_PER_SEC / 20);
    }

  return ready (data);
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

static gboolean
bus_name_owned (gpointer data)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = FALSE;

  if (bus == NULL)
    return FALSE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", (const char *) data),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE,
                                       1000, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);

  return owned;
}

static GVariant *
portal_camera_property (const char  *name,
                        GError     **error)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, error);
  g_autoptr(GVariant) reply = NULL;
  GVariant *value = NULL;

  if (bus == NULL)
    return NULL;

  reply = g_dbus_connection_call_sync (bus, PORTAL_BUS_NAME, PORTAL_PATH,
                                       "org.freedesktop.DBus.Properties", "Get",
                                       g_variant_new ("(ss)", "org.freedesktop.portal.Camera", name),
                                       G_VARIANT_TYPE ("(v)"), G_DBUS_CALL_FLAGS_NONE,
                                       2000, NULL, error);
  if (reply != NULL)
    g_variant_get (reply, "(v)", &value);

  return value;
}

static gboolean
camera_present (gpointer data)
{
  g_autoptr(GVariant) present = portal_camera_property ("IsCameraPresent", NULL);

  return present != NULL && g_variant_get_boolean (present);
}

/* Starts the camera node: the clip, decoded, into pipewiresink as a
 * Video/Source with the Camera role, as a webcam's node would be.
 */
static gboolean
start_camera_node (GError **error)
{
  g_autofree char *clip = g_build_filename (g_getenv ("LC_TEST_BUILDDIR"), "ui", "portal-burst.webm", NULL);
  g_autofree char *location = g_strconcat ("location=", clip, NULL);

  session.camera_node =
    spawn ("camera-node", error,
           "gst-launch-1.0", "filesrc", location, "!", "decodebin", "!", "videoconvert", "!",
           "video/x-raw,format=I420", "!",
           "pipewiresink", "mode=provide", "client-name=" CAMERA_NODE_NAME,
           "stream-properties=p,media.class=Video/Source,media.role=Camera,"
           "node.description=" CAMERA_NODE_NAME,
           NULL);

  return session.camera_node != NULL;
}

#define SKIP(...) G_STMT_START { session.skip_reason = g_strdup_printf (__VA_ARGS__); return; } G_STMT_END

/* Leaves session.skip_reason set when a piece does not come up. */
static void
start_session (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) dbus = NULL;
  g_autoptr(GSubprocess) pipewire = NULL;
  g_autoptr(GSubprocess) wireplumber = NULL;
  g_autoptr(GSubprocess) portal = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GDBusConnection) bus = NULL;
  g_autofree char *bus_socket = NULL;
  g_autofree char *bus_address = NULL;
  g_autofree char *pipewire_socket = NULL;
  g_autofree char *state_dir = NULL;
  const char *programs[] = { "dbus-daemon", "pipewire", "wireplumber", "gst-launch-1.0" };

  session.daemons = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < G_N_ELEMENTS (programs); i++)
    {
      g_autofree char *path = g_find_program_in_path (programs[i]);

      if (path == NULL)
        SKIP ("%s is not installed (build-aux/test installs it)", programs[i]);
    }
  if (!g_file_test (LIBEXECDIR_PORTAL "/xdg-desktop-portal", G_FILE_TEST_IS_EXECUTABLE))
    SKIP ("xdg-desktop-portal is not installed (no " LIBEXECDIR_PORTAL "/xdg-desktop-portal)");
  if (!g_file_test ("/usr/share/xdg-desktop-portal/portals/gtk.portal", G_FILE_TEST_EXISTS))
    SKIP ("xdg-desktop-portal-gtk is not installed: without an Access backend "
          "xdg-desktop-portal does not export the Camera interface");
  {
    g_autoptr(GstElementFactory) src = gst_element_factory_find ("pipewiresrc");

    if (src == NULL)
      SKIP ("GStreamer has no pipewiresrc (package gstreamer1.0-pipewire)");
  }

  /* Everything private: runtime dir, bus, state; GNOME picks the GTK backend. */
  session.runtime_dir = g_dir_make_tmp ("lc-portal-XXXXXX", &error);
  if (session.runtime_dir == NULL)
    SKIP ("cannot make a runtime directory: %s", error->message);
  g_chmod (session.runtime_dir, 0700);
  state_dir = g_build_filename (session.runtime_dir, "state", NULL);
  g_setenv ("XDG_RUNTIME_DIR", session.runtime_dir, TRUE);
  g_setenv ("XDG_STATE_HOME", state_dir, TRUE);
  g_setenv ("XDG_CURRENT_DESKTOP", "GNOME", TRUE);
  g_unsetenv ("PIPEWIRE_REMOTE");
  g_unsetenv ("PIPEWIRE_RUNTIME_DIR");

  bus_socket = g_build_filename (session.runtime_dir, "bus", NULL);
  bus_address = g_strconcat ("unix:path=", bus_socket, NULL);
  {
    g_autofree char *address_arg = g_strconcat ("--address=", bus_address, NULL);

    dbus = spawn ("dbus-daemon", &error, "dbus-daemon", "--session", "--nofork", address_arg, NULL);
  }
  if (dbus == NULL)
    SKIP ("dbus-daemon did not start: %s", error->message);
  if (!wait_ready (dbus, file_exists, bus_socket))
    SKIP ("dbus-daemon: no bus socket after %d s: %s", DAEMON_WAIT_SECONDS, log_tail ("dbus-daemon"));
  /* Before anything (GTK, libportal) connects to the session bus. */
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", bus_address, TRUE);
  if (!wait_ready (dbus, bus_name_owned, (gpointer) "org.freedesktop.DBus"))
    SKIP ("dbus-daemon: the bus at %s does not answer: %s", bus_address, log_tail ("dbus-daemon"));

  pipewire = spawn ("pipewire", &error, "pipewire", NULL);
  if (pipewire == NULL)
    SKIP ("pipewire did not start: %s", error->message);
  pipewire_socket = g_build_filename (session.runtime_dir, "pipewire-0", NULL);
  if (!wait_ready (pipewire, file_exists, pipewire_socket))
    SKIP ("pipewire: no socket %s after %d s: %s",
          pipewire_socket, DAEMON_WAIT_SECONDS, log_tail ("pipewire"));

  wireplumber = spawn ("wireplumber", &error, "wireplumber", NULL);
  if (wireplumber == NULL)
    SKIP ("wireplumber did not start: %s", error->message);

  if (!start_camera_node (&error))
    SKIP ("the camera node (gst-launch-1.0 … ! pipewiresink) did not start: %s", error->message);

  portal = spawn ("xdg-desktop-portal", &error, LIBEXECDIR_PORTAL "/xdg-desktop-portal", "--replace", NULL);
  if (portal == NULL)
    SKIP ("xdg-desktop-portal did not start: %s", error->message);
  if (!wait_ready (portal, bus_name_owned, (gpointer) PORTAL_BUS_NAME))
    SKIP ("xdg-desktop-portal did not take %s within %d s: %s",
          PORTAL_BUS_NAME, DAEMON_WAIT_SECONDS, log_tail ("xdg-desktop-portal"));

  /* The portal sees the camera once wireplumber runs and the node plays. */
  if (!wait_ready (session.camera_node, camera_present, NULL))
    {
      g_autoptr(GError) property_error = NULL;
      g_autoptr(GVariant) present = portal_camera_property ("IsCameraPresent", &property_error);

      if (present == NULL)
        SKIP ("xdg-desktop-portal has no usable Camera interface: %s", property_error->message);
      SKIP ("xdg-desktop-portal: Camera.IsCameraPresent stayed false for %d s "
            "(wireplumber %s; camera node %s: %s)",
            DAEMON_WAIT_SECONDS, has_exited (wireplumber) ? "exited" : "running",
            has_exited (session.camera_node) ? "exited" : "running", log_tail ("camera-node"));
    }

  /* Grant the camera as a person would in the portal's dialog: "" is the
   * app id the portal gives an unsandboxed app.
   */
  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  if (bus != NULL)
    {
      const char *yes[] = { "yes", NULL };

      reply = g_dbus_connection_call_sync (bus, "org.freedesktop.impl.portal.PermissionStore",
                                           "/org/freedesktop/impl/portal/PermissionStore",
                                           "org.freedesktop.impl.portal.PermissionStore", "SetPermission",
                                           g_variant_new ("(sbss^as)", "devices", TRUE, "camera", "", yes),
                                           NULL, G_DBUS_CALL_FLAGS_NONE, 5000, NULL, &error);
    }
  if (reply == NULL)
    SKIP ("xdg-permission-store: cannot grant the camera: %s", error->message);
}

static void
stop_session (void)
{
  if (session.group > 0)
    {
      gint64 end = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;

      kill (-session.group, SIGTERM);
      for (guint i = 0; i < session.daemons->len; i++)
        while (!has_exited (g_ptr_array_index (session.daemons, i)) && g_get_monotonic_time () < end)
          g_usleep (G_USEC_PER_SEC / 50);
      /* Whatever did not listen, and what the bus activated. */
      kill (-session.group, SIGKILL);
    }

  g_clear_pointer (&session.daemons, g_ptr_array_unref);
  g_clear_object (&session.camera_node);

  if (session.runtime_dir != NULL)
    {
      g_autoptr(GFile) dir = g_file_new_for_path (session.runtime_dir);
      g_autoptr(GFileEnumerator) children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                       G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                                                       NULL, NULL);
      GFileInfo *info;
      GFile *child;

      /* Only the top level is ours to know; what is deeper goes with rm. */
      while (children != NULL && g_file_enumerator_iterate (children, &info, &child, NULL, NULL) && info != NULL)
        if (!g_file_delete (child, NULL, NULL))
          {
            g_autofree char *path = g_file_get_path (child);
            const char *argv[] = { "rm", "-rf", path, NULL };

            g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
          }
      g_file_delete (dir, NULL, NULL);
      g_clear_pointer (&session.runtime_dir, g_free);
    }
}

/* The page */

typedef gboolean (*Condition) (LcCameraPage *page);

static gboolean
set_flag (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_until (LcCameraPage *page,
            Condition     condition,
            const char   *what)
{
  gboolean hung = FALSE;
  guint guard = g_timeout_add_seconds (HANG_GUARD_SECONDS, set_flag, &hung);

  while (!condition (page) && !hung)
    g_main_context_iteration (NULL, TRUE);

  /* Nothing after a hang can be trusted: the test stops here. */
  if (hung)
    g_test_message ("Gave up waiting for %s: view “%s”, status “%s”; camera node: %s",
                    what, lc_camera_page_get_view (page), lc_camera_page_get_status (page),
                    log_tail ("camera-node"));
  g_assert_false (hung);

  g_source_remove (guard);
}

static gboolean
is_not_watching (LcCameraPage *page)
{
  return g_strcmp0 (lc_camera_page_get_view (page), LC_CAMERA_VIEW_WATCHING) != 0;
}

/* The view shows while the portal is still being asked; the source comes
 * once it answered. Or the page gave up.
 */
static gboolean
has_source (LcCameraPage *page)
{
  return lc_camera_page_get_source (page) != NULL || is_not_watching (page);
}

static gboolean
is_confirmed_as_burst (LcCameraPage *page)
{
  gboolean confirmed = FALSE;
  LcSignal signal;
  g_autofree char *text = NULL;

  if (is_not_watching (page))
    return TRUE;

  if (!lc_camera_page_get_reading (page, &signal, NULL, &confirmed) || !confirmed)
    return FALSE;

  text = lc_signal_to_string (&signal);
  return g_str_equal (text, "red:burst:6");
}

static GListModel *
page_cameras (LcCameraPage *page)
{
  GtkWidget *row = lc_test_find_widget (GTK_WIDGET (page), ADW_TYPE_COMBO_ROW);

  g_assert_nonnull (row);
  return adw_combo_row_get_model (ADW_COMBO_ROW (row));
}

static gboolean
has_no_camera (LcCameraPage *page)
{
  GListModel *cameras = page_cameras (page);

  return cameras != NULL && g_list_model_get_n_items (cameras) == 0;
}

static gboolean
has_named_camera (LcCameraPage *page)
{
  GListModel *cameras = page_cameras (page);
  g_autoptr(LcCamera) camera = NULL;

  if (cameras == NULL || g_list_model_get_n_items (cameras) != 1)
    return FALSE;

  camera = g_list_model_get_item (cameras, 0);
  return g_strcmp0 (lc_camera_get_display_name (camera), CAMERA_NODE_NAME) == 0;
}

static char *
reading_text (LcCameraPage *page)
{
  LcSignal signal;

  g_assert_true (lc_camera_page_get_reading (page, &signal, NULL, NULL));

  return lc_signal_to_string (&signal);
}

/* Webcam chosen: the portal is asked, the node listed and watched, the
 * light read. Then the node stops: the page says the webcam went away,
 * keeps the reading, and the camera leaves the list.
 */
static void
test_camera_portal_read_and_unplug (void)
{
  g_autoptr(LcWindow) window = NULL;
  g_autofree char *text = NULL;
  LcCameraPage *page;
  GListModel *cameras;
  gboolean confirmed = FALSE;

  if (session.skip_reason != NULL)
    {
      g_test_skip (session.skip_reason);
      return;
    }

  window = g_object_ref_sink (g_object_new (LC_TYPE_WINDOW, NULL));
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_present (GTK_WINDOW (window));
  page = LC_CAMERA_PAGE (lc_window_get_page (window, LC_PAGE_CAMERA));
  lc_test_iterate ();

  lc_window_watch_webcam (window);
  wait_until (page, has_source, "the portal to give the camera");
  g_assert_cmpstr (lc_camera_page_get_view (page), ==, LC_CAMERA_VIEW_WATCHING);
  g_test_message ("watching “%s”", lc_video_source_get_title (lc_camera_page_get_source (page)));

  /* The camera came from the portal: PipeWire's provider, on a remote the
   * portal opened, lists the node by its name (once the session manager
   * has granted it: a stand-in may show until then).
   */
  wait_until (page, has_named_camera, "the portal's remote to list the camera node");
  cameras = page_cameras (page);
  {
    g_autoptr(LcCamera) camera = g_list_model_get_item (cameras, 0);

    g_assert_cmpint (lc_camera_get_kind (camera), ==, LC_CAMERA_KIND_PORTAL);
    g_assert_cmpstr (lc_camera_get_display_name (camera), ==, CAMERA_NODE_NAME);
  }

  /* The detector may confirm a plainer reading first (a blink, before it
   * has seen the burst's pause).
   */
  wait_until (page, is_confirmed_as_burst, "a confirmed red:burst:6");
  g_assert_cmpstr (lc_camera_page_get_view (page), ==, LC_CAMERA_VIEW_WATCHING);
  text = reading_text (page);
  g_assert_cmpstr (text, ==, "red:burst:6");

  /* Unplugged mid-run. */
  g_subprocess_send_signal (session.camera_node, SIGTERM);
  wait_until (page, is_not_watching, "the page to notice the camera went away");
  g_assert_cmpstr (lc_camera_page_get_view (page), ==, LC_CAMERA_VIEW_CHOOSE);
  g_assert_null (lc_camera_page_get_source (page));

  /* The reading stays. */
  g_clear_pointer (&text, g_free);
  text = reading_text (page);
  g_assert_cmpstr (text, ==, "red:burst:6");
  g_assert_true (lc_camera_page_get_reading (page, NULL, NULL, &confirmed));
  g_assert_true (confirmed);

  /* And the camera leaves the list. */
  wait_until (page, has_no_camera, "the camera to leave the list");

  gtk_window_destroy (GTK_WINDOW (window));
  lc_test_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  gst_init (NULL, NULL);
  g_unsetenv ("LIGHTCODE_CAMERA");
  g_setenv ("LIGHTCODE_CAMERA_PORTAL", "1", TRUE);

  /* Before GTK, which may connect to the session bus. */
  if (g_getenv ("DISPLAY") != NULL || g_getenv ("WAYLAND_DISPLAY") != NULL)
    start_session ();

  gtk_disable_setlocale ();
  setlocale (LC_ALL, "C.UTF-8");
  if (!gtk_init_check ())
    {
      stop_session ();
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

  g_test_add_func ("/ui/camera-portal/read-and-unplug", test_camera_portal_read_and_unplug);
  status = g_test_run ();

  stop_session ();
  return status;
}
