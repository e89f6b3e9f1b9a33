package org.odelump.numeric;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.hipparchus.ode.sampling.ODEStepHandler;
import org.odelump.model.OdeSystem;

/**
 * Simulates an {@link OdeSystem} onto a time grid with the integrator {@link IntegratorChoice} selects: the
 * explicit Dormand–Prince method for non-stiff models, the stiff {@link RosenbrockIntegrator} when stiffness is
 * detected (or as requested). The result is the sampled {@link Trajectory} plus which integrator was used and
 * why. Failures (blow-up, step-size underflow, evaluation cap) end the trajectory early with a status and a
 * message instead of throwing.
 */
public final class GridSimulation {

    /**
     * The outcome.
     *
     * @param trajectory the states on the grid (possibly incomplete, see its status)
     * @param method     the integrator that produced it, or null when the run failed before choosing
     * @param reason     why that integrator was used, or why the run failed
     * @param evaluations drift evaluations in all attempts
     * @param stiffStatistics counters of the stiff integrator, or null when it was not used
     * @param seconds    wall time of the integration
     */
    public record Result(Trajectory trajectory, IntegratorChoice.Method method, String reason, int evaluations,
                         RosenbrockIntegrator.Statistics stiffStatistics, double seconds) {
    }

    private final OdeSystem system;
    private final double[] initial;
    private final double[] times;
    private final IntegratorChoice choice;

    /**
     * @param system  the model
     * @param initial initial state (null for the model's initial values)
     * @param times   strictly increasing grid; the first entry is the initial time
     * @param choice  integrator selection and tolerances
     */
    public GridSimulation(OdeSystem system, double[] initial, double[] times, IntegratorChoice choice) {
        this.system = Objects.requireNonNull(system, "system");
        this.initial = initial == null ? system.initialValues() : initial.clone();
        if (this.initial.length != system.dimension()) {
            throw new IllegalArgumentException("expected " + system.dimension() + " initial values");
        }
        if (times.length < 2) {
            throw new IllegalArgumentException("the grid needs at least two times");
        }
        for (int k = 1; k < times.length; k++) {
            if (!(times[k] > times[k - 1])) {
                throw new IllegalArgumentException("grid times must increase strictly");
            }
        }
        this.times = times.clone();
        this.choice = Objects.requireNonNull(choice, "choice");
    }

    /** Runs the simulation. */
    public Result compute() {
        Sampler sampler = new Sampler(times, system.dimension());
        long t0 = System.nanoTime();
        if (system.dimension() == 0) {
            for (int k = 0; k < times.length; k++) {
                sampler.states[k] = new double[0];
            }
            return new Result(new Trajectory(times, sampler.states, times.length, Trajectory.Status.COMPLETED, "", 0),
                    null, "no variables", 0, null, 0.0);
        }
        try {
            IntegratorChoice.Result r = choice.integrate(system, times[0], initial, times[times.length - 1],
                    List.of(sampler));
            sampler.finishAt(r.finalState());
            double seconds = (System.nanoTime() - t0) / 1e9;
            Trajectory traj = new Trajectory(times, sampler.states, sampler.filled, Trajectory.Status.COMPLETED, "",
                    r.evaluations(), r.method().label() + " (" + r.reason() + ")");
            return new Result(traj, r.method(), r.reason(), r.evaluations(), r.stiffStatistics(), seconds);
        } catch (IntegrationFailureException e) {
            double seconds = (System.nanoTime() - t0) / 1e9;
            Trajectory.Status status = switch (e.kind()) {
                case NON_FINITE -> Trajectory.Status.DIVERGED;
                case EVALUATION_LIMIT -> Trajectory.Status.MAX_EVALUATIONS;
                default -> Trajectory.Status.FAILED;
            };
            Trajectory traj = new Trajectory(times, sampler.states, sampler.filled, status, e.getMessage(), 0,
                    "failed: " + e.getMessage());
            return new Result(traj, null, e.getMessage(), 0, null, seconds);
        }
    }

    /** Records the interpolated state at each grid time a step passes; restarts when the integrator restarts. */
    private static final class Sampler implements ODEStepHandler {
        private final double[] times;
        private final double[][] states;
        private int filled;

        Sampler(double[] times, int n) {
            this.times = times;
            this.states = new double[times.length][];
        }

        @Override
        public void init(ODEStateAndDerivative s0, double t) {
            Arrays.fill(states, null);
            states[0] = s0.getPrimaryState();
            filled = 1;
        }

        @Override
        public void handleStep(ODEStateInterpolator interpolator) {
            double end = interpolator.getCurrentState().getTime();
            while (filled < times.length && times[filled] <= end) {
                states[filled] = interpolator.getInterpolatedState(times[filled]).getPrimaryState();
                filled++;
            }
        }

        void finishAt(ODEStateAndDerivative last) {
            if (filled == times.length - 1 && last.getTime() >= times[filled] * (1 - 1e-12)) {
                states[filled++] = last.getPrimaryState();
            }
        }
    }
}
