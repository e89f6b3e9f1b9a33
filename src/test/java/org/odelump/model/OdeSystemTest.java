package org.odelump.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The system value: what the builder accepts and rejects, evaluation and sizes. */
class OdeSystemTest {

    private static OdeSystem.Builder lotkaVolterra() {
        // dx = 2x - xy, dy = xy - 3y
        Polynomial x = Polynomial.variable(0);
        Polynomial y = Polynomial.variable(1);
        return OdeSystem.builder("lv").variables("x", "y").initialValues(new double[] {1, 2})
                .drifts(List.of(x.scale(2).minus(x.times(y)), x.times(y).minus(y.scale(3))));
    }

    @Test
    void evaluatesItsDriftsAndReportsItsSize() {
        OdeSystem m = lotkaVolterra().build();
        assertThat(m.dimension()).isEqualTo(2);
        assertThat(m.variableNames()).containsExactly("x", "y");
        assertThat(m.indexOf("y")).isEqualTo(1);
        assertThat(m.evaluate(new double[] {1, 2})).containsExactly(0.0, -4.0);
        assertThat(m.termCount()).isEqualTo(4);
        assertThat(m.maxDegree()).isEqualTo(2);
        assertThat(m.isReactionNetwork()).isFalse();
        assertThat(m.initialValue(1)).isEqualTo(2.0);
        assertThat(m).isEqualTo(lotkaVolterra().build());
    }

    @Test
    void initialValuesAreCopiedInAndOut() {
        double[] x0 = {1, 2};
        OdeSystem m = lotkaVolterra().initialValues(x0).build();
        x0[0] = 99;
        assertThat(m.initialValues()).containsExactly(1, 2);
        m.initialValues()[1] = 42;
        assertThat(m.initialValue(1)).isEqualTo(2.0);
    }

    @Test
    void rejectsInconsistentModels() {
        assertThatThrownBy(() -> OdeSystem.builder("m").variables("x", "x")
                .drifts(List.of(Polynomial.ZERO, Polynomial.ZERO)).build()).hasMessageContaining("duplicate variable x");
        assertThatThrownBy(() -> OdeSystem.builder("m").variables("x", "y").drifts(List.of(Polynomial.ZERO))
                .build()).hasMessageContaining("expected 2 drifts, got 1");
        assertThatThrownBy(() -> OdeSystem.builder("m").variables("x").drifts(List.of(Polynomial.variable(3)))
                .build()).hasMessageContaining("polynomial refers to variable 3");
        assertThatThrownBy(() -> lotkaVolterra().initialValues(new double[] {1}).build())
                .hasMessageContaining("expected 2");
    }

    @Test
    void provenanceHashesTheText() {
        Provenance p = Provenance.ofText("m.ode", "ode", "abc");
        assertThat(p.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Provenance.generated("g").sha256()).isNull();
    }
}
