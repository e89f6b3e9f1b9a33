package org.odelump.nn.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.odelump.nn.Nets.layer;
import static org.odelump.nn.Nets.mlp;

import org.junit.jupiter.api.Test;
import org.odelump.nn.Activation;
import org.odelump.nn.Mlp;
import org.odelump.nn.Nets;

class StructuredMagnitudePruningTest {

    /** 2-3-1 tanh: neuron 1 is dead (zero incoming row, bias 0.3). */
    private static Mlp withDeadNeuron() {
        return mlp(layer(new double[][] {{1, -2}, {0, 0}, {0.5, 0.5}}, new double[] {0.1, 0.3, -0.2},
                Activation.TANH), layer(new double[][] {{1.5, 4, -1}}, new double[] {0.25}, Activation.IDENTITY));
    }

    @Test
    void scoreIsIncomingNormTimesOutgoingNorm() {
        double[] s = new StructuredMagnitudePruning(withDeadNeuron(), new int[] {3}).scores(0);
        assertThat(s[0]).isCloseTo(Math.sqrt(5) * 1.5, within(1e-15));
        assertThat(s[1]).isZero();
        assertThat(s[2]).isCloseTo(Math.sqrt(0.5) * 1, within(1e-15));
    }

    @Test
    void removingADeadNeuronFoldsItIntoTheNextBiasAndKeepsTheOutput() {
        Mlp n = withDeadNeuron();
        PrunedNetwork p = new StructuredMagnitudePruning(n, new int[] {2}).compute();
        assertThat(p.network().widths()).containsExactly(2, 2, 1);
        assertThat(p.neuronOrigin(0)).containsExactly(0, 2);
        assertThat(p.network().layer(1).weights()).isDeepEqualTo(new double[][] {{1.5, -1}});
        assertThat(p.network().layer(1).bias(0)).isCloseTo(0.25 + 4 * Math.tanh(0.3), within(1e-15));
        assertThat(Nets.maxDeviation(n, p.network(), Nets.inputs(1, 50, 2))).isLessThan(1e-12);
        assertThat(p.achievedNonZero()).isEqualTo(9);
    }

    @Test
    void removesTheLowestProductNotTheLowestIncomingNorm() {
        // neuron 0 has the smallest incoming row but a large outgoing weight; neuron 2 has the lowest product
        Mlp n = mlp(layer(new double[][] {{0.1, 0}, {1, 1}, {0.5, 0}}, new double[] {0, 0, 0}, Activation.TANH),
                layer(new double[][] {{10, 1, 0.1}}, new double[] {0}, Activation.IDENTITY));
        PrunedNetwork p = new StructuredMagnitudePruning(n, new int[] {2}).compute();
        assertThat(p.neuronOrigin(0)).containsExactly(0, 1);
        assertThat(p.network().layer(0).weights()).isDeepEqualTo(new double[][] {{0.1, 0}, {1, 1}});
    }

    @Test
    void foldedConstantsChainThroughTwoHiddenLayers() {
        // layer 0 neuron 1 is dead; layer 1 neuron 1 only listens to it, so it is constant too
        Mlp n = mlp(layer(new double[][] {{1, 1}, {0, 0}}, new double[] {0, 0.7}, Activation.TANH),
                layer(new double[][] {{2, 0.01}, {0, 0.02}}, new double[] {0.1, -0.4}, Activation.LOGISTIC),
                layer(new double[][] {{1, 0.03}}, new double[] {0.5}, Activation.IDENTITY));
        PrunedNetwork p = new StructuredMagnitudePruning(n, new int[] {1, 1}).compute();
        assertThat(p.neuronOrigin(0)).containsExactly(0);
        assertThat(p.neuronOrigin(1)).containsExactly(0);
        assertThat(Nets.maxDeviation(n, p.network(), Nets.inputs(2, 50, 2))).isLessThan(1e-12);
    }

    @Test
    void targetCountChoosesTheLargestSplitNotAboveIt() {
        Mlp n = Nets.random(7, 4, 8, 8, 2);
        // 4-5-5-2 has 5·5 + 6·5 + 6·2 = 67 parameters; 3 removals per layer
        assertThat(StructuredMagnitudePruning.widthsFor(n, 67)).containsExactly(5, 5);
        assertThat(StructuredMagnitudePruning.widthsFor(n, 70)).containsExactly(5, 5);
        PrunedNetwork p = new StructuredMagnitudePruning(n, 70).compute();
        assertThat(p.network().widths()).containsExactly(4, 5, 5, 2);
        assertThat(p.achievedNonZero()).isLessThanOrEqualTo(70).isEqualTo(p.network().nonZeroCount());
        assertThat(p.targetNonZero()).isEqualTo(70);
        assertThatThrownBy(() -> new StructuredMagnitudePruning(n, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deterministic() {
        Mlp n = Nets.random(9, 5, 12, 9, 1);
        long target = n.parameterCount() / 3;
        assertThat(new StructuredMagnitudePruning(n, target).compute().network())
                .isEqualTo(new StructuredMagnitudePruning(n, target).compute().network());
    }
}
