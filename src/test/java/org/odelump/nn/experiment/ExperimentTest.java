package org.odelump.nn.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odelump.nn.data.Dataset;
import org.odelump.nn.data.RegressionMetrics;
import org.odelump.nn.data.Standardisation;
import org.odelump.nn.data.UciDataset;
import org.odelump.nn.io.NetworkFile;
import org.odelump.nn.io.NetworkFiles;

/**
 * The experiment runner on a small Abalone-layout file the test writes: every method at every level, baselines at
 * AFDE's count, reports, determinism and resumption.
 */
class ExperimentTest {

    @TempDir
    static Path data;

    @BeforeAll
    static void writeData() throws IOException {
        Random rnd = new Random(5);
        StringBuilder sb = new StringBuilder();
        String[] sex = {"M", "F", "I"};
        for (int r = 0; r < 300; r++) {
            double len = 0.2 + 0.5 * rnd.nextDouble();
            double[] m = new double[7];
            m[0] = len;
            for (int i = 1; i < 7; i++) {
                m[i] = len * (0.5 + 0.5 * rnd.nextDouble());
            }
            int rings = 3 + (int) Math.round(20 * len * len + 3 * Math.sin(6 * m[3]) + rnd.nextGaussian());
            sb.append(sex[rnd.nextInt(3)]);
            for (double v : m) {
                sb.append(String.format(Locale.ROOT, ",%.4f", v));
            }
            sb.append(',').append(Math.max(1, rings)).append('\n');
        }
        Files.createDirectories(data.resolve("abalone"));
        Files.writeString(data.resolve("abalone").resolve("abalone.data"), sb.toString(), StandardCharsets.UTF_8);
    }

    static ExperimentPlan plan(List<Double> curve) {
        return new ExperimentPlan(List.of("abalone"), 2, List.of(List.of(6, 5)), 1e-2, 32, 25, 5, List.of(0.5),
                curve, 60, 100, data);
    }

    @Test
    void everyMethodIsMeasuredAtEveryLevelAndTheBaselinesAtAfdesCount(@TempDir Path out) throws Exception {
        Experiment.Result res = new Experiment(plan(List.of(0.25)), out, 2, Experiment.Listener.NONE, "test")
                .run("# header\n");
        assertThat(res.failures()).isEmpty();
        assertThat(res.runs()).isEqualTo(2);
        assertThat(res.trained()).isEqualTo(2);
        List<ResultRow> rows = res.rows();
        long full = rows.stream().filter(r -> r.kind() == ResultRow.Kind.ORIGINAL).findFirst().orElseThrow()
                .parameters();
        assertThat(full).isEqualTo(10 * 6 + 6 + 6 * 5 + 5 + 5 + 1);
        for (int seed = 1; seed <= 2; seed++) {
            for (double level : List.of(0.25, 0.5)) {
                for (String comp : List.of("none", "refit")) {
                    int s = seed;
                    List<ResultRow> cell = rows.stream().filter(r -> r.seed() == s && r.level() == level
                            && r.compensation().equals(comp) && r.kind() == ResultRow.Kind.LEVEL).toList();
                    Map<String, ResultRow> by = cell.stream().collect(Collectors.toMap(ResultRow::method, r -> r));
                    assertThat(by.keySet()).containsExactlyInAnyOrderElementsOf(ExperimentSummary.METHODS);
                    ResultRow afde = by.get("afde");
                    // AFDE reaches the budget: at most (1 - level) of the parameters
                    assertThat(afde.parameters()).isLessThanOrEqualTo((long) Math.floor((1 - level) * full));
                    assertThat(by.get("abde").parameters()).isLessThanOrEqualTo((long) Math.floor((1 - level)
                            * full));
                    // the unstructured baselines are pruned to exactly AFDE's count, structured to at most it
                    for (String b : List.of("magnitude", "layer-magnitude", "wanda")) {
                        assertThat(by.get(b).parameters()).as(b).isEqualTo(afde.parameters());
                    }
                    assertThat(by.get("structured").parameters()).isLessThanOrEqualTo(afde.parameters());
                    // lsq and dynamics reach the budget in dense parameters; the @lsq baselines match lsq's count
                    long budget = (long) Math.floor((1 - level) * full);
                    ResultRow lsq = by.get("lsq");
                    assertThat(lsq.parameters()).isLessThanOrEqualTo(budget);
                    assertThat(by.get("dynamics").parameters()).isLessThanOrEqualTo(budget);
                    for (String b : List.of("magnitude@lsq", "wanda@lsq")) {
                        assertThat(by.get(b).parameters()).as(b).isEqualTo(lsq.parameters());
                    }
                    assertThat(by.get("structured@lsq").parameters()).isLessThanOrEqualTo(lsq.parameters());
                    for (ResultRow r : cell) {
                        assertThat(r.removed()).isCloseTo(1 - (double) r.parameters() / full, within(1e-12));
                        assertThat(r.rmse()).isFinite().isPositive();
                    }
                }
            }
        }
        assertThat(Files.readAllLines(out.resolve("raw.csv"))).hasSize(rows.size() + 1);
        byte[] png = Files.readAllBytes(out.resolve("abalone.png"));
        assertThat(png).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        String summary = Files.readString(out.resolve("summary.md"));
        assertThat(summary).startsWith("# header").contains("| afde | refit |", "50 % removed", "vs wanda (tables)",
                "![test RMSE against parameters for abalone](abalone.png)", "| abalone | lsq |",
                "50 %: beats all", "lsq beats all three on").doesNotContain("25 % removed");
    }

