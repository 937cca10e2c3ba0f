/* test-countdown.c — step timers on a fake clock (no sleeping)
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "lc-countdown.h"

typedef struct
{
  gint64 now_us;
} FakeClock;

static gint64
fake_clock_now (gpointer user_data)
{
  FakeClock *clock = user_data;

  return clock->now_us;
}

static void
count_cb (LcCountdown *countdown,
          guint       *counter)
{
  (*counter)++;
}

static void
count_notify_cb (LcCountdown *countdown,
                 GParamSpec  *pspec,
                 guint       *counter)
{
  (*counter)++;
}

static LcCountdown *
new_on_fake_clock (guint      seconds,
                   FakeClock *clock)
{
  LcCountdown *countdown = lc_countdown_new (seconds);

  lc_countdown_set_clock (countdown, fake_clock_now, clock, NULL);

  return countdown;
}

static void
test_countdown_idle (void)
{
  FakeClock clock = { 5 * G_USEC_PER_SEC };
  g_autoptr(LcCountdown) countdown = new_on_fake_clock (120, &clock);
  g_autofree char *text = NULL;

  g_assert_cmpuint (lc_countdown_get_duration (countdown), ==, 120);
  g_assert_cmpuint (lc_countdown_get_remaining_seconds (countdown), ==, 120);
  g_assert_false (lc_countdown_get_running (countdown));
  g_assert_false (lc_countdown_get_finished (countdown));

  text = lc_countdown_format_remaining (countdown);
  g_assert_cmpstr (text, ==, "02:00");

  /* Time passing does nothing before start. */
  clock.now_us += 500 * G_USEC_PER_SEC;
  lc_countdown_tick (countdown);
  g_assert_cmpuint (lc_countdown_get_remaining_seconds (countdown), ==, 120);
  g_assert_false (lc_countdown_get_finished (countdown));
}

static void
test_countdown_runs_out_once (void)
{
  FakeClock clock = { 1000 };
  g_autoptr(LcCountdown) countdown = new_on_fake_clock (120, &clock);
  guint finished = 0;
  guint remaining_notifies = 0;

  g_signal_connect (countdown, "finished", G_CALLBACK (count_cb), &finished);
  g_signal_connect (countdown, "notify::remaining-seconds", G_CALLBACK (count_notify_cb), &remaining_notifies);

  lc_countdown_start (countdown);
  g_assert_true (lc_countdown_get_running (countdown));
  g_assert_cmpuint (lc_countdown_get_remaining_seconds (countdown), ==, 120);

  /* Part of a second still shows the whole second (rounded up). */
  clock.now_us += G_USEC_PER_SEC / 2;
  lc_countdown_tick (countdown);
  g_assert_cmpuint (lc_countdown_get_remaining_seconds (countdown), ==, 120);
  g_assert_cmpuint (remaining_notifies, ==, 0);

  clock.now_us += 45 * G_USEC_PER_SEC;
  lc_countdown_tick (countdown);
  g_assert_cmpuint (lc_countdown_get_remaining_seconds (countdown), ==, 75);
  g_assert_cmpuint (remaining_notifies, ==, 1);
  {
    g_autofree char *text = lc_countdown_format_remaining (countdown);
    g_assert_cmpstr (text, ==, "01:15");
  }
  g_assert_cmpuint (finished, ==, 0);

  /* Ticking without time passing changes nothing and notifies nothing. */
  lc_countdown_tick (countdown);
  g_assert_cmpuint (remaining_notifies, ==, 1);

  /* Jump far past the end: finished once, remaining 0, not running. */
  clock.now_us += (gint64) 3600 * G_USEC_PER_SEC;
  lc_countdown_tick (countdown);
  g_assert_cmpuint (finished, ==, 1);
  g_assert_cmpuint (lc_countdown_get_remaining_seconds (countdown), ==, 0);
  g_assert_false (lc_countdown_get_running (countdown));
  g_assert_true (lc_countdown_get_finished (countdown));

  /* More ticks (and the main loop) never emit it again. */
  clock.now_us += G_USEC_PER_SEC;
  lc_countdown_tick (countdown);
  lc_countdown_tick (countdown);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (finished, ==, 1);
}

static void
test_countdown_exact_end (void)
{
  FakeClock clock = { 0 };
  g_autoptr(LcCountdown) countdown = new_on_fake_clock (10, &clock);
  guint finished = 0;

  g_signal_connect (countdown, "finished", G_CALLBACK (count_cb), &finished);
  lc_countdown_start (countdown);

  clock.now_us = 10 * G_USEC_PER_SEC - 1;
  lc_countdown_tick (countdown);
  g_assert_cmpuint (lc_countdown_get_remaining_seconds (countdown), ==, 1);
  g_assert_cmpuint (finished, ==, 0);

  clock.now_us = 10 * G_USEC_PER_SEC;
  lc_countdown_tick (countdown);
  g_assert_cmpuint (lc_countdown_get_remaining_seconds (countdown), ==, 0);
  g_assert_cmpuint (finished, ==, 1);
}

