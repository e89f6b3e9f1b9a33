package org.odelump.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code odelump bench --cases cli} with one run per case and no corpus: child processes really run the
 * commands, the phase probe reports every phase of a reduce, and the report has the whole-process and phase
 * tables and the small-model target.
 */
class CliBenchTest {

    @TempDir
    Path tmp;

    @Test
    void theLauncherStartsJavaWithTheOptionsTheBenchMeasuresAsItsOwn() throws IOException {
        // the bench's launcher configuration copies the launcher script's JVM options; both must change together
        String launcher = Files.readString(Path.of("odelump"));
        assertThat(launcher).contains("check|print|reduce) jit_opts=(-XX:TieredStopAtLevel=1)")
                .contains("/sys/kernel/mm/transparent_hugepage/enabled")
                .contains("*\"[madvise]\"*) mem_opts=(-XX:+UseTransparentHugePages)")
                .contains("-XX:SharedArchiveFile=\"$jsa\" -Xlog:cds=off,cds+dynamic=off");
    }

    @Test
    void cliCasesTimeWholeProcessesAndEveryPhase() throws IOException {
        Path out = tmp.resolve("out");
        // one library only, to keep the test short (Symja alone takes seconds to start)
        CliRun r = CliRun.of("bench", "--cases", "cli", "--repeat", "1", "--libraries", "hipparchus", "--shared",
                tmp.resolve("no-shared").toString(), "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("cli: corpus models skipped, no corpus at");
        JsonNode root = new ObjectMapper().readTree(out.resolve("bench.json").toFile());
        List<String> cli = new ArrayList<>();
        List<String> phases = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            String group = c.get("group").asText();
            (group.equals("cli") ? cli : phases).add(c.get("name").asText());
            assertThat(c.get("wallSeconds")).hasSize(1);
            if (group.equals("cli")) {
                assertThat(c.get("facts").get("variables").asInt()).isEqualTo(6); // ode-specs/multisite2.ode
                // a whole JVM run takes longer than it takes to start a JVM, and some CPU
                assertThat(c.get("medianWallSeconds").asDouble()).isGreaterThan(0.01);
            }
        }
        // the test class path is no jar, so there is no launcher archive: every command with C1 only (the
        // launcher's JIT flag) and huge pages where the launcher asks for them, and the command also in a
        // plain JVM
        String l = CliBench.hugePagesOnRequest() ? "[C1+THP]" : "[C1]";
        assertThat(cli).containsExactly("multisite2.ode reduce --method be -o [plain]", "multisite2.ode check " + l,
                "multisite2.ode reduce --method fe " + l, "multisite2.ode reduce --method fe -o " + l,
                "multisite2.ode reduce --method be " + l, "multisite2.ode reduce --method be -o " + l);
        for (String phase : List.of("JVM start until main", "picocli (command model, parse arguments)",
                "loading (read, parse, build model; includes its own hash)", "normal form", "refinement", "quotient",
                "self-check (32 points)", "printing the reduced model", "writing (atomic)", "main, total")) {
            assertThat(phases).contains("multisite2.ode BE: " + phase, "multisite2.ode FE: " + phase);
        }
        assertThat(phases).contains("JVM only: whole process", "library hipparchus: hipparchus first use")
                .noneMatch(p -> p.startsWith("library symja"));
        String md = Files.readString(out.resolve("bench.md"));
        assertThat(md).contains("## cli").contains("## phases").contains("| refinement |")
                .contains("| multisite2.ode reduce --method be -o [plain] |")
                .contains("whole process 'reduce MODEL --method fe|be -o OUT' of a model with < 100 variables");
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("bench.json", "bench.md");
        }
    }
}
