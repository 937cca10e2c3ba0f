/* test-led-simulator.c — the simulator draws what the core says, and stops
 * flashing when the system asks for less motion
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "lc-color-style.h"
#include "lc-led-simulator.h"
#include "lc-timeline-painter.h"
#include "lc-test-ui.h"

#define SIZE 256

typedef struct
{
  GtkWidget      *window;
  LcLedSimulator *simulator;
} Fixture;

static void
parse (const char *text,
       LcSignal   *signal)
{
  g_autoptr(GError) error = NULL;

  lc_signal_parse (text, signal, &error);
  g_assert_no_error (error);
}

static void
wait_for_draw (GtkWidget *widget)
{
  /* Iterate until the frame clock has drawn the window at least once. */
  for (guint i = 0; i < 200 && !gtk_widget_get_mapped (widget); i++)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static const graphene_point_t outdoor[] = { { 0.50f, 0.24f } };

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), SIZE, SIZE);
  fixture->simulator = LC_LED_SIMULATOR (lc_led_simulator_new ());
  lc_led_simulator_set_drawing (fixture->simulator, "device-outdoor");
  lc_led_simulator_set_light_positions (fixture->simulator, outdoor, G_N_ELEMENTS (outdoor));
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->simulator));
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_for_draw (GTK_WIDGET (fixture->simulator));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
}

