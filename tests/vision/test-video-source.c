/* test-video-source.c — LcVideoSource and LcCameraMonitor on real compressed clips
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The clips are made at build time by tests/synth/lc-make-clip (VP8/WebM,
 * H.264/MP4 where x264enc exists); broken files are made here in a
 * temporary directory.
 */

#include "config.h"

#include <string.h>

#include <sys/stat.h>

#include <glib/gstdio.h>
#include <gst/gst.h>

#include "lc-camera-monitor.h"
#include "lc-camera-private.h"
#include "lc-video-source-private.h"
#include "lc-orientation.h"
#include "lc-video-source.h"

/* A camera without hardware: a GstDevice whose element is a live test
 * pattern, so errors a real webcam posts can be posted on its behalf.
 */
#define TEST_TYPE_DEVICE (test_device_get_type ())
G_DECLARE_FINAL_TYPE (TestDevice, test_device, TEST, DEVICE, GstDevice)

struct _TestDevice
{
  GstDevice   parent_instance;
  GstElement *element; /* the last one made, borrowed */
};

G_DEFINE_FINAL_TYPE (TestDevice, test_device, GST_TYPE_DEVICE)

static GstElement *
test_device_create_element (GstDevice  *device,
                            const char *name)
{
  TestDevice *self = TEST_DEVICE (device);

  self->element = gst_element_factory_make ("videotestsrc", name);
  g_object_set (self->element, "is-live", TRUE, NULL);

  return self->element;
}

static void
test_device_class_init (TestDeviceClass *klass)
{
  GST_DEVICE_CLASS (klass)->create_element = test_device_create_element;
}

static void
test_device_init (TestDevice *self)
{
}

static TestDevice *
test_device_new (void)
{
  g_autoptr(GstStructure) props = gst_structure_new ("properties",
                                                     "device.serial", G_TYPE_STRING, "test-0001",
                                                     NULL);

  return g_object_new (TEST_TYPE_DEVICE,
                       "display-name", "Test Webcam",
                       "device-class", "Video/Source",
                       "properties", props,
                       NULL);
}

/* A camera that does not answer: its element blocks going to READY, as
 * v4l2src does on a wedged USB device and pipewiresrc on a daemon that
 * never replies, until the test releases it.
 */
static GMutex hang_lock;
static GCond hang_cond;
static gboolean hang_blocked;
static gboolean hang_released;

#define TEST_TYPE_HANG_SRC (test_hang_src_get_type ())
G_DECLARE_FINAL_TYPE (TestHangSrc, test_hang_src, TEST, HANG_SRC, GstBin)

struct _TestHangSrc
{
  GstBin parent_instance;
};

G_DEFINE_FINAL_TYPE (TestHangSrc, test_hang_src, GST_TYPE_BIN)

/* Blocks the calling thread until the test releases it. */
static void
hang_here (void)
{
  g_mutex_lock (&hang_lock);
  hang_blocked = TRUE;
  g_cond_broadcast (&hang_cond);
  while (!hang_released)
    g_cond_wait (&hang_cond, &hang_lock);
  hang_blocked = FALSE;
  g_cond_broadcast (&hang_cond);
  g_mutex_unlock (&hang_lock);
}

static GstStateChangeReturn
test_hang_src_change_state (GstElement     *element,
                            GstStateChange  transition)
{
  if (transition == GST_STATE_CHANGE_NULL_TO_READY)
    hang_here ();

  return GST_ELEMENT_CLASS (test_hang_src_parent_class)->change_state (element, transition);
}

static void
test_hang_src_class_init (TestHangSrcClass *klass)
{
  GST_ELEMENT_CLASS (klass)->change_state = test_hang_src_change_state;
}

static void
test_hang_src_init (TestHangSrc *self)
{
  GstElement *pattern = gst_element_factory_make ("videotestsrc", NULL);
  g_autoptr(GstPad) pad = gst_element_get_static_pad (pattern, "src");

  g_object_set (pattern, "is-live", TRUE, NULL);
  gst_bin_add (GST_BIN (self), pattern);
  gst_element_add_pad (GST_ELEMENT (self), gst_ghost_pad_new ("src", pad));
}

#define TEST_TYPE_HANG_DEVICE (test_hang_device_get_type ())
G_DECLARE_FINAL_TYPE (TestHangDevice, test_hang_device, TEST, HANG_DEVICE, GstDevice)

struct _TestHangDevice
{
  GstDevice parent_instance;
};

G_DEFINE_FINAL_TYPE (TestHangDevice, test_hang_device, GST_TYPE_DEVICE)

static GstElement *
test_hang_device_create_element (GstDevice  *device,
                                 const char *name)
{
  return g_object_new (TEST_TYPE_HANG_SRC, "name", name, NULL);
}

static void
test_hang_device_class_init (TestHangDeviceClass *klass)
{
  GST_DEVICE_CLASS (klass)->create_element = test_hang_device_create_element;
}

static void
test_hang_device_init (TestHangDevice *self)
{
}

static gboolean
hang_is_blocked (void)
{
  gboolean blocked;

  g_mutex_lock (&hang_lock);
  blocked = hang_blocked;
  g_mutex_unlock (&hang_lock);

  return blocked;
}

/* Waits, iterating the default main context when @iterate, until the
 * hanging element blocks a thread. A source that never gets there fails
 * the test with a message rather than running into meson's timeout.
 */
static void
wait_for_hang (gboolean iterate)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!hang_is_blocked ())
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("no thread reached the hanging element within 30 s");
      if (!iterate || !g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

static void
hang_release (void)
{
  g_mutex_lock (&hang_lock);
  hang_released = TRUE;
  g_cond_broadcast (&hang_cond);
  while (hang_blocked)
    g_cond_wait (&hang_cond, &hang_lock);
  g_mutex_unlock (&hang_lock);
}

/* A file on a network drive that stopped answering: asking anything of
 * it waits until the test releases it, then fails.
 */
#define TEST_TYPE_STALLED_FILE (test_stalled_file_get_type ())
G_DECLARE_FINAL_TYPE (TestStalledFile, test_stalled_file, TEST, STALLED_FILE, GObject)

struct _TestStalledFile
{
  GObject parent_instance;
};

static void test_stalled_file_iface_init (GFileIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TestStalledFile, test_stalled_file, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_FILE, test_stalled_file_iface_init))

static GFile *
test_stalled_file_dup (GFile *file)
{
  return g_object_ref (file);
}

static guint
test_stalled_file_hash (GFile *file)
{
  return g_direct_hash (file);
}

static gboolean
test_stalled_file_equal (GFile *a,
                         GFile *b)
{
  return a == b;
}

static gboolean
test_stalled_file_is_native (GFile *file)
{
  return FALSE;
}

static char *
test_stalled_file_get_basename (GFile *file)
{
  return g_strdup ("light.mp4");
}

static char *
test_stalled_file_get_path (GFile *file)
{
  return NULL;
}

static char *
test_stalled_file_get_uri (GFile *file)
{
  return g_strdup ("smb://nas/videos/light.mp4");
}

static GFileInfo *
test_stalled_file_query_info (GFile                *file,
                              const char           *attributes,
                              GFileQueryInfoFlags   flags,
                              GCancellable         *cancellable,
                              GError              **error)
{
  hang_here ();
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "The server stopped answering");

  return NULL;
}

