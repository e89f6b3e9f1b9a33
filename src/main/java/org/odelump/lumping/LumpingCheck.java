package org.odelump.lumping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * [0.5, 1.5] per coordinate with the given seed. Cost O(points·m) for m terms; each distinct monomial is
 * evaluated once per point.
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
        double[] abs = new double[1];
        Terms ft = new Terms(f);
        Terms gt = new Terms(g);
        for (int pt = 0; pt < points; pt++) {
            double[] x = new double[n];
            if (lumped.method() == Method.FE) {
                for (int i = 0; i < n; i++) {
                    x[i] = 0.5 + rnd.nextDouble();
                }
                double[] y = lumped.lump(x);
                ft.at(x);
                gt.at(y);
                for (int b = 0; b < k; b++) {
                    double lhs = 0.0;
                    double gy = gt.drift(b, abs);
                    double scale = abs[0];
                    for (int v : p.block(b)) {
                        lhs += ft.drift(v, abs);
                        scale += abs[0];
                    }
                    double dev = Math.abs(lhs - gy) / (scale > 0 ? scale : 1.0);
                    worst = Math.max(worst, dev);
                    if (!(dev <= relTol)) {
                        return new Result(false, points, worst, "FE check failed for block "
                                + names.get(p.representative(b)) + ": sum of drifts " + lhs + " but reduced drift "
                                + gy);
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
                ft.at(x);
                gt.at(y);
                for (int b = 0; b < k; b++) {
                    double target = gt.drift(b, abs);
                    double gScale = abs[0];
                    for (int v : p.block(b)) {
                        double fv = ft.drift(v, abs);
                        double scale = Math.max(gScale, abs[0]);
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

    /**
     * The drifts of a system as flat term arrays over its distinct monomials, so that a monomial shared by several
     * drifts (in a reaction network, one per reactant and product) is evaluated once per point. A drift's value
     * is the same sum, in the same order and of the same products, as {@link Polynomial#evaluate}.
     */
    private static final class Terms {
        private final Monomial[] monomials;
        private final int[] start;
        private final int[] mono;
        private final double[] coef;
        private final double[] value;

        Terms(OdeSystem s) {
            int d = s.dimension();
            start = new int[d + 1];
            for (int i = 0; i < d; i++) {
                start[i + 1] = start[i] + s.drift(i).size();
            }
            mono = new int[start[d]];
            coef = new double[start[d]];
            Map<Monomial, Integer> ids = new HashMap<>();
            List<Monomial> distinct = new ArrayList<>();
            for (int i = 0; i < d; i++) {
                Polynomial f = s.drift(i);
                for (int t = 0; t < f.size(); t++) {
                    Monomial m = f.monomial(t);
                    Integer id = ids.get(m);
                    if (id == null) {
                        id = distinct.size();
                        ids.put(m, id);
                        distinct.add(m);
                    }
                    mono[start[i] + t] = id;
                    coef[start[i] + t] = f.coefficient(t);
                }
            }
            monomials = distinct.toArray(new Monomial[0]);
            value = new double[monomials.length];
        }

        /** Evaluates every monomial at x. */
        void at(double[] x) {
            for (int m = 0; m < monomials.length; m++) {
                value[m] = monomials[m].evaluate(x);
            }
        }

        /** Drift i at the last point; the sum of the absolute values of its terms into {@code abs[0]}. */
        double drift(int i, double[] abs) {
            double s = 0.0;
            double a = 0.0;
            for (int t = start[i]; t < start[i + 1]; t++) {
                double term = coef[t] * value[mono[t]];
                s += term;
                a += Math.abs(term);
            }
            abs[0] = a;
            return s;
        }
    }
}
