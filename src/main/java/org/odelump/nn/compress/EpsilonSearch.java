package org.odelump.nn.compress;

import java.util.Locale;
import java.util.Objects;
import java.util.function.LongPredicate;
import org.odelump.lumping.EpsilonMode;
import org.odelump.lumping.Grouping;
import org.odelump.lumping.Tolerance;

/**
 * Chooses ε for a lumping compression by the size it reaches, on a network encoded once ({@link
 * LumpingCompressor#prepare}): the smallest ε that brings the network to a parameter budget ({@link #atMost}),
 * and a geometric ε grid spanning the whole size range a method can reach ({@link #grid}). ε is chosen by the
 * non-zero parameter count alone, never by accuracy, so no data enters the choice. Every compression uses
 * components grouping and the default tolerance.
 *
 * <p>The count falls with ε in practice, though not provably monotonically; the bisections below assume it.
 */
public final class EpsilonSearch {

    /** The outcome of a search: ε, the compression at ε, and how many compressions the search ran. */
    public record Found(double epsilon, LumpingCompressor.Result result, int evaluations) {
        public Found {
            Objects.requireNonNull(result, "result");
        }
    }

    private final LumpingCompressor.Prepared prepared;
    private final LumpingCompressor.Method method;
    private final EpsilonMode mode;
    private int evaluations;

    public EpsilonSearch(LumpingCompressor.Prepared prepared, LumpingCompressor.Method method, EpsilonMode mode) {
        this.prepared = Objects.requireNonNull(prepared, "prepared");
        this.method = Objects.requireNonNull(method, "method");
        this.mode = Objects.requireNonNull(mode, "mode");
    }

    /** One compression at ε. */
    public LumpingCompressor.Result at(double epsilon) {
        evaluations++;
        return new LumpingCompressor(prepared, method, epsilon, mode, Grouping.COMPONENTS, Tolerance.DEFAULT)
                .compute();
    }

    /**
     * The smallest ε (to a relative 1e-6) whose compressed network has at most {@code target} non-zero parameters.
     *
     * @throws SizeTargetUnreachableException if even the largest ε tried (4 relative, 1e12 absolute) leaves more
     */
    public Found atMost(long target) {
        int start = evaluations;
        LumpingCompressor.Result zero = at(0);
        if (zero.network().nonZeroCount() <= target) {
            return new Found(0, zero, evaluations - start);
        }
        double hi = mode == EpsilonMode.REL ? 0.25 : 1e-3;
        double limit = mode == EpsilonMode.REL ? 4 : 1e12;
        LumpingCompressor.Result hiResult = at(hi);
        while (hiResult.network().nonZeroCount() > target) {
            if (hi >= limit) {
                throw new SizeTargetUnreachableException(target, hiResult.network().nonZeroCount(),
                        String.format(Locale.ROOT, "target %d non-zero "
                        + "parameters is out of reach for %s: at epsilon %.6g (%s) the network still has %d", target,
                        method, hi, mode, hiResult.network().nonZeroCount()));
            }
            hi *= 2;
            hiResult = at(hi);
        }
        Bisection.Found<LumpingCompressor.Result> f = Bisection.smallestFitting(hi, hiResult, this::at,
                r -> r.network().nonZeroCount() <= target);
        return new Found(f.epsilon(), f.result(), evaluations - start);
    }

    /**
     * {@code points} relative ε values, geometrically spaced between the smallest ε that removes a parameter and
     * the smallest that reaches the fewest parameters the method reaches at ε = 4 (both found by bisection to a
     * relative 1e-3). Only for {@link EpsilonMode#REL}.
     */
    public double[] grid(int points) {
        if (mode != EpsilonMode.REL || points < 2) {
            throw new IllegalArgumentException("the grid needs relative epsilon and at least 2 points");
        }
        long full = count(0);
        double top = 4;
        long min = count(top);
        double first = full > min ? smallest(top, c -> c < full) : 1e-3;
        double last = full > min ? smallest(top, c -> c <= min) : top;
        first = Math.max(first, 1e-6);
        if (!(last > first)) {
            last = first * 10;
        }
        double[] e = new double[points];
        for (int i = 0; i < points; i++) {
            e[i] = first * Math.pow(last / first, i / (double) (points - 1));
        }
        return e;
    }

    /** Compressions run by this search so far. */
    public int evaluations() {
        return evaluations;
    }

    private long count(double eps) {
        return at(eps).network().nonZeroCount();
    }

    /** The smallest ε in (0, hi] (to a relative 1e-3) whose count satisfies {@code ok}; ok(hi) must hold. */
    private double smallest(double hi, LongPredicate ok) {
        double lo = 0;
        while (hi - lo > 1e-3 * hi) {
            double mid = 0.5 * (lo + hi);
            if (ok.test(count(mid))) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }
}
