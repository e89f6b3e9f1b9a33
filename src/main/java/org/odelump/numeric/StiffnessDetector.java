package org.odelump.numeric;

import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.hipparchus.ode.sampling.ODEStepHandler;

/**
 * A step handler that watches an explicit integrator and stops it when the problem looks stiff.
 *
 * <p>The test follows Hairer and Wanner's stiffness detection for explicit Runge–Kutta codes (HW I, 2nd ed.
 * 1993, §IV.2 "Automatic stiffness detection"; used with the limit 6.1 in DOP853): an explicit method whose
 * step size is limited by stability rather than accuracy runs with h·ρ near the border of its stability
 * region, where ρ estimates the dominant eigenvalue of ∂f/∂y. Here ρ is the secant estimate
 * ‖f(y₁) − f(y₀)‖ / ‖y₁ − y₀‖ over each accepted step (the interpolator gives both states and derivatives,
 * so it costs no extra evaluation). When h·ρ exceeds {@code limit} on {@code consecutive} consecutive steps
 * the detector throws {@link StiffnessDetectedException}; a step below the limit resets the count.
 *
 * <p>Not thread-safe; {@link #init} resets it, so one detector can watch several integrations in turn.
 */
public final class StiffnessDetector implements ODEStepHandler {

    /** Default h·ρ limit: half of DOP853's stability boundary 6.1 on the negative real axis. */
    public static final double DEFAULT_LIMIT = 3.0;
    /** Default number of consecutive stiff-looking steps (DOP853 uses 15). */
    public static final int DEFAULT_CONSECUTIVE = 15;

    private final double limit;
    private final int consecutive;
    private int run;
    private int steps;
    private double lastHRho;

    public StiffnessDetector() {
        this(DEFAULT_LIMIT, DEFAULT_CONSECUTIVE);
    }

    public StiffnessDetector(double limit, int consecutive) {
        if (!(limit > 0) || consecutive < 1) {
            throw new IllegalArgumentException("limit must be > 0 and consecutive >= 1: " + limit + ", "
                    + consecutive);
        }
        this.limit = limit;
        this.consecutive = consecutive;
    }

    @Override
    public void init(ODEStateAndDerivative initialState, double finalTime) {
        run = 0;
        steps = 0;
        lastHRho = 0;
    }

    @Override
    public void handleStep(ODEStateInterpolator interpolator) {
        ODEStateAndDerivative s0 = interpolator.getPreviousState();
        ODEStateAndDerivative s1 = interpolator.getCurrentState();
        steps++;
        double h = Math.abs(s1.getTime() - s0.getTime());
        double[] y0 = s0.getPrimaryState();
        double[] y1 = s1.getPrimaryState();
        double[] f0 = s0.getPrimaryDerivative();
        double[] f1 = s1.getPrimaryDerivative();
        double dy = 0;
        double df = 0;
        for (int i = 0; i < y0.length; i++) {
            dy += (y1[i] - y0[i]) * (y1[i] - y0[i]);
            df += (f1[i] - f0[i]) * (f1[i] - f0[i]);
        }
        lastHRho = dy > 0 ? h * Math.sqrt(df / dy) : 0.0;
        if (lastHRho > limit) {
            if (++run >= consecutive) {
                throw new StiffnessDetectedException(s1.getTime(), steps, lastHRho, String.format(
                        java.util.Locale.ROOT, "h*rho > %.3g on %d consecutive steps (last %.3g at t = %.6g, "
                                + "step %d)", limit, consecutive, lastHRho, s1.getTime(), steps));
            }
        } else {
            run = 0;
        }
    }

    /** Steps seen since {@link #init}. */
    public int steps() {
        return steps;
    }

    /** h·ρ of the last step. */
    public double lastHRho() {
        return lastHRho;
    }

    /** Thrown from {@link #handleStep} to stop the explicit integration. */
    public static final class StiffnessDetectedException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final double time;
        private final int steps;
        private final double hRho;

        StiffnessDetectedException(double time, int steps, double hRho, String message) {
            super(message);
            this.time = time;
            this.steps = steps;
            this.hRho = hRho;
        }

        public double time() {
            return time;
        }

        public int steps() {
            return steps;
        }

        public double hRho() {
            return hRho;
        }
    }
}
