package org.odelump.cli;

import java.util.Locale;
import org.odelump.lumping.Tolerance;
import picocli.CommandLine;

/**
 * The valid range of every numeric option, declared by the option's converter ({@code @Option(converter =
 * Ranges.Positive.class)}), so that a value out of range is rejected while the command line is parsed: exit code 2
 * with a message that names the range, before any work starts. {@code NumericOptionsTest} finds every numeric
 * option of every command through picocli's model, requires such a converter and drives it with values outside
 * the declared range.
 */
final class Ranges {

    private Ranges() {
    }

    /**
     * A converter that parses a number and checks it against [min, max] (each end open or closed). NaN and
     * infinite values are never accepted.
     *
     * @param <T> the option's type
     */
    abstract static class Range<T> implements CommandLine.ITypeConverter<T> {
        final double min;
        final boolean minOpen;
        final double max;
        final boolean maxOpen;
        final boolean integral;

        Range(double min, boolean minOpen, double max, boolean maxOpen, boolean integral) {
            this.min = min;
            this.minOpen = minOpen;
            this.max = max;
            this.maxOpen = maxOpen;
            this.integral = integral;
        }

        /** True when {@code v} lies in the range. */
        final boolean contains(double v) {
            return Double.isFinite(v) && (minOpen ? v > min : v >= min) && (maxOpen ? v < max : v <= max);
        }

        /** The range in words, e.g. "a number in [0, 0.001)" or "an integer >= 1". */
        final String describe() {
            String kind = integral ? "an integer" : "a finite number";
            boolean lo = min != Double.NEGATIVE_INFINITY;
            boolean hi = max != Double.POSITIVE_INFINITY;
            if (lo && hi) {
                return kind + " in " + (minOpen ? "(" : "[") + fmt(min) + ", " + fmt(max) + (maxOpen ? ")" : "]");
            }
            if (lo) {
                return kind + (minOpen ? " > " : " >= ") + fmt(min);
            }
            return hi ? kind + (maxOpen ? " < " : " <= ") + fmt(max) : kind;
        }

        @Override
        public final T convert(String text) {
            String s = text.trim();
            double v;
            long whole = 0;
            try {
                if (integral) {
                    whole = Long.parseLong(s);
                    v = whole;
                } else {
                    v = Double.parseDouble(s);
                }
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("expected " + describe() + ", got '" + text + "'");
            }
            if (!contains(v)) {
                throw new CommandLine.TypeConversionException("expected " + describe() + ", got '" + text + "'");
            }
            return wrap(v, whole);
        }

        /** The converted value of a number in range ({@code whole} is the exact value of an integer). */
        abstract T wrap(double v, long whole);

        private static String fmt(double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d)
                    .toLowerCase(Locale.ROOT);
        }
    }

    /** A double range. */
    abstract static class DoubleRange extends Range<Double> {
        DoubleRange(double min, boolean minOpen, double max, boolean maxOpen) {
            super(min, minOpen, max, maxOpen, false);
        }

        @Override
        final Double wrap(double v, long whole) {
            return v;
        }
    }

    /** An int range. */
    abstract static class IntRange extends Range<Integer> {
        IntRange(int min, int max) {
            super(min, false, max, false, true);
        }

        @Override
        final Integer wrap(double v, long whole) {
            return (int) whole;
        }
    }

    /** A long range. */
    abstract static class LongRange extends Range<Long> {
        LongRange(long min, long max) {
            super(min, false, max, false, true);
        }

        @Override
        final Long wrap(double v, long whole) {
            return whole;
        }
    }

    /** Any finite number. */
    static final class Finite extends DoubleRange {
        Finite() {
            super(Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true);
        }
    }

    /** A finite number &gt;= 0. */
    static final class NonNegative extends DoubleRange {
        NonNegative() {
            super(0, false, Double.POSITIVE_INFINITY, true);
        }
    }

    /** A finite number &gt; 0. */
    static final class Positive extends DoubleRange {
        Positive() {
            super(0, true, Double.POSITIVE_INFINITY, true);
        }
    }

    /** A finite number &gt;= 1 (a ratio). */
    static final class AtLeastOne extends DoubleRange {
        AtLeastOne() {
            super(1, false, Double.POSITIVE_INFINITY, true);
        }
    }

    /** A fraction strictly between 0 and 1. */
    static final class OpenFraction extends DoubleRange {
        OpenFraction() {
            super(0, true, 1, true);
        }
    }

    /** The relative coefficient tolerance of exact comparisons, as {@link Tolerance} accepts it. */
    static final class CoefficientTolerance extends Range<Tolerance> {
        CoefficientTolerance() {
            super(0, false, Tolerance.MAX_RELATIVE, true, false);
        }

        @Override
        Tolerance wrap(double v, long whole) {
            return Tolerance.of(v);
        }
    }

    /** An int &gt;= 0. */
    static final class NonNegativeInt extends IntRange {
        NonNegativeInt() {
            super(0, Integer.MAX_VALUE);
        }
    }

    /** An int &gt;= 1. */
    static final class PositiveInt extends IntRange {
        PositiveInt() {
            super(1, Integer.MAX_VALUE);
        }
    }

    /** An int &gt;= 2 (calibration rows of the experiment). */
    static final class AtLeastTwoInt extends IntRange {
        AtLeastTwoInt() {
            super(2, Integer.MAX_VALUE);
        }
    }

    /** An int &gt;= 10 (rows of a synthetic dataset). */
    static final class AtLeastTenInt extends IntRange {
        AtLeastTenInt() {
            super(10, Integer.MAX_VALUE);
        }
    }

    /** Grid intervals of a simulation: 1 to 10,000,000. */
    static final class GridPoints extends IntRange {
        GridPoints() {
            super(1, 10_000_000);
        }
    }

    /** A long &gt;= 1. */
    static final class PositiveLong extends LongRange {
        PositiveLong() {
            super(1, Long.MAX_VALUE);
        }
    }

    /** A long &gt;= 10 (monomial counts of generated systems). */
    static final class AtLeastTenLong extends LongRange {
        AtLeastTenLong() {
            super(10, Long.MAX_VALUE);
        }
    }

    /** Any long: a seed. */
    static final class Seed extends LongRange {
        Seed() {
            super(Long.MIN_VALUE, Long.MAX_VALUE);
        }
    }
}
