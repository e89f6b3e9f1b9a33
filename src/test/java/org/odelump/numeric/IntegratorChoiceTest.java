package org.odelump.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.hipparchus.ode.sampling.ODEStepHandler;
import org.junit.jupiter.api.Test;
import org.odelump.model.OdeSystem;

class IntegratorChoiceTest {

    @Test
    void theExplicitMethodIsDetectedAsTooStiffOnRobertson() {
        OdeSystem rober = TestSystems.robertson();
        DormandPrince853Integrator dp = new DormandPrince853Integrator(0, 40, 1e-10, 1e-6);
        StiffnessDetector detector = new StiffnessDetector(new SparseJacobian(rober));
        dp.addStepHandler(detector);
        assertThatThrownBy(() -> dp.integrate(new PolynomialOde(rober), new ODEState(0, rober.initialValues()), 40))
                .isInstanceOfSatisfying(StiffnessDetector.StiffnessDetectedException.class, e -> {
                    assertThat(e.hRho()).isGreaterThan(StiffnessDetector.DEFAULT_LIMIT);
                    assertThat(e.time()).isLessThan(40);
                });
        // detected long before the explicit method would have finished (268k evaluations at this tolerance)
        assertThat(dp.getEvaluations()).isLessThan(20_000);
    }

    @Test
    void autoSwitchesToTheStiffMethodOnRobertsonAndSaysWhy() {
        OdeSystem rober = TestSystems.robertson();
        IntegratorChoice.Result r = new IntegratorChoice(IntegratorChoice.Mode.AUTO, 1e-6, 1e-20)
                .integrate(rober, 0, rober.initialValues(), 1e11, List.of());
        assertThat(r.method()).isEqualTo(IntegratorChoice.Method.RODAS4);
        assertThat(r.reason()).startsWith("auto: stiffness detected");
        assertThat(r.stiffStatistics().acceptedSteps()).isPositive();
        assertThat(r.finalState().getPrimaryState()[0]).isCloseTo(0.2083340149701255e-7,
                org.assertj.core.data.Percentage.withPercentage(1e-4));
    }

    @Test
    void autoKeepsTheExplicitMethodOnNonStiffProblems() {
        // The chain is watched only during its transient: once its fast modes (rates up to 9) have decayed, the
        // explicit steps become stability-limited, which is (mild) stiffness and correctly detected as such.
        for (OdeSystem s : List.of(TestSystems.lotkaVolterra(), TestSystems.linearChain(10))) {
            double tEnd = s.name().equals("chain") ? 1.5 : 10;
            IntegratorChoice.Result r = new IntegratorChoice(IntegratorChoice.Mode.AUTO, 1e-8, 1e-10)
                    .integrate(s, 0, s.initialValues(), tEnd, List.of());
            assertThat(r.method()).as(s.name()).isEqualTo(IntegratorChoice.Method.DORMAND_PRINCE_853);
            assertThat(r.reason()).startsWith("auto: no stiffness detected");
            assertThat(r.stiffStatistics()).isNull();
        }
    }

    @Test
    void aChainWhoseFastModesHaveDecayedIsDetectedAsStiff() {
        OdeSystem chain = TestSystems.linearChain(10);
        IntegratorChoice.Result r = new IntegratorChoice(IntegratorChoice.Mode.AUTO, 1e-8, 1e-10)
                .integrate(chain, 0, chain.initialValues(), 200, List.of());
        assertThat(r.method()).isEqualTo(IntegratorChoice.Method.RODAS4);
    }

    @Test
    void explicitAndStiffModesAgreeOnANonStiffProblem() {
        OdeSystem lv = TestSystems.lotkaVolterra();
        double[] e = new IntegratorChoice(IntegratorChoice.Mode.EXPLICIT, 1e-11, 1e-12)
                .integrate(lv, 0, lv.initialValues(), 6, List.of()).finalState().getPrimaryState();
        IntegratorChoice.Result s = new IntegratorChoice(IntegratorChoice.Mode.STIFF, 1e-10, 1e-12)
                .integrate(lv, 0, lv.initialValues(), 6, List.of());
        assertThat(s.method()).isEqualTo(IntegratorChoice.Method.RODAS4);
        assertThat(s.reason()).contains("requested");
        for (int i = 0; i < 2; i++) {
            assertThat(s.finalState().getPrimaryState()[i]).isCloseTo(e[i],
                    org.assertj.core.data.Offset.offset(1e-7 * Math.abs(e[i])));
        }
    }

    @Test
    void handlersSeeARestartedTrajectoryAfterTheSwitch() {
        OdeSystem rober = TestSystems.robertson();
        int[] inits = {0};
        double[] lastTime = {Double.NaN};
        ODEStepHandler handler = new ODEStepHandler() {
            @Override
            public void init(ODEStateAndDerivative initialState, double finalTime) {
                inits[0]++;
                assertThat(initialState.getTime()).isZero();
            }

            @Override
            public void handleStep(ODEStateInterpolator interpolator) {
                lastTime[0] = interpolator.getCurrentState().getTime();
            }
        };
        new IntegratorChoice(IntegratorChoice.Mode.AUTO, 1e-6, 1e-10).integrate(rober, 0, rober.initialValues(),
                100, List.of(handler));
        assertThat(inits[0]).isEqualTo(2);
        assertThat(lastTime[0]).isEqualTo(100.0);
    }

    @Test
    void theExplicitModeFailsWithATypedEvaluationLimitOnRobertson() {
        OdeSystem rober = TestSystems.robertson();
        assertThatThrownBy(() -> new IntegratorChoice(IntegratorChoice.Mode.EXPLICIT, 1e-6, 1e-10, 1000, 20_000)
                .integrate(rober, 0, rober.initialValues(), 1e4, List.of()))
                .isInstanceOfSatisfying(IntegrationFailureException.class,
                        e -> assertThat(e.kind()).isEqualTo(IntegrationFailureException.Kind.EVALUATION_LIMIT));
    }

    @Test
    void aSmallExplicitBudgetAlsoTriggersTheSwitch() {
        OdeSystem rober = TestSystems.robertson();
        IntegratorChoice.Result r = new IntegratorChoice(IntegratorChoice.Mode.AUTO, 1e-6, 1e-10, 50, 100_000)
                .integrate(rober, 0, rober.initialValues(), 40, List.of());
        assertThat(r.method()).isEqualTo(IntegratorChoice.Method.RODAS4);
        assertThat(r.reason()).contains("budget of 50 evaluations");
    }
}
