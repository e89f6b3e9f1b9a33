package org.odelump.nn.compress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.odelump.lumping.Tolerance;
import org.odelump.model.Partition;
import org.odelump.nn.Activation;
import org.odelump.nn.DenseLayer;
import org.odelump.nn.Mlp;

/** The neuron origin map of {@link NeuronMerge.Result}: which original neuron each compressed neuron stands for. */
class NeuronMergeOriginTest {

    private static Mlp planted() {
        // neuron 0 dead (zero row), neuron 3 duplicates neuron 1, neuron 4 is neuron 2's sign twin
        double[][] w0 = {{0, 0}, {0.3, 0.9}, {-0.5, 0.4}, {0.3, 0.9}, {0.5, -0.4}, {1.5, 0.2}};
        double[] b0 = {0.2, -0.2, 0.05, -0.2, -0.05, 0.7};
        double[][] w1 = {{1.1, -0.6, 0.8, 0.45, 0.3, -0.9}};
        return new Mlp(List.of(new DenseLayer(w0, b0, Activation.TANH),
                new DenseLayer(w1, new double[] {0.3}, Activation.IDENTITY)));
    }

    @Test
    void exactReductionsKeepTheOriginOfTheSurvivors() {
        Mlp net = planted();
        NeuronMerge.Result r = new NeuronMerge(net, Arrays.asList((Partition) null), true, Tolerance.DEFAULT)
                .compute();
        assertThat(r.neuronOrigin().get(0)).containsExactly(1, 2, 5);
        assertThat(r.neuronOrigin().get(1)).containsExactly(0);
        for (int c = 0; c < 3; c++) {
            int o = r.neuronOrigin().get(0)[c];
            assertThat(r.network().layer(0).weights()[c]).containsExactly(net.layer(0).weights()[o]);
        }
    }

    @Test
    void aMergedBlockStandsForItsFirstMember() {
        Mlp net = planted();
        Partition p = Partition.fromLabels(new int[] {0, 1, 2, 1, 3, 2});
        NeuronMerge.Result r = new NeuronMerge(net, List.of(p), false, Tolerance.DEFAULT).compute();
        int[] origin = r.neuronOrigin().get(0);
        assertThat(origin).hasSize(4);
        for (int c = 0; c < p.size(); c++) {
            assertThat(origin[c]).isEqualTo(p.block(c)[0]);
        }
        assertThat(LumpingCompressorOrigin.refitAccepts(net, r)).isTrue();
    }

    /** The origin map is accepted by the refit (right shape, valid indices). */
    private static final class LumpingCompressorOrigin {
        static boolean refitAccepts(Mlp net, NeuronMerge.Result r) {
            double[][] x = {{0.1, 0.2}, {-1, 0.5}, {0.7, -0.3}, {1.2, 1.1}, {-0.4, -0.9}};
            Mlp refit = Compensation.REFIT.apply(net, r.network(), r.neuronOrigin(), x);
            return refit.nonZeroCount() <= r.network().nonZeroCount();
        }
    }
}
