package org.odelump.lumping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.odelump.model.LumpedSystem.Method;
import org.odelump.model.Monomial;
import org.odelump.model.OdeSystem;
import org.odelump.model.Partition;
import org.odelump.model.Polynomial;

class EpsilonEquivalenceTest {

    private static Partition eps(OdeSystem s, Method m, double e, EpsilonMode mode, Grouping g) {
        return new EpsilonEquivalence(s, m, Partition.single(s.dimension()), e, mode, g, Tolerance.DEFAULT).compute()
                .partition();
    }

    /** d(x_i) = -r_i x_i. */
    private static OdeSystem decay(double... rates) {
        List<Polynomial> drifts = new ArrayList<>();
        String[] names = new String[rates.length];
        for (int i = 0; i < rates.length; i++) {
            drifts.add(Polynomial.term(-rates[i], Monomial.of(i)));
            names[i] = "x" + i;
        }
        return OdeSystem.builder("decay").variables(names).initialValues(new double[rates.length]).drifts(drifts)
                .build();
    }

    @Test
    void plantedBlocksRecoveredAboveTheNoiseOnly() {
        for (Method method : Method.values()) {
            for (Grouping g : Grouping.values()) {
                OdeSystem s = PlantedFamily.model(3, 4, 1e-3, 7L);
                assertThat(eps(s, method, 0.05, EpsilonMode.ABS, g)).as(method + " " + g)
                        .isEqualTo(PlantedFamily.planted(3, 4));
                assertThat(eps(s, method, 0.05, EpsilonMode.REL, g)).as(method + " rel " + g)
                        .isEqualTo(PlantedFamily.planted(3, 4));
                // below the noise nothing may merge
                assertThat(eps(s, method, 1e-7, EpsilonMode.ABS, g).size()).as(method + " " + g).isEqualTo(12);
                // without noise the exact algorithms find the planted blocks
                OdeSystem clean = PlantedFamily.model(3, 4, 0.0, 7L);
                assertThat(eps(clean, method, 0.0, EpsilonMode.ABS, g)).isEqualTo(PlantedFamily.planted(3, 4));
            }
        }
    }

    @Test
    void componentsChainButDiameterBoundsEachBlock() {
        OdeSystem s = decay(1.0, 1.1, 1.2, 3.0);
        // BE vectors are the single coefficients: neighbours differ by 0.1, the ends by 0.2
        assertThat(eps(s, Method.BE, 0.15, EpsilonMode.ABS, Grouping.COMPONENTS).toString())
                .isEqualTo("[[0, 1, 2], [3]]");
        Partition d = eps(s, Method.BE, 0.15, EpsilonMode.ABS, Grouping.DIAMETER);
        assertThat(d.size()).isEqualTo(3);
        // a pair of neighbours (within 0.15) shares a block, never the ends (0.2 apart)
        assertThat(d.blockOf(0) == d.blockOf(1) || d.blockOf(1) == d.blockOf(2)).isTrue();
        assertThat(d.blockOf(0)).isNotEqualTo(d.blockOf(2));
        // relative mode: 0.1 / 1.1 = 9.1 % and 0.1 / 1.2 = 8.3 % of the larger norm
        assertThat(eps(s, Method.BE, 0.08, EpsilonMode.REL, Grouping.COMPONENTS).size()).isEqualTo(4);
        assertThat(eps(s, Method.BE, 0.095, EpsilonMode.REL, Grouping.COMPONENTS).toString())
                .isEqualTo("[[0, 1, 2], [3]]");
    }

    @Test
    void largeBlocksArePrunedNotComparedPairwise() {
        int n = 20_000;
        double[] rates = new double[n];
        for (int i = 0; i < n; i++) {
            rates[i] = 1.0 + 1e-3 * ((i * 7919L) % n);
        }
        OdeSystem s = decay(rates);
        EpsilonEquivalence.Result chain = new EpsilonEquivalence(s, Method.BE, Partition.single(n), 1.5e-3,
                EpsilonMode.ABS, Grouping.COMPONENTS, Tolerance.DEFAULT).compute();
        assertThat(chain.partition().size()).isEqualTo(1);
        assertThat(chain.distances()).isLessThan(10L * n);
        EpsilonEquivalence.Result apart = new EpsilonEquivalence(s, Method.BE, Partition.single(n), 5e-4,
                EpsilonMode.ABS, Grouping.DIAMETER, Tolerance.DEFAULT).compute();
        assertThat(apart.partition().size()).isEqualTo(n);
        assertThat(apart.distances()).isLessThan(10L * n);
        // rates span [1, 21): with ε = 50 every b is within d(b, first) + radius ≤ 40 of every member, so the
        // diameter rule accepts it after one distance (triangle inequality) instead of comparing all members
        EpsilonEquivalence.Result tight = new EpsilonEquivalence(s, Method.BE, Partition.single(n), 50,
                EpsilonMode.ABS, Grouping.DIAMETER, Tolerance.DEFAULT).compute();
        assertThat(tight.partition().size()).isEqualTo(1);
        assertThat(tight.distances()).isLessThan(10L * n);
        // all rates equal: identical vectors collapse without any distance computation
        EpsilonEquivalence.Result same = new EpsilonEquivalence(decay(new double[n]), Method.FE, Partition.single(n),
                0.1, EpsilonMode.ABS, Grouping.DIAMETER, Tolerance.DEFAULT).compute();
        assertThat(same.partition().size()).isEqualTo(1);
    }

    @Test
    void rejectsBadArguments() {
        OdeSystem s = decay(1, 2);
        assertThatThrownBy(() -> new EpsilonEquivalence(s, Method.FE, Partition.single(2), -1, EpsilonMode.ABS,
                Grouping.COMPONENTS, Tolerance.DEFAULT)).hasMessageContaining("epsilon must be finite and >= 0");
        assertThatThrownBy(() -> new EpsilonEquivalence(s, Method.FE, Partition.single(3), 0, EpsilonMode.ABS,
                Grouping.COMPONENTS, Tolerance.DEFAULT)).hasMessageContaining("initial partition has 3 variables");
    }
}
