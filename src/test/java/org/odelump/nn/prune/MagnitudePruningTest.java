package org.odelump.nn.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.odelump.nn.Nets.layer;
import static org.odelump.nn.Nets.mlp;

import org.junit.jupiter.api.Test;
import org.odelump.nn.Activation;
import org.odelump.nn.Mlp;
import org.odelump.nn.Nets;

class MagnitudePruningTest {

    /** 2-2-1; layer 0 has a zero bias, so the net has 4 + 1 + 2 + 1 = 8 non-zeros. */
    private static Mlp net(double[][] outWeights) {
        return mlp(layer(new double[][] {{0.5, -3}, {2, -0.1}}, new double[] {1, 0}, Activation.TANH),
                layer(outWeights, new double[] {0.2}, Activation.IDENTITY));
    }

    @Test
    void globalRemovesTheSmallestMagnitudesOverAllLayers() {
        Mlp n = net(new double[][] {{0.7, -1.5}});
        assertThat(n.nonZeroCount()).isEqualTo(8);
        PrunedNetwork p = new GlobalMagnitudePruning(n, 5).compute();
        assertThat(p.network().layer(0).weights()).isDeepEqualTo(new double[][] {{0, -3}, {2, 0}});
        assertThat(p.network().layer(1).weights()).isDeepEqualTo(new double[][] {{0, -1.5}});
        assertThat(p.network().layer(0).bias()).containsExactly(1, 0);
        assertThat(p.achievedNonZero()).isEqualTo(5).isEqualTo(p.network().nonZeroCount());
        assertThat(p.originalNonZero()).isEqualTo(8);
        assertThat(p.method()).contains("global").contains("biases kept").contains("all weight matrices");
    }

    @Test
    void globalWithoutTheOutputLayerPrunesOnlyHiddenWeights() {
        PrunedNetwork p = new GlobalMagnitudePruning(net(new double[][] {{0.7, -1.5}}), 5, PruningScope.HIDDEN_WEIGHTS).compute();
        assertThat(p.network().layer(0).weights()).isDeepEqualTo(new double[][] {{0, -3}, {0, 0}});
        assertThat(p.network().layer(1).weights()).isDeepEqualTo(new double[][] {{0.7, -1.5}});
        assertThat(p.method()).contains("except the output layer");
    }

    @Test
    void biasesArePrunedOnlyWhenTheScopeSaysSo() {
        PrunedNetwork p = new GlobalMagnitudePruning(net(new double[][] {{0.7, -1.5}}), 4,
                PruningScope.WEIGHTS_AND_BIASES).compute();
        // the four smallest of {0.5, 3, 2, 0.1, 1 (bias), 0.7, 1.5, 0.2 (bias)}
        assertThat(p.network().layer(0).weights()).isDeepEqualTo(new double[][] {{0, -3}, {2, 0}});
        assertThat(p.network().layer(0).bias()).containsExactly(1, 0);
        assertThat(p.network().layer(1).weights()).isDeepEqualTo(new double[][] {{0, -1.5}});
        assertThat(p.network().layer(1).bias()).containsExactly(0);
        assertThat(p.method()).contains("and biases");
        assertThat(p.achievedNonZero()).isEqualTo(4);
    }

    @Test
    void globalBreaksTiesByLayerRowColumn() {
        Mlp n = mlp(layer(new double[][] {{1, -1}, {1, 2}}, new double[] {1, 1}, Activation.TANH),
                layer(new double[][] {{-1, 3}}, new double[] {1}, Activation.IDENTITY));
        PrunedNetwork p = new GlobalMagnitudePruning(n, n.nonZeroCount() - 3).compute();
        assertThat(p.network().layer(0).weights()).isDeepEqualTo(new double[][] {{0, 0}, {0, 2}});
        assertThat(p.network().layer(1).weights()).isDeepEqualTo(new double[][] {{-1, 3}});
    }

    @Test
    void perLayerUsesUniformSparsityWhereGlobalWouldEmptyOneLayer() {
        Mlp n = net(new double[][] {{4, 5}});
        PrunedNetwork global = new GlobalMagnitudePruning(n, 5).compute();
        assertThat(global.network().layer(1).weights()).isDeepEqualTo(new double[][] {{4, 5}});
        // 3 removals split 2 (of 4 weights) + 1 (of 2 weights)
        PrunedNetwork perLayer = new LayerMagnitudePruning(n, 5).compute();
        assertThat(perLayer.network().layer(0).weights()).isDeepEqualTo(new double[][] {{0, -3}, {2, 0}});
        assertThat(perLayer.network().layer(1).weights()).isDeepEqualTo(new double[][] {{0, 5}});
        assertThat(perLayer.achievedNonZero()).isEqualTo(5);
    }

    @Test
    void unreachableTargetsAreRejected() {
        Mlp n = net(new double[][] {{0.7, -1.5}});
        // biases (2 non-zero) stay, so at least 2 non-zeros remain; no target above the current count
        assertThatThrownBy(() -> new GlobalMagnitudePruning(n, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[2, 8]");
        assertThatThrownBy(() -> new LayerMagnitudePruning(n, 9)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new GlobalMagnitudePruning(n, 2).compute().network().layer(1).weights())
                .isDeepEqualTo(new double[][] {{0, 0}});
        assertThat(new GlobalMagnitudePruning(n, 8).compute().network()).isEqualTo(n);
    }

    @Test
    void alreadyZeroWeightsAreNotCountedTwice() {
        Mlp n = net(new double[][] {{0, -1.5}});
        assertThat(n.nonZeroCount()).isEqualTo(7);
        PrunedNetwork p = new LayerMagnitudePruning(n, 6).compute();
        assertThat(p.achievedNonZero()).isEqualTo(6);
        assertThat(p.network().layer(0).weights()).isDeepEqualTo(new double[][] {{0.5, -3}, {2, 0}});
    }

    @Test
    void deterministic() {
        Mlp n = Nets.random(3, 5, 7, 6, 2);
        long target = n.nonZeroCount() / 2;
        assertThat(new GlobalMagnitudePruning(n, target).compute().network())
                .isEqualTo(new GlobalMagnitudePruning(n, target).compute().network());
        assertThat(new LayerMagnitudePruning(n, target).compute().network())
                .isEqualTo(new LayerMagnitudePruning(n, target).compute().network());
    }
}