static void
test_stalled_file_iface_init (GFileIface *iface)
{
  iface->dup = test_stalled_file_dup;
  iface->hash = test_stalled_file_hash;
  iface->equal = test_stalled_file_equal;
  iface->is_native = test_stalled_file_is_native;
  iface->get_basename = test_stalled_file_get_basename;
  iface->get_path = test_stalled_file_get_path;
  iface->get_uri = test_stalled_file_get_uri;
  iface->get_parse_name = test_stalled_file_get_uri;
  iface->query_info = test_stalled_file_query_info;
}

static void
test_stalled_file_class_init (TestStalledFileClass *klass)
{
}

static void
test_stalled_file_init (TestStalledFile *self)
{
}

typedef struct
{
  GMainLoop   *loop;
  guint        n_detection_changed;
  guint        n_errors;
  guint        n_eos;
  guint        n_preview;
  int          preview_width;
  int          preview_height;
  int          preview_stride;
  gsize        preview_size;
  gint64       first_preview_pts;
  gint64       last_preview_pts;
  gint64       first_preview_wall;
  gint64       last_preview_wall;
  GError      *error;
  LcDetection  last_detection;
} Run;

static char *
clip_path (const char *name)
{
  return g_build_filename (g_getenv ("LC_TEST_BUILDDIR"), "vision", name, NULL);
}

static gboolean
have_clip (const char *name)
{
  g_autofree char *path = clip_path (name);

  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return TRUE;

  g_test_skip_printf ("%s was not generated (no encoder for it)", name);
  return FALSE;
}

static void
on_detection_changed (LcVideoSource     *source,
                      const LcDetection *detection,
                      Run               *run)
{
  run->n_detection_changed++;
  run->last_detection = *detection;
}

static void
on_preview_frame (LcVideoSource *source,
                  GBytes        *pixels,
                  int            width,
                  int            height,
                  int            stride,
                  gint64         pts_ns,
                  Run           *run)
{
  gint64 now = g_get_monotonic_time ();

  if (run->n_preview == 0)
    {
      run->first_preview_pts = pts_ns;
      run->first_preview_wall = now;
    }
  run->last_preview_pts = pts_ns;
  run->last_preview_wall = now;
  run->n_preview++;
  run->preview_width = width;
  run->preview_height = height;
  run->preview_stride = stride;
  run->preview_size = g_bytes_get_size (pixels);
}

static void
on_error (LcVideoSource *source,
          const GError  *error,
          Run           *run)
{
  run->n_errors++;
  g_clear_error (&run->error);
  run->error = g_error_copy (error);
  g_main_loop_quit (run->loop);
}

static void
on_eos (LcVideoSource *source,
        Run           *run)
{
  run->n_eos++;
  g_main_loop_quit (run->loop);
}

/* No source in these tests should take this long to end or fail: a run
 * that does has hung, and says so instead of running into meson's timeout.
 */
#define PLAY_DEADLINE_S 60

static gboolean
play_deadline_cb (gpointer user_data)
{
  g_error ("the source neither ended nor failed within %d s", PLAY_DEADLINE_S);
  return G_SOURCE_REMOVE;
}

/* Runs @run's loop until the source ends or fails (see PLAY_DEADLINE_S). */
static void
run_loop (Run *run)
{
  guint deadline_id = g_timeout_add_seconds (PLAY_DEADLINE_S, play_deadline_cb, NULL);

  g_main_loop_run (run->loop);
  g_source_remove (deadline_id);
}

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->loop, g_main_loop_unref);
  g_clear_error (&run->error);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Plays @source to its end (or failure) on the default main context. */
static void
play (LcVideoSource *source,
      Run           *run)
{
  memset (run, 0, sizeof *run);
  run->loop = g_main_loop_new (NULL, FALSE);

  g_signal_connect (source, "detection-changed", G_CALLBACK (on_detection_changed), run);
  g_signal_connect (source, "preview-frame", G_CALLBACK (on_preview_frame), run);
  g_signal_connect (source, "error", G_CALLBACK (on_error), run);
  g_signal_connect (source, "eos", G_CALLBACK (on_eos), run);

  lc_video_source_start (source);
  if (lc_video_source_get_state (source) != LC_VIDEO_SOURCE_STATE_FAILED)
    run_loop (run);

  g_signal_handlers_disconnect_by_data (source, run);
}

/* Goes on running an already started @source until it ends or fails. */
static void
play_more (LcVideoSource *source,
           Run           *run)
{
  memset (run, 0, sizeof *run);
  run->loop = g_main_loop_new (NULL, FALSE);

  g_signal_connect (source, "error", G_CALLBACK (on_error), run);
  g_signal_connect (source, "eos", G_CALLBACK (on_eos), run);

  if (lc_video_source_get_state (source) != LC_VIDEO_SOURCE_STATE_FAILED)
    run_loop (run);
  else
    run->error = g_error_copy (lc_video_source_get_error (source));

  g_signal_handlers_disconnect_by_data (source, run);
}

static LcVideoSource *
new_file_source (const char *name,
                 gboolean    live)
{
  g_autofree char *path = clip_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return lc_video_source_new_for_file (file, live);
}

