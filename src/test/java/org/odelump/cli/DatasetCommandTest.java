package org.odelump.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odelump.nn.data.CsvDatasets;
import org.odelump.nn.data.Dataset;
import org.odelump.nn.data.SyntheticDataset;
import org.odelump.nn.experiment.ExperimentDataset;

class DatasetCommandTest {

    @Test
    void aSyntheticDatasetIsWrittenAsTheExperimentGeneratesIt(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("rn.csv");
        CliRun r = CliRun.of("dataset", "rn", "--rows", "40", "-o", csv.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("40 rows, 12 features", "synthetic, seed " + ExperimentDataset.SYNTHETIC_SEED);
        Dataset expected = SyntheticDataset.REACTION_NETWORK.generate(40, ExperimentDataset.SYNTHETIC_SEED);
        Dataset read = CsvDatasets.read(csv, expected.targetNames());
        assertThat(read.featureNames()).isEqualTo(expected.featureNames());
        for (int row = 0; row < 40; row++) {
            assertThat(read.inputRow(row)).containsExactly(expected.inputRow(row));
            assertThat(read.targetRow(row)).containsExactly(expected.targetRow(row));
        }
        CliRun other = CliRun.of("dataset", "rn", "--rows", "40", "--seed", "3", "-o",
                dir.resolve("rn3.csv").toString());
        assertThat(other.code()).isZero();
        assertThat(Files.readString(dir.resolve("rn3.csv"))).isNotEqualTo(Files.readString(csv));
    }

    @Test
    void unknownNamesAndMissingDataAreUsageErrors(@TempDir Path dir) {
        CliRun unknown = CliRun.of("dataset", "iris", "-o", dir.resolve("x.csv").toString());
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown dataset 'iris'", "glycolytic");
        CliRun noDir = CliRun.of("dataset", "abalone", "-o", dir.resolve("x.csv").toString());
        assertThat(noDir.code()).isEqualTo(2);
        assertThat(noDir.err()).contains("--data-dir");
        CliRun missing = CliRun.of("dataset", "abalone", "--data-dir", dir.toString(), "-o",
                dir.resolve("x.csv").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("abalone.data", "UCI");
        assertThat(dir.resolve("x.csv")).doesNotExist();
        assertThat(List.of(unknown, noDir, missing)).allMatch(c -> c.out().isEmpty());
    }
}