/* What the widget's own snapshot draws, rendered by the window's renderer. */
static GdkTexture *
render (LcLedSimulator *simulator)
{
  GtkWidget *widget = GTK_WIDGET (simulator);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  g_assert_cmpint (width, >, 0);
  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  return gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                      node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

typedef struct
{
  guint8 *data;
  gsize   stride;
  int     width;
  int     height;
} Pixels;

static void
pixels_init (Pixels     *pixels,
             GdkTexture *texture)
{
  pixels->width = gdk_texture_get_width (texture);
  pixels->height = gdk_texture_get_height (texture);
  pixels->stride = pixels->width * 4;
  pixels->data = g_malloc (pixels->stride * pixels->height);
  gdk_texture_download (texture, pixels->data, pixels->stride);
}

/* gdk_texture_download() gives premultiplied native-endian ARGB32. */
static void
pixel_at (const Pixels *pixels,
          int           x,
          int           y,
          int          *r,
          int          *g,
          int          *b)
{
  guint32 value = *(guint32 *) (pixels->data + y * pixels->stride + x * 4);

  *r = (value >> 16) & 0xff;
  *g = (value >> 8) & 0xff;
  *b = value & 0xff;
}

/* Samples the light's color just inside the LED (the center is whiter). */
static void
led_rgb (LcLedSimulator *simulator,
         double          fx,
         double          fy,
         int            *r,
         int            *g,
         int            *b)
{
  g_autoptr(GdkTexture) texture = render (simulator);
  Pixels pixels;
  int side = MIN (gtk_widget_get_width (GTK_WIDGET (simulator)),
                  gtk_widget_get_height (GTK_WIDGET (simulator)));
  int x0 = (gtk_widget_get_width (GTK_WIDGET (simulator)) - side) / 2;
  int y0 = (gtk_widget_get_height (GTK_WIDGET (simulator)) - side) / 2;

  pixels_init (&pixels, texture);
  pixel_at (&pixels, x0 + (int) (fx * side) + 4, y0 + (int) (fy * side), r, g, b);
  g_free (pixels.data);
}

static gboolean
textures_equal (GdkTexture *a,
                GdkTexture *b)
{
  Pixels pa, pb;
  gboolean equal;

  pixels_init (&pa, a);
  pixels_init (&pb, b);
  equal = pa.width == pb.width && pa.height == pb.height &&
          memcmp (pa.data, pb.data, pa.stride * pa.height) == 0;
  g_free (pa.data);
  g_free (pb.data);

  return equal;
}

/* The state the widget reports is the core's, sample by sample. */
static void
test_state_follows_core (Fixture       *fixture,
                         gconstpointer  data)
{
  static const char * const texts[] = {
    "off", "red:solid", "red:blink", "red:blink@4hz", "red:burst:6", "red:burst:3@1hz",
    "blue:solid+green:blink", "blue/green:blink", "green:fade", "amber:blink@0.5hz",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      LcSignal signal;

      parse (texts[i], &signal);
      lc_led_simulator_set_signal (fixture->simulator, &signal);

      /* An odd step, so samples land all over the pattern. */
      for (double t = 0; t < 12.0; t += 0.0137)
        {
          for (guint light = 0; light < LC_SIGNAL_MAX_LIGHTS; light++)
            {
              LcColor color, core_color;
              double level, core_level;
              gboolean lit, core_lit;

              lit = lc_led_simulator_get_light_state (fixture->simulator, light, t, &color, &level);
              core_lit = lc_signal_light_at (&signal, light, t, &core_color, &core_level);
              g_assert_cmpint (lit, ==, core_lit);
              g_assert_cmpint (color, ==, core_color);
              g_assert_cmpfloat (level, ==, core_level);
            }
        }
    }
}

/* Counts dark->lit edges of light 0 over [0, duration). */
static guint
count_flashes (LcLedSimulator *simulator,
               double          duration)
{
  gboolean was_lit = FALSE;
  guint flashes = 0;

  for (double t = 0; t < duration; t += 0.001)
    {
      gboolean lit = lc_led_simulator_get_light_state (simulator, 0, t, NULL, NULL);

      if (lit && !was_lit)
        flashes++;
      was_lit = lit;
    }

  return flashes;
}

/* Real timing: a six-blink burst is six blinks and a pause, repeating. */
static void
test_burst_timing (Fixture       *fixture,
                   gconstpointer  data)
{
  LcSignal signal;
  double period;
  double longest_dark = 0, dark = 0;

  parse ("red:burst:6", &signal);
  lc_led_simulator_set_signal (fixture->simulator, &signal);
  period = lc_signal_get_period (&signal);
  g_assert_cmpfloat (period, >, 1.0);

  g_assert_cmpuint (count_flashes (fixture->simulator, period), ==, 6);
  g_assert_cmpuint (count_flashes (fixture->simulator, 2 * period), ==, 12);

  /* The pause is clearly longer than the gaps between blinks. */
  for (double t = 0; t < period; t += 0.001)
    {
      if (lc_led_simulator_get_light_state (fixture->simulator, 0, t, NULL, NULL))
        dark = 0;
      else
        longest_dark = MAX (longest_dark, dark += 0.001);
    }
  g_assert_cmpfloat (longest_dark, >=, signal.lights[0].pause_ms / 1000.0 - 0.01);
  g_assert_cmpfloat (longest_dark, >, 3 * signal.lights[0].off_ms / 1000.0);

  /* A plain 1 Hz blink flashes once a second. */
  parse ("red:blink", &signal);
  lc_led_simulator_set_signal (fixture->simulator, &signal);
  g_assert_cmpuint (count_flashes (fixture->simulator, 10.0), ==, 10);
}

/* The pixels at the light are lit exactly when the state says so. */
static void
test_draws_state (Fixture       *fixture,
                  gconstpointer  data)
{
  LcSignal signal;
  double lit_t = -1, dark_t = -1;
  int r, g, b;

  parse ("red:burst:6", &signal);
  lc_led_simulator_set_signal (fixture->simulator, &signal);

  for (double t = 0.01; t < 5 && (lit_t < 0 || dark_t < 0); t += 0.01)
    {
      if (lc_led_simulator_get_light_state (fixture->simulator, 0, t, NULL, NULL))
        lit_t = lit_t < 0 ? t : lit_t;
      else
        dark_t = dark_t < 0 ? t : dark_t;
    }
  g_assert_cmpfloat (lit_t, >=, 0);
  g_assert_cmpfloat (dark_t, >=, 0);

  lc_led_simulator_set_time (fixture->simulator, lit_t);
  g_assert_cmpfloat (lc_led_simulator_get_time (fixture->simulator), ==, lit_t);
  g_assert_false (lc_led_simulator_is_animating (fixture->simulator));
  led_rgb (fixture->simulator, 0.50, 0.24, &r, &g, &b);
  g_test_message ("lit: %d %d %d", r, g, b);
  g_assert_cmpint (r, >, 180);
  g_assert_cmpint (g, <, 100);
  g_assert_cmpint (b, <, 100);

  lc_led_simulator_set_time (fixture->simulator, dark_t);
  led_rgb (fixture->simulator, 0.50, 0.24, &r, &g, &b);
  g_test_message ("dark: %d %d %d", r, g, b);
  g_assert_cmpint (r, <, 140);
  g_assert_cmpint (ABS (r - g), <, 30);

  /* Following the clock again animates. */
  lc_led_simulator_set_time (fixture->simulator, -1);
  g_assert_true (lc_led_simulator_is_animating (fixture->simulator));
}

/* Two lights of a Sync Module land on their own positions. */
static void
test_two_lights (Fixture       *fixture,
                 gconstpointer  data)
{
  static const graphene_point_t sync_module[] = { { 0.40f, 0.44f }, { 0.60f, 0.44f } };
  static const guint green_on_right[] = { 1 };
  LcSignal signal;
  int r, g, b;

  lc_led_simulator_set_drawing (fixture->simulator, "device-sync-module");
  lc_led_simulator_set_light_positions (fixture->simulator, sync_module, 2);
  g_assert_cmpuint (lc_led_simulator_get_n_positions (fixture->simulator), ==, 2);

  parse ("blue:solid+green:solid", &signal);
  lc_led_simulator_set_signal (fixture->simulator, &signal);
  lc_led_simulator_set_time (fixture->simulator, 0.5);
  led_rgb (fixture->simulator, 0.40, 0.44, &r, &g, &b);
  g_assert_cmpint (b, >, 180);
  g_assert_cmpint (r, <, 120);
  led_rgb (fixture->simulator, 0.60, 0.44, &r, &g, &b);
  g_assert_cmpint (g, >, 160);
  g_assert_cmpint (r, <, 120);

  /* A lone green light goes where the map says, the other stays dark. */
  parse ("green:solid", &signal);
  lc_led_simulator_set_light_map (fixture->simulator, green_on_right, 1);
  lc_led_simulator_set_signal (fixture->simulator, &signal);
  led_rgb (fixture->simulator, 0.60, 0.44, &r, &g, &b);
  g_assert_cmpint (g, >, 160);
  led_rgb (fixture->simulator, 0.40, 0.44, &r, &g, &b);
  g_assert_cmpint (MAX (r, MAX (g, b)), <, 140);
}

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* Reduce motion: a static timeline, no tick callback, nothing changes with
 * time; turning animations back on animates again.
 */
static void
test_reduce_motion (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkSettings *settings = gtk_settings_get_default ();
  g_autoptr(GdkTexture) first = NULL;
  g_autoptr(GdkTexture) second = NULL;
  guint notified = 0;
  LcSignal signal;

  parse ("red:burst:6", &signal);
  lc_led_simulator_set_signal (fixture->simulator, &signal);
  g_assert_false (lc_led_simulator_get_timeline_mode (fixture->simulator));
  g_assert_true (lc_led_simulator_is_animating (fixture->simulator));

  /* Animated: a lit and a dark moment look different. */
  lc_led_simulator_set_time (fixture->simulator, 0.1);
  first = render (fixture->simulator);
  lc_led_simulator_set_time (fixture->simulator, 0.3);
  second = render (fixture->simulator);
  g_assert_false (textures_equal (first, second));
  g_clear_object (&first);
  g_clear_object (&second);
  lc_led_simulator_set_time (fixture->simulator, -1);

  g_signal_connect (fixture->simulator, "notify::timeline-mode",
                    G_CALLBACK (notify_count_cb), &notified);
  g_object_set (settings, "gtk-enable-animations", FALSE, NULL);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (lc_led_simulator_get_timeline_mode (fixture->simulator));
  g_assert_false (lc_led_simulator_is_animating (fixture->simulator));
  wait_for_draw (GTK_WIDGET (fixture->simulator));
  g_assert_false (lc_led_simulator_is_animating (fixture->simulator));

  /* The timeline does not depend on the time: nothing flashes. */
  lc_led_simulator_set_time (fixture->simulator, 0.1);
  first = render (fixture->simulator);
  lc_led_simulator_set_time (fixture->simulator, 0.3);
  second = render (fixture->simulator);
  g_assert_true (textures_equal (first, second));

  /* It shows red bars: some pixels in the lower part are strongly red. */
  {
    Pixels pixels;
    guint red = 0;

    pixels_init (&pixels, first);
    for (int y = pixels.height / 2; y < pixels.height; y++)
      for (int x = 0; x < pixels.width; x++)
        {
          int r, g, b;

          pixel_at (&pixels, x, y, &r, &g, &b);
          if (r > 150 && g < 80 && b < 80)
            red++;
        }
    g_free (pixels.data);
    g_assert_cmpuint (red, >, 200);
  }

  /* Changing the signal keeps it still. */
  parse ("blue:blink", &signal);
  lc_led_simulator_set_time (fixture->simulator, -1);
  lc_led_simulator_set_signal (fixture->simulator, &signal);
  g_assert_false (lc_led_simulator_is_animating (fixture->simulator));

  g_object_set (settings, "gtk-enable-animations", TRUE, NULL);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_false (lc_led_simulator_get_timeline_mode (fixture->simulator));
  g_assert_true (lc_led_simulator_is_animating (fixture->simulator));

  /* The app's own "Timeline" switch does the same. */
  lc_led_simulator_set_show_timeline (fixture->simulator, TRUE);
  g_assert_true (lc_led_simulator_get_timeline_mode (fixture->simulator));
  g_assert_false (lc_led_simulator_is_animating (fixture->simulator));
  g_assert_cmpuint (notified, ==, 3);
}

/* Nothing to animate, or hidden, or paused: no tick callback. */
static void
test_ticks_only_when_needed (Fixture       *fixture,
                             gconstpointer  data)
{
  LcSignal signal;
  double t;

  parse ("red:solid", &signal);
  lc_led_simulator_set_signal (fixture->simulator, &signal);
  g_assert_false (lc_led_simulator_is_animating (fixture->simulator));

  parse ("red:blink", &signal);
  lc_led_simulator_set_signal (fixture->simulator, &signal);
  g_assert_true (lc_led_simulator_is_animating (fixture->simulator));

  lc_led_simulator_set_paused (fixture->simulator, TRUE);
  g_assert_true (lc_led_simulator_get_paused (fixture->simulator));
  g_assert_false (lc_led_simulator_is_animating (fixture->simulator));
  t = lc_led_simulator_get_time (fixture->simulator);
  wait_for_draw (GTK_WIDGET (fixture->simulator));
  g_assert_cmpfloat (lc_led_simulator_get_time (fixture->simulator), ==, t);
  lc_led_simulator_set_paused (fixture->simulator, FALSE);
  g_assert_true (lc_led_simulator_is_animating (fixture->simulator));

  gtk_widget_set_visible (GTK_WIDGET (fixture->simulator), FALSE);
  g_assert_false (lc_led_simulator_is_animating (fixture->simulator));
  gtk_widget_set_visible (GTK_WIDGET (fixture->simulator), TRUE);
  g_assert_true (lc_led_simulator_is_animating (fixture->simulator));
}

/* The accessible description is the signal in words, kept up to date. */
static void
test_accessible_description (Fixture       *fixture,
                             gconstpointer  data)
{
  static const char * const texts[] = {
    "red:solid", "red:blink", "blue:solid+green:blink", "blue/green:blink", "green:fade", "off",
  };
  LcSignal signal;

  gtk_test_accessible_assert_role (fixture->simulator, GTK_ACCESSIBLE_ROLE_IMG);

  parse ("red:burst:6", &signal);
  lc_led_simulator_set_signal (fixture->simulator, &signal);
  gtk_test_accessible_assert_property (fixture->simulator, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Red light: six blinks, then a pause, repeating");

  parse ("red:solid", &signal);
  lc_led_simulator_set_signal (fixture->simulator, &signal);
  gtk_test_accessible_assert_property (fixture->simulator, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Red light on");

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *expected = NULL;

      parse (texts[i], &signal);
      lc_led_simulator_set_signal (fixture->simulator, &signal);
      expected = lc_signal_describe (&signal);
      g_assert_true (expected != NULL && *expected != '\0');
      gtk_test_accessible_assert_property (fixture->simulator, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                           expected);
    }
}

/* WCAG 2.3.1: the glow around a lit light stays a small part of the widget. */
static void
test_glow_is_small (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GdkTexture) lit = NULL;
  g_autoptr(GdkTexture) dark = NULL;
  LcSignal signal;
  Pixels pl, pd;
  guint changed = 0;

  parse ("white:blink", &signal);
  lc_led_simulator_set_signal (fixture->simulator, &signal);
  lc_led_simulator_set_time (fixture->simulator, 0.25);
  lit = render (fixture->simulator);
  lc_led_simulator_set_time (fixture->simulator, 0.75);
  dark = render (fixture->simulator);

  pixels_init (&pl, lit);
  pixels_init (&pd, dark);
  for (int y = 0; y < pl.height; y++)
    for (int x = 0; x < pl.width; x++)
      {
        if (memcmp (pl.data + y * pl.stride + x * 4, pd.data + y * pd.stride + x * 4, 4) != 0)
          changed++;
      }
  g_free (pl.data);
  g_free (pd.data);

  g_test_message ("%u of %d pixels flash", changed, SIZE * SIZE);
  g_assert_cmpuint (changed, >, 0);
  /* A circle of 6 % of the side: about 1.1 % of the area. */
  g_assert_cmpuint (changed, <, SIZE * SIZE * 0.015);
}


static int
alpha_at (const Pixels *pixels,
          int           x,
          int           y)
{
  return *(guint32 *) (pixels->data + y * pixels->stride + x * 4) >> 24;
}

static gboolean
rgb_near (int            r,
          int            g,
          int            b,
          const GdkRGBA *color)
{
  return ABS (r - (int) lround (color->red * 255)) <= 3 &&
         ABS (g - (int) lround (color->green * 255)) <= 3 &&
         ABS (b - (int) lround (color->blue * 255)) <= 3;
}

/* The shared painter: lit spans in their bar color and as high as their
 * level, dark ones the track's, gaps hatched.
 */
static void
test_timeline_painter (Fixture       *fixture,
                       gconstpointer  data)
{
  const gint64 ms = G_GINT64_CONSTANT (1000000);
  const LcLightRun runs[] = {
    { 0, 250 * ms, TRUE, LC_COLOR_RED, FALSE, 0.0 },
    { 250 * ms, 500 * ms, FALSE, LC_COLOR_NONE, FALSE, 0.0 },
    { 500 * ms, 750 * ms, FALSE, LC_COLOR_NONE, TRUE, 0.0 },
    { 750 * ms, 1000 * ms, TRUE, LC_COLOR_GREEN, FALSE, 0.5 },
  };
  LcTimelineTrack track = { runs, G_N_ELEMENTS (runs), NULL };
  GtkWidget *widget = GTK_WIDGET (fixture->simulator);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GdkRGBA red, green;
  int r, g, b, tr, tg, tb, track_alpha;
  guint hatched = 0;
  Pixels pixels;

  /* 200 px for one second, 24 px high: 50 px per run. */
  lc_timeline_painter_append (snapshot, widget, &GRAPHENE_RECT_INIT (0, 0, 200, 24),
                              &track, 1, 0, 1000 * ms, 0, NULL);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, 200, 24));
  pixels_init (&pixels, texture);
  lc_color_get_bar_rgba (LC_COLOR_RED, dark, &red);
  lc_color_get_bar_rgba (LC_COLOR_GREEN, dark, &green);

  pixel_at (&pixels, 25, 12, &r, &g, &b);
  g_assert_true (rgb_near (r, g, b, &red));
  pixel_at (&pixels, 25, 2, &r, &g, &b);
  g_assert_true (rgb_near (r, g, b, &red));

  /* Dark: the track, a faint tint of the foreground (drawn here on
   * nothing, so mostly transparent).
   */
  pixel_at (&pixels, 75, 12, &tr, &tg, &tb);
  track_alpha = alpha_at (&pixels, 75, 12);
  g_assert_false (rgb_near (tr, tg, tb, &red));
  g_assert_false (rgb_near (tr, tg, tb, &green));
  g_assert_cmpint (track_alpha, >, 0);
  g_assert_cmpint (track_alpha, <, 80);

  /* Half bright: the lower half only. */
  pixel_at (&pixels, 175, 20, &r, &g, &b);
  g_assert_true (rgb_near (r, g, b, &green));
  pixel_at (&pixels, 175, 6, &r, &g, &b);
  g_assert_false (rgb_near (r, g, b, &green));
  g_assert_cmpint (alpha_at (&pixels, 175, 6), ==, track_alpha);

  /* The gap is hatched: along a row, some pixels are stronger than the
   * track.
   */
  for (int x = 105; x < 145; x++)
    hatched += alpha_at (&pixels, x, 12) > track_alpha + 30;
  g_assert_cmpuint (hatched, >, 4);
  g_assert_cmpuint (hatched, <, 36);

  g_free (pixels.data);
}