static void
assert_reads_signal (LcVideoSource *source,
                     const char    *expected)
{
  g_autofree char *text = NULL;
  LcDetection detection;
  LcSignal signal;

  lc_video_source_get_detection (source, &detection);
  g_assert_true (lc_detection_to_signal (&detection, &signal));
  text = lc_signal_to_string (&signal);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_file_webm (void)
{
  g_autoptr(LcVideoSource) source = NULL;
  g_auto(Run) run = { 0 };
  LcDetection detection;

  if (!have_clip ("burst6.webm"))
    return;

  source = new_file_source ("burst6.webm", FALSE);
  play (source, &run);

  g_assert_no_error (run.error);
  g_assert_cmpuint (run.n_eos, ==, 1);
  g_assert_cmpint (lc_video_source_get_state (source), ==, LC_VIDEO_SOURCE_STATE_FINISHED);
  g_assert_null (lc_video_source_get_error (source));

  /* 12 s at 30 fps, none lost on the way. */
  g_assert_cmpuint (lc_video_source_get_n_frames (source), ==, 360);
  g_assert_cmpfloat_with_epsilon (lc_video_source_get_duration (source), 12.0, 0.05);

  assert_reads_signal (source, "red:burst:6");

  /* The final reading was delivered before "eos". */
  g_assert_cmpuint (run.n_detection_changed, >, 0);
  lc_video_source_get_detection (source, &detection);
  g_assert_cmpuint (run.last_detection.serial, ==, detection.serial);
  g_assert_cmpint (detection.frame_width, ==, 640);
  g_assert_cmpint (detection.frame_height, ==, 360);
  g_assert_cmpfloat_with_epsilon (detection.leds[0].x, 0.5, 0.03);
  g_assert_cmpfloat_with_epsilon (detection.leds[0].y, 0.5, 0.03);

  /* Preview frames: RGBA, no wider than asked, whole rows. */
  g_assert_cmpuint (run.n_preview, >, 0);
  g_assert_cmpint (run.preview_width, ==, 640);
  g_assert_cmpint (run.preview_height, ==, 360);
  g_assert_cmpint (run.preview_stride, >=, run.preview_width * 4);
  g_assert_cmpuint (run.preview_size, >=, (gsize) run.preview_stride * run.preview_height);
}

typedef struct
{
  LcVideoSource *source;
  guint          n_small;        /* frames before the resize */
  guint          n_large;        /* frames after it was seen to take */
  int            small_max[2];   /* largest width, height before */
  int            large_max[2];
} PreviewSizes;

/* Grows the wanted preview after a few frames, as a window being enlarged. */
static void
on_preview_frame_resize (LcVideoSource *source,
                         GBytes        *pixels,
                         int            width,
                         int            height,
                         int            stride,
                         gint64         pts_ns,
                         PreviewSizes  *sizes)
{
  if (width <= 100 && sizes->n_large == 0)
    {
      sizes->small_max[0] = MAX (sizes->small_max[0], width);
      sizes->small_max[1] = MAX (sizes->small_max[1], height);
      if (++sizes->n_small == 3)
        lc_video_source_set_preview_size (source, 160, 120);
    }
  else
    {
      sizes->large_max[0] = MAX (sizes->large_max[0], width);
      sizes->large_max[1] = MAX (sizes->large_max[1], height);
      sizes->n_large++;
    }
}

/* The preview is converted no larger than it is shown, and follows the
 * size it is shown at while playing; the analysis is not affected.
 */
static void
test_preview_size (void)
{
  g_autoptr(LcVideoSource) source = NULL;
  g_auto(Run) run = { 0 };
  PreviewSizes sizes = { 0 };

  if (!have_clip ("burst6-short.webm"))
    return;

  source = new_file_source ("burst6-short.webm", TRUE);
  lc_video_source_set_preview_size (source, 100, 60);
  sizes.source = source;
  g_signal_connect (source, "preview-frame", G_CALLBACK (on_preview_frame_resize), &sizes);
  play (source, &run);
  g_assert_no_error (run.error);

  /* 320×180 into a box whose longer side is 100 (a file may be turned). */
  g_assert_cmpuint (sizes.n_small, >=, 3);
  g_assert_cmpint (sizes.small_max[0], ==, 100);
  g_assert_cmpint (ABS (sizes.small_max[1] - 56), <=, 1);
  /* Then 160 wide, with the same shape. */
  g_assert_cmpuint (sizes.n_large, >, 0);
  g_assert_cmpint (sizes.large_max[0], ==, 160);
  g_assert_cmpint (ABS (sizes.large_max[1] - 90), <=, 1);

  /* The analysis saw every frame (4 s at 30 fps). */
  g_assert_cmpuint (lc_video_source_get_n_frames (source), ==, 120);
}

static void
test_file_mp4 (void)
{
  g_autoptr(LcVideoSource) source = NULL;
  g_auto(Run) run = { 0 };

  if (!have_clip ("burst6.mp4"))
    return;

  source = new_file_source ("burst6.mp4", FALSE);
  lc_video_source_set_preview_enabled (source, FALSE);
  play (source, &run);

  g_assert_no_error (run.error);
  g_assert_cmpint (lc_video_source_get_state (source), ==, LC_VIDEO_SOURCE_STATE_FINISHED);
  g_assert_cmpuint (lc_video_source_get_n_frames (source), ==, 360);
  g_assert_cmpuint (run.n_preview, ==, 0);
  assert_reads_signal (source, "red:burst:6");
}

/* A phone keeps portrait video as landscape plus a rotation; the light must
 * be found where it is in the upright picture, with or without a preview,
 * and picking it there must pick it.
 */
static void
test_rotation (void)
{
  static const struct {
    const char *clip;
    int         width, height;   /* as shown */
  } clips[] = {
    { "rotated.mp4", 360, 640 },
    { "rotated180.mp4", 640, 360 },
    { "rotated270.mp4", 360, 640 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (clips); i++)
    {
      if (!have_clip (clips[i].clip))
        return;

      for (int preview = 0; preview <= 1; preview++)
        {
          g_autoptr(LcVideoSource) source = new_file_source (clips[i].clip, FALSE);
          g_auto(Run) run = { 0 };
          LcDetection detection;

          g_test_message ("%s, preview %d", clips[i].clip, preview);
          lc_video_source_set_preview_enabled (source, preview);
          play (source, &run);

          g_assert_no_error (run.error);
          lc_video_source_get_detection (source, &detection);
          g_assert_cmpint (detection.frame_width, ==, clips[i].width);
          g_assert_cmpint (detection.frame_height, ==, clips[i].height);
          g_assert_cmpuint (detection.n_leds, >, 0);
          g_assert_cmpfloat_with_epsilon (detection.leds[0].x, 0.25, 0.05);
          g_assert_cmpfloat_with_epsilon (detection.leds[0].y, 0.7, 0.05);
          /* About 8 px across in a picture 360 px wide. */
          g_assert_cmpfloat (detection.leds[0].radius * detection.frame_width, >, 1.5);
          g_assert_cmpfloat (detection.leds[0].radius * detection.frame_width, <, 10.0);

          if (preview)
            {
              g_assert_cmpint (run.preview_width, >, 0);
              g_assert_cmpint (run.preview_width < run.preview_height, ==, clips[i].width < clips[i].height);
            }
          else
            g_assert_cmpuint (run.n_preview, ==, 0);

          /* Where it is shown is where it is picked. */
          g_assert_true (lc_video_source_select (source, 0.26, 0.69));
          lc_video_source_get_detection (source, &detection);
          g_assert_true (detection.leds[0].selected);
          g_assert_cmpfloat_with_epsilon (detection.leds[0].x, 0.25, 0.05);
          g_assert_cmpfloat_with_epsilon (detection.leds[0].y, 0.7, 0.05);
          g_assert_true (lc_video_source_select (source, 0.8, 0.2));
          lc_video_source_get_detection (source, &detection);
          g_assert_true (detection.leds[0].selected);
          g_assert_cmpfloat_with_epsilon (detection.leds[0].x, 0.8, 0.02);
          g_assert_cmpfloat_with_epsilon (detection.leds[0].y, 0.2, 0.02);
        }
    }
}

/* Every orientation: a point goes where the turned picture has it, and
 * back; a quarter turn swaps the frame size.
 */
static void
test_orientation_math (void)
{
  static const struct {
    GstVideoOrientationMethod method;
    double x, y;                 /* where (0.2, 0.1) of the stored frame is shown */
    gboolean swaps;
  } cases[] = {
    { GST_VIDEO_ORIENTATION_IDENTITY, 0.2, 0.1, FALSE },
    { GST_VIDEO_ORIENTATION_90R, 0.9, 0.2, TRUE },
    { GST_VIDEO_ORIENTATION_180, 0.8, 0.9, FALSE },
    { GST_VIDEO_ORIENTATION_90L, 0.1, 0.8, TRUE },
    { GST_VIDEO_ORIENTATION_HORIZ, 0.8, 0.1, FALSE },
    { GST_VIDEO_ORIENTATION_VERT, 0.2, 0.9, FALSE },
    { GST_VIDEO_ORIENTATION_UL_LR, 0.1, 0.2, TRUE },
    { GST_VIDEO_ORIENTATION_UR_LL, 0.9, 0.8, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      LcDetection d = { 0, };
      double x, y;

      d.frame_width = 640;
      d.frame_height = 360;
      d.n_leds = 1;
      d.leds[0].x = 0.2;
      d.leds[0].y = 0.1;
      d.leds[0].radius = 0.01;   /* 6.4 px */
      lc_detection_orient (&d, cases[i].method);

      g_assert_cmpfloat_with_epsilon (d.leds[0].x, cases[i].x, 1e-9);
      g_assert_cmpfloat_with_epsilon (d.leds[0].y, cases[i].y, 1e-9);
      g_assert_cmpint (d.frame_width, ==, cases[i].swaps ? 360 : 640);
      g_assert_cmpfloat_with_epsilon (d.leds[0].radius * d.frame_width, 6.4, 1e-9);

      x = d.leds[0].x;
      y = d.leds[0].y;
      lc_orientation_unmap (cases[i].method, &x, &y);
      g_assert_cmpfloat_with_epsilon (x, 0.2, 1e-9);
      g_assert_cmpfloat_with_epsilon (y, 0.1, 1e-9);
    }

  /* What phones write. */
  {
    g_autoptr(GstTagList) tags = gst_tag_list_new (GST_TAG_IMAGE_ORIENTATION, "rotate-90", NULL);
    g_autoptr(GstTagList) none = gst_tag_list_new_empty ();
    GstVideoOrientationMethod method = GST_VIDEO_ORIENTATION_IDENTITY;

    g_assert_true (lc_orientation_from_tags (tags, &method));
    g_assert_cmpint (method, ==, GST_VIDEO_ORIENTATION_90R);
    g_assert_false (lc_orientation_from_tags (none, &method));
    g_assert_false (lc_orientation_from_tags (NULL, &method));
  }
}

static void
test_no_light (void)
{
  g_autoptr(LcVideoSource) source = NULL;
  g_auto(Run) run = { 0 };
  LcDetection detection;
  LcSignal signal;

  if (!have_clip ("nolight.webm"))
    return;

  source = new_file_source ("nolight.webm", FALSE);
  play (source, &run);

  /* Not an error: the video is fine, there is just no light in it. */
  g_assert_no_error (run.error);
  g_assert_cmpint (lc_video_source_get_state (source), ==, LC_VIDEO_SOURCE_STATE_FINISHED);
  g_assert_cmpuint (lc_video_source_get_n_frames (source), ==, 150);
  lc_video_source_get_detection (source, &detection);
  g_assert_false (lc_detection_to_signal (&detection, &signal));
  g_assert_cmpuint (detection.n_leds, ==, 0);
}

/* Expects @source to fail with @code: once, through the signal and the getter. */
static void
assert_fails (LcVideoSource *source,
              int            code)
{
  g_auto(Run) run = { 0 };

  play (source, &run);

  g_assert_error (run.error, LC_VIDEO_SOURCE_ERROR, code);
  g_assert_cmpuint (run.n_errors, ==, 1);
  g_assert_cmpuint (run.n_eos, ==, 0);
  g_assert_cmpint (lc_video_source_get_state (source), ==, LC_VIDEO_SOURCE_STATE_FAILED);
  g_assert_error (lc_video_source_get_error (source), LC_VIDEO_SOURCE_ERROR, code);
  /* Said plainly, naming the file. */
  g_assert_nonnull (strstr (run.error->message, lc_video_source_get_title (source)));
}

static void
test_missing_file (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/lightcode-test/clip.webm");
  g_autoptr(LcVideoSource) source = lc_video_source_new_for_file (file, FALSE);

  assert_fails (source, LC_VIDEO_SOURCE_ERROR_NOT_FOUND);
}

static char *
make_temp_file (const char   *name,
                const guint8 *contents,
                gsize         length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lightcode-test-XXXXXX", &error);
  char *path;

  g_assert_no_error (error);
  path = g_build_filename (dir, name, NULL);
  g_file_set_contents (path, (const char *) contents, length, &error);
  g_assert_no_error (error);

  return path;
}

static void
remove_temp_file (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_not_video (void)
{
  static const char text[] = "These are notes about my doorbell, not a video.\n";
  g_autofree char *path = make_temp_file ("notes.mp4", (const guint8 *) text, sizeof text - 1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LcVideoSource) source = lc_video_source_new_for_file (file, FALSE);

  assert_fails (source, LC_VIDEO_SOURCE_ERROR_NOT_VIDEO);
  remove_temp_file (path);
}

static void
test_folder (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_get_tmp_dir ());
  g_autoptr(LcVideoSource) source = lc_video_source_new_for_file (file, FALSE);

  assert_fails (source, LC_VIDEO_SOURCE_ERROR_NOT_VIDEO);
}

/* `head -c` of a real clip: the tail (MP4: the index) is missing. */
static void
check_truncated (const char *name,
                 double      fraction)
{
  g_autofree char *original = clip_path (name);
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(LcVideoSource) source = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (original, &contents, &length, &error);
  g_assert_no_error (error);

  path = make_temp_file (name, (const guint8 *) contents, (gsize) (length * fraction));
  file = g_file_new_for_path (path);
  source = lc_video_source_new_for_file (file, FALSE);

  assert_fails (source, LC_VIDEO_SOURCE_ERROR_NOT_VIDEO);
  remove_temp_file (path);
}

static void
test_truncated (void)
{
  if (!have_clip ("burst6.webm"))
    return;

  check_truncated ("burst6.webm", 0.5);
  check_truncated ("burst6.webm", 0.01);
  if (have_clip ("burst6.mp4"))
    check_truncated ("burst6.mp4", 0.5);
}

/* With every VP8 decoder ranked out, decodebin cannot play the WebM clip:
 * the error says which decoder is missing.
 */
static void
test_no_codec (void)
{
  g_autoptr(GstCaps) caps = gst_caps_from_string ("video/x-vp8");
  g_autoptr(LcVideoSource) source = NULL;
  g_auto(Run) run = { 0 };
  GList *factories, *decoders;
  GHashTable *ranks = g_hash_table_new (NULL, NULL);

  if (!have_clip ("burst6.webm"))
    return;

  factories = gst_element_factory_list_get_elements (GST_ELEMENT_FACTORY_TYPE_DECODER, GST_RANK_NONE);
  decoders = gst_element_factory_list_filter (factories, caps, GST_PAD_SINK, FALSE);
  g_assert_nonnull (decoders);
  for (GList *l = decoders; l != NULL; l = l->next)
    {
      GstPluginFeature *feature = l->data;

      g_hash_table_insert (ranks, feature, GUINT_TO_POINTER (gst_plugin_feature_get_rank (feature)));
      gst_plugin_feature_set_rank (feature, GST_RANK_NONE);
    }

  source = new_file_source ("burst6.webm", FALSE);
  play (source, &run);

  g_assert_error (run.error, LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_NO_CODEC);
  g_assert_nonnull (strstr (run.error->message, "VP8"));

  for (GList *l = decoders; l != NULL; l = l->next)
    gst_plugin_feature_set_rank (l->data, GPOINTER_TO_UINT (g_hash_table_lookup (ranks, l->data)));

  g_hash_table_unref (ranks);
  gst_plugin_feature_list_free (decoders);
  gst_plugin_feature_list_free (factories);
}

static void
on_monitor_started (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GAsyncResult **out_result = user_data;

  *out_result = g_object_ref (result);
}

static LcCamera *
start_file_camera (LcCameraMonitor *monitor,
                   const char      *name)
{
  g_autofree char *path = clip_path (name);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LcCamera) camera = NULL;
  GListModel *cameras;

  g_setenv ("LIGHTCODE_CAMERA", path, TRUE);
  lc_camera_monitor_start (monitor, NULL, NULL, on_monitor_started, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_unsetenv ("LIGHTCODE_CAMERA");

  g_assert_true (lc_camera_monitor_start_finish (monitor, result, &error));
  g_assert_no_error (error);

  /* One camera standing in for the webcam, whatever is plugged in. */
  cameras = lc_camera_monitor_get_cameras (monitor);
  g_assert_cmpuint (g_list_model_get_n_items (cameras), ==, 1);
  camera = g_list_model_get_item (cameras, 0);
  g_assert_cmpint (lc_camera_get_kind (camera), ==, LC_CAMERA_KIND_FILE);
  g_assert_true (lc_camera_get_available (camera));
  g_assert_nonnull (lc_camera_get_display_name (camera));
  g_assert_true (lc_camera_monitor_find (monitor, lc_camera_get_id (camera)) == camera);

  return g_steal_pointer (&camera);
}

/* LIGHTCODE_CAMERA plays its file as a webcam would: in real time. Only a
 * lower bound on wall time is checked (a busy machine is only ever slower).
 */
static void
test_camera_file_real_time (void)
{
  g_autoptr(LcCameraMonitor) monitor = NULL;
  g_autoptr(LcCamera) camera = NULL;
  g_autoptr(LcVideoSource) source = NULL;
  g_auto(Run) run = { 0 };
  gint64 start;
  double wall_s, pts_span_s, wall_span_s;

  if (!have_clip ("short.webm"))
    return;

  monitor = lc_camera_monitor_new ();
  camera = start_file_camera (monitor, "short.webm");
  source = lc_video_source_new_for_camera (camera);

  start = g_get_monotonic_time ();
  play (source, &run);
  wall_s = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;

  g_assert_no_error (run.error);
  g_assert_cmpint (lc_video_source_get_state (source), ==, LC_VIDEO_SOURCE_STATE_FINISHED);
  g_assert_cmpuint (lc_video_source_get_n_frames (source), ==, 60);
  g_assert_cmpfloat (wall_s, >=, 1.5);

  /* Preview frames arrive paced by their timestamps. */
  g_assert_cmpuint (run.n_preview, >=, 2);
  pts_span_s = (run.last_preview_pts - run.first_preview_pts) / 1e9;
  wall_span_s = (run.last_preview_wall - run.first_preview_wall) / (double) G_USEC_PER_SEC;
  g_assert_cmpfloat (pts_span_s, >, 1.0);
  g_assert_cmpfloat (wall_span_s, >=, 0.75 * pts_span_s);

  assert_reads_signal (source, "green:solid");

  g_clear_object (&source);
  g_clear_object (&camera);
  g_assert_finalize_object (g_steal_pointer (&monitor));
}

/* Threads of this process, from /proc. */
static guint
count_threads (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc/self/task", 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

/* GStreamer hands finished streaming threads back to a GLib thread pool,
 * where they idle a while before exiting: ask them to go, then wait until
 * the count reaches @target or stops going down (bounded; the bound is not
 * what is asserted).
 */
static guint
settle_threads (guint target)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  gint64 last_change = g_get_monotonic_time ();
  guint last = G_MAXUINT;

  for (;;)
    {
      gint64 now;
      guint n;

      g_thread_pool_stop_unused_threads ();
      while (g_main_context_iteration (NULL, FALSE))
        ;
      n = count_threads ();
      now = g_get_monotonic_time ();

      if (n < last)
        {
          last = n;
          last_change = now;
        }

      if (n <= target || now - last_change > G_USEC_PER_SEC || now > deadline)
        return n;

      g_usleep (20 * 1000);
    }
}

static void
on_state_notify (LcVideoSource *source,
                 GParamSpec    *pspec,
                 GMainLoop     *loop)
{
  if (lc_video_source_get_state (source) != LC_VIDEO_SOURCE_STATE_STARTING)
    g_main_loop_quit (loop);
}

static void
run_until_running (LcVideoSource *source)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  gulong id = g_signal_connect (source, "notify::state", G_CALLBACK (on_state_notify), loop);

  lc_video_source_start (source);
  g_main_loop_run (loop);
  g_signal_handler_disconnect (source, id);

  g_assert_cmpint (lc_video_source_get_state (source), ==, LC_VIDEO_SOURCE_STATE_RUNNING);
}

static void
test_stop (void)
{
  LcVideoSource *source;
  guint before, after;

  if (!have_clip ("burst6.webm"))
    return;

  /* One run first, so that what GStreamer sets up once per process (its
   * registry, the system clock) is not counted.
   */
  source = new_file_source ("burst6.webm", TRUE);
  run_until_running (source);
  lc_video_source_stop (source);
  g_assert_finalize_object (source);

  before = settle_threads (1);

  /* Stopped in the middle of a real-time run: decoder, queue and sink
   * threads are all busy.
   */
  source = new_file_source ("burst6.webm", TRUE);
  run_until_running (source);
  g_assert_cmpuint (count_threads (), >, before);

  lc_video_source_stop (source);
  g_assert_cmpint (lc_video_source_get_state (source), ==, LC_VIDEO_SOURCE_STATE_IDLE);

  after = settle_threads (before);
  g_assert_cmpuint (after, <=, before);

  /* Nothing of the stopped run may still hold the source. */
  g_assert_finalize_object (source);

  /* Posts already queued for the main context are dropped, not delivered. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
post_camera_error (gpointer data)
{
  GstElement *element = data;
  g_autoptr(GError) error = g_error_new_literal (GST_RESOURCE_ERROR, GST_RESOURCE_ERROR_READ,
                                                 "Could not read from resource.");

  /* What v4l2src says when the camera is pulled out mid-stream. */
  gst_element_post_message (element,
                            gst_message_new_error (GST_OBJECT (element), error, "poll error 1: No such device"));

  return G_SOURCE_REMOVE;
}

static void
test_camera_device (void)
{
  g_autoptr(TestDevice) device = test_device_new ();
  g_autoptr(LcCamera) camera = _lc_camera_new_for_device (GST_DEVICE (device));
  g_autoptr(LcVideoSource) source = NULL;
  g_auto(Run) run = { 0 };

  g_assert_cmpstr (lc_camera_get_id (camera), ==, "test-0001");
  g_assert_cmpstr (lc_camera_get_display_name (camera), ==, "Test Webcam");
  g_assert_cmpint (lc_camera_get_kind (camera), ==, LC_CAMERA_KIND_DEVICE);
  /* Not a v4l2src camera: no controls to set. */
  g_assert_null (_lc_camera_dup_v4l2_path (camera));

  source = lc_video_source_new_for_camera (camera);
  g_assert_null (lc_video_source_get_file (source));
  g_assert_cmpstr (lc_video_source_get_title (source), ==, "Test Webcam");

  run_until_running (source);
  g_assert_nonnull (device->element);

  /* A camera never ends by itself: a read error while running is the
   * camera going away.
   */
  g_idle_add (post_camera_error, device->element);
  play_more (source, &run);
  g_assert_error (run.error, LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_DISCONNECTED);
  g_assert_cmpint (lc_video_source_get_state (source), ==, LC_VIDEO_SOURCE_STATE_FAILED);
  g_assert_cmpuint (lc_video_source_get_n_frames (source), >, 0);
}

typedef struct
{
  guint n_ticks;
  guint n_ticks_while_blocked;
} Heartbeat;

static gboolean
heartbeat_cb (gpointer data)
{
  Heartbeat *heartbeat = data;

  heartbeat->n_ticks++;
  if (hang_is_blocked ())
    heartbeat->n_ticks_while_blocked++;

  return G_SOURCE_CONTINUE;
}

static gboolean
stop_source_cb (gpointer data)
{
  LcVideoSource *source = data;

  lc_video_source_stop (source);
  /* Stopping did not wait for the camera either. */
  g_assert_true (hang_is_blocked ());

  return G_SOURCE_REMOVE;
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

/* A camera that never opens: the main loop goes on, and the source gives
 * up with a clear message; stopping it meanwhile does not wait either.
 */
static void
test_camera_hangs (void)
{
  g_autoptr(GstDevice) device = g_object_new (TEST_TYPE_HANG_DEVICE,
                                              "display-name", "Wedged Webcam",
                                              "device-class", "Video/Source",
                                              NULL);
  g_autoptr(LcCamera) camera = _lc_camera_new_for_device (device);
  g_autoptr(LcVideoSource) source = lc_video_source_new_for_camera (camera);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Heartbeat heartbeat = { 0 };
  g_auto(Run) run = { 0 };
  guint heartbeat_id;

  hang_released = FALSE;
  heartbeat_id = g_timeout_add (100, heartbeat_cb, &heartbeat);

  /* Stopped while it is still opening. */
  lc_video_source_start (source);
  g_assert_cmpint (lc_video_source_get_state (source), ==, LC_VIDEO_SOURCE_STATE_STARTING);
  wait_for_hang (TRUE);
  g_timeout_add (500, stop_source_cb, source);
  g_timeout_add (700, quit_cb, loop);
  g_main_loop_run (loop);
  g_assert_cmpint (lc_video_source_get_state (source), ==, LC_VIDEO_SOURCE_STATE_IDLE);
  hang_release ();

  /* Left to time out: the camera is given up on, and the window was
   * never held up meanwhile.
   */
  hang_released = FALSE;
  heartbeat = (Heartbeat) { 0 };
  play (source, &run);
  g_assert_error (run.error, LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_FAILED);
  g_assert_nonnull (strstr (run.error->message, "does not answer"));
  g_assert_true (hang_is_blocked ());
  g_assert_cmpuint (heartbeat.n_ticks_while_blocked, >=, 20);
  g_assert_cmpint (lc_video_source_get_state (source), ==, LC_VIDEO_SOURCE_STATE_FAILED);

  hang_release ();
  g_source_remove (heartbeat_id);
}

static GstPadProbeReturn
hang_buffer_probe_cb (GstPad          *pad,
                      GstPadProbeInfo *info,
                      gpointer         user_data)
{
  hang_here ();

  return GST_PAD_PROBE_OK;
}

/* A streaming thread stuck in the middle of a frame (a read from a
 * network file that stalled): stopping does not wait for it for ever.
 */
static void
test_stop_stuck (void)
{
  g_autoptr(TestDevice) device = test_device_new ();
  g_autoptr(LcCamera) camera = _lc_camera_new_for_device (GST_DEVICE (device));
  g_autoptr(LcVideoSource) source = lc_video_source_new_for_camera (camera);
  g_autoptr(GstPad) pad = NULL;

  run_until_running (source);

  hang_released = FALSE;
  pad = gst_element_get_static_pad (device->element, "src");
  gst_pad_add_probe (pad, GST_PAD_PROBE_TYPE_BUFFER, hang_buffer_probe_cb, NULL, NULL);
  wait_for_hang (FALSE);

  lc_video_source_stop (source);
  g_assert_true (hang_is_blocked ());
  g_assert_cmpint (lc_video_source_get_state (source), ==, LC_VIDEO_SOURCE_STATE_IDLE);

  hang_release ();
}

/* A file whose server stopped answering: the main loop goes on while the
 * file is asked about, and the source says what happened once it fails.
 */
static void
test_stalled_file (void)
{
  g_autoptr(GFile) file = g_object_new (TEST_TYPE_STALLED_FILE, NULL);
  g_autoptr(LcVideoSource) source = lc_video_source_new_for_file (file, FALSE);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Heartbeat heartbeat = { 0 };
  g_auto(Run) run = { 0 };
  guint heartbeat_id;

  hang_released = FALSE;
  heartbeat_id = g_timeout_add (100, heartbeat_cb, &heartbeat);

  lc_video_source_start (source);
  g_assert_cmpint (lc_video_source_get_state (source), ==, LC_VIDEO_SOURCE_STATE_STARTING);
  while (heartbeat.n_ticks_while_blocked < 5)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (lc_video_source_get_state (source), ==, LC_VIDEO_SOURCE_STATE_STARTING);

  hang_release ();
  play_more (source, &run);
  g_assert_error (run.error, LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_NOT_VIDEO);
  g_assert_nonnull (strstr (run.error->message, "light.mp4"));

  g_source_remove (heartbeat_id);
}

static void
test_camera_busy (void)
{
  g_autoptr(TestDevice) device = test_device_new ();
  g_autoptr(LcCamera) camera = _lc_camera_new_for_device (GST_DEVICE (device));
  g_autoptr(LcVideoSource) source = lc_video_source_new_for_camera (camera);
  g_autoptr(GError) busy = g_error_new_literal (GST_RESOURCE_ERROR, GST_RESOURCE_ERROR_BUSY,
                                                "Device '/dev/video0' is busy");
  g_auto(Run) run = { 0 };

  /* Posted before any frame, as v4l2src does when another application
   * streams from the camera.
   */
  lc_video_source_start (source);
  g_assert_nonnull (device->element);
  gst_element_post_message (device->element,
                            gst_message_new_error (GST_OBJECT (device->element), busy, NULL));
  play_more (source, &run);

  g_assert_error (run.error, LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_BUSY);
}

static void
test_camera_unplugged (void)
{
  g_autoptr(TestDevice) device = test_device_new ();
  g_autoptr(LcCamera) camera = _lc_camera_new_for_device (GST_DEVICE (device));
  g_autoptr(LcVideoSource) source = lc_video_source_new_for_camera (camera);
  g_auto(Run) run = { 0 };

  run_until_running (source);

  /* What LcCameraMonitor does on DEVICE_REMOVED. */
  _lc_camera_set_available (camera, FALSE);
  g_assert_cmpint (lc_video_source_get_state (source), ==, LC_VIDEO_SOURCE_STATE_FAILED);
  g_assert_error (lc_video_source_get_error (source), LC_VIDEO_SOURCE_ERROR,
                  LC_VIDEO_SOURCE_ERROR_DISCONNECTED);

  /* And it cannot be started again while it is gone. */
  play (source, &run);
  g_assert_error (run.error, LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_DISCONNECTED);
}

/* Outside Flatpak with LIGHTCODE_CAMERA unset: the device monitor. There
 * is no camera on the test machine, but whatever it lists must be usable.
 */
static void
test_monitor_devices (void)
{
  g_autoptr(LcCameraMonitor) monitor = lc_camera_monitor_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *cameras;

  if (lc_camera_monitor_is_sandboxed ())
    {
      g_test_skip ("inside Flatpak the portal would be asked");
      return;
    }

  g_unsetenv ("LIGHTCODE_CAMERA");
  lc_camera_monitor_start (monitor, NULL, NULL, on_monitor_started, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (lc_camera_monitor_start_finish (monitor, result, &error));
  g_assert_no_error (error);

  cameras = lc_camera_monitor_get_cameras (monitor);
  g_assert_true (g_list_model_get_item_type (cameras) == LC_TYPE_CAMERA);
  for (guint i = 0; i < g_list_model_get_n_items (cameras); i++)
    {
      g_autoptr(LcCamera) camera = g_list_model_get_item (cameras, i);

      g_assert_nonnull (lc_camera_get_id (camera));
      g_assert_nonnull (lc_camera_get_display_name (camera));
      g_assert_true (lc_camera_monitor_find (monitor, lc_camera_get_id (camera)) == camera);
    }
  g_assert_null (lc_camera_monitor_find (monitor, "no-such-camera"));

  lc_camera_monitor_stop (monitor);
  g_clear_object (&result);
  g_assert_finalize_object (g_steal_pointer (&monitor));
}

static void
test_restart (void)
{
  g_autoptr(LcVideoSource) source = NULL;
  g_auto(Run) first = { 0 };
  g_auto(Run) second = { 0 };

  if (!have_clip ("nolight.webm"))
    return;

  source = new_file_source ("nolight.webm", FALSE);
  lc_video_source_set_preview_enabled (source, FALSE);
  play (source, &first);
  g_assert_no_error (first.error);
  play (source, &second);
  g_assert_no_error (second.error);

  /* The second run starts afresh. */
  g_assert_cmpuint (lc_video_source_get_n_frames (source), ==, 150);
}

static void
test_sample (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(LcVideoSource) source = NULL;
  g_autofree char *samples = g_build_filename (g_getenv ("LC_TEST_SRCDIR"), "..", "data", "samples", NULL);
  g_autofree char *expected_path = g_build_filename (samples, "red-burst-6.webm", NULL);
  g_autoptr(GFile) expected = g_file_new_for_path (expected_path);
  g_auto(Run) run = { 0 };

  g_setenv ("LIGHTCODE_SAMPLE_DIR", samples, TRUE);
  file = lc_video_source_find_sample_clip (&error);
  g_unsetenv ("LIGHTCODE_SAMPLE_DIR");
  g_assert_no_error (error);
  g_assert_true (g_file_equal (file, expected));

  /* The sample shows what its name says (read as fast as it decodes). */
  source = lc_video_source_new_for_file (file, FALSE);
  lc_video_source_set_preview_enabled (source, FALSE);
  play (source, &run);
  g_assert_no_error (run.error);
  assert_reads_signal (source, "red:burst:6");
}

/* Issue 15: inputs that used to hang or got the wrong message. */

static void
test_fifo (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lightcode-test-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "camera.webm", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LcVideoSource) source = lc_video_source_new_for_file (file, FALSE);
  g_auto(Run) run = { 0 };

  g_assert_no_error (error);
  g_assert_cmpint (mkfifo (path, 0600), ==, 0);

  /* Refused before filesrc could block in open(): no writer ever comes. */
  play (source, &run);
  g_assert_error (run.error, LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_NOT_VIDEO);
  g_assert_nonnull (strstr (run.error->message, "pipe"));

  g_unlink (path);
  g_rmdir (dir);
}

/* Writes @n_frames of grey @width×@height raw video into Matroska,
 * frame i at @pts_offset + i × @step_ns: time that stands still, or
 * starts far away; a huge picture, a long video.
 */
static char *
make_raw_clip (int    width,
               int    height,
               guint  n_frames,
               gint64 pts_offset,
               gint64 step_ns)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lightcode-test-XXXXXX", &error);
  char *path = g_build_filename (dir, "timed.mkv", NULL);
  g_autofree char *description = g_strdup_printf ("appsrc name=src format=time "
                                                  "caps=video/x-raw,format=I420,width=%d,height=%d,framerate=30/1 "
                                                  "! matroskamux ! filesink location=\"%s\"", width, height, path);
  gsize luma = (gsize) width * height;
  g_autoptr(GstElement) pipeline = gst_parse_launch (description, &error);
  g_autoptr(GstElement) src = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstMessage) message = NULL;
  GstFlowReturn ret;

  g_assert_no_error (error);
  src = gst_bin_get_by_name (GST_BIN (pipeline), "src");
  gst_element_set_state (pipeline, GST_STATE_PLAYING);

  for (guint i = 0; i < n_frames; i++)
    {
      GstBuffer *buffer = gst_buffer_new_allocate (NULL, luma * 3 / 2, NULL);

      gst_buffer_memset (buffer, 0, 40 + (i % 2) * 150, luma);
      gst_buffer_memset (buffer, luma, 128, luma / 2);
      GST_BUFFER_PTS (buffer) = pts_offset + i * step_ns;
      GST_BUFFER_DURATION (buffer) = MAX (step_ns, 1);
      g_signal_emit_by_name (src, "push-buffer", buffer, &ret);
      gst_buffer_unref (buffer);
      g_assert_cmpint (ret, ==, GST_FLOW_OK);
    }
  g_signal_emit_by_name (src, "end-of-stream", &ret);

  bus = gst_element_get_bus (pipeline);
  message = gst_bus_timed_pop_filtered (bus, GST_CLOCK_TIME_NONE, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  g_assert_cmpint (GST_MESSAGE_TYPE (message), ==, GST_MESSAGE_EOS);
  gst_element_set_state (pipeline, GST_STATE_NULL);

  return path;
}

static char *
make_timed_clip (guint  n_frames,
                 gint64 pts_offset,
                 gint64 step_ns)
{
  return make_raw_clip (64, 64, n_frames, pts_offset, step_ns);
}

/* Over LC_VIDEO_SOURCE_MAX_SECONDS (one frame a second) or wider than
 * LC_VIDEO_SOURCE_MAX_WIDTH: refused with a message, when analysed
 * off-line.
 */
static void
test_limits (void)
{
  g_autofree char *long_path = make_raw_clip (32, 32, LC_VIDEO_SOURCE_MAX_SECONDS + 30, 0, GST_SECOND);
  g_autofree char *wide_path = make_raw_clip (LC_VIDEO_SOURCE_MAX_WIDTH + 16, 16, 3, 0, GST_SECOND / 30);
  g_autoptr(GFile) long_file = g_file_new_for_path (long_path);
  g_autoptr(GFile) wide_file = g_file_new_for_path (wide_path);
  g_autoptr(LcVideoSource) long_source = lc_video_source_new_for_file (long_file, FALSE);
  g_autoptr(LcVideoSource) wide_source = lc_video_source_new_for_file (wide_file, FALSE);

  assert_fails (long_source, LC_VIDEO_SOURCE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (lc_video_source_get_error (long_source)->message, "seconds"));
  /* Stopped at the limit, not read to the end (one frame a second). */
  g_assert_cmpuint (lc_video_source_get_n_frames (long_source), <=, LC_VIDEO_SOURCE_MAX_SECONDS + 1);

  assert_fails (wide_source, LC_VIDEO_SOURCE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (lc_video_source_get_error (wide_source)->message, "pixels"));

  remove_temp_file (long_path);
  remove_temp_file (wide_path);
}

static void
test_equal_timestamps (void)
{
  g_autofree char *path = make_timed_clip (360, 0, 0);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LcVideoSource) source = lc_video_source_new_for_file (file, FALSE);
  g_auto(Run) run = { 0 };

  play (source, &run);
  g_assert_error (run.error, LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_NOT_VIDEO);
  /* Not "a still picture": the timing is what is wrong. */
  g_assert_nonnull (strstr (run.error->message, "timing"));
  g_assert_null (strstr (run.error->message, "still picture"));
  remove_temp_file (path);
}

static void
test_far_timestamps (void)
{
  g_autofree char *path = make_timed_clip (90, G_GINT64_CONSTANT (1) << 62, GST_SECOND / 30);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LcVideoSource) source = lc_video_source_new_for_file (file, FALSE);
  g_auto(Run) run = { 0 };

  play (source, &run);
  /* Either read (three seconds of frames) or a message about timing. */
  if (run.error != NULL)
    g_assert_nonnull (strstr (run.error->message, "timing"));
  else
    {
      g_assert_cmpuint (lc_video_source_get_n_frames (source), ==, 90);
      g_assert_cmpfloat_with_epsilon (lc_video_source_get_duration (source), 3.0, 0.1);
    }
  remove_temp_file (path);
}