    @Test
    void theOriginalRowIsTheStoredNetworksTestRmseOnTheSeedsSplit(@TempDir Path out) throws Exception {
        Experiment.Result res = new Experiment(plan(List.of()), out, 1, Experiment.Listener.NONE, "test")
                .run("");
        ResultRow orig = res.rows().stream().filter(r -> r.kind() == ResultRow.Kind.ORIGINAL && r.seed() == 2)
                .findFirst().orElseThrow();
        NetworkFile file = NetworkFiles.read(NetworkRun.directory(out, "abalone", List.of(6, 5), 2)
                .resolve("network.json"));
        Dataset all = UciDataset.ABALONE.load(data);
        Dataset.Split split = all.split(0.8, 0.1, 0.1, 2);
        assertThat(file.inputStandardisation()).isEqualTo(Standardisation.fit(split.train()).inputScaling());
        double[][] pred = new double[split.test().rows()][];
        for (int r = 0; r < pred.length; r++) {
            pred[r] = file.predict(split.test().inputRow(r));
        }
        assertThat(orig.rmse()).isCloseTo(RegressionMetrics.of(pred, split.test().targets()).rmse(),
                within(1e-9));
    }

    @Test
    void aSecondInvocationReusesFinishedRunsAndCachedNetworksAndGivesTheSameRows(@TempDir Path out)
            throws Exception {
        List<ResultRow> first = new Experiment(plan(List.of()), out, 2, Experiment.Listener.NONE, "test").run("")
                .rows();
        Experiment.Result again = new Experiment(plan(List.of()), out, 2, Experiment.Listener.NONE, "test").run("");
        assertThat(again.reused()).isEqualTo(2);
        assertThat(again.trained()).isZero();
        assertThat(withoutTimes(again.rows())).isEqualTo(withoutTimes(first));

        // an interrupted run (no run.json) is recomputed from its cached network, with identical results
        Files.delete(NetworkRun.directory(out, "abalone", List.of(6, 5), 1).resolve("run.json"));
        Experiment.Result resumed = new Experiment(plan(List.of()), out, 2, Experiment.Listener.NONE, "test")
                .run("");
        assertThat(resumed.reused()).isEqualTo(1);
        assertThat(resumed.trained()).isZero();
        assertThat(withoutTimes(resumed.rows())).isEqualTo(withoutTimes(first));

        // other compression settings: runs are redone, networks are not retrained
        Experiment.Result other = new Experiment(plan(List.of(0.3)), out, 2, Experiment.Listener.NONE, "test")
                .run("");
        assertThat(other.reused()).isZero();
        assertThat(other.trained()).isZero();
        assertThat(other.rows()).anyMatch(r -> r.level() == 0.3);

        // other training settings: networks are retrained
        ExperimentPlan longer = new ExperimentPlan(List.of("abalone"), 1, List.of(List.of(6, 5)), 1e-2, 32, 26, 5,
                List.of(0.5), List.of(), 60, 100, data);
        assertThat(new Experiment(longer, out, 1, Experiment.Listener.NONE, "test").run("").trained()).isEqualTo(1);
    }

    @Test
    void aFailingRunIsReportedAndTheOthersGoOn(@TempDir Path out) throws Exception {
        Path bad = out.resolve("data");
        Files.createDirectories(bad);
        Files.copy(data.resolve("abalone").resolve("abalone.data"), bad.resolve("abalone.data"));
        Files.writeString(bad.resolve("CASP.csv"), "RMSD,F1\n1.0,oops\n");
        ExperimentPlan p = new ExperimentPlan(List.of("abalone", "protein"), 1, List.of(List.of(4)), 1e-2, 32, 5, 2,
                List.of(0.5), List.of(), 30, 100, bad);
        List<String> failed = new ArrayList<>();
        Experiment.Listener l = new Experiment.Listener() {
            @Override
            public synchronized void failed(String run, Exception error) {
                failed.add(run);
            }
        };
        Experiment.Result res = new Experiment(p, out.resolve("res"), 2, l, "test").run("");
        assertThat(failed).containsExactly("protein 4 seed 1");
        assertThat(res.failures()).containsOnlyKeys("protein 4 seed 1");
        assertThat(res.failures().get("protein 4 seed 1")).contains("CASP.csv");
        assertThat(res.rows()).isNotEmpty().allMatch(r -> r.dataset().equals("abalone"));
        assertThat(Files.readString(out.resolve("res").resolve("summary.md"))).contains("**Failed runs**",
                "protein 4 seed 1");
    }

    private static List<ResultRow> withoutTimes(List<ResultRow> rows) {
        return rows.stream().map(r -> new ResultRow(r.dataset(), r.architecture(), r.seed(), r.kind(), r.level(),
                r.method(), r.compensation(), r.epsilon(), r.parameters(), r.removed(), r.rmse(), r.mae(), r.r2(),
                0)).toList();
    }
}
