/* lc-v4l2-controls.c — steady exposure for a V4L2 webcam, and putting it back
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not exercised by the tests: the CI machine has no /dev/video*.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "lc-v4l2-controls.h"

#if defined(__linux__) && defined(__has_include)
# if __has_include(<linux/videodev2.h>)
#  include <linux/videodev2.h>
#  define HAVE_V4L2 1
# endif
#endif

#ifndef HAVE_V4L2
# define HAVE_V4L2 0
#endif

/* The controls we touch. Restoring goes in this order: values that only
 * apply in manual mode first, while the camera is still manual.
 */
enum {
  CTRL_EXPOSURE_ABSOLUTE,
  CTRL_WHITE_BALANCE_TEMPERATURE,
  CTRL_EXPOSURE_AUTO,
  CTRL_AUTO_WHITE_BALANCE,
  CTRL_POWER_LINE_FREQUENCY,
  CTRL_EXPOSURE_AUTO_PRIORITY,
  N_CTRLS
};

typedef struct
{
  gboolean present;
  char     name[32];  /* as v4l2src spells it in extra-controls */
  int      minimum;
  int      maximum;
  int      step;
  int      saved;
} Control;

struct _LcV4l2Controls
{
  char    *device_path;
  Control  controls[N_CTRLS];
};

#if HAVE_V4L2
static const guint32 control_ids[N_CTRLS] = {
  [CTRL_EXPOSURE_ABSOLUTE] = V4L2_CID_EXPOSURE_ABSOLUTE,
  [CTRL_WHITE_BALANCE_TEMPERATURE] = V4L2_CID_WHITE_BALANCE_TEMPERATURE,
  [CTRL_EXPOSURE_AUTO] = V4L2_CID_EXPOSURE_AUTO,
  [CTRL_AUTO_WHITE_BALANCE] = V4L2_CID_AUTO_WHITE_BALANCE,
  [CTRL_POWER_LINE_FREQUENCY] = V4L2_CID_POWER_LINE_FREQUENCY,
  [CTRL_EXPOSURE_AUTO_PRIORITY] = V4L2_CID_EXPOSURE_AUTO_PRIORITY,
};

/* v4l2src names controls after their label: lower case, every run of
 * other characters one '_' ("Exposure Time, Absolute" is
 * exposure_time_absolute). The label differs between kernels, so ask.
 */
static void
normalise_name (const char *label,
                char       *out,
                gsize       out_size)
{
  gsize i = 0;

  for (gsize j = 0; label[j] != '\0' && i + 2 < out_size; j++)
    {
      if (!g_ascii_isalnum (label[j]))
        continue;
      if (i > 0 && j > 0 && !g_ascii_isalnum (label[j - 1]))
        out[i++] = '_';
      out[i++] = g_ascii_tolower (label[j]);
    }
  out[i] = '\0';
}

static int
xioctl (int            fd,
        unsigned long  request,
        void          *arg)
{
  int ret;

  do
    ret = ioctl (fd, request, arg);
  while (ret == -1 && errno == EINTR);

  return ret;
}
#endif

LcV4l2Controls *
_lc_v4l2_controls_save (const char *device_path)
{
#if HAVE_V4L2
  LcV4l2Controls *self;
  gboolean any = FALSE;
  int fd;

  g_return_val_if_fail (device_path != NULL, NULL);

  fd = g_open (device_path, O_RDWR | O_NONBLOCK | O_CLOEXEC, 0);
  if (fd < 0)
    {
      g_debug ("Cannot open %s for its controls: %s", device_path, g_strerror (errno));
      return NULL;
    }

  self = g_new0 (LcV4l2Controls, 1);
  self->device_path = g_strdup (device_path);

  for (guint i = 0; i < N_CTRLS; i++)
    {
      struct v4l2_queryctrl query = { .id = control_ids[i] };
      struct v4l2_control value = { .id = control_ids[i] };
      Control *control = &self->controls[i];

      if (xioctl (fd, VIDIOC_QUERYCTRL, &query) < 0 ||
          (query.flags & (V4L2_CTRL_FLAG_DISABLED | V4L2_CTRL_FLAG_READ_ONLY)) != 0 ||
          xioctl (fd, VIDIOC_G_CTRL, &value) < 0)
        continue;

      control->present = TRUE;
      normalise_name ((const char *) query.name, control->name, sizeof control->name);
      control->minimum = query.minimum;
      control->maximum = query.maximum;
      control->step = MAX (query.step, 1);
      control->saved = value.value;
      any = TRUE;
    }

  g_close (fd, NULL);

  if (!any)
    {
      g_free (self->device_path);
      g_free (self);
      return NULL;
    }

  return self;
#else
  return NULL;
#endif
}

