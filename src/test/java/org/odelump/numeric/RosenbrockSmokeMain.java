package org.odelump.numeric;

import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;

class RosenbrockSmokeMain {
    public static void main(String[] a) {
        for (double tEnd : new double[] {40, 1e11}) {
            RosenbrockIntegrator r = new RosenbrockIntegrator(1e-8, 1e-20);
            long t0 = System.nanoTime();
            ODEStateAndDerivative s = r.integrate(new PolynomialOde(TestSystems.robertson()), new ODEState(0, new double[] {1, 0, 0}), tEnd);
            System.out.println(tEnd + " " + java.util.Arrays.toString(s.getPrimaryState()) + " " + r.statistics() + " " + (System.nanoTime() - t0) / 1e6 + "ms");
        }
        RosenbrockIntegrator r = new RosenbrockIntegrator(1e-8, 1e-8);
        ODEStateAndDerivative s = r.integrate(new PolynomialOde(TestSystems.vanDerPolScaled(1e-6)), new ODEState(0, new double[] {2, 0}), 2);
        System.out.println(java.util.Arrays.toString(s.getPrimaryState()) + " " + r.statistics());
        PolynomialOde ode = new PolynomialOde(TestSystems.lotkaVolterra());
        double prev = 0;
        double[] ref = new RosenbrockIntegrator(1e-12, 1e-12).integrate(ode, new ODEState(0, new double[] {10, 5}), 1).getPrimaryState();
        for (int n = 20; n <= 640; n *= 2) {
            double[] y = r.fixedSteps(ode, new double[] {10, 5}, 0, 1, n);
            double e = Math.abs(y[0] - ref[0]);
            System.out.println(n + " " + e + " ratio " + prev / e);
            prev = e;
        }
    }
}
