package org.odelump.lumping;

/**
 * How exact algorithms compare double coefficients, purely relatively. Two values a and b are equal when
 * |a − b| ≤ tol·max(|a|, |b|); a sum is zero when |sum| ≤ tol·Σ|summands|, so cancellation noise such as
 * {@code 0.1 + 0.2 − 0.3} (about 5.6e-17 against summands of 0.6) counts as zero. Because no absolute floor is
 * used, the result does not depend on units: multiplying every coefficient of a model by the same positive
 * factor (1e-15 or 1e15) gives the same partitions. A single coefficient is zero only when it is exactly 0.
 *
 * <p>Always passed to the algorithm that uses it (never a global). Research notes §2.9 and §7.3 describe why
 * ERODE's BigDecimal scale of 20 and this relative test agree on double-precision inputs.
 *
 * @param relative the tolerance tol, 0 ≤ tol &lt; 1e-3
 */
public record Tolerance(double relative) {

    /** The default tolerance, 1e-12: far above double rounding noise, far below typical rate constants. */
    public static final Tolerance DEFAULT = new Tolerance(1e-12);

    /** The exclusive upper bound of {@link #relative()}: a looser comparison would merge distinct rates. */
    public static final double MAX_RELATIVE = 1e-3;

    public Tolerance {
        if (!(relative >= 0.0 && relative < MAX_RELATIVE)) {
            throw new IllegalArgumentException("tolerance must be in [0, " + MAX_RELATIVE + "): " + relative);
        }
    }

    /** A tolerance with the given relative bound. */
    public static Tolerance of(double relative) {
        return new Tolerance(relative);
    }

    /** True when |a − b| ≤ tol·max(|a|, |b|) (so exactly equal values, zeros included, are equal). */
    public boolean equal(double a, double b) {
        return Math.abs(a - b) <= relative * Math.max(Math.abs(a), Math.abs(b));
    }

    /** True when a sum is zero relative to the sum of the absolute values of its summands: |sum| ≤ tol·absSum. */
    public boolean isZeroSum(double sum, double absSum) {
        return Math.abs(sum) <= relative * absSum;
    }
}
