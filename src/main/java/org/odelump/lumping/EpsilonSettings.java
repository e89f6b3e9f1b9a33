package org.odelump.lumping;

import java.util.Objects;

/**
 * The settings of an approximate (ε-FE/ε-BE) lumping, validated once: the tolerance ε, how distances are compared
 * with it, how ε-close variables are grouped into blocks, and the relative tolerance of exact coefficient
 * comparisons. Cardelli et al., QEST 2018, define ε-FE/ε-BE; {@link EpsilonEquivalence} implements them.
 *
 * @param epsilon   ε, a finite number &gt;= 0 (0 gives the exact FE/BE partitions)
 * @param mode      absolute or relative distances
 * @param grouping  connected components (ERODE's rule, the default) or diameter
 * @param tolerance exact coefficient comparisons
 */
public record EpsilonSettings(double epsilon, EpsilonMode mode, Grouping grouping, Tolerance tolerance) {

    /** Grouping used when none is given; docs/approximate.md has the measurement behind it. */
    public static final Grouping DEFAULT_GROUPING = Grouping.COMPONENTS;

    public EpsilonSettings {
        if (!(epsilon >= 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be a finite number >= 0: " + epsilon);
        }
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(grouping, "grouping");
        Objects.requireNonNull(tolerance, "tolerance");
    }

    /** ε read by {@code mode}, with the default grouping and the default tolerance. */
    public static EpsilonSettings of(double epsilon, EpsilonMode mode) {
        return new EpsilonSettings(epsilon, mode, DEFAULT_GROUPING, Tolerance.DEFAULT);
    }

    /** The same settings at another ε. */
    public EpsilonSettings withEpsilon(double e) {
        return new EpsilonSettings(e, mode, grouping, tolerance);
    }
}
