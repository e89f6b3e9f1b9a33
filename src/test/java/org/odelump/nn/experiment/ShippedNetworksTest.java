package org.odelump.nn.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.odelump.nn.data.Dataset;
import org.odelump.nn.data.RegressionMetrics;
import org.odelump.nn.data.Standardisation;
import org.odelump.nn.data.SyntheticDataset;
import org.odelump.nn.io.NetworkFile;
import org.odelump.nn.io.NetworkFiles;
import org.odelump.nn.train.MlpTrainer;
import org.odelump.nn.train.TrainingListener;

/**
 * The networks in {@code models/} for the synthetic datasets: the seed-1 64x64 networks of the committed experiment
 * run (see {@code models/README.md}). Each must fit its regenerated dataset, carry the standardisation of the
 * seed-1 training split, and be what the trainer produces again.
 */
class ShippedNetworksTest {

    private static final int SEED = 1;

    static Path file(SyntheticDataset s) {
        return Path.of("models", s.key() + "_64x64.json");
    }

    static Dataset.Split split(SyntheticDataset s) {
        return s.generate(SyntheticDataset.DEFAULT_ROWS, ExperimentDataset.SYNTHETIC_SEED).split(0.8, 0.1, 0.1,
                SEED);
    }

    @ParameterizedTest
    @EnumSource(SyntheticDataset.class)
    void eachShippedNetworkFitsItsRegeneratedTestSplit(SyntheticDataset s) {
        NetworkFile net = NetworkFiles.read(file(s));
        Dataset.Split split = split(s);
        assertThat(net.inputNames()).isEqualTo(split.train().featureNames());
        assertThat(net.outputNames()).isEqualTo(split.train().targetNames());
        Standardisation st = Standardisation.fit(split.train());
        assertThat(net.inputStandardisation()).isEqualTo(st.inputScaling());
        assertThat(net.targetStandardisation()).isEqualTo(st.targetScaling());
        assertThat(net.mlp().widths()).containsExactly(split.train().features(), 64, 64, 1);
        double[][] pred = new double[split.test().rows()][];
        for (int r = 0; r < pred.length; r++) {
            pred[r] = net.predict(split.test().inputRow(r));
        }
        assertThat(RegressionMetrics.of(pred, split.test().targets()).r2()).as(s.key()).isGreaterThan(0.98);
    }

    @Test
    void retrainingWithTheExperimentsSettingsGivesTheShippedNetwork() {
        SyntheticDataset s = SyntheticDataset.POLYMERISATION;
        Dataset.Split split = split(s);
        Standardisation st = Standardisation.fit(split.train());
        ExperimentPlan plan = ExperimentPlan.defaults(List.of(s.key()), null);
        MlpTrainer.Result r = new MlpTrainer(st.apply(split.train()), st.apply(split.validation()),
                plan.training(List.of(64, 64), SEED), TrainingListener.NONE).train();
        NetworkFile shipped = NetworkFiles.read(file(s));
        for (int row = 0; row < 50; row++) {
            double[] x = st.apply(split.test()).inputRow(row);
            assertThat(r.network().apply(x)).containsExactly(shipped.mlp().apply(x), within(1e-9));
        }
    }
}
