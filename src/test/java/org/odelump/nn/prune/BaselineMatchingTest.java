package org.odelump.nn.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.odelump.nn.Mlp;
import org.odelump.nn.Nets;
import org.odelump.nn.prune.BaselineMatching.Baseline;

class BaselineMatchingTest {

    @Test
    void everyUnstructuredBaselineHitsTheTargetExactly() {
        Mlp n = Nets.random(71, 4, 8, 8, 2);
        double[][] calibration = Nets.inputs(72, 50, 4);
        // the size of a 4-5-5-2 network, as a merge would produce
        long target = 67;
        Map<Baseline, PrunedNetwork> r = new BaselineMatching(n, calibration, target).compute();
        assertThat(r).containsOnlyKeys(Baseline.values());
        for (Baseline b : new Baseline[] {Baseline.GLOBAL_MAGNITUDE, Baseline.LAYER_MAGNITUDE, Baseline.WANDA}) {
            PrunedNetwork p = r.get(b);
            assertThat(p.achievedNonZero()).as(b.name()).isEqualTo(67).isEqualTo(p.network().nonZeroCount());
            assertThat(p.network().widths()).containsExactly(4, 8, 8, 2);
            // 18 biases kept, 112 weights: 49 survive
            assertThat(BaselineMatching.sparsity(p.network(), true)).isCloseTo(63.0 / 112, within(1e-15));
        }
        PrunedNetwork s = r.get(Baseline.STRUCTURED_MAGNITUDE);
        assertThat(s.network().widths()).containsExactly(4, 5, 5, 2);
        assertThat(s.achievedNonZero()).isLessThanOrEqualTo(67);
        assertThat(s.removedFraction()).isCloseTo(1 - (double) s.achievedNonZero() / n.nonZeroCount(),
                within(1e-15));
    }

    @Test
    void aTargetBelowTheBiasCountAlsoPrunesBiases() {
        Mlp n = Nets.random(75, 4, 8, 8, 2);
        double[][] calibration = Nets.inputs(76, 50, 4);
        // 18 biases; a merged 4-1-2-2 network has 5 + 4 + 6 = 15 parameters
        BaselineMatching matching = new BaselineMatching(n, calibration, 15);
        assertThat(matching.scope()).isEqualTo(PruningScope.WEIGHTS_AND_BIASES);
        Map<Baseline, PrunedNetwork> r = matching.compute();
        for (Baseline b : new Baseline[] {Baseline.GLOBAL_MAGNITUDE, Baseline.LAYER_MAGNITUDE, Baseline.WANDA}) {
            assertThat(r.get(b).achievedNonZero()).as(b.name()).isEqualTo(15);
            assertThat(r.get(b).method()).contains("and biases");
        }
        assertThat(r.get(Baseline.STRUCTURED_MAGNITUDE).network().widths()).containsExactly(4, 1, 2, 2);
        assertThat(new BaselineMatching(n, calibration, 67).scope()).isEqualTo(PruningScope.WEIGHTS);
    }

    @Test
    void deterministic() {
        Mlp n = Nets.random(73, 3, 9, 7, 1);
        double[][] calibration = Nets.inputs(74, 40, 3);
        Map<Baseline, PrunedNetwork> a = new BaselineMatching(n, calibration, 50).compute();
        Map<Baseline, PrunedNetwork> b = new BaselineMatching(n, calibration, 50).compute();
        for (Baseline k : Baseline.values()) {
            assertThat(a.get(k).network()).isEqualTo(b.get(k).network());
            assertThat(a.get(k).method()).isEqualTo(b.get(k).method());
        }
    }
}
