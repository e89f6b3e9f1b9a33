package org.odelump.nn.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.odelump.nn.Nets.layer;
import static org.odelump.nn.Nets.mlp;

import org.junit.jupiter.api.Test;
import org.odelump.nn.Activation;
import org.odelump.nn.Mlp;
import org.odelump.nn.Nets;

class WandaPruningTest {

    @Test
    void inputNormsReverseTheMagnitudeOrder() {
        Mlp n = mlp(layer(new double[][] {{1, 3}, {2, 0.5}}, new double[] {0.1, 0.1}, Activation.IDENTITY));
        // column norms ‖X_0‖ = 10, ‖X_1‖ = 1: scores row 0 = (10, 3), row 1 = (20, 0.5)
        double[][] calibration = {{6, 0}, {8, 1}};
        PrunedNetwork wanda = new WandaPruning(n, calibration, 4).compute();
        assertThat(wanda.network().layer(0).weights()).isDeepEqualTo(new double[][] {{1, 0}, {2, 0}});
        assertThat(wanda.achievedNonZero()).isEqualTo(4);
        // magnitude alone removes the two smallest |W|: 1 and 0.5
        PrunedNetwork magnitude = new GlobalMagnitudePruning(n, 4).compute();
        assertThat(magnitude.network().layer(0).weights()).isDeepEqualTo(new double[][] {{0, 3}, {2, 0}});
    }

    @Test
    void removalsAreSpreadOverOutputRows() {
        // one row has all the small weights; Wanda still removes one per row
        Mlp n = mlp(layer(new double[][] {{0.1, 0.2}, {5, 6}}, new double[] {1, 1}, Activation.IDENTITY));
        PrunedNetwork wanda = new WandaPruning(n, new double[][] {{1, 1}}, 4).compute();
        assertThat(wanda.network().layer(0).weights()).isDeepEqualTo(new double[][] {{0, 0.2}, {0, 6}});
    }

    @Test
    void laterLayersAreScoredOnThePrunedPrefix() {
        // layer 0 (1 -> 2, identity): rows (2) and (0.4), biases 0 and 1; layer 1: (1, 1.2)
        Mlp n = mlp(layer(new double[][] {{2}, {0.4}}, new double[] {0, 1}, Activation.IDENTITY),
                layer(new double[][] {{1, 1.2}}, new double[] {0}, Activation.IDENTITY));
        double[][] calibration = {{1}};
        // 5 non-zeros, target 3: one removal per layer; in layer 0 the first row (lower index) loses its weight.
        // Pruned prefix: h = (0, 1.4), scores (0, 1.68) -> remove W1[0][0]. The dense prefix h = (2, 1.4) would
        // give scores (2, 1.68) and remove W1[0][1] instead.
        PrunedNetwork wanda = new WandaPruning(n, calibration, 3).compute();
        assertThat(wanda.network().layer(0).weights()).isDeepEqualTo(new double[][] {{0}, {0.4}});
        assertThat(wanda.network().layer(1).weights()).isDeepEqualTo(new double[][] {{0, 1.2}});
        assertThat(wanda.achievedNonZero()).isEqualTo(3);
    }

    @Test
    void aCandidateBiasIsScoredAsTheWeightOfAConstantInput() {
        Mlp n = mlp(layer(new double[][] {{1, 3}}, new double[] {2}, Activation.IDENTITY));
        // ‖X_0‖ = 2, ‖X_1‖ = 0, bias input norm √4 = 2: scores 2, 0, 4 -> the bias survives
        double[][] calibration = {{1, 0}, {1, 0}, {1, 0}, {1, 0}};
        PrunedNetwork p = new WandaPruning(n, calibration, 1, PruningScope.WEIGHTS_AND_BIASES).compute();
        assertThat(p.network().layer(0).weights()).isDeepEqualTo(new double[][] {{0, 0}});
        assertThat(p.network().layer(0).bias()).containsExactly(2);
    }

    @Test
    void outputLayerCanBeKept() {
        Mlp n = Nets.random(11, 4, 6, 2);
        double[][] x = Nets.inputs(12, 40, 4);
        PrunedNetwork p = new WandaPruning(n, x, n.nonZeroCount() - 10, PruningScope.HIDDEN_WEIGHTS).compute();
        assertThat(p.network().layer(1)).isEqualTo(n.layer(1));
        assertThat(p.achievedNonZero()).isEqualTo(n.nonZeroCount() - 10);
    }

    @Test
    void deterministic() {
        Mlp n = Nets.random(5, 6, 10, 8, 3);
        double[][] x = Nets.inputs(6, 64, 6);
        long target = n.nonZeroCount() * 2 / 5;
        PrunedNetwork a = new WandaPruning(n, x, target).compute();
        assertThat(a.network()).isEqualTo(new WandaPruning(n, x, target).compute().network());
        assertThat(a.achievedNonZero()).isEqualTo(target);
    }
}
