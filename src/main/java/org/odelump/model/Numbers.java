package org.odelump.model;

/** Number formatting shared by every writer of DSL text, so that printed numbers parse back to the same double. */
public final class Numbers {

    private Numbers() {
    }

    /**
     * The shortest text that parses back to exactly {@code v}: integral values without a fraction ({@code 3}),
     * others as Java's shortest round-trip decimal ({@code 0.1}, {@code 1.0E-5}). Non-finite values are refused.
     */
    public static String format(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("not a finite number: " + v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            long l = (long) v;
            return (l == 0 && 1 / v < 0) ? "0" : Long.toString(l);
        }
        return Double.toString(v);
    }
}
