package org.odelump.numeric;

import java.util.Objects;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.odelump.model.OdeSystem;

/**
 * Integrates an {@link OdeSystem} on a time grid with Hipparchus' adaptive Dormand–Prince 8(5,3) method
 * (Hairer, Nørsett, Wanner, "Solving Ordinary Differential Equations I", 1993). Each grid interval is one
 * integration call, so grid states are integrator end points, not interpolations.
 *
 * <p>Guarded against blow-up: the simulation stops, returning the completed prefix, when a derivative is NaN, when
 * a state is not finite or exceeds {@link Options#blowUp()} in magnitude, or when the total number of derivative
 * evaluations reaches {@link Options#maxEvaluations()}. Stage derivatives beyond the bound are clamped to it, so
 * that trial steps far beyond the stability limit of a stiff model are rejected by the error control instead of
 * ending the simulation.
 */
public final class Simulator {

    /**
     * Integration settings.
     *
     * @param absoluteTolerance absolute local error tolerance (&gt; 0)
     * @param relativeTolerance relative local error tolerance (&gt; 0)
     * @param maxEvaluations    budget of derivative evaluations over the whole grid (&gt; 0)
     * @param blowUp            magnitude beyond which a state counts as diverged (&gt; 0)
     * @param integrator        {@link IntegratorChoice.Mode#EXPLICIT} (Dormand–Prince only, this class's own loop),
     *                          or AUTO / STIFF to let {@link IntegratorChoice} use the stiff RODAS4 method
     */
    public record Options(double absoluteTolerance, double relativeTolerance, int maxEvaluations, double blowUp,
                          IntegratorChoice.Mode integrator) {
        /** 1e-10 absolute, 1e-10 relative, 2,000,000 evaluations, blow-up at 1e100, explicit only. */
        public static final Options DEFAULT = new Options(1e-10, 1e-10, 2_000_000, 1e100);

        public Options {
            if (!(absoluteTolerance > 0) || !(relativeTolerance > 0) || maxEvaluations <= 0 || !(blowUp > 0)) {
                throw new IllegalArgumentException("tolerances, evaluation budget and blow-up bound must be > 0");
            }
            Objects.requireNonNull(integrator, "integrator");
        }

        /** Explicit Dormand–Prince only. */
        public Options(double absoluteTolerance, double relativeTolerance, int maxEvaluations, double blowUp) {
            this(absoluteTolerance, relativeTolerance, maxEvaluations, blowUp, IntegratorChoice.Mode.EXPLICIT);
        }

        /** These settings with another integrator choice. */
        public Options withIntegrator(IntegratorChoice.Mode mode) {
            return new Options(absoluteTolerance, relativeTolerance, maxEvaluations, blowUp, mode);
        }
    }

    private final OdeSystem system;
    private final double[] initial;
    private final double[] times;
    private final Options options;

    /**
     * @param system  the model
     * @param initial the state at times[0] (length = dimension)
     * @param times   strictly increasing grid, at least one point
     * @param options integration settings
     */
    public Simulator(OdeSystem system, double[] initial, double[] times, Options options) {
        this.system = Objects.requireNonNull(system, "system");
        this.options = Objects.requireNonNull(options, "options");
        if (initial.length != system.dimension()) {
            throw new IllegalArgumentException("expected " + system.dimension() + " initial values, got "
                    + initial.length);
        }
        if (times.length == 0) {
            throw new IllegalArgumentException("the time grid is empty");
        }
        for (int k = 1; k < times.length; k++) {
            if (!(times[k] > times[k - 1])) {
                throw new IllegalArgumentException("the time grid must increase strictly at index " + k);
            }
        }
        this.initial = initial.clone();
        this.times = times.clone();
    }

    /** Simulates from the system's own initial values. */
    public Simulator(OdeSystem system, double[] times, Options options) {
        this(system, system.initialValues(), times, options);
    }

    /** An evenly spaced grid of {@code steps + 1} points from 0 to tEnd. */
    public static double[] grid(double tEnd, int steps) {
        if (!(tEnd > 0) || steps < 1) {
            throw new IllegalArgumentException("need tEnd > 0 and steps >= 1");
        }
        double[] t = new double[steps + 1];
        for (int k = 0; k <= steps; k++) {
            t[k] = tEnd * k / steps;
        }
        return t;
    }

