/* lc-fix-session.c — working through the fixes of a diagnosis, step by step
 *
 * Copyright 2026 The Lightcode authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "lc-fix-session-private.h"

struct _LcFixSession
{
  GObject       parent_instance;

  LcDiagnosis  *diagnosis;
  LcProcedure  *support_procedure;

  GPtrArray    *plan;      /* LcFixPlanEntry */
  guint         plan_index;
  GPtrArray    *attempts;  /* LcFixAttempt; the last one is current */

  LcFixState    state;
  guint         step_index;
  guint         since_offer;     /* attempts ended since support was last offered */
  gboolean      can_keep_going;  /* NEEDS_SUPPORT is an offer, the plan goes on */
  gboolean      confirmed;       /* the current erasing fix was agreed to */
  char         *next_reason;
  char         *support_reason;
};

G_DEFINE_FINAL_TYPE (LcFixSession, lc_fix_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DIAGNOSIS,
  PROP_STATE,
  PROP_CURRENT_CAUSE,
  PROP_CURRENT_PROCEDURE,
  PROP_STEP_INDEX,
  PROP_CURRENT_STEP,
  PROP_N_STEPS,
  PROP_CAN_GO_BACK,
  PROP_NEXT_REASON,
  PROP_SUPPORT_REASON,
  PROP_ATTEMPT_INDEX,
  PROP_CAN_KEEP_GOING,
  PROP_NEEDS_CONFIRMATION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
attempt_free (LcFixAttempt *attempt)
{
  g_clear_object (&attempt->cause);
  g_clear_object (&attempt->procedure);
  g_clear_pointer (&attempt->step_states, g_free);
  g_clear_pointer (&attempt->visited, g_free);
  g_free (attempt);
}

static LcFixAttempt *
current_attempt (LcFixSession *self)
{
  if (self->attempts->len == 0)
    return NULL;

  return g_ptr_array_index (self->attempts, self->attempts->len - 1);
}

LcFixAttempt *
_lc_fix_session_get_attempt (LcFixSession *self,
                             guint         index)
{
  g_return_val_if_fail (index < self->attempts->len, NULL);

  return g_ptr_array_index (self->attempts, index);
}

static void
start_attempt (LcFixSession   *self,
               LcFixPlanEntry *entry)
{
  LcFixAttempt *attempt = g_new0 (LcFixAttempt, 1);

  attempt->cause = g_object_ref (entry->cause);
  attempt->procedure = g_object_ref (entry->procedure);
  attempt->n_steps = lc_procedure_get_n_steps (entry->procedure);
  attempt->step_states = g_new0 (LcFixStepState, MAX (attempt->n_steps, 1));
  attempt->visited = g_new0 (gboolean, MAX (attempt->n_steps, 1));
  attempt->visited[0] = TRUE;
  g_ptr_array_add (self->attempts, attempt);
}

static void
set_string (char       **field,
            const char  *value,
            GObject     *object,
            GParamSpec  *pspec)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (object, pspec);
}

/* Moves to @state / @step_index and notifies whatever changed; with
 * @new_attempt the step counts as changed even at the same index. The
 * attempt-related properties are notified by notify_attempt_changed().
 */
static void
move_to (LcFixSession *self,
         LcFixState    state,
         guint         step_index,
         gboolean      new_attempt)
{
  gboolean could_go_back = lc_fix_session_can_go_back (self);
  gboolean state_changed = self->state != state;
  gboolean index_changed = self->step_index != step_index;

  self->state = state;
  self->step_index = step_index;
  if (state == LC_FIX_STATE_STEPS && current_attempt (self) != NULL &&
      step_index < current_attempt (self)->n_steps)
    current_attempt (self)->visited[step_index] = TRUE;

  if (state_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATE]);
  if (index_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STEP_INDEX]);
  if (state_changed || index_changed || new_attempt)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CURRENT_STEP]);
  if (could_go_back != lc_fix_session_can_go_back (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_GO_BACK]);
}

static void
notify_attempt_changed (LcFixSession *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ATTEMPT_INDEX]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CURRENT_CAUSE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CURRENT_PROCEDURE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_STEPS]);
}

