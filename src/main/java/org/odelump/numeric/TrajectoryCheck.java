package org.odelump.numeric;

import java.util.Objects;
import org.odelump.model.LumpedSystem;
import org.odelump.model.OdeSystem;
import org.odelump.model.Partition;

/**
 * Compares the simulation of a lumped system with the simulation of its origin on one time grid.
 * <ul>
 *   <li>FE: the origin starts from its own initial values x(0); the reduced system from L·x(0) (its own initial
 *       values); compared: L·x(t) against y(t).</li>
 *   <li>BE: the origin starts from the block-constant state x_i(0) = y_{B(i)}(0) (the reduced initial values
 *       lifted, which equals x(0) when the initial values are constant on blocks); compared: x_i(t) against
 *       y_{B(i)}(t) for every variable i.</li>
 * </ul>
 * The deviation at a point is |a − b| / max(1, |a|, |b|); the check passes when both simulations completed the
 * same number of grid points, at least two, and the largest deviation is within the given tolerance.
 */
public final class TrajectoryCheck {

    /**
     * The outcome.
     *
     * @param passed         true when the trajectories agree within the tolerance
     * @param comparedPoints grid points compared (both simulations reached them)
     * @param maxDeviation   the largest relative deviation
     * @param original       the origin's trajectory
     * @param reduced        the reduced system's trajectory
     * @param detail         a short explanation
     */
    public record Result(boolean passed, int comparedPoints, double maxDeviation, Trajectory original,
                         Trajectory reduced, String detail) {
    }

    private final LumpedSystem lumped;
    private final double[] times;
    private final Simulator.Options options;
    private final double tolerance;

    /**
     * @param lumped    the lumped system
     * @param times     the time grid (strictly increasing, starting at the initial time)
     * @param options   integration settings for both simulations
     * @param tolerance relative tolerance of the comparison, e.g. 1e-6
     */
    public TrajectoryCheck(LumpedSystem lumped, double[] times, Simulator.Options options, double tolerance) {
        this.lumped = Objects.requireNonNull(lumped, "lumped");
        this.times = times.clone();
        this.options = Objects.requireNonNull(options, "options");
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("tolerance must be > 0: " + tolerance);
        }
        this.tolerance = tolerance;
    }

    /** Runs both simulations and compares them. */
    public Result compute() {
        OdeSystem f = lumped.origin();
        OdeSystem g = lumped.reduced();
        Partition p = lumped.partition();
        boolean forward = lumped.method() == LumpedSystem.Method.FE;
        double[] x0 = f.initialValues();
        double[] y0 = g.initialValues();
        if (!forward) {
            for (int i = 0; i < x0.length; i++) {
                x0[i] = y0[p.blockOf(i)];
            }
        }
        Trajectory tx = new Simulator(f, x0, times, options).compute();
        Trajectory ty = new Simulator(g, y0, times, options).compute();
        int points = Math.min(tx.completedPoints(), ty.completedPoints());
        double worst = 0.0;
        for (int k = 0; k < points; k++) {
            double[] x = tx.state(k);
            if (forward) {
                double[] lx = lumped.lump(x);
                for (int b = 0; b < lx.length; b++) {
                    worst = Math.max(worst, deviation(lx[b], ty.value(k, b)));
                }
            } else {
                for (int i = 0; i < x.length; i++) {
                    worst = Math.max(worst, deviation(x[i], ty.value(k, p.blockOf(i))));
                }
            }
        }
        boolean sameLength = tx.completedPoints() == ty.completedPoints();
        boolean passed = sameLength && points >= 2 && worst <= tolerance;
        String detail = "compared " + points + " of " + times.length + " grid points, max relative deviation "
                + worst + "; origin " + tx.status() + ", reduced " + ty.status();
        return new Result(passed, points, worst, tx, ty, detail);
    }

    private static double deviation(double a, double b) {
        return Math.abs(a - b) / Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)));
    }
}
