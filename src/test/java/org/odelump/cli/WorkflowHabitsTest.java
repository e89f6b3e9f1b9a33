package org.odelump.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odelump.dsl.OdeParser;
import org.odelump.model.OdeSystem;

/** ERODE and CLUE habits: commands in the file, several observables and sums, simulate with views and times. */
class WorkflowHabitsTest {

    @TempDir
    Path dir;

    private static final String MODEL = """
            begin model habits
             begin parameters
              k = 2
             end parameters
             begin init
              A = 1
              B = 1
              C
             end init
             begin partition
              {A, B}, {C}
             end partition
             begin reactions
              A -> C , k
              B -> C , k
             end reactions
             begin views
              total = A + B + C
              half = 0.5*C
             end views
             reduceFE(prePartition=USER, reducedFile="out/fe.ode")
             reduceEpsNBB(epsilon=0.1, prePartition=IC, reducedFile="ebe.ode")
             simulateODE(tEnd=2, steps=4, csvFile="sim.csv", viewPlot=VIEWS)
             this = reduceBE(prePartition=SOMETIMES)
             exportMatlab(fileOut="m.m")
            end model
            """;

    private Path model() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("models"));
        Path f = sub.resolve("habits.ode");
        Files.writeString(f, MODEL);
        return f;
    }

    @Test
    void runExecutesTheFileCommandsInOrderWithPathsBesideTheModel() throws Exception {
        Path f = model();
        CliRun r = CliRun.of("run", f.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        Path folder = f.getParent();
        OdeSystem fe = OdeParser.parse(folder.resolve("out/fe.ode")).system();
        assertThat(fe.dimension()).isEqualTo(2);
        assertThat(OdeParser.parse(folder.resolve("ebe.ode")).system().dimension()).isEqualTo(2);
        List<String> csv = Files.readAllLines(folder.resolve("sim.csv"));
        assertThat(csv).hasSize(6);
        assertThat(csv.get(0)).isEqualTo("time,A,B,C,total,half");
        String[] last = csv.get(5).split(",");
        assertThat(Double.parseDouble(last[0])).isEqualTo(2.0);
        assertThat(Double.parseDouble(last[1])).isCloseTo(Math.exp(-4), within(1e-8));
        assertThat(Double.parseDouble(last[4])).as("A + B + C is conserved").isCloseTo(2.0, within(1e-8));
        assertThat(Double.parseDouble(last[5])).isCloseTo(0.5 * Double.parseDouble(last[3]), within(1e-12));
        // the order of the output follows the file
        assertThat(r.out().indexOf("reduceFE")).isLessThan(r.out().indexOf("reduceEpsNBB"));
        assertThat(r.out().indexOf("reduceEpsNBB")).isLessThan(r.out().indexOf("simulateODE"));
        // nothing is silently dropped: each unsupported command or option is a positioned warning
        String where = f.toString() + ":";
        assertThat(r.err()).contains(where + "23:2: simulateODE: option viewPlot=VIEWS is ignored")
                .contains(where + "24:2: the assignment to 'this' is ignored")
                .contains(where + "24:2: reduceBE: prePartition=SOMETIMES is not one of NO, IC, USER, USER_and_IC")
                .contains(where + "25:2: command exportMatlab is not supported");
    }

    @Test
    void checkListsTheCommandsAndWhichWouldRun() throws Exception {
        Path f = model();
        CliRun r = CliRun.of("check", f.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("reduceFE: runs as FE, prepartition USER")
                .contains("reduceEpsNBB: runs as epsilon-BE (epsilon 0.1), prepartition IC")
                .contains("simulateODE: runs as simulate to t = 2.0, 4 steps")
                .contains("reduceBE: not run").contains("exportMatlab: not run")
                .contains("25:2: command exportMatlab is not supported");
        assertThat(Files.exists(f.getParent().resolve("sim.csv"))).as("check runs nothing").isFalse();
        CliRun dry = CliRun.of("run", f.toString(), "--dry-run");
        assertThat(dry.code()).isZero();
        assertThat(Files.exists(f.getParent().resolve("sim.csv"))).as("--dry-run runs nothing").isFalse();
    }

    @Test
    void observeTakesSeveralObservablesAndSums() {
        CliRun sum = CliRun.of("reduce", "ode-specs/multisite2.ode", "--method", "fe", "--observe", "S01+S10",
                "--observe", "S11");
        assertThat(sum.code()).as(sum.err()).isZero();
        assertThat(sum.out()).contains("{S01, S10}");
        CliRun two = CliRun.of("reduce", "ode-specs/multisite2.ode", "--method", "fe", "--observe", "S01;S11");
        assertThat(two.code()).as(two.err()).isZero();
        assertThat(two.out()).doesNotContain("{S01, S10}");
        CliRun bad = CliRun.of("reduce", "ode-specs/multisite2.ode", "--method", "fe", "--observe", "2*S01");
        assertThat(bad.code()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(bad.err()).contains("'2*S01' is neither a variable nor a view")
                .contains("Accepted forms: a variable (A1P), a sum of variables (A1P+Rfree or A1P,Rfree)");
    }

    @Test
    void simulateWritesViewsObservablesAndTheRequestedTimes() throws Exception {
        Path f = model();
        Path csv = dir.resolve("t.csv");
        CliRun r = CliRun.of("simulate", f.toString(), "--times", "0.5,1,2", "--observe", "A+B;C", "-o",
                csv.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("time,A,B,C,total,half,A+B");
        assertThat(lines).hasSize(4);
        String[] row = lines.get(1).split(",");
        assertThat(Double.parseDouble(row[0])).isEqualTo(0.5);
        assertThat(Double.parseDouble(row[6])).isCloseTo(2 * Math.exp(-1), within(1e-8));
        assertThat(r.out()).contains("observe    A+B = ");
        for (String bad : new String[] {"1,0.5", "-1,2", "0", "NaN", "1,Infinity"}) {
            CliRun b = CliRun.of("simulate", f.toString(), "--times", bad);
            assertThat(b.code()).as(bad).isEqualTo(Main.EXIT_INVALID_INPUT);
        }
        CliRun both = CliRun.of("simulate", f.toString(), "--times", "1,2", "--t-end", "3");
        assertThat(both.code()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(both.err()).contains("--times replaces --t-end");
    }
}