    /** Runs the simulation. */
    public Trajectory compute() {
        if (options.integrator() != IntegratorChoice.Mode.EXPLICIT && times.length > 1) {
            IntegratorChoice choice = new IntegratorChoice(options.integrator(), options.relativeTolerance(),
                    options.absoluteTolerance(), Math.min(IntegratorChoice.DEFAULT_EXPLICIT_BUDGET,
                    options.maxEvaluations()), options.maxEvaluations());
            return new GridSimulation(system, initial, times, choice).compute().trajectory();
        }
        int n = system.dimension();
        double[][] states = new double[times.length][];
        states[0] = initial.clone();
        Equation eq = new Equation(system, options.blowUp());
        int used = 0;
        for (double v : initial) {
            if (!Double.isFinite(v) || Math.abs(v) > options.blowUp()) {
                return new Trajectory(times, states, 0, Trajectory.Status.DIVERGED, "initial state is not finite", 0);
            }
        }
        double[] x = initial.clone();
        for (int k = 1; k < times.length; k++) {
            double span = times[k] - times[k - 1];
            DormandPrince853Integrator integrator = new DormandPrince853Integrator(span * 1e-14, span,
                    options.absoluteTolerance(), options.relativeTolerance());
            int remaining = options.maxEvaluations() - used;
            if (remaining <= 0) {
                return new Trajectory(times, states, k, Trajectory.Status.MAX_EVALUATIONS,
                        "evaluation budget " + options.maxEvaluations() + " used up before t=" + times[k], used);
            }
            integrator.setMaxEvaluations(remaining);
            try {
                if (n == 0) {
                    states[k] = new double[0];
                    continue;
                }
                ODEStateAndDerivative end = integrator.integrate(eq, new ODEState(times[k - 1], x), times[k]);
                used += integrator.getEvaluations();
                x = end.getPrimaryState();
                for (double v : x) {
                    if (!Double.isFinite(v) || Math.abs(v) > options.blowUp()) {
                        return new Trajectory(times, states, k, Trajectory.Status.DIVERGED,
                                "state diverged before t=" + times[k], used);
                    }
                }
                states[k] = x.clone();
            } catch (Diverged e) {
                used += integrator.getEvaluations();
                return new Trajectory(times, states, k, Trajectory.Status.DIVERGED,
                        "derivative diverged before t=" + times[k], used);
            } catch (MathIllegalStateException e) {
                used += integrator.getEvaluations();
                return new Trajectory(times, states, k, Trajectory.Status.MAX_EVALUATIONS,
                        "evaluation budget used up before t=" + times[k] + ": " + e.getMessage(), used);
            } catch (MathIllegalArgumentException e) {
                used += integrator.getEvaluations();
                return new Trajectory(times, states, k, Trajectory.Status.FAILED,
                        "integration failed before t=" + times[k] + ": " + e.getMessage(), used);
            }
        }
        return new Trajectory(times, states, times.length, Trajectory.Status.COMPLETED, "", used);
    }

    /** Signals a non-finite or huge derivative; unwinds the integrator. */
    private static final class Diverged extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Diverged() {
            super(null, null, false, false);
        }
    }

    private static final class Equation implements OrdinaryDifferentialEquation {
        private final OdeSystem system;
        private final double blowUp;

        Equation(OdeSystem system, double blowUp) {
            this.system = system;
            this.blowUp = blowUp;
        }

        @Override
        public int getDimension() {
            return system.dimension();
        }

        @Override
        public double[] computeDerivatives(double t, double[] y) {
            double[] d = system.evaluate(y);
            for (int i = 0; i < d.length; i++) {
                double v = d[i];
                if (Double.isNaN(v)) {
                    throw new Diverged();
                }
                // a huge stage derivative usually belongs to a trial step far beyond the stability limit (stiff
                // models): clamping keeps the error estimate finite so that the step is rejected and retried
                // smaller; a state that really diverges is caught at the grid point
                if (Math.abs(v) > blowUp) {
                    d[i] = Math.copySign(blowUp, v);
                }
            }
            return d;
        }
    }
}
