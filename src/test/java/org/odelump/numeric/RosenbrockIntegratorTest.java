package org.odelump.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.hipparchus.ode.sampling.ODEStepHandler;
import org.junit.jupiter.api.Test;
import org.odelump.model.OdeSystem;

class RosenbrockIntegratorTest {

    /*
     * Reference solutions of the IVP test set (F. Mazzia and C. Magherini, "Test Set for Initial Value Problem
     * Solvers", release 2.4, University of Bari, 2008; problems ROBER and VDPOL, which come from Hairer and
     * Wanner, Solving ODEs II): ROBER at t = 1e11 and VDPOL (ε = 1e-6) at t = 2 are the test set's reference
     * solutions. ROBER at t = 40 is the widely quoted value given in the issue brief; this integrator at
     * rtol = 1e-10 reproduces it to relative 6e-14, 5e-12 and 7e-14, and the 1e11 values to 1e-9.
     */
    private static final double[] ROBER_40 = {0.7158270687193941, 9.185534764529e-6, 0.2841637457458};
    private static final double[] ROBER_1E11 = {0.2083340149701255e-7, 0.8333360770334713e-13,
        0.9999999791665050};
    private static final double[] VDPOL_2 = {0.1706167732170483e1, -0.8928097010247975};

    private static double[] solve(OdeSystem s, double rtol, double atol, double tEnd) {
        RosenbrockIntegrator r = new RosenbrockIntegrator(rtol, atol);
        return r.integrate(new PolynomialOde(s), new ODEState(0, s.initialValues()), tEnd).getPrimaryState();
    }

    private static double maxRelativeError(double[] y, double[] ref) {
        double e = 0;
        for (int i = 0; i < y.length; i++) {
            e = Math.max(e, Math.abs(y[i] - ref[i]) / Math.abs(ref[i]));
        }
        return e;
    }

