package org.odelump.nn.compress;

import java.util.Locale;
import java.util.Objects;
import org.odelump.lumping.EpsilonMode;

/**
 * How small a compressed network is asked to be: at a tolerance ε, within a number of non-zero parameters, or by a
 * compression ratio (original over compressed non-zero parameters, the count rounded down).
 *
 * @param kind  which of the three was given
 * @param value ε, the parameter count, or the ratio
 * @param mode  how a lumping method on weights reads ε (the other criteria read it as relative)
 */
public record SizeRequest(Kind kind, double value, EpsilonMode mode) {

    /** The three ways to ask; the name is the option's ({@code --epsilon}, {@code --params}, {@code --ratio}). */
    public enum Kind {
        EPSILON, PARAMS, RATIO;

        /** {@code epsilon}, {@code params}, {@code ratio}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public SizeRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mode, "mode");
        if (!(value >= 0) || kind == Kind.RATIO && value < 1 || kind == Kind.PARAMS && value < 1) {
            throw new IllegalArgumentException(kind.key() + " must be " + (kind == Kind.EPSILON ? ">= 0"
                    : ">= 1") + ", got " + value);
        }
    }

    public static SizeRequest epsilon(double epsilon, EpsilonMode mode) {
        return new SizeRequest(Kind.EPSILON, epsilon, mode);
    }

    public static SizeRequest params(long count, EpsilonMode mode) {
        return new SizeRequest(Kind.PARAMS, count, mode);
    }

    public static SizeRequest ratio(double ratio, EpsilonMode mode) {
        return new SizeRequest(Kind.RATIO, ratio, mode);
    }

    /**
     * The non-zero parameter count asked of a network that has {@code before}; -1 for an ε.
     *
     * @throws CompressionMethod.InvalidChoiceException if the count falls outside 1..before
     */
    public long targetCount(long before) {
        if (kind == Kind.EPSILON) {
            return -1;
        }
        long target = kind == Kind.PARAMS ? (long) value : (long) Math.floor(before / value);
        if (target < 1 || target > before) {
            throw new CompressionMethod.InvalidChoiceException(String.format(Locale.ROOT, "--%s asks for %d non-zero "
                    + "parameters; the network has %d, so the target must lie in 1..%d", kind.key(), target, before,
                    before));
        }
        return target;
    }
}
