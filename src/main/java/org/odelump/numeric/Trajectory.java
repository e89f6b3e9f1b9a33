package org.odelump.numeric;

import java.util.Objects;

/**
 * A simulated trajectory on a time grid: the states at the first {@link #completedPoints()} grid times, and how
 * the simulation ended. Immutable.
 */
public final class Trajectory {

    /** How a simulation ended. */
    public enum Status {
        /** Every grid time was reached. */
        COMPLETED,
        /** A derivative or state became NaN, infinite, or larger than the blow-up bound. */
        DIVERGED,
        /** The evaluation budget was used up. */
        MAX_EVALUATIONS,
        /** The integrator failed otherwise (e.g. its step size became too small). */
        FAILED
    }

    private final double[] times;
    private final double[][] states;
    private final int completed;
    private final Status status;
    private final String message;
    private final int evaluations;
    private final String integrator;

    Trajectory(double[] times, double[][] states, int completed, Status status, String message, int evaluations) {
        this(times, states, completed, status, message, evaluations, IntegratorChoice.Method.DORMAND_PRINCE_853.label());
    }

    Trajectory(double[] times, double[][] states, int completed, Status status, String message, int evaluations,
               String integrator) {
        this.times = times.clone();
        this.states = new double[completed][];
        for (int k = 0; k < completed; k++) {
            this.states[k] = states[k].clone();
        }
        this.completed = completed;
        this.status = Objects.requireNonNull(status, "status");
        this.message = message == null ? "" : message;
        this.evaluations = evaluations;
        this.integrator = Objects.requireNonNull(integrator, "integrator");
    }

    /** The integrator that produced this trajectory and, when it was chosen automatically, why. */
    public String integrator() {
        return integrator;
    }

    /** The requested grid (a copy). */
    public double[] times() {
        return times.clone();
    }

    /** Number of grid points whose state was computed (all of them when {@link Status#COMPLETED}). */
    public int completedPoints() {
        return completed;
    }

    /** The state at grid point k &lt; completedPoints() (a copy). */
    public double[] state(int k) {
        return states[k].clone();
    }

    /** Value of variable i at grid point k. */
    public double value(int k, int i) {
        return states[k][i];
    }

    public Status status() {
        return status;
    }

    /** Why the simulation stopped early; empty when completed. */
    public String message() {
        return message;
    }

    /** Number of derivative evaluations used. */
    public int evaluations() {
        return evaluations;
    }
}
