package org.odelump.lumping;

/**
 * How exact algorithms compare double coefficients. Two values a and b are equal when
 * |a − b| ≤ tol·max(1, |a|, |b|); a sum is zero when |sum| ≤ tol·max(1, Σ|summands|), so cancellation
 * noise such as {@code 0.1 + 0.2 − 0.3} (about 5.6e-17) counts as zero while genuinely small coefficients above
 * tol survive. Below magnitude 1 the test is absolute, so models whose rate constants are smaller than tol must
 * be given a smaller tolerance.
 *
 * <p>Always passed to the algorithm that uses it (never a global). Research notes §2.9 and §7.3 describe why
 * ERODE's BigDecimal scale of 20 and this relative test agree on double-precision inputs.
 *
 * @param relative the tolerance tol, 0 ≤ tol &lt; 1e-3
 */
public record Tolerance(double relative) {

    /** The default tolerance, 1e-12: far above double rounding noise, far below typical rate constants. */
    public static final Tolerance DEFAULT = new Tolerance(1e-12);

    public Tolerance {
        if (!(relative >= 0.0 && relative < 1e-3)) {
            throw new IllegalArgumentException("tolerance must be in [0, 1e-3): " + relative);
        }
    }

    /** A tolerance with the given relative bound. */
    public static Tolerance of(double relative) {
        return new Tolerance(relative);
    }

    /** True when |a − b| ≤ tol·max(1, |a|, |b|). */
    public boolean equal(double a, double b) {
        double scale = Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)));
        return Math.abs(a - b) <= relative * scale;
    }

    /** True when |v| ≤ tol. */
    public boolean isZero(double v) {
        return Math.abs(v) <= relative;
    }

    /** True when a sum is zero relative to the sum of the absolute values of its summands. */
    public boolean isZeroSum(double sum, double absSum) {
        return Math.abs(sum) <= relative * Math.max(1.0, absSum);
    }
}
