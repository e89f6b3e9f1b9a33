package org.odelump.numeric;

import java.util.Objects;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.odelump.model.OdeSystem;
import org.odelump.model.Polynomial;

/**
 * Adapter from an {@link OdeSystem} to Hipparchus' {@link OrdinaryDifferentialEquation}, with the drift compiled
 * into flat arrays (every distinct monomial evaluated once per call, then one sparse sum per variable) and its
 * exact {@link SparseJacobian} built lazily on first request.
 *
 * <p>The system is autonomous: {@code computeDerivatives(t, y)} ignores t. Not thread-safe (it keeps one work
 * array); give each thread its own instance.
 */
public final class PolynomialOde implements OrdinaryDifferentialEquation {

    private final OdeSystem system;
    private final int n;
    private final MonomialTable table = new MonomialTable();
    private final int[] rowStart;
    private final int[] termMonomial;
    private final double[] termCoefficient;
    private final double[] monomialValues;
    private SparseJacobian jacobian;

    public PolynomialOde(OdeSystem system) {
        this.system = Objects.requireNonNull(system, "system");
        this.n = system.dimension();
        long terms = system.termCount();
        if (terms > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("too many drift terms: " + terms);
        }
        rowStart = new int[n + 1];
        termMonomial = new int[(int) terms];
        termCoefficient = new double[(int) terms];
        int t = 0;
        for (int i = 0; i < n; i++) {
            rowStart[i] = t;
            Polynomial f = system.drift(i);
            for (int k = 0; k < f.size(); k++) {
                termMonomial[t] = table.indexOf(f.monomial(k));
                termCoefficient[t++] = f.coefficient(k);
            }
        }
        rowStart[n] = t;
        table.freeze();
        monomialValues = new double[table.size()];
    }

    public OdeSystem system() {
        return system;
    }

    @Override
    public int getDimension() {
        return n;
    }

    @Override
    public double[] computeDerivatives(double t, double[] y) {
        double[] out = new double[n];
        evaluate(y, out);
        return out;
    }

    /** Writes f(y) into out. */
    public void evaluate(double[] y, double[] out) {
        table.evaluate(y, monomialValues);
        for (int i = 0; i < n; i++) {
            double s = 0.0;
            for (int t = rowStart[i], end = rowStart[i + 1]; t < end; t++) {
                s += termCoefficient[t] * monomialValues[termMonomial[t]];
            }
            out[i] = s;
        }
    }

    /** The exact sparse Jacobian of the drift, built on first call and then reused. */
    public SparseJacobian jacobian() {
        if (jacobian == null) {
            jacobian = new SparseJacobian(system);
        }
        return jacobian;
    }
}