/* The sample clip cut to its first tenth: said to be cut short. */
static void
test_sample_cut (void)
{
  g_autoptr(GFile) sample = lc_video_source_find_sample_clip (NULL);
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(LcVideoSource) source = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };
  gsize length;

  if (sample == NULL)
    {
      g_test_skip ("the sample clip is not found");
      return;
    }

  g_file_load_contents (sample, NULL, &contents, &length, NULL, &error);
  g_assert_no_error (error);
  path = make_temp_file ("sample.webm", (const guint8 *) contents, length / 10);
  file = g_file_new_for_path (path);
  source = lc_video_source_new_for_file (file, FALSE);

  play (source, &run);
  g_assert_error (run.error, LC_VIDEO_SOURCE_ERROR, LC_VIDEO_SOURCE_ERROR_NOT_VIDEO);
  g_assert_null (strstr (run.error->message, "no video"));
  g_assert_true (strstr (run.error->message, "cut short") != NULL ||
                 strstr (run.error->message, "incomplete") != NULL);
  remove_temp_file (path);
}

/* An animated GIF made here by ImageMagick: 30 frames of 0.1 s, a light
 * on every other frame. @trailing: bytes after the GIF's end, which
 * avdemux_gif never finishes on its own.
 */
static char *
make_gif (gboolean trailing)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lightcode-test-XXXXXX", &error);
  char *path = g_build_filename (dir, "light.gif", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  int status = -1;

  g_assert_no_error (error);
  g_ptr_array_add (argv, g_strdup ("convert"));
  g_ptr_array_add (argv, g_strdup ("-delay"));
  g_ptr_array_add (argv, g_strdup ("10"));
  for (guint i = 0; i < 30; i++)
    {
      g_ptr_array_add (argv, g_strdup ("-size"));
      g_ptr_array_add (argv, g_strdup ("80x60"));
      g_ptr_array_add (argv, g_strdup (i % 2 ? "xc:#202020" : "xc:#ff2020"));
    }
  g_ptr_array_add (argv, g_strdup (path));
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  if (trailing)
    {
      g_autofree char *contents = NULL;
      g_autoptr(GString) damaged = NULL;
      gsize length;

      g_file_get_contents (path, &contents, &length, &error);
      g_assert_no_error (error);
      damaged = g_string_new_len (contents, length);
      g_string_append (damaged, "!\xff\x0b" "garbage after the end");
      g_file_set_contents (path, damaged->str, damaged->len, &error);
      g_assert_no_error (error);
    }

  return path;
}

