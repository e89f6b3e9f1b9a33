package org.odelump.nn.data;

import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.odelump.model.OdeSystem;

/**
 * Independent reference integrations for the dataset tests: the ORIGINAL rational seven-species glycolysis model
 * (v1 = k1·S1·S6/(1 + (S6/K1)^q), q = 4), typed here from Ruoff et al. 2003 with the standard parameters, and any
 * {@link OdeSystem} integrated by Hipparchus' Dormand–Prince 8(5,3) directly (not through odelump's Simulator).
 */
final class GlycolysisReference {

    static final double J0 = 2.5;
    static final double K1_RATE = 100;
    static final double K2 = 6;
    static final double K3 = 16;
    static final double K4 = 100;
    static final double K5 = 1.28;
    static final double K6 = 12;
    static final double K = 1.8;
    static final double KAPPA = 13;
    static final double Q = 4;
    static final double K1 = 0.52;
    static final double PSI = 0.1;
    static final double N = 1;
    static final double A = 4;

    private GlycolysisReference() {
    }

    /** The rational right-hand side in S1..S7. */
    static double[] rational(double[] s) {
        double v1 = K1_RATE * s[0] * s[5] / (1 + Math.pow(s[5] / K1, Q));
        double j = KAPPA * (s[3] - s[6]);
        double r2 = K2 * s[1] * (N - s[4]);
        double r3 = K3 * s[2] * (A - s[5]);
        return new double[] {
            J0 - v1,
            2 * v1 - r2 - K6 * s[1] * s[4],
            r2 - r3,
            r3 - K4 * s[3] * s[4] - j,
            r2 - K4 * s[3] * s[4] - K6 * s[1] * s[4],
            -2 * v1 + 2 * r3 - K5 * s[5],
            PSI * j - K * s[6]};
    }

    /** The rational model's state S1..S7 at time t from s0, tolerance 1e-12. */
    static double[] rationalAt(double[] s0, double t) {
        return integrate(new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return 7;
            }

            @Override
            public double[] computeDerivatives(double time, double[] y) {
                return rational(y);
            }
        }, s0, t);
    }

    /** The state of {@code m} at time t from x0, Hipparchus DOP853 at tolerance 1e-12. */
    static double[] systemAt(OdeSystem m, double[] x0, double t) {
        return integrate(new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return m.dimension();
            }

            @Override
            public double[] computeDerivatives(double time, double[] y) {
                return m.evaluate(y);
            }
        }, x0, t);
    }

    private static double[] integrate(OrdinaryDifferentialEquation eq, double[] x0, double t) {
        DormandPrince853Integrator integrator = new DormandPrince853Integrator(1e-12, t, 1e-12, 1e-12);
        ODEStateAndDerivative end = integrator.integrate(eq, new ODEState(0, x0.clone()), t);
        return end.getPrimaryState();
    }
}
