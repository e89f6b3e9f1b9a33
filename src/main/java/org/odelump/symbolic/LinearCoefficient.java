package org.odelump.symbolic;

import java.util.Arrays;
import java.util.List;

/**
 * A coefficient that is affine in the kept parameters: {@code constant + Σ_j coefficient(j)·p_j}. One row of the
 * linear system A·p = b that a nearest-exact-model search solves (b collects the constants). Immutable.
 */
public final class LinearCoefficient {

    private final List<String> parameterNames;
    private final double constant;
    private final double[] coefficients;

    LinearCoefficient(List<String> parameterNames, double constant, double[] coefficients) {
        this.parameterNames = parameterNames;
        this.constant = constant;
        this.coefficients = coefficients.clone();
    }

    /** The kept parameters, in index order (the same list as the polynomial's). */
    public List<String> parameterNames() {
        return parameterNames;
    }

    /** The part that does not depend on any kept parameter. */
    public double constant() {
        return constant;
    }

    /** The factor of kept parameter {@code j} (0 when it does not occur). */
    public double coefficient(int j) {
        return coefficients[j];
    }

    /** The factor of the kept parameter with this name. */
    public double coefficientOf(String parameter) {
        int j = parameterNames.indexOf(parameter);
        if (j < 0) {
            throw new IllegalArgumentException("'" + parameter + "' is not a kept parameter; kept: " + parameterNames);
        }
        return coefficients[j];
    }

    /** All factors, indexed like {@link #parameterNames()} (a copy). */
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** The value for the given parameter values (indexed like {@link #parameterNames()}). */
    public double evaluate(double[] parameterValues) {
        double s = constant;
        for (int j = 0; j < coefficients.length; j++) {
            s += coefficients[j] * parameterValues[j];
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinearCoefficient l && parameterNames.equals(l.parameterNames)
                && Double.compare(constant, l.constant) == 0 && Arrays.equals(coefficients, l.coefficients);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * parameterNames.hashCode() + Double.hashCode(constant)) + Arrays.hashCode(coefficients);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append(constant);
        for (int j = 0; j < coefficients.length; j++) {
            if (coefficients[j] != 0.0) {
                sb.append(" + ").append(coefficients[j]).append('*').append(parameterNames.get(j));
            }
        }
        return sb.toString();
    }
}