static void
check_gif (gboolean trailing)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(LcVideoSource) source = NULL;
  g_auto(Run) run = { 0 };
  guint n_frames = 0;

  path = make_gif (trailing);
  file = g_file_new_for_path (path);
  source = lc_video_source_new_for_file (file, FALSE);

  /* Its blocks are walked to the trailer: the source knows when the last
   * frame is in without waiting for the demuxer.
   */
  g_assert_true (_lc_video_source_file_is_gif (file, &n_frames));
  g_assert_cmpuint (n_frames, ==, 30);

  /* Ends (no hang), every frame read, each at its own time. */
  play (source, &run);
  g_assert_no_error (run.error);
  g_assert_cmpuint (run.n_eos, ==, 1);
  g_assert_cmpuint (lc_video_source_get_n_frames (source), ==, 30);
  g_assert_cmpfloat_with_epsilon (lc_video_source_get_duration (source), 3.0, 0.05);
  remove_temp_file (path);
}

static void
test_gif (void)
{
  g_autoptr(GstElementFactory) demux = gst_element_factory_find ("avdemux_gif");
  g_autofree char *convert = g_find_program_in_path ("convert");

  if (demux == NULL || convert == NULL)
    {
      g_test_skip ("needs avdemux_gif (gstreamer1.0-libav) and ImageMagick’s convert");
      return;
    }

  check_gif (FALSE);
  check_gif (TRUE);
}