    @Test
    void robertsonMatchesTheTestSetReferenceAtTheRequestedTolerance() {
        double rtol = 1e-6;
        // atol far below y2(1e11) ≈ 8e-14, so that every component is controlled relatively
        double atol = 1e-20;
        double[] at40 = solve(TestSystems.robertson(), rtol, atol, 40);
        double[] at1e11 = solve(TestSystems.robertson(), rtol, atol, 1e11);
        assertThat(maxRelativeError(at40, ROBER_40)).isLessThan(rtol);
        assertThat(maxRelativeError(at1e11, ROBER_1E11)).isLessThan(rtol);
        // mass conservation y1 + y2 + y3 = 1 (a linear invariant Rosenbrock methods preserve)
        assertThat(at1e11[0] + at1e11[1] + at1e11[2]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void robertsonAtTightToleranceIsTighter() {
        double[] y = solve(TestSystems.robertson(), 1e-9, 1e-22, 1e11);
        assertThat(maxRelativeError(y, ROBER_1E11)).isLessThan(1e-8);
    }

    @Test
    void vanDerPolMuThousandMatchesTheTestSetReference() {
        double[] y = solve(TestSystems.vanDerPolScaled(1e-6), 1e-6, 1e-6, 2);
        assertThat(maxRelativeError(y, VDPOL_2)).isLessThan(1e-4);
        double[] tight = solve(TestSystems.vanDerPolScaled(1e-6), 1e-9, 1e-9, 2);
        assertThat(maxRelativeError(tight, VDPOL_2)).isLessThan(1e-7);
    }

    @Test
    void classicalVanDerPolMuThousandAtT2000MatchesTheScaledReference() {
        double mu = 1000;
        double[] y = solve(TestSystems.vanDerPolClassical(mu), 1e-8, 1e-12, 2 * mu);
        assertThat(maxRelativeError(y, new double[] {VDPOL_2[0], VDPOL_2[1] / mu})).isLessThan(1e-6);
    }

    /** y1' = −y1², y2' = y1·y2, y(0) = (1, 1): exact solution (1/(1+t), 1+t). */
    private static OdeSystem exactlySolvable() {
        return OdeSystem.builder("exact").variables("a", "b").initialValues(new double[] {1, 1})
                .drifts(List.of(TestSystems.term(-1, 0, 0), TestSystems.term(1, 0, 1))).build();
    }

    @Test
    void globalErrorConvergesWithOrderFour() {
        PolynomialOde ode = new PolynomialOde(exactlySolvable());
        RosenbrockIntegrator r = new RosenbrockIntegrator(1e-6, 1e-6);
        double tEnd = 2;
        double[] exact = {1 / (1 + tEnd), 1 + tEnd};
        double[] errors = new double[5];
        for (int k = 0; k < errors.length; k++) {
            double[] y = r.fixedSteps(ode, new double[] {1, 1}, 0, tEnd, 8 << k);
            errors[k] = Math.max(Math.abs(y[0] - exact[0]), Math.abs(y[1] - exact[1]));
        }
        double order = Math.log(errors[3] / errors[4]) / Math.log(2);
        double fitted = Math.log(errors[0] / errors[4]) / Math.log(16) ;
        assertThat(order).isBetween(3.7, 4.3);
        assertThat(fitted).isBetween(3.6, 4.4);
    }

    @Test
    void localErrorsHaveOrderFiveAndFourForMainAndEmbeddedMethods() {
        PolynomialOde ode = new PolynomialOde(exactlySolvable());
        RosenbrockIntegrator r = new RosenbrockIntegrator(1e-6, 1e-6);
        double[] main = new double[3];
        double[] embedded = new double[3];
        for (int k = 0; k < 3; k++) {
            double h = 0.2 / (1 << k);
            double[] exact = {1 / (1 + h), 1 + h};
            double[] y = r.fixedSteps(ode, new double[] {1, 1}, 0, h, 1);
            double[] e = r.fixedStepsEmbedded(ode, new double[] {1, 1}, 0, h, 1);
            main[k] = Math.abs(y[0] - exact[0]) + Math.abs(y[1] - exact[1]);
            embedded[k] = Math.abs(e[0] - exact[0]) + Math.abs(e[1] - exact[1]);
        }
        assertThat(Math.log(main[1] / main[2]) / Math.log(2)).isBetween(4.5, 5.6);
        assertThat(Math.log(embedded[1] / embedded[2]) / Math.log(2)).isBetween(3.5, 4.6);
    }

    private static double[] dormandPrince(OdeSystem s, double tEnd) {
        return new DormandPrince853Integrator(0, tEnd, 1e-13, 1e-13)
                .integrate(new PolynomialOde(s), new ODEState(0, s.initialValues()), tEnd).getPrimaryState();
    }

    @Test
    void agreesWithDormandPrinceOnNonStiffProblems() {
        for (OdeSystem s : List.of(TestSystems.lotkaVolterra(), TestSystems.linearChain(20))) {
            double tEnd = 5;
            double[] ref = dormandPrince(s, tEnd);
            double[] y = solve(s, 1e-10, 1e-12, tEnd);
            for (int i = 0; i < y.length; i++) {
                assertThat(Math.abs(y[i] - ref[i])).as(s.name() + " component " + i)
                        .isLessThanOrEqualTo(1e-7 * Math.abs(ref[i]) + 1e-9);
            }
        }
    }

    @Test
    void integratesBackwardInTime() {
        OdeSystem lv = TestSystems.lotkaVolterra();
        PolynomialOde ode = new PolynomialOde(lv);
        RosenbrockIntegrator r = new RosenbrockIntegrator(1e-10, 1e-12);
        ODEStateAndDerivative forward = r.integrate(ode, new ODEState(0, lv.initialValues()), 1.0);
        ODEStateAndDerivative back = r.integrate(ode, new ODEState(1.0, forward.getPrimaryState()), 0.0);
        assertThat(back.getTime()).isZero();
        assertThat(back.getPrimaryState()[0]).isCloseTo(10, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(back.getPrimaryState()[1]).isCloseTo(5, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void denseOutputMatchesDormandPrinceOnAGrid() {
        OdeSystem lv = TestSystems.lotkaVolterra();
        double[] grid = new double[41];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = 0.1 * i;
        }
        double[][] stiff = sample(new RosenbrockIntegrator(1e-10, 1e-12), lv, grid);
        double[][] ref = sample(new DormandPrince853Integrator(0, 4, 1e-13, 1e-13), lv, grid);
        for (int i = 0; i < grid.length; i++) {
            for (int j = 0; j < 2; j++) {
                assertThat(stiff[i][j]).as("t=" + grid[i]).isCloseTo(ref[i][j],
                        org.assertj.core.data.Offset.offset(1e-6 * Math.abs(ref[i][j]) + 1e-8));
            }
        }
    }

    private static double[][] sample(org.hipparchus.ode.ODEIntegrator integrator, OdeSystem s, double[] grid) {
        double[][] out = new double[grid.length][];
        integrator.addStepHandler(new ODEStepHandler() {
            private int next;

            @Override
            public void init(ODEStateAndDerivative initialState, double finalTime) {
                next = 0;
            }

            @Override
            public void handleStep(ODEStateInterpolator interpolator) {
                double t1 = interpolator.getCurrentState().getTime();
                while (next < grid.length && grid[next] <= t1) {
                    out[next] = interpolator.getInterpolatedState(grid[next]).getPrimaryState();
                    next++;
                }
            }
        });
        integrator.integrate(new PolynomialOde(s), new ODEState(0, s.initialValues()), grid[grid.length - 1]);
        return out;
    }

    @Test
    void directAndIterativeStageSolversGiveTheSameTrajectory() {
        OdeSystem s = TestSystems.synthetic(80, 240, 7);
        List<double[]> ends = new ArrayList<>();
        for (RosenbrockIntegrator.LinearAlgebra la : RosenbrockIntegrator.LinearAlgebra.values()) {
            RosenbrockIntegrator r = new RosenbrockIntegrator(1e-7, 1e-9);
            r.setLinearAlgebra(la);
            ends.add(r.integrate(new PolynomialOde(s), new ODEState(0, s.initialValues()), 0.2).getPrimaryState());
            assertThat(r.statistics().linearSolver()).contains(la == RosenbrockIntegrator.LinearAlgebra.ITERATIVE
                    ? "GMRES" : "LU");
        }
        for (int k = 1; k < ends.size(); k++) {
            for (int i = 0; i < s.dimension(); i++) {
                assertThat(ends.get(k)[i]).isCloseTo(ends.get(0)[i],
                        org.assertj.core.data.Offset.offset(1e-5 * Math.abs(ends.get(0)[i]) + 1e-7));
            }
        }
    }

    /** Stops when x falls to 5 (x starts at 10). */
    private static org.hipparchus.ode.events.ODEEventDetector xCrossesFive() {
        return new org.hipparchus.ode.events.ODEEventDetector() {
            @Override
            public org.hipparchus.ode.events.AdaptableInterval getMaxCheckInterval() {
                return org.hipparchus.ode.events.AdaptableInterval.of(0.05);
            }

            @Override
            public int getMaxIterationCount() {
                return 100;
            }

            @Override
            public org.hipparchus.analysis.solvers.BracketedUnivariateSolver<
                    org.hipparchus.analysis.UnivariateFunction> getSolver() {
                return new org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver(1e-12, 5);
            }

            @Override
            public org.hipparchus.ode.events.ODEEventHandler getHandler() {
                return (state, detector, increasing) -> org.hipparchus.ode.events.Action.STOP;
            }

            @Override
            public double g(ODEStateAndDerivative state) {
                return state.getPrimaryState()[0] - 5;
            }
        };
    }

    @Test
    void hipparchusEventDetectorsStopTheIntegrationWhereDormandPrinceDoes() {
        OdeSystem lv = TestSystems.lotkaVolterra();
        RosenbrockIntegrator r = new RosenbrockIntegrator(1e-10, 1e-12);
        r.addEventDetector(xCrossesFive());
        double stiffT = r.integrate(new PolynomialOde(lv), new ODEState(0, lv.initialValues()), 10).getTime();
        DormandPrince853Integrator dp = new DormandPrince853Integrator(0, 10, 1e-13, 1e-13);
        dp.addEventDetector(xCrossesFive());
        double explicitT = dp.integrate(new PolynomialOde(lv), new ODEState(0, lv.initialValues()), 10).getTime();
        assertThat(explicitT).isBetween(0.01, 9.99);
        assertThat(stiffT).isCloseTo(explicitT, org.assertj.core.data.Offset.offset(1e-7));
    }

    @Test
    void blowUpIsATypedFailureNearTheSingularity() {
        // y' = y², y(0) = 1 has the solution 1/(1 − t), which blows up at t = 1
        OdeSystem s = OdeSystem.builder("blowup").variables("y").initialValues(new double[] {1})
                .drifts(List.of(TestSystems.term(1, 0, 0))).build();
        assertThatThrownBy(() -> solve(s, 1e-6, 1e-6, 2))
                .isInstanceOfSatisfying(IntegrationFailureException.class, e -> {
                    assertThat(e.kind()).isIn(IntegrationFailureException.Kind.NON_FINITE,
                            IntegrationFailureException.Kind.STEP_SIZE_UNDERFLOW);
                    assertThat(e.time()).isBetween(0.99, 1.01);
                });
    }

    @Test
    void evaluationBudgetIsATypedFailure() {
        RosenbrockIntegrator r = new RosenbrockIntegrator(1e-6, 1e-10);
        r.setMaxEvaluations(100);
        OdeSystem s = TestSystems.robertson();
        assertThatThrownBy(() -> r.integrate(new PolynomialOde(s), new ODEState(0, s.initialValues()), 1e11))
                .isInstanceOfSatisfying(IntegrationFailureException.class, e -> {
                    assertThat(e.kind()).isEqualTo(IntegrationFailureException.Kind.EVALUATION_LIMIT);
                    assertThat(e.getMessage()).contains("budget of 100");
                });
    }

    @Test
    void rejectsProblemsWithoutAPolynomialJacobian() {
        OrdinaryDifferentialEquation plain = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return 1;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                return new double[] {-y[0]};
            }
        };
        assertThatThrownBy(() -> new RosenbrockIntegrator(1e-6, 1e-6).integrate(plain,
                new ODEState(0, new double[] {1}), 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PolynomialOde");
    }
}
