package org.odelump.nn.compress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.odelump.nn.Nets.layer;
import static org.odelump.nn.Nets.mlp;

import org.junit.jupiter.api.Test;
import org.odelump.nn.Activation;
import org.odelump.nn.Mlp;
import org.odelump.nn.Nets;

class DynamicsLumpingTest {

    /** 2-5-1 with neuron 3 a duplicate of neuron 0 and neuron 4 the sign twin of neuron 1. */
    private static Mlp twins(Activation hidden) {
        double[][] w = {{0.8, -0.4}, {0.3, 1.1}, {-0.6, 0.5}, {0.8, -0.4}, {-0.3, -1.1}};
        double[] b = {0.1, -0.2, 0.3, 0.1, 0.2};
        return mlp(layer(w, b, hidden), layer(new double[][] {{1.0, 0.5, -0.7, 0.4, 0.9}}, new double[] {0.05},
                Activation.IDENTITY));
    }

    @Test
    void epsilonZeroMergesDuplicatesAndSignTwinsExactly() {
        Mlp net = twins(Activation.TANH);
        DynamicsLumping.Result r = new DynamicsLumping(net, Nets.inputs(1, 50, 2), 0).compute();
        assertThat(r.network().widths()).containsExactly(2, 3, 1);
        assertThat(r.neuronOrigin().get(0)).containsExactly(0, 1, 2);
        assertThat(r.groups().get(0)[0]).containsExactly(0, 3);
        assertThat(r.groups().get(0)[1]).containsExactly(1, 4);
        // outgoing weights: 1.0 + 0.4 onto neuron 0, 0.5 − 0.9 onto neuron 1 (coefficient −1)
        assertThat(r.network().layer(1).weight(0, 0)).isCloseTo(1.4, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(r.network().layer(1).weight(0, 1)).isCloseTo(-0.4,
                org.assertj.core.api.Assertions.within(1e-12));
        assertThat(Nets.maxDeviation(net, r.network(), Nets.inputs(2, 100, 2))).isLessThan(1e-12);
    }

    @Test
    void signTwinsStayApartForALogisticLayer() {
        Mlp net = twins(Activation.LOGISTIC);
        DynamicsLumping.Result r = new DynamicsLumping(net, Nets.inputs(1, 50, 2), 0).compute();
        assertThat(r.network().widths()).containsExactly(2, 4, 1);
        assertThat(Nets.maxDeviation(net, r.network(), Nets.inputs(2, 100, 2))).isLessThan(1e-12);
    }

    @Test
    void sizeFallsWithEpsilonAndTheBudgetIsMet() {
        Mlp net = Nets.random(7, 3, 12, 10, 1);
        double[][] cal = Nets.inputs(8, 100, 3);
        long previous = Long.MAX_VALUE;
        for (double eps : new double[] {0, 0.05, 0.2, 0.5, 1, 2.0000001}) {
            long size = new DynamicsLumping(net, cal, eps).compute().network().parameterCount();
            assertThat(size).isLessThanOrEqualTo(previous);
            previous = size;
        }
        assertThat(new DynamicsLumping(net, cal, 2.0000001).compute().network().widths())
                .containsExactly(3, 1, 1, 1);
        long budget = net.parameterCount() / 2;
        assertThat(DynamicsLumping.atMost(net, cal, budget).network().parameterCount())
                .isLessThanOrEqualTo(budget);
        assertThatThrownBy(() -> new DynamicsLumping(net, cal, Double.NaN)).hasMessageContaining("epsilon");
    }
}
