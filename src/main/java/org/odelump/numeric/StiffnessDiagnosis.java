package org.odelump.numeric;

import java.util.Locale;

/**
 * Explains why a simulation stopped early, in words a user can act on. When the evaluation budget ran out (or the
 * step size underflowed) while the average step, bounded above by (time of the failing grid point) / (steps
 * taken, about evaluations / 12 for Dormand–Prince 8(5,3)), is below 10⁻⁶ of the horizon, the model is called
 * stiff: explicit methods are then limited by stability, not accuracy (Hairer, Wanner, "Solving Ordinary
 * Differential Equations II", 1996, §IV.1), as for Robertson's kinetics.
 */
final class StiffnessDiagnosis {

    /** Evaluations per accepted Dormand–Prince 8(5,3) step (12 stages, FSAL saves none in Hipparchus). */
    private static final double EVALUATIONS_PER_STEP = 12.0;
    /** Average step, relative to the horizon, below which a stalled explicit integration is called stiff. */
    private static final double STIFF_STEP_RATIO = 1e-6;

    private StiffnessDiagnosis() {
    }

    static String explain(Trajectory t, Verification.Options options) {
        double[] times = t.times();
        double horizon = times[times.length - 1] - times[0];
        int failingPoint = Math.min(t.completedPoints(), times.length - 1);
        double reachedBound = times[failingPoint] - times[0];
        double steps = Math.max(1.0, t.evaluations() / EVALUATIONS_PER_STEP);
        double meanStep = reachedBound / steps;
        boolean stalled = t.status() == Trajectory.Status.MAX_EVALUATIONS
                || (t.status() == Trajectory.Status.FAILED && t.message().contains("step"));
        if (stalled && meanStep < STIFF_STEP_RATIO * horizon) {
            return String.format(Locale.ROOT,
                    "the model looks stiff (Robertson-like); the explicit Dormand–Prince method would need more than "
                            + "%,d evaluations (it stopped before t=%s with mean steps below %.2e, %.1e of the "
                            + "horizon); shorten --t-end, raise --max-evaluations, or use a stiff integrator",
                    options.integration().maxEvaluations(), times[failingPoint], meanStep, meanStep / horizon);
        }
        return switch (t.status()) {
            case DIVERGED -> "the solution blew up (NaN, infinite or beyond " + options.integration().blowUp()
                    + "): " + t.message();
            case MAX_EVALUATIONS -> "the evaluation budget of " + options.integration().maxEvaluations()
                    + " was used up: " + t.message();
            case FAILED -> t.message();
            case COMPLETED -> "completed";
        };
    }
}
