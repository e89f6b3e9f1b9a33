package org.odelump.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentCommandTest {

    @Test
    void helpTeachesTheDatasetsWhereToGetThemAndTheOutputs() {
        CliRun r = CliRun.of("experiment", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("glycolytic, electrical, polymerisation, rn", "abalone, protein, metro, hepc",
                "https://archive.ics.uci.edu", "--data-dir", "--seeds", "Resumable", "summary.md", "Examples:");
    }

    @Test
    void badArgumentsAreUsageErrorsThatSayWhatToDo(@TempDir Path out) {
        CliRun unknown = CliRun.of("experiment", "--datasets", "mnist", "-o", out.toString());
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown dataset 'mnist'", "glycolytic", "hepc");

        CliRun noDir = CliRun.of("experiment", "--datasets", "abalone", "-o", out.toString());
        assertThat(noDir.code()).isEqualTo(2);
        assertThat(noDir.err()).contains("--data-dir", "UCI");

        CliRun missing = CliRun.of("experiment", "--datasets", "metro", "--data-dir", out.toString(), "-o",
                out.toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("Metro_Interstate_Traffic_Volume.csv");

        CliRun arch = CliRun.of("experiment", "--architectures", "64by64", "-o", out.toString());
        assertThat(arch.code()).isEqualTo(2);
        assertThat(arch.err()).contains("--architectures", "64x64");

        CliRun level = CliRun.of("experiment", "--levels", "1.5", "-o", out.toString());
        assertThat(level.code()).isEqualTo(2);
        assertThat(level.err()).contains("(0, 1)");
        assertThat(out).isEmptyDirectory();
    }

    @Test
    void aSmallExperimentWritesSummaryPlotRawRowsAndReportsProgress(@TempDir Path out) throws Exception {
        CliRun r = CliRun.of("experiment", "--datasets", "rn", "--seeds", "1", "--architectures", "5x4",
                "--epochs", "4", "--rows", "150", "--levels", "0.5", "--curve-levels", "0.3", "--calibration", "40",
                "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("experiment: 1 runs", "[1/1] rn 5x4 seed 1 done");
        assertThat(r.out()).contains("1 runs (0 reused, 1 networks trained)");
        assertThat(out.resolve("summary.md")).content().contains("## rn", "| afde | none |", "50 % removed");
        assertThat(out.resolve("rn.png")).exists();
        assertThat(out.resolve("raw.csv")).content().startsWith("dataset,architecture,seed,kind,level,method");
        assertThat(out.resolve("runs/rn/5x4/seed-1/network.json")).exists();

        CliRun again = CliRun.of("experiment", "--datasets", "rn", "--seeds", "1", "--architectures", "5x4",
                "--epochs", "4", "--rows", "150", "--levels", "0.5", "--curve-levels", "0.3", "--calibration", "40",
                "-o", out.toString());
        assertThat(again.err()).contains("[1/1] rn 5x4 seed 1 (reused)");
        assertThat(Files.readString(out.resolve("raw.csv"))).isNotEmpty();
    }
}
