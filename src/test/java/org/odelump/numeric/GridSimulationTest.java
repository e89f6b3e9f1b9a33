package org.odelump.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.odelump.model.Monomial;
import org.odelump.model.OdeSystem;
import org.odelump.model.Polynomial;

class GridSimulationTest {

    @Test
    void robertsonToLongTimesSwitchesToTheStiffMethodAndMatchesTheReference() {
        // Mazzia and Magherini's IVP test set (ROBER, t = 1e11), as in RosenbrockIntegratorTest.
        double[] reference = {0.2083340149701255e-7, 0.8333360770334713e-13, 0.9999999791665050};
        GridSimulation.Result r = new GridSimulation(TestSystems.robertson(), null, new double[] {0, 40, 1e11},
                new IntegratorChoice(IntegratorChoice.Mode.AUTO, 1e-8, 1e-22)).compute();
        assertThat(r.trajectory().status()).isEqualTo(Trajectory.Status.COMPLETED);
        assertThat(r.method()).isEqualTo(IntegratorChoice.Method.RODAS4);
        assertThat(r.reason()).startsWith("auto:");
        double[] end = r.trajectory().state(2);
        for (int i = 0; i < 3; i++) {
            assertThat(end[i]).isCloseTo(reference[i], within(1e-6 * reference[i]));
        }
        assertThat(r.trajectory().state(1)[0]).isCloseTo(0.7158270687193941, within(1e-6));
    }

    @Test
    void nonStiffModelsStayExplicitAndAgreeWithTheSimulator() {
        OdeSystem lv = TestSystems.lotkaVolterra();
        double[] grid = Simulator.grid(10, 20);
        GridSimulation.Result r = new GridSimulation(lv, null, grid,
                new IntegratorChoice(IntegratorChoice.Mode.AUTO, 1e-10, 1e-12)).compute();
        assertThat(r.method()).isEqualTo(IntegratorChoice.Method.DORMAND_PRINCE_853);
        Trajectory reference = new Simulator(lv, grid, Simulator.Options.DEFAULT).compute();
        for (int k = 0; k < grid.length; k++) {
            for (int i = 0; i < lv.dimension(); i++) {
                assertThat(r.trajectory().value(k, i)).isCloseTo(reference.value(k, i), within(1e-7));
            }
        }
    }

    @Test
    void aGenuineBlowUpEndsWithAStatusInsteadOfAHang() {
        // x' = x^2, x(0) = 1 has the solution 1/(1 - t), which leaves every bound before t = 1.
        OdeSystem m = OdeSystem.builder("blowup").variables("x").initialValues(new double[] {1})
                .drifts(List.of(Polynomial.term(1, Monomial.of(0, 2)))).build();
        GridSimulation.Result r = new GridSimulation(m, null, Simulator.grid(2, 10),
                new IntegratorChoice(IntegratorChoice.Mode.AUTO, 1e-6, 1e-9)).compute();
        assertThat(r.trajectory().status()).isNotEqualTo(Trajectory.Status.COMPLETED);
        assertThat(r.trajectory().completedPoints()).isBetween(1, 6);
        assertThat(r.trajectory().message()).isNotBlank();
    }
}