static void
set_keep_going (LcFixSession *self,
                gboolean      can_keep_going)
{
  if (self->can_keep_going == can_keep_going)
    return;

  self->can_keep_going = can_keep_going;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_KEEP_GOING]);
}

static void
enter_needs_support (LcFixSession *self,
                     const char   *reason)
{
  set_string (&self->support_reason, reason, G_OBJECT (self), properties [PROP_SUPPORT_REASON]);
  move_to (self, LC_FIX_STATE_NEEDS_SUPPORT, 0, FALSE);
  /* There is no current attempt any more. */
  notify_attempt_changed (self);
}

static gboolean
cause_was_tried (LcFixSession     *self,
                 LcDiagnosisCause *cause)
{
  for (guint i = 0; i < self->attempts->len; i++)
    {
      if (_lc_fix_session_get_attempt (self, i)->cause == cause)
        return TRUE;
    }

  return FALSE;
}

/* TRUE when every cause not tried yet is below the "unlikely" line
 * (also TRUE when none is left).
 */
static gboolean
only_unlikely_left (LcFixSession *self)
{
  for (guint i = self->plan_index + 1; i < self->plan->len; i++)
    {
      LcFixPlanEntry *entry = g_ptr_array_index (self->plan, i);

      if (!cause_was_tried (self, entry->cause) &&
          lc_diagnosis_cause_get_likelihood (entry->cause) >= LC_FIX_UNLIKELY_BELOW)
        return FALSE;
    }

  return TRUE;
}

static void
start_next (LcFixSession *self,
            LcFixAttempt *previous)
{
  LcFixPlanEntry *next;
  g_autofree char *reason = NULL;

  self->plan_index++;
  next = g_ptr_array_index (self->plan, self->plan_index);
  reason = _lc_fix_reason_dup_next (previous, next);

  start_attempt (self, next);
  self->confirmed = FALSE;
  set_string (&self->next_reason, reason, G_OBJECT (self), properties [PROP_NEXT_REASON]);
  move_to (self, LC_FIX_STATE_STEPS, 0, TRUE);
  notify_attempt_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NEEDS_CONFIRMATION]);
}

/* The current attempt failed (or is uncertain): on to the next fix, or
 * stop and offer support first. A person who keeps answering "no" should
 * not walk through every fix there is: after LC_FIX_OFFER_SUPPORT_AFTER
 * fixes, or after two once only unlikely causes are left, support is
 * offered, with lc_fix_session_keep_going() to carry on.
 */
