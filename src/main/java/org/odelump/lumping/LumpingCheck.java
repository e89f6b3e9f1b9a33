package org.odelump.lumping;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.odelump.model.LumpedSystem;
import org.odelump.model.LumpedSystem.Method;
import org.odelump.model.Monomial;
import org.odelump.model.OdeSystem;
import org.odelump.model.Partition;
import org.odelump.model.Polynomial;

/**
 * Checks a {@link LumpedSystem} against its defining property at random points (architecture, house style 9):
 * <ul>
 *   <li>FE: L·f(x) = f̂(L·x) at random points x.</li>
 *   <li>BE: f_i(x) = f_j(x) for same-block i, j at random block-constant points x, and f̂(y) = f_rep(x)
 *       where x_k = y_{B(k)}.</li>
 * </ul>
 * Two values a, b agree when |a − b| ≤ relTol·S, where S (or 1 when S = 0) is the sum of the absolute values of the terms
 * that produced them, so that rounding in long sums does not cause false alarms. Points are drawn uniformly from
 * [0.5, 1.5] per coordinate with the given seed. Cost O(points·m) for m terms.
 */
public final class LumpingCheck {

    /**
     * The outcome of a check.
     *
     * @param passed        true when every comparison agreed
     * @param points        the number of random points used
     * @param maxDeviation  the largest |a − b| / S seen
     * @param detail        the first disagreement, or a short summary when all agreed
     */
    public record Result(boolean passed, int points, double maxDeviation, String detail) {
    }

    /** Points of the default self-check of a reduction (32: a wrong lumping fails at the first point in practice). */
    public static final int DEFAULT_POINTS = 32;
    /** Seed of the default self-check, fixed so that a reduction checks the same way on every run. */
    public static final long DEFAULT_SEED = 1L;
    /** Relative tolerance of the default self-check. */
    public static final double DEFAULT_REL_TOL = 1e-9;

    private final LumpedSystem lumped;
    private final int points;
    private final long seed;
    private final double relTol;

    /** The self-check that reduce and the demo run: {@link #DEFAULT_POINTS} points, fixed seed and tolerance. */
    public static LumpingCheck ofDefaults(LumpedSystem lumped) {
        return new LumpingCheck(lumped, DEFAULT_POINTS, DEFAULT_SEED, DEFAULT_REL_TOL);
    }

    /**
     * @param lumped the lumped system to check
     * @param points number of random points (≥ 1)
     * @param seed   random seed
     * @param relTol relative tolerance of the comparison, e.g. 1e-9
     */
    public LumpingCheck(LumpedSystem lumped, int points, long seed, double relTol) {
        this.lumped = Objects.requireNonNull(lumped, "lumped");
        if (points < 1) {
            throw new IllegalArgumentException("points must be >= 1: " + points);
        }
        if (!(relTol > 0)) {
            throw new IllegalArgumentException("relTol must be > 0: " + relTol);
        }
        this.points = points;
        this.seed = seed;
        this.relTol = relTol;
    }

    /** Runs the check. */
    public Result compute() {
        OdeSystem f = lumped.origin();
        OdeSystem g = lumped.reduced();
        Partition p = lumped.partition();
        List<String> names = f.variableNames();
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = f.dimension();
        int k = p.size();
        double worst = 0.0;
        for (int pt = 0; pt < points; pt++) {
            double[] x = new double[n];
            if (lumped.method() == Method.FE) {
                for (int i = 0; i < n; i++) {
                    x[i] = 0.5 + rnd.nextDouble();
                }
                double[] y = lumped.lump(x);
                double[] gy = g.evaluate(y);
                for (int b = 0; b < k; b++) {
                    double lhs = 0.0;
                    double scale = absEval(g.drift(b), y);
                    for (int v : p.block(b)) {
                        lhs += f.drift(v).evaluate(x);
                        scale += absEval(f.drift(v), x);
                    }
                    double dev = Math.abs(lhs - gy[b]) / (scale > 0 ? scale : 1.0);
                    worst = Math.max(worst, dev);
                    if (!(dev <= relTol)) {
                        return new Result(false, points, worst, "FE check failed for block "
                                + names.get(p.representative(b)) + ": sum of drifts " + lhs + " but reduced drift "
                                + gy[b]);
                    }
                }
            } else {
                double[] y = new double[k];
                for (int b = 0; b < k; b++) {
                    y[b] = 0.5 + rnd.nextDouble();
                }
                for (int i = 0; i < n; i++) {
                    x[i] = y[p.blockOf(i)];
                }
                double[] gy = g.evaluate(y);
                for (int b = 0; b < k; b++) {
                    double target = gy[b];
                    double gScale = absEval(g.drift(b), y);
                    for (int v : p.block(b)) {
                        double fv = f.drift(v).evaluate(x);
                        double scale = Math.max(gScale, absEval(f.drift(v), x));
                        double dev = Math.abs(fv - target) / (scale > 0 ? scale : 1.0);
                        worst = Math.max(worst, dev);
                        if (!(dev <= relTol)) {
                            return new Result(false, points, worst, "BE check failed: drift of " + names.get(v)
                                    + " is " + fv + " but the reduced drift of block " + names.get(p.representative(b))
                                    + " is " + target + " at a block-constant point");
                        }
                    }
                }
            }
        }
        return new Result(true, points, worst, lumped.method() + " property holds at " + points
                + " random points (max deviation " + worst + ")");
    }

    private static double absEval(Polynomial f, double[] x) {
        double s = 0.0;
        for (int t = 0; t < f.size(); t++) {
            Monomial m = f.monomial(t);
            s += Math.abs(f.coefficient(t) * m.evaluate(x));
        }
        return s;
    }
}
