package org.odelump.lumping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.odelump.dsl.OdeParser;
import org.odelump.dsl.ParseOptions;
import org.odelump.io.BngNetReader;
import org.odelump.model.LumpedSystem;
import org.odelump.model.LumpedSystem.Method;
import org.odelump.model.OdeSystem;
import org.odelump.model.Partition;
import org.odelump.numeric.Simulator;
import org.odelump.numeric.Trajectory;
import org.odelump.numeric.TrajectoryCheck;
import org.odelump.testutil.CorpusExpectations;
import org.odelump.testutil.SharedCorpus;

/**
 * Every polynomial model of the shared corpus ({@code .ode} and {@code .net}) is reduced by FE and BE, each with
 * the initial partitions NONE and IC; every reduction passes its algebraic self-check ({@link LumpingCheck}), and
 * for models of up to {@value #SIMULATE_UP_TO} variables a short simulation of original and reduced model agrees
 * ({@link TrajectoryCheck}) whenever the explicit simulation of the original completes within its budget.
 * Coarsest-ness is established by the brute-force tests; here only validity is asserted. The sizes before and
 * after are written as a Markdown table to {@code target/corpus-reductions.md}.
 */
class CorpusReductionTest {

    /**
     * {@code .ode} files that the parser rejects on purpose (Boolean networks, rational rate laws, malformed
     * files); the same list, with reasons, is asserted by the DSL corpus test.
     */
    private static final Set<String> REJECTED_ODE = CorpusExpectations.REJECTED_ODE.keySet();

    /** {@code .net} files with non-polynomial functional rates, asserted by the .net corpus test. */
    private static final Set<String> REJECTED_NET = CorpusExpectations.REJECTED_NET;

    private static final int SIMULATE_UP_TO = 200;

    private static final double CHECK_TOLERANCE = 1e-9;

    private static final Simulator.Options SIM = new Simulator.Options(1e-9, 1e-9, 6_000, 1e100);

    private record Row(String model, String format, int variables, long terms, int[] blocks, String trajectory,
                       double seconds) {
    }

    @Test
    void everyCorpusModelIsReducedByFeAndBeWithPassingSelfChecks() throws IOException {
        Path corpus = SharedCorpus.requireCorpus();
        List<Path> files = new ArrayList<>(SharedCorpus.corpusFiles(".ode"));
        files.addAll(SharedCorpus.corpusFiles(".net"));
        List<Row> rows = new ArrayList<>();
        int simulated = 0;
        for (Path f : files) {
            String name = f.getFileName().toString();
            String rel = f.getParent().getFileName() + "/" + name;
            boolean net = name.endsWith(".net");
            if (net ? REJECTED_NET.contains(name) : REJECTED_ODE.contains(rel)) {
                continue;
            }
            long t0 = System.nanoTime();
            OdeSystem m = net ? BngNetReader.read(f).system() : OdeParser.parse(f, new ParseOptions(true)).system();
            int n = m.dimension();
            // Few check points for the largest models: each point costs one pass over all terms.
            int points = m.termCount() > 100_000 ? 2 : n > 1000 ? 4 : 16;
            int[] blocks = new int[4];
            List<String> trajectory = new ArrayList<>();
            int k = 0;
            for (Method method : new Method[] {Method.FE, Method.BE}) {
                for (Prepartition pre : new Prepartition[] {Prepartition.NONE, Prepartition.IC}) {
                    LumpedSystem lumped = new Reduction(m, method, pre, Tolerance.DEFAULT).compute();
                    String what = corpus.relativize(f) + " " + method + "/" + pre;
                    Partition p = lumped.partition();
                    assertThat(p.refines(lumped.initialPartition())).as(what).isTrue();
                    assertThat(lumped.reduced().dimension()).as(what).isEqualTo(p.size());
                    LumpingCheck.Result check = new LumpingCheck(lumped, points, 7L + k, CHECK_TOLERANCE).compute();
                    assertThat(check.passed()).as(what + ": " + check.detail()).isTrue();
                    if (n <= SIMULATE_UP_TO) {
                        trajectory.add(simulate(lumped, what));
                    }
                    blocks[k++] = p.size();
                }
            }
            String traj = summarise(trajectory);
            if (traj.startsWith("4/")) {
                simulated++;
            }
            rows.add(new Row(corpus.relativize(f).toString(), net ? "net" : "ode", n, m.termCount(), blocks, traj,
                    (System.nanoTime() - t0) / 1e9));
        }
        assertThat(rows).hasSizeGreaterThanOrEqualTo(50);
        assertThat(simulated).as("models whose four reductions were also simulated").isGreaterThanOrEqualTo(20);
        Path out = Path.of("target", "corpus-reductions.md").toAbsolutePath();
        Files.createDirectories(out.getParent());
        Files.writeString(out, table(rows));
    }

    /** Simulates original and reduced model; asserts agreement when the original's simulation completes. */
    private static String simulate(LumpedSystem lumped, String what) {
        TrajectoryCheck.Result r = new TrajectoryCheck(lumped, Simulator.grid(1.0, 10), SIM, 1e-5).compute();
        if (r.original().status() != Trajectory.Status.COMPLETED) {
            return "skip";
        }
        assertThat(r.passed()).as(what + ": " + r.detail()).isTrue();
        return "ok";
    }

    private static String summarise(List<String> outcomes) {
        if (outcomes.isEmpty()) {
            return "-";
        }
        long ok = outcomes.stream().filter("ok"::equals).count();
        return ok + "/" + outcomes.size();
    }

    private static String table(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Exact FE/BE reductions of the shared corpus\n\n");
        sb.append("Generated by CorpusReductionTest. Block counts of the coarsest FE and BE refining the initial ")
                .append("partition NONE (one block) or IC (equal initial values). Every reduction passed LumpingCheck. ")
                .append("\"simulated\" is agreeing / attempted: for models up to ").append(SIMULATE_UP_TO)
                .append(" variables each of the four reductions is simulated with its original on t in [0, 1]; ")
                .append("the comparison is asserted when the original's explicit simulation completes within ")
                .append(SIM.maxEvaluations()).append(" derivative evaluations (otherwise it is skipped; ")
                .append("'-' = not attempted). Time covers loading, the four reductions and the checks.\n\n");
        sb.append("| model | format | variables | terms | FE none | FE ic | BE none | BE ic | simulated ")
                .append("| time (s) |\n");
        sb.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %d | %d | %d | %s | %.2f |%n",
                    r.model(), r.format(), r.variables(), r.terms(), r.blocks()[0], r.blocks()[1], r.blocks()[2],
                    r.blocks()[3], r.trajectory(), r.seconds()));
        }
        return sb.toString();
    }
}
