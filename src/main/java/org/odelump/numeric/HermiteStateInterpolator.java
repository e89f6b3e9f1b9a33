package org.odelump.numeric;

import org.hipparchus.ode.EquationsMapper;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.sampling.AbstractODEStateInterpolator;

/**
 * Dense output over one step by cubic Hermite interpolation of the states and exact derivatives at both ends
 * of the step (third-order accurate, C¹ across steps). Used by {@link RosenbrockIntegrator}, which evaluates
 * f at every accepted step end anyway (it is the first stage of the next step).
 */
final class HermiteStateInterpolator extends AbstractODEStateInterpolator {

    private static final long serialVersionUID = 1L;

    HermiteStateInterpolator(boolean forward, ODEStateAndDerivative globalPrevious,
            ODEStateAndDerivative globalCurrent, ODEStateAndDerivative softPrevious,
            ODEStateAndDerivative softCurrent, EquationsMapper mapper) {
        super(forward, globalPrevious, globalCurrent, softPrevious, softCurrent, mapper);
    }

    @Override
    protected HermiteStateInterpolator create(boolean newForward, ODEStateAndDerivative newGlobalPrevious,
            ODEStateAndDerivative newGlobalCurrent, ODEStateAndDerivative newSoftPrevious,
            ODEStateAndDerivative newSoftCurrent, EquationsMapper newMapper) {
        return new HermiteStateInterpolator(newForward, newGlobalPrevious, newGlobalCurrent, newSoftPrevious,
                newSoftCurrent, newMapper);
    }

    @Override
    protected ODEStateAndDerivative computeInterpolatedStateAndDerivatives(EquationsMapper mapper, double time,
            double theta, double thetaH, double oneMinusThetaH) {
        ODEStateAndDerivative s0 = getGlobalPreviousState();
        ODEStateAndDerivative s1 = getGlobalCurrentState();
        double h = s1.getTime() - s0.getTime();
        double[] y0 = s0.getCompleteState();
        double[] f0 = s0.getCompleteDerivative();
        double[] y1 = s1.getCompleteState();
        double[] f1 = s1.getCompleteDerivative();
        double t2 = theta * theta;
        double t3 = t2 * theta;
        double h00 = 2 * t3 - 3 * t2 + 1;
        double h10 = (t3 - 2 * t2 + theta) * h;
        double h01 = -2 * t3 + 3 * t2;
        double h11 = (t3 - t2) * h;
        double d00 = h == 0 ? 0 : (6 * t2 - 6 * theta) / h;
        double d10 = 3 * t2 - 4 * theta + 1;
        double d11 = 3 * t2 - 2 * theta;
        double[] y = new double[y0.length];
        double[] yDot = new double[y0.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = h00 * y0[i] + h10 * f0[i] + h01 * y1[i] + h11 * f1[i];
            yDot[i] = d00 * (y0[i] - y1[i]) + d10 * f0[i] + d11 * f1[i];
        }
        return mapper.mapStateAndDerivative(time, y, yDot);
    }
}