/* A GIF whose blocks stop short has no known length, and what does not
 * start like a GIF is none.
 */
static void
test_gif_walk (void)
{
  static const char screen[] = "GIF89a\x02\x00\x02\x00\x00\x00\x00";
  static const char image[] = "\x2c\x00\x00\x00\x00\x02\x00\x02\x00\x00\x02\x02\x44\x01\x00";
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lightcode-test-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "walk.gif", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GString) gif = g_string_new_len (screen, sizeof screen - 1);
  guint n_frames = 99;

  g_assert_no_error (error);

  /* Two 2×2 images, a comment between them, then the trailer. */
  g_string_append_len (gif, image, sizeof image - 1);
  g_string_append_len (gif, "\x21\xfe\x03" "abc" "\x00", 7);
  g_string_append_len (gif, image, sizeof image - 1);
  g_string_append_c (gif, 0x3b);
  g_file_set_contents (path, gif->str, gif->len, &error);
  g_assert_no_error (error);
  g_assert_true (_lc_video_source_file_is_gif (file, &n_frames));
  g_assert_cmpuint (n_frames, ==, 2);

  /* Cut inside the second image. */
  g_file_set_contents (path, gif->str, gif->len - 6, &error);
  g_assert_no_error (error);
  g_assert_true (_lc_video_source_file_is_gif (file, &n_frames));
  g_assert_cmpuint (n_frames, ==, 0);

  g_file_set_contents (path, "GIF89", 5, &error);
  g_assert_no_error (error);
  g_assert_false (_lc_video_source_file_is_gif (file, &n_frames));
  g_file_set_contents (path, "\x1a\x45\xdf\xa3 not a GIF at all", 21, &error);
  g_assert_no_error (error);
  g_assert_false (_lc_video_source_file_is_gif (file, &n_frames));

  remove_temp_file (path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gst_init (&argc, &argv);

  g_test_add_func ("/vision/video-source/file-webm", test_file_webm);
  g_test_add_func ("/vision/video-source/file-mp4", test_file_mp4);
  g_test_add_func ("/vision/video-source/preview-size", test_preview_size);
  g_test_add_func ("/vision/video-source/rotation", test_rotation);
  g_test_add_func ("/vision/orientation", test_orientation_math);
  g_test_add_func ("/vision/video-source/no-light", test_no_light);
  g_test_add_func ("/vision/video-source/missing-file", test_missing_file);
  g_test_add_func ("/vision/video-source/not-video", test_not_video);
  g_test_add_func ("/vision/video-source/folder", test_folder);
  g_test_add_func ("/vision/video-source/truncated", test_truncated);
  g_test_add_func ("/vision/video-source/no-codec", test_no_codec);
  g_test_add_func ("/vision/video-source/camera-file-real-time", test_camera_file_real_time);
  g_test_add_func ("/vision/video-source/stop", test_stop);
  g_test_add_func ("/vision/video-source/camera-device", test_camera_device);
  g_test_add_func ("/vision/video-source/camera-busy", test_camera_busy);
  g_test_add_func ("/vision/video-source/camera-hangs", test_camera_hangs);
  g_test_add_func ("/vision/video-source/stop-stuck", test_stop_stuck);
  g_test_add_func ("/vision/video-source/stalled-file", test_stalled_file);
  g_test_add_func ("/vision/video-source/camera-unplugged", test_camera_unplugged);
  g_test_add_func ("/vision/video-source/monitor-devices", test_monitor_devices);
  g_test_add_func ("/vision/video-source/restart", test_restart);
  g_test_add_func ("/vision/video-source/sample", test_sample);
  g_test_add_func ("/vision/video-source/fifo", test_fifo);
  g_test_add_func ("/vision/video-source/equal-timestamps", test_equal_timestamps);
  g_test_add_func ("/vision/video-source/far-timestamps", test_far_timestamps);
  g_test_add_func ("/vision/video-source/sample-cut", test_sample_cut);
  g_test_add_func ("/vision/video-source/gif", test_gif);
  g_test_add_func ("/vision/video-source/gif-walk", test_gif_walk);
  g_test_add_func ("/vision/video-source/limits", test_limits);

  return g_test_run ();
}