/* The simulator's timeline shows as many blinks as the core's runs have. */
static void
test_timeline_shows_runs (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (LcLightRun));
  g_autoptr(GdkTexture) texture = NULL;
  guint n_lit = 0, most = 0;
  LcSignal signal;
  Pixels pixels;

  parse ("red:burst:6", &signal);
  lc_led_simulator_set_signal (fixture->simulator, &signal);
  lc_led_simulator_set_show_timeline (fixture->simulator, TRUE);
  wait_for_draw (GTK_WIDGET (fixture->simulator));

  /* Two 4 s groups fit the 8 s the timeline shows. */
  lc_signal_to_runs (&signal, 0, 0, 8 * G_GINT64_CONSTANT (1000000000), runs);
  for (guint i = 0; i < runs->len; i++)
    n_lit += g_array_index (runs, LcLightRun, i).on;
  g_assert_cmpuint (n_lit, ==, 12);

  /* The row of the lower half with the most red stretches is the track. */
  texture = render (fixture->simulator);
  pixels_init (&pixels, texture);
  for (int y = pixels.height / 2; y < pixels.height; y++)
    {
      gboolean in_red = FALSE;
      guint stretches = 0;

      for (int x = 0; x < pixels.width; x++)
        {
          int r, g, b;
          gboolean is_red;

          pixel_at (&pixels, x, y, &r, &g, &b);
          is_red = r > 150 && g < 80 && b < 80;
          stretches += is_red && !in_red;
          in_red = is_red;
        }
      most = MAX (most, stretches);
    }
  g_free (pixels.data);
  g_assert_cmpuint (most, ==, n_lit);
}

int
main (int   argc,
      char *argv[])
{
  if (!lc_test_ui_init (&argc, &argv))
    return 0;

#define ADD(path, func) \
  g_test_add ("/ui/led-simulator/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("state-follows-core", test_state_follows_core);
  ADD ("burst-timing", test_burst_timing);
  ADD ("draws-state", test_draws_state);
  ADD ("two-lights", test_two_lights);
  ADD ("reduce-motion", test_reduce_motion);
  ADD ("timeline-painter", test_timeline_painter);
  ADD ("timeline-shows-runs", test_timeline_shows_runs);
  ADD ("ticks-only-when-needed", test_ticks_only_when_needed);
  ADD ("accessible-description", test_accessible_description);
  ADD ("glow-is-small", test_glow_is_small);

#undef ADD

  return g_test_run ();
}
