package org.odelump.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.odelump.model.Monomial;
import org.odelump.model.OdeSystem;
import org.odelump.model.Polynomial;

class SimulatorTest {

    private static OdeSystem single(Polynomial drift, double x0) {
        return OdeSystem.builder("one").variables("x").initialValues(new double[] {x0}).drifts(List.of(drift))
                .build();
    }

    @Test
    void exponentialDecayIsAccurate() {
        OdeSystem decay = single(Polynomial.term(-1, Monomial.of(0)), 2.0);
        Trajectory t = new Simulator(decay, Simulator.grid(3, 30), Simulator.Options.DEFAULT).compute();
        assertThat(t.status()).isEqualTo(Trajectory.Status.COMPLETED);
        assertThat(t.completedPoints()).isEqualTo(31);
        for (int k = 0; k <= 30; k++) {
            assertThat(t.value(k, 0)).isCloseTo(2.0 * Math.exp(-0.1 * k), org.assertj.core.data.Offset.offset(1e-8));
        }
        assertThat(t.evaluations()).isPositive();
    }

    @Test
    void blowUpStopsWithTheCompletedPrefix() {
        // x' = x^2, x(0) = 1 has x(t) = 1/(1 - t), which blows up at t = 1
        OdeSystem blow = single(Polynomial.term(1, Monomial.of(0, 2)), 1.0);
        Trajectory t = new Simulator(blow, Simulator.grid(2, 4), Simulator.Options.DEFAULT).compute();
        assertThat(t.status()).isNotEqualTo(Trajectory.Status.COMPLETED);
        assertThat(t.completedPoints()).isBetween(2, 3);
        assertThat(t.value(1, 0)).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-7));
        assertThat(t.message()).isNotEmpty();
    }

    @Test
    void evaluationBudgetIsEnforced() {
        OdeSystem osc = OdeSystem.builder("osc").variables("u", "v").initialValues(new double[] {1, 0})
                .drifts(List.of(Polynomial.variable(1), Polynomial.variable(0).negate())).build();
        Trajectory t = new Simulator(osc, Simulator.grid(1000, 10), new Simulator.Options(1e-12, 1e-12, 500, 1e100))
                .compute();
        assertThat(t.status()).isEqualTo(Trajectory.Status.MAX_EVALUATIONS);
        assertThat(t.completedPoints()).isLessThan(11);
    }

    @Test
    void validatesInputs() {
        OdeSystem decay = single(Polynomial.term(-1, Monomial.of(0)), 2.0);
        assertThatThrownBy(() -> new Simulator(decay, new double[] {0, 1, 1}, Simulator.Options.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Simulator(decay, new double[] {1, 2}, new double[] {0, 1},
                Simulator.Options.DEFAULT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Simulator.Options(0, 1e-6, 10, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Simulator.grid(0, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
