package org.odelump.nn.compress;

import java.util.function.DoubleFunction;
import java.util.function.Predicate;

/**
 * The bisection on ε that every size-driven search shares: given an ε whose result fits the size asked, the
 * smallest ε in (0, that ε] whose result still fits, to a relative 1e-6, assuming a result fits at every ε above
 * one that fits (the sizes fall with ε in practice, not provably).
 */
final class Bisection {

    /** The ε found and its result. */
    record Found<R>(double epsilon, R result) {
    }

    private Bisection() {
    }

    /**
     * @param hi   an ε whose result fits
     * @param atHi its result
     * @param run  the result at an ε
     * @param fits whether a result fits
     */
    static <R> Found<R> smallestFitting(double hi, R atHi, DoubleFunction<R> run, Predicate<R> fits) {
        double lo = 0;
        R best = atHi;
        while (hi - lo > 1e-6 * hi) {
            double mid = 0.5 * (lo + hi);
            R r = run.apply(mid);
            if (fits.test(r)) {
                hi = mid;
                best = r;
            } else {
                lo = mid;
            }
        }
        return new Found<>(hi, best);
    }
}
