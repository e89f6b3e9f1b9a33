package org.odelump.lumping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.odelump.model.LumpedSystem;
import org.odelump.model.LumpedSystem.Method;
import org.odelump.model.OdeSystem;
import org.odelump.model.Partition;

class PrepartitionTest {

    private final OdeSystem sites = ResearchExamplesTest.sites();

    private String text(Partition p) {
        return p.format(sites.variableNames());
    }

    @Test
    void eachKindBuildsItsPartition() {
        assertThat(text(Prepartition.NONE.initialPartition(sites))).isEqualTo("{S, A1, A2, B1, B2}");
        assertThat(text(Prepartition.USER.initialPartition(sites))).isEqualTo("{S}, {A1, A2, B1, B2}");
        assertThat(text(Prepartition.IC.initialPartition(sites))).isEqualTo("{S}, {A1, A2}, {B1, B2}");
        assertThat(text(Prepartition.USER_IC.initialPartition(sites))).isEqualTo("{S}, {A1, A2}, {B1, B2}");
        assertThat(text(Prepartition.OBSERVE.initialPartition(sites, List.of(Set.of("B1", "B2"), Set.of("A1")))))
                .isEqualTo("{S, A2}, {A1}, {B1, B2}");
        assertThat(text(Prepartition.combine(sites, EnumSet.of(Prepartition.USER, Prepartition.OBSERVE),
                List.of(Set.of("B1"))))).isEqualTo("{S}, {A1, A2, B2}, {B1}");
    }

    @Test
    void observablesNameKnownVariables() {
        assertThatThrownBy(() -> Prepartition.OBSERVE.initialPartition(sites, List.of(Set.of("nope"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
        assertThatThrownBy(() -> Prepartition.OBSERVE.initialPartition(sites, List.of(Set.of())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void forwardKeepsAnObservableASumOfReducedVariables() {
        Set<String> bound = Set.of("B1", "B2");
        Partition h0 = Prepartition.OBSERVE.initialPartition(sites, List.of(bound));
        LumpedSystem l = new Reduction(sites, Method.FE, h0, "OBSERVE", Tolerance.DEFAULT).compute();
        // bound = B1 + B2 equals the sum of the reduced variables of the blocks inside {B1, B2}
        double[] x = {0.3, 0.7, 1.1, 1.9, 2.3};
        double[] y = l.lump(x);
        double viaReduced = 0.0;
        for (int b = 0; b < l.partition().size(); b++) {
            int[] members = l.partition().block(b);
            boolean inside = bound.contains(sites.variableNames().get(members[0]));
            for (int v : members) {
                assertThat(bound.contains(sites.variableNames().get(v))).isEqualTo(inside);
            }
            if (inside) {
                viaReduced += y[b];
            }
        }
        assertThat(viaReduced).isEqualTo(x[3] + x[4]);
        assertThat(l.initialDescription()).isEqualTo("OBSERVE");
    }
}