static void
set_clamped (GstStructure  *structure,
             const Control *control,
             int            value)
{
  if (!control->present || control->name[0] == '\0')
    return;

  value = CLAMP (value, control->minimum, control->maximum);
  value = control->minimum + (value - control->minimum) / control->step * control->step;
  gst_structure_set (structure, control->name, G_TYPE_INT, value, NULL);
}

GstStructure *
_lc_v4l2_controls_build_steady (LcV4l2Controls *self,
                                int             mains_hz)
{
  GstStructure *structure;

  g_return_val_if_fail (self != NULL, NULL);

  structure = gst_structure_new_empty ("controls");

#if HAVE_V4L2
  /* Manual mode (1) and 10 ms (50 Hz) or 8.3 ms (60 Hz): whole flicker
   * cycles, in units of 100 µs.
   */
  set_clamped (structure, &self->controls[CTRL_EXPOSURE_AUTO], V4L2_EXPOSURE_MANUAL);
  set_clamped (structure, &self->controls[CTRL_EXPOSURE_ABSOLUTE], mains_hz == 60 ? 83 : 100);
  set_clamped (structure, &self->controls[CTRL_AUTO_WHITE_BALANCE], 0);
  set_clamped (structure, &self->controls[CTRL_WHITE_BALANCE_TEMPERATURE], 5000);
  set_clamped (structure, &self->controls[CTRL_POWER_LINE_FREQUENCY],
               mains_hz == 60 ? V4L2_CID_POWER_LINE_FREQUENCY_60HZ : V4L2_CID_POWER_LINE_FREQUENCY_50HZ);
  set_clamped (structure, &self->controls[CTRL_EXPOSURE_AUTO_PRIORITY], 0);
#endif

  return structure;
}

void
_lc_v4l2_controls_restore_and_free (LcV4l2Controls *self)
{
#if HAVE_V4L2
  int fd;

  if (self == NULL)
    return;

  fd = g_open (self->device_path, O_RDWR | O_NONBLOCK | O_CLOEXEC, 0);
  if (fd >= 0)
    {
      for (guint i = 0; i < N_CTRLS; i++)
        {
          struct v4l2_control value = { .id = control_ids[i], .value = self->controls[i].saved };

          if (self->controls[i].present && xioctl (fd, VIDIOC_S_CTRL, &value) < 0)
            g_debug ("Could not restore %s on %s: %s", self->controls[i].name,
                     self->device_path, g_strerror (errno));
        }
      g_close (fd, NULL);
    }
  else
    {
      g_debug ("Cannot reopen %s to restore its controls: %s", self->device_path, g_strerror (errno));
    }
#endif

  if (self == NULL)
    return;

  g_free (self->device_path);
  g_free (self);
}

int
_lc_v4l2_guess_mains_hz (void)
{
  /* Territories on 60 Hz mains (Japan is split; its west is 60 Hz, but
   * 50 Hz is kept there as the more common).
   */
  static const char * const sixty[] = {
    "US", "CA", "MX", "BR", "CO", "VE", "EC", "PE", "CR", "PA", "NI", "HN",
    "SV", "GT", "BZ", "CU", "DO", "HT", "PR", "BS", "TT", "SR", "GY",
    "KR", "TW", "PH", "SA", "LR", "FM", "GU", "MH", "PW", "AS", "VI",
  };
  const char *locale = setlocale (LC_MESSAGES, NULL);
  const char *underscore;
  char territory[3] = { 0 };

  if (locale == NULL || (underscore = strchr (locale, '_')) == NULL ||
      !g_ascii_isalpha (underscore[1]) || !g_ascii_isalpha (underscore[2]))
    return 50;

  territory[0] = g_ascii_toupper (underscore[1]);
  territory[1] = g_ascii_toupper (underscore[2]);

  for (guint i = 0; i < G_N_ELEMENTS (sixty); i++)
    if (strcmp (territory, sixty[i]) == 0)
      return 60;

  return 50;
}