static void
advance_plan (LcFixSession *self)
{
  LcFixAttempt *previous = current_attempt (self);

  g_object_freeze_notify (G_OBJECT (self));

  self->since_offer++;

  if (self->plan_index + 1 >= self->plan->len)
    {
      set_keep_going (self, FALSE);
      enter_needs_support (self, _lc_fix_reason_get_plan_ran_out ());
    }
  else if (self->since_offer >= LC_FIX_OFFER_SUPPORT_AFTER ||
           (self->since_offer >= 2 && only_unlikely_left (self)))
    {
      g_autofree char *reason = _lc_fix_reason_dup_support_offered (self->since_offer);

      self->since_offer = 0;
      set_keep_going (self, TRUE);
      enter_needs_support (self, reason);
    }
  else
    {
      start_next (self, previous);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

/* GObject */

static void
lc_fix_session_finalize (GObject *object)
{
  LcFixSession *self = (LcFixSession *)object;

  g_clear_object (&self->diagnosis);
  g_clear_object (&self->support_procedure);
  g_clear_pointer (&self->plan, g_ptr_array_unref);
  g_clear_pointer (&self->attempts, g_ptr_array_unref);
  g_clear_pointer (&self->next_reason, g_free);
  g_clear_pointer (&self->support_reason, g_free);

  G_OBJECT_CLASS (lc_fix_session_parent_class)->finalize (object);
}

static void
lc_fix_session_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LcFixSession *self = LC_FIX_SESSION (object);

  switch (prop_id)
    {
    case PROP_DIAGNOSIS:
      g_value_set_object (value, self->diagnosis);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_CURRENT_CAUSE:
      g_value_set_object (value, lc_fix_session_get_current_cause (self));
      break;

    case PROP_CURRENT_PROCEDURE:
      g_value_set_object (value, lc_fix_session_get_current_procedure (self));
      break;

    case PROP_STEP_INDEX:
      g_value_set_uint (value, self->step_index);
      break;

    case PROP_CURRENT_STEP:
      g_value_set_object (value, lc_fix_session_get_current_step (self));
      break;

    case PROP_N_STEPS:
      g_value_set_uint (value, lc_fix_session_get_n_steps (self));
      break;

    case PROP_CAN_GO_BACK:
      g_value_set_boolean (value, lc_fix_session_can_go_back (self));
      break;

    case PROP_NEXT_REASON:
      g_value_set_string (value, self->next_reason);
      break;

    case PROP_SUPPORT_REASON:
      g_value_set_string (value, self->support_reason);
      break;

    case PROP_ATTEMPT_INDEX:
      g_value_set_uint (value, lc_fix_session_get_attempt_index (self));
      break;

    case PROP_CAN_KEEP_GOING:
      g_value_set_boolean (value, lc_fix_session_can_keep_going (self));
      break;

    case PROP_NEEDS_CONFIRMATION:
      g_value_set_boolean (value, lc_fix_session_needs_confirmation (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_fix_session_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LcFixSession *self = LC_FIX_SESSION (object);

  switch (prop_id)
    {
    case PROP_DIAGNOSIS:
      self->diagnosis = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lc_fix_session_constructed (GObject *object)
{
  LcFixSession *self = (LcFixSession *)object;

  G_OBJECT_CLASS (lc_fix_session_parent_class)->constructed (object);

  g_return_if_fail (LC_IS_DIAGNOSIS (self->diagnosis));

  _lc_fix_plan_build (self->plan, self->diagnosis, &self->support_procedure);

  if (self->plan->len > 0)
    {
      start_attempt (self, g_ptr_array_index (self->plan, 0));
      self->state = LC_FIX_STATE_STEPS;
    }
}

static void
lc_fix_session_class_init (LcFixSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = lc_fix_session_finalize;
  object_class->constructed = lc_fix_session_constructed;
  object_class->get_property = lc_fix_session_get_property;
  object_class->set_property = lc_fix_session_set_property;

  properties [PROP_DIAGNOSIS] =
    g_param_spec_object ("diagnosis", NULL, NULL, LC_TYPE_DIAGNOSIS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties [PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, LC_TYPE_FIX_STATE, LC_FIX_STATE_NOTHING_TO_FIX, ro);
  properties [PROP_CURRENT_CAUSE] =
    g_param_spec_object ("current-cause", NULL, NULL, LC_TYPE_DIAGNOSIS_CAUSE, ro);
  properties [PROP_CURRENT_PROCEDURE] =
    g_param_spec_object ("current-procedure", NULL, NULL, LC_TYPE_PROCEDURE, ro);
  properties [PROP_STEP_INDEX] =
    g_param_spec_uint ("step-index", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties [PROP_CURRENT_STEP] =
    g_param_spec_object ("current-step", NULL, NULL, LC_TYPE_STEP, ro);
  properties [PROP_N_STEPS] =
    g_param_spec_uint ("n-steps", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties [PROP_CAN_GO_BACK] =
    g_param_spec_boolean ("can-go-back", NULL, NULL, FALSE, ro);
  properties [PROP_NEXT_REASON] =
    g_param_spec_string ("next-reason", NULL, NULL, NULL, ro);
  properties [PROP_SUPPORT_REASON] =
    g_param_spec_string ("support-reason", NULL, NULL, NULL, ro);
  properties [PROP_ATTEMPT_INDEX] =
    g_param_spec_uint ("attempt-index", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties [PROP_CAN_KEEP_GOING] =
    g_param_spec_boolean ("can-keep-going", NULL, NULL, FALSE, ro);
  properties [PROP_NEEDS_CONFIRMATION] =
    g_param_spec_boolean ("needs-confirmation", NULL, NULL, FALSE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lc_fix_session_init (LcFixSession *self)
{
  self->plan = g_ptr_array_new_with_free_func ((GDestroyNotify) _lc_fix_plan_entry_free);
  self->attempts = g_ptr_array_new_with_free_func ((GDestroyNotify) attempt_free);
  self->state = LC_FIX_STATE_NOTHING_TO_FIX;
}

LcFixSession *
lc_fix_session_new (LcDiagnosis *diagnosis)
{
  g_return_val_if_fail (LC_IS_DIAGNOSIS (diagnosis), NULL);

  return g_object_new (LC_TYPE_FIX_SESSION,
                       "diagnosis", diagnosis,
                       NULL);
}

LcFixSession *
lc_fix_session_new_for_cause (LcDiagnosis      *diagnosis,
                              LcDiagnosisCause *cause)
{
  LcFixSession *self;
  LcFixPlanEntry *entry;

  g_return_val_if_fail (LC_IS_DIAGNOSIS (diagnosis), NULL);
  g_return_val_if_fail (LC_IS_DIAGNOSIS_CAUSE (cause), NULL);

  self = lc_fix_session_new (diagnosis);

  /* Nothing has been observed yet: move the cause's own first fix to the
   * front and restart the first attempt without notifying.
   */
  entry = _lc_fix_plan_put_first (self->plan, cause);
  if (entry != NULL)
    {
      g_ptr_array_set_size (self->attempts, 0);
      start_attempt (self, entry);
    }

  return self;
}

LcDiagnosis *
lc_fix_session_get_diagnosis (LcFixSession *self)
{
  g_return_val_if_fail (LC_IS_FIX_SESSION (self), NULL);

  return self->diagnosis;
}

LcFixState
lc_fix_session_get_state (LcFixSession *self)
{
  g_return_val_if_fail (LC_IS_FIX_SESSION (self), LC_FIX_STATE_NOTHING_TO_FIX);

  return self->state;
}

gboolean
lc_fix_session_is_solved (LcFixSession *self)
{
  g_return_val_if_fail (LC_IS_FIX_SESSION (self), FALSE);

  return self->state == LC_FIX_STATE_SOLVED;
}

gboolean
lc_fix_session_needs_support (LcFixSession *self)
{
  g_return_val_if_fail (LC_IS_FIX_SESSION (self), FALSE);

  return self->state == LC_FIX_STATE_NEEDS_SUPPORT;
}

static gboolean
has_current_attempt (LcFixSession *self)
{
  return self->state == LC_FIX_STATE_STEPS ||
         self->state == LC_FIX_STATE_ASKING ||
         self->state == LC_FIX_STATE_SOLVED;
}

LcDiagnosisCause *
lc_fix_session_get_current_cause (LcFixSession *self)
{
  g_return_val_if_fail (LC_IS_FIX_SESSION (self), NULL);

  if (!has_current_attempt (self))
    return NULL;

  return current_attempt (self)->cause;
}

LcProcedure *
lc_fix_session_get_current_procedure (LcFixSession *self)
{
  g_return_val_if_fail (LC_IS_FIX_SESSION (self), NULL);

  if (!has_current_attempt (self))
    return NULL;

  return current_attempt (self)->procedure;
}

guint
lc_fix_session_get_step_index (LcFixSession *self)
{
  g_return_val_if_fail (LC_IS_FIX_SESSION (self), 0);

  return self->step_index;
}

LcStep *
lc_fix_session_get_current_step (LcFixSession *self)
{
  LcFixAttempt *attempt;

  g_return_val_if_fail (LC_IS_FIX_SESSION (self), NULL);

  if (self->state != LC_FIX_STATE_STEPS)
    return NULL;

  attempt = current_attempt (self);
  if (self->step_index >= attempt->n_steps)
    return NULL;

  return lc_procedure_get_step (attempt->procedure, self->step_index);
}

guint
lc_fix_session_get_n_steps (LcFixSession *self)
{
  g_return_val_if_fail (LC_IS_FIX_SESSION (self), 0);

  if (!has_current_attempt (self))
    return 0;

  return current_attempt (self)->n_steps;
}

gboolean
lc_fix_session_can_go_back (LcFixSession *self)
{
  g_return_val_if_fail (LC_IS_FIX_SESSION (self), FALSE);

  return self->state == LC_FIX_STATE_ASKING ||
         (self->state == LC_FIX_STATE_STEPS && self->step_index > 0);
}

const char *
lc_fix_session_get_next_reason (LcFixSession *self)
{
  g_return_val_if_fail (LC_IS_FIX_SESSION (self), NULL);

  return self->next_reason;
}

const char *
lc_fix_session_get_support_reason (LcFixSession *self)
{
  g_return_val_if_fail (LC_IS_FIX_SESSION (self), NULL);

  if (self->state != LC_FIX_STATE_NEEDS_SUPPORT)
    return NULL;

  return self->support_reason;
}

LcFixStepState
lc_fix_session_get_step_state (LcFixSession *self,
                               guint         index)
{
  LcFixAttempt *attempt;

  g_return_val_if_fail (LC_IS_FIX_SESSION (self), LC_FIX_STEP_NOT_DONE);

  attempt = current_attempt (self);
  g_return_val_if_fail (attempt != NULL, LC_FIX_STEP_NOT_DONE);
  g_return_val_if_fail (index < attempt->n_steps, LC_FIX_STEP_NOT_DONE);

  return attempt->step_states[index];
}

void
lc_fix_session_set_step_state (LcFixSession   *self,
                               guint           index,
                               LcFixStepState  state)
{
  LcFixAttempt *attempt;

  g_return_if_fail (LC_IS_FIX_SESSION (self));
  g_return_if_fail (state <= LC_FIX_STEP_SKIPPED);
  g_return_if_fail (self->state == LC_FIX_STATE_STEPS || self->state == LC_FIX_STATE_ASKING);

  attempt = current_attempt (self);
  g_return_if_fail (index < attempt->n_steps);

  attempt->step_states[index] = state;
}

gboolean
lc_fix_session_next_step (LcFixSession *self)
{
  LcFixAttempt *attempt;

  g_return_val_if_fail (LC_IS_FIX_SESSION (self), FALSE);

  if (self->state != LC_FIX_STATE_STEPS || lc_fix_session_needs_confirmation (self))
    return FALSE;

  attempt = current_attempt (self);
  if (self->step_index + 1 < attempt->n_steps)
    move_to (self, LC_FIX_STATE_STEPS, self->step_index + 1, FALSE);
  else
    move_to (self, LC_FIX_STATE_ASKING, self->step_index, FALSE);

  return TRUE;
}

gboolean
lc_fix_session_previous_step (LcFixSession *self)
{
  g_return_val_if_fail (LC_IS_FIX_SESSION (self), FALSE);

  if (!lc_fix_session_can_go_back (self))
    return FALSE;

  if (self->state == LC_FIX_STATE_ASKING)
    move_to (self, LC_FIX_STATE_STEPS, self->step_index, FALSE);
  else
    move_to (self, LC_FIX_STATE_STEPS, self->step_index - 1, FALSE);

  return TRUE;
}

static gboolean
mark_and_move (LcFixSession   *self,
               LcFixStepState  state)
{
  if (self->state != LC_FIX_STATE_STEPS || lc_fix_session_needs_confirmation (self))
    return FALSE;

  current_attempt (self)->step_states[self->step_index] = state;

  return lc_fix_session_next_step (self);
}

gboolean
lc_fix_session_complete_step (LcFixSession *self)
{
  g_return_val_if_fail (LC_IS_FIX_SESSION (self), FALSE);

  return mark_and_move (self, LC_FIX_STEP_DONE);
}

gboolean
lc_fix_session_skip_step (LcFixSession *self)
{
  g_return_val_if_fail (LC_IS_FIX_SESSION (self), FALSE);

  return mark_and_move (self, LC_FIX_STEP_SKIPPED);
}

void
lc_fix_session_answer (LcFixSession *self,
                       LcFixAnswer   answer)
{
  LcFixAttempt *attempt;

  g_return_if_fail (LC_IS_FIX_SESSION (self));
  g_return_if_fail (answer <= LC_FIX_ANSWER_NOT_SURE);

  if (self->state != LC_FIX_STATE_STEPS && self->state != LC_FIX_STATE_ASKING)
    return;

  attempt = current_attempt (self);
  attempt->answered = TRUE;
  attempt->answer = answer;

  if (answer == LC_FIX_ANSWER_YES)
    move_to (self, LC_FIX_STATE_SOLVED, self->step_index, FALSE);
  else
    advance_plan (self);
}

void
lc_fix_session_stop (LcFixSession *self)
{
  LcFixAttempt *attempt;

  g_return_if_fail (LC_IS_FIX_SESSION (self));

  if (self->state != LC_FIX_STATE_STEPS)
    return;

  attempt = current_attempt (self);
  attempt->stopped = TRUE;
  attempt->stopped_at = self->step_index;
  attempt->answered = TRUE;
  attempt->answer = LC_FIX_ANSWER_NO;

  advance_plan (self);
}

void
lc_fix_session_request_support (LcFixSession *self)
{
  LcStep *step;
  g_autofree char *reason = NULL;

  g_return_if_fail (LC_IS_FIX_SESSION (self));

  if (self->state == LC_FIX_STATE_SOLVED || self->state == LC_FIX_STATE_NEEDS_SUPPORT)
    return;

  /* The outcome is what the person did, never a step's "stop here if …"
   * note: that note is a condition for the step, not a result.
   */
  step = lc_fix_session_get_current_step (self);
  set_keep_going (self, FALSE);
  reason = _lc_fix_reason_dup_asked_for_help (step != NULL ? current_attempt (self)->procedure : NULL,
                                              self->step_index, step);
  enter_needs_support (self, reason);
}

gboolean
lc_fix_session_can_keep_going (LcFixSession *self)
{
  g_return_val_if_fail (LC_IS_FIX_SESSION (self), FALSE);

  return self->state == LC_FIX_STATE_NEEDS_SUPPORT && self->can_keep_going;
}

gboolean
lc_fix_session_keep_going (LcFixSession *self)
{
  g_return_val_if_fail (LC_IS_FIX_SESSION (self), FALSE);

  if (!lc_fix_session_can_keep_going (self))
    return FALSE;

  g_object_freeze_notify (G_OBJECT (self));
  set_keep_going (self, FALSE);
  set_string (&self->support_reason, NULL, G_OBJECT (self), properties [PROP_SUPPORT_REASON]);
  start_next (self, current_attempt (self));
  g_object_thaw_notify (G_OBJECT (self));

  return TRUE;
}

gboolean
lc_fix_session_needs_confirmation (LcFixSession *self)
{
  LcProcedure *procedure;

  g_return_val_if_fail (LC_IS_FIX_SESSION (self), FALSE);

  procedure = lc_fix_session_get_current_procedure (self);

  return self->state == LC_FIX_STATE_STEPS && !self->confirmed &&
         procedure != NULL && lc_fix_session_procedure_erases (procedure);
}

void
lc_fix_session_confirm (LcFixSession *self)
{
  g_return_if_fail (LC_IS_FIX_SESSION (self));

  if (!lc_fix_session_needs_confirmation (self))
    return;

  self->confirmed = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NEEDS_CONFIRMATION]);
}

LcProcedure *
lc_fix_session_get_support_procedure (LcFixSession *self)
{
  g_return_val_if_fail (LC_IS_FIX_SESSION (self), NULL);

  return self->support_procedure;
}

guint
lc_fix_session_get_n_attempts (LcFixSession *self)
{
  g_return_val_if_fail (LC_IS_FIX_SESSION (self), 0);

  return self->attempts->len;
}

guint
lc_fix_session_get_attempt_index (LcFixSession *self)
{
  g_return_val_if_fail (LC_IS_FIX_SESSION (self), 0);

  return self->attempts->len > 0 ? self->attempts->len - 1 : 0;
}

gboolean
lc_fix_session_note_applies (LcFixSession *self,
                             LcStep       *step)
{
  LcDevice *chosen;

  g_return_val_if_fail (LC_IS_FIX_SESSION (self), TRUE);
  g_return_val_if_fail (LC_IS_STEP (step), TRUE);

  chosen = lc_diagnosis_get_device (self->diagnosis);

  return lc_step_note_applies_to (step, chosen != NULL ? lc_device_get_id (chosen) : NULL);
}
