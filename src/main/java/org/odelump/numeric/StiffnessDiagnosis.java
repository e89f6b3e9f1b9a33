package org.odelump.numeric;

import java.util.Locale;
import java.util.SplittableRandom;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.odelump.model.OdeSystem;

/**
 * Explains why a simulation stopped early, in words a user can act on. When the evaluation budget ran out, a short
 * probe integration (at most {@value #PROBE_EVALUATIONS} evaluations) from the last grid state records the last
 * accepted step h, and power iteration on finite-difference Jacobian–vector products estimates the spectral radius
 * ρ of the Jacobian there. The model is called stiff when the step is limited by stability rather than accuracy,
 * h·ρ ≥ {@value #STABILITY_LIMITED} (explicit Runge–Kutta methods stop being stable at h·ρ of a few units;
 * Hairer, Wanner, "Solving Ordinary Differential Equations II", 1996, §IV.2), and the horizon needs more than the
 * budget at that step; this is what happens with Robertson's kinetics.
 */
final class StiffnessDiagnosis {

    /** Evaluations per accepted Dormand–Prince 8(5,3) step (12 stages). */
    private static final double EVALUATIONS_PER_STEP = 12.0;
    /** Step-size times spectral radius above which the step is limited by stability. */
    private static final double STABILITY_LIMITED = 1.0;
    /** Budget of the probe integration. */
    private static final int PROBE_EVALUATIONS = 6000;

    private StiffnessDiagnosis() {
    }

    static String explain(OdeSystem system, Trajectory t, Verification.Options options) {
        double[] times = t.times();
        int failingPoint = Math.min(t.completedPoints(), times.length - 1);
        if (t.status() == Trajectory.Status.MAX_EVALUATIONS && t.completedPoints() > 0) {
            String stiff = stiffness(system, t, options, times[failingPoint]);
            if (stiff != null) {
                return stiff;
            }
        }
        return switch (t.status()) {
            case DIVERGED -> "the solution blew up (NaN, infinite or beyond " + options.integration().blowUp()
                    + "): " + t.message();
            case MAX_EVALUATIONS -> "the evaluation budget of " + options.integration().maxEvaluations()
                    + " was used up (raise --max-evaluations or shorten --t-end): " + t.message();
            case FAILED -> t.message().contains("minimal step size")
                    ? "step size underflow (the solution probably blows up in finite time or is not smooth there): "
                            + t.message()
                    : t.message();
            case COMPLETED -> "completed";
        };
    }

    private static String stiffness(OdeSystem system, Trajectory t, Verification.Options options, double target) {
        int last = t.completedPoints() - 1;
        double t0 = t.times()[last];
        double horizon = t.times()[t.times().length - 1];
        double[] step = {Double.NaN};
        double[][] state = {t.state(last)};
        DormandPrince853Integrator probe = new DormandPrince853Integrator((target - t0) * 1e-14, target - t0,
                options.integration().absoluteTolerance(), options.integration().relativeTolerance());
        probe.setMaxEvaluations(PROBE_EVALUATIONS);
        probe.addStepHandler((interpolator) -> {
            ODEStateAndDerivative s = interpolator.getCurrentState();
            step[0] = s.getTime() - interpolator.getPreviousState().getTime();
            state[0] = s.getPrimaryState();
        });
        try {
            probe.integrate(new Plain(system), new ODEState(t0, t.state(last)), target);
        } catch (MathRuntimeException | ArithmeticException e) {
            // expected: the probe runs out of its small budget
        }
        double h = Math.abs(step[0]);
        if (!(h > 0)) {
            return null;
        }
        double rho = spectralRadius(system, state[0]);
        if (!(rho * h >= STABILITY_LIMITED)) {
            return null;
        }
        double needed = (horizon - t0) / h * EVALUATIONS_PER_STEP;
        if (needed <= options.integration().maxEvaluations()) {
            return null;
        }
        return String.format(Locale.ROOT,
                "the model looks stiff (Robertson-like); the explicit Dormand–Prince method would need more than "
                        + "%,d evaluations (about %.1e: near t=%.3g its step is held at %.2e by stability, the "
                        + "Jacobian's spectral radius being %.2e); use --integrator auto or stiff (RODAS4), or shorten --t-end",
                options.integration().maxEvaluations(), needed, t0, h, rho);
    }

    /** Power iteration on J·v ≈ (f(x + δv) − f(x))/δ; 40 iterations from a fixed random start. */
    static double spectralRadius(OdeSystem system, double[] x) {
        int n = x.length;
        if (n == 0) {
            return 0.0;
        }
        SplittableRandom rnd = new SplittableRandom(1L);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextDouble() - 0.5;
        }
        normalise(v);
        double[] fx = system.evaluate(x);
        double scale = 0.0;
        for (double xi : x) {
            scale = Math.max(scale, Math.abs(xi));
        }
        double delta = 1e-7 * Math.max(1.0, scale);
        double lambda = 0.0;
        double[] y = new double[n];
        for (int it = 0; it < 40; it++) {
            for (int i = 0; i < n; i++) {
                y[i] = x[i] + delta * v[i];
            }
            double[] fy = system.evaluate(y);
            for (int i = 0; i < n; i++) {
                v[i] = (fy[i] - fx[i]) / delta;
            }
            lambda = normalise(v);
            if (!(lambda > 0) || !Double.isFinite(lambda)) {
                return Double.isFinite(lambda) ? 0.0 : Double.POSITIVE_INFINITY;
            }
        }
        return lambda;
    }

    private static double normalise(double[] v) {
        double s = 0.0;
        for (double d : v) {
            s += d * d;
        }
        s = Math.sqrt(s);
        if (s > 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] /= s;
            }
        }
        return s;
    }

    /** The system as a Hipparchus equation with clamped derivatives (the probe is bounded by its budget). */
    private record Plain(OdeSystem system) implements OrdinaryDifferentialEquation {
        @Override
        public int getDimension() {
            return system.dimension();
        }

        @Override
        public double[] computeDerivatives(double time, double[] y) {
            double[] d = system.evaluate(y);
            for (int i = 0; i < d.length; i++) {
                // as in Simulator: huge trial-stage derivatives are clamped so that the step is rejected
                if (Math.abs(d[i]) > 1e100 || Double.isNaN(d[i])) {
                    d[i] = Double.isNaN(d[i]) ? 1e100 : Math.copySign(1e100, d[i]);
                }
            }
            return d;
        }
    }
}