static void
test_countdown_restart_and_cancel (void)
{
  FakeClock clock = { 0 };
  g_autoptr(LcCountdown) countdown = new_on_fake_clock (30, &clock);
  guint finished = 0;

  g_signal_connect (countdown, "finished", G_CALLBACK (count_cb), &finished);

  lc_countdown_start (countdown);
  clock.now_us += 20 * G_USEC_PER_SEC;
  lc_countdown_tick (countdown);
  g_assert_cmpuint (lc_countdown_get_remaining_seconds (countdown), ==, 10);

  /* Restarting while running starts over from the full duration. */
  lc_countdown_start (countdown);
  g_assert_cmpuint (lc_countdown_get_remaining_seconds (countdown), ==, 30);
  clock.now_us += 20 * G_USEC_PER_SEC;
  lc_countdown_tick (countdown);
  g_assert_cmpuint (lc_countdown_get_remaining_seconds (countdown), ==, 10);
  g_assert_cmpuint (finished, ==, 0);

  /* Cancel: idle again, and the end passing emits nothing. */
  lc_countdown_cancel (countdown);
  g_assert_false (lc_countdown_get_running (countdown));
  g_assert_false (lc_countdown_get_finished (countdown));
  g_assert_cmpuint (lc_countdown_get_remaining_seconds (countdown), ==, 30);
  clock.now_us += 100 * G_USEC_PER_SEC;
  lc_countdown_tick (countdown);
  g_assert_cmpuint (finished, ==, 0);

  /* A finished countdown can run again, and finishes once more. */
  lc_countdown_start (countdown);
  clock.now_us += 30 * G_USEC_PER_SEC;
  lc_countdown_tick (countdown);
  g_assert_cmpuint (finished, ==, 1);
  lc_countdown_start (countdown);
  g_assert_false (lc_countdown_get_finished (countdown));
  g_assert_true (lc_countdown_get_running (countdown));
  clock.now_us += 30 * G_USEC_PER_SEC;
  lc_countdown_tick (countdown);
  g_assert_cmpuint (finished, ==, 2);
}

static void
test_countdown_zero_length (void)
{
  FakeClock clock = { 0 };
  g_autoptr(LcCountdown) countdown = new_on_fake_clock (0, &clock);
  guint finished = 0;

  g_signal_connect (countdown, "finished", G_CALLBACK (count_cb), &finished);
  lc_countdown_start (countdown);
  g_assert_cmpuint (finished, ==, 1);
  g_assert_true (lc_countdown_get_finished (countdown));
}

/* The countdown ticks by itself through the main context: with half a
 * millisecond left on the fake clock, it schedules its next tick 1 ms
 * ahead, and the clock is past the end by then. The loop waits on the
 * event, not on a duration.
 */
static void
finished_quit_cb (LcCountdown *countdown,
                  GMainLoop   *loop)
{
  g_main_loop_quit (loop);
}

static void
test_countdown_ticks_itself (void)
{
  FakeClock clock = { 0 };
  g_autoptr(LcCountdown) countdown = new_on_fake_clock (2, &clock);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  g_signal_connect (countdown, "finished", G_CALLBACK (finished_quit_cb), loop);
  lc_countdown_start (countdown);
  clock.now_us = 2 * G_USEC_PER_SEC - 500;
  lc_countdown_tick (countdown);
  g_assert_false (lc_countdown_get_finished (countdown));
  g_assert_cmpuint (lc_countdown_get_remaining_seconds (countdown), ==, 1);

  clock.now_us = 5 * G_USEC_PER_SEC;
  g_main_loop_run (loop);

  g_assert_true (lc_countdown_get_finished (countdown));
  g_assert_cmpuint (lc_countdown_get_remaining_seconds (countdown), ==, 0);
}

static void
unref_on_finished_cb (LcCountdown  *countdown,
                      LcCountdown **slot)
{
  g_clear_object (slot);
}

static void
test_countdown_unref_in_handler (void)
{
  FakeClock clock = { 0 };
  LcCountdown *countdown = new_on_fake_clock (1, &clock);
  LcCountdown *slot = countdown;

  g_object_add_weak_pointer (G_OBJECT (countdown), (gpointer *) &countdown);
  g_signal_connect (countdown, "finished", G_CALLBACK (unref_on_finished_cb), &slot);
  lc_countdown_start (countdown);
  clock.now_us = 2 * G_USEC_PER_SEC;
  lc_countdown_tick (countdown);

  g_assert_null (slot);
  g_assert_null (countdown);
}

static void
test_countdown_format (void)
{
  static const struct { guint seconds; const char *text; } cases[] = {
    { 0, "00:00" },
    { 9, "00:09" },
    { 10, "00:10" },
    { 60, "01:00" },
    { 125, "02:05" },
    { 3599, "59:59" },
    { 3600, "1:00:00" },
    { 3725, "1:02:05" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = lc_countdown_format_seconds (cases[i].seconds);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_countdown_default_clock (void)
{
  g_autoptr(LcCountdown) countdown = lc_countdown_new (600);

  /* The real clock: just started, so (almost) the whole time is left.
   * No assertion on elapsed time, only that it does not run backwards.
   */
  lc_countdown_start (countdown);
  lc_countdown_tick (countdown);
  g_assert_true (lc_countdown_get_running (countdown));
  g_assert_cmpuint (lc_countdown_get_remaining_seconds (countdown), <=, 600);
  g_assert_cmpuint (lc_countdown_get_remaining_seconds (countdown), >, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/countdown/idle", test_countdown_idle);
  g_test_add_func ("/core/countdown/runs-out-once", test_countdown_runs_out_once);
  g_test_add_func ("/core/countdown/exact-end", test_countdown_exact_end);
  g_test_add_func ("/core/countdown/restart-and-cancel", test_countdown_restart_and_cancel);
  g_test_add_func ("/core/countdown/zero-length", test_countdown_zero_length);
  g_test_add_func ("/core/countdown/ticks-itself", test_countdown_ticks_itself);
  g_test_add_func ("/core/countdown/unref-in-handler", test_countdown_unref_in_handler);
  g_test_add_func ("/core/countdown/format", test_countdown_format);
  g_test_add_func ("/core/countdown/default-clock", test_countdown_default_clock);

  return g_test_run ();
}
