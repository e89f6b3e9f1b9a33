package org.odelump.model;

import java.util.Objects;

/**
 * A named constant.
 *
 * @param name   identifier
 * @param value  its numeric value
 * @param source the expression it was defined by (for printing); null when it was given as a number
 */
public record Parameter(String name, double value, Expr source) {
    public Parameter {
        Objects.requireNonNull(name, "name");
    }

    /** Two parameters are equal when name and value are; the source expression is presentation only. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Parameter p && name.equals(p.name)
                && Double.doubleToLongBits(value) == Double.doubleToLongBits(p.value);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Double.hashCode(value);
    }
}
