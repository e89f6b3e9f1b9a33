package org.odelump.numeric;

import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.hipparchus.ode.sampling.ODEStepHandler;

/**
 * A step handler that watches an explicit integrator and stops it when the problem looks stiff.
 *
 * <p>The test follows Hairer and Wanner's stiffness detection for explicit Runge–Kutta codes (HW II, 2nd ed.
 * 1996, §IV.2, "Automatic stiffness detection"; DOP853 flags stiffness when h·ρ exceeds 6.1 on 15 steps): an
 * explicit method whose step size is limited by stability rather than accuracy runs with h·ρ near the border
 * of its stability region, where ρ is the spectral radius of ∂f/∂y. Hairer estimates ρ from stage values;
 * those are hidden inside Hipparchus' integrators, but a polynomial system has its exact {@link SparseJacobian},
 * so ρ is estimated by a few power iterations on J at the step's end state (a sparse matrix–vector product
 * each). The secant estimate ‖f(y₁) − f(y₀)‖/‖y₁ − y₀‖ over a step was tried first and does not work: along
 * an accurate trajectory it sees only the slow eigenvalues.
 *
 * <p>When h·ρ exceeds {@code limit} on {@code consecutive} consecutive checks the detector throws
 * {@link StiffnessDetectedException}; a check below the limit resets the count. Not thread-safe;
 * {@link #init} resets it, so one detector can watch several integrations in turn.
 */
public final class StiffnessDetector implements ODEStepHandler {

    /** Default h·ρ limit: half of DOP853's stiffness threshold 6.1. */
    public static final double DEFAULT_LIMIT = 3.0;
    /** Default number of consecutive stiff-looking checks (DOP853 uses 15). */
    public static final int DEFAULT_CONSECUTIVE = 15;
    private static final int POWER_ITERATIONS = 12;

    private final SparseJacobian jacobian;
    private final SparseJacobian.Workspace work;
    private final double[] values;
    private final int[] colStart;
    private final int[] rows;
    private final double[] v;
    private final double[] w;
    private final double limit;
    private final int consecutive;
    private int run;
    private int steps;
    private double lastHRho;

    /** With the default limit and count, for the system whose Jacobian is given. */
    public StiffnessDetector(SparseJacobian jacobian) {
        this(jacobian, DEFAULT_LIMIT, DEFAULT_CONSECUTIVE);
    }

    public StiffnessDetector(SparseJacobian jacobian, double limit, int consecutive) {
        if (!(limit > 0) || consecutive < 1) {
            throw new IllegalArgumentException("limit must be > 0 and consecutive >= 1: " + limit + ", "
                    + consecutive);
        }
        this.jacobian = jacobian;
        this.work = jacobian.newWorkspace();
        this.values = new double[jacobian.nonZeros()];
        this.colStart = jacobian.columnStarts();
        this.rows = jacobian.rowIndices();
        this.v = new double[jacobian.dimension()];
        this.w = new double[jacobian.dimension()];
        this.limit = limit;
        this.consecutive = consecutive;
    }

    /** Power-iteration estimate of the spectral radius of J(y) (deterministic start vector). */
    double spectralRadius(double[] y) {
        jacobian.evaluate(y, values, work);
        int n = v.length;
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(42);
        double norm = 0;
        for (int i = 0; i < n; i++) {
            v[i] = 0.5 + rnd.nextDouble();
            norm += v[i] * v[i];
        }
        norm = Math.sqrt(norm);
        double previous = 0;
        double ratio = 0;
        for (int it = 0; it < POWER_ITERATIONS; it++) {
            java.util.Arrays.fill(w, 0.0);
            for (int j = 0; j < n; j++) {
                double vj = v[j] / norm;
                if (vj != 0.0) {
                    for (int p = colStart[j]; p < colStart[j + 1]; p++) {
                        w[rows[p]] += values[p] * vj;
                    }
                }
            }
            double wn = 0;
            for (int i = 0; i < n; i++) {
                wn += w[i] * w[i];
            }
            wn = Math.sqrt(wn);
            previous = ratio;
            ratio = wn;
            if (wn == 0 || !Double.isFinite(wn)) {
                break;
            }
            System.arraycopy(w, 0, v, 0, n);
            norm = wn;
        }
        // the geometric mean of the last two ratios is robust to the 2-cycles of complex dominant pairs
        return previous > 0 ? Math.sqrt(previous * ratio) : ratio;
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
        lastHRho = h * spectralRadius(s1.getPrimaryState());
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
