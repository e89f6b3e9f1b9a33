package org.odelump.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odelump.model.InvalidModelException;

/** Reading SBML writes nothing to the console: JSBML's Log4j logging and Log4j's own status lines are silent. */
class SbmlReaderQuietTest {

    @TempDir
    Path dir;

    /** A file JSBML complains about (an unknown attribute, a rejected law) next to a good one. */
    private List<Path> files() throws IOException {
        Path good = dir.resolve("good.xml");
        Files.writeString(good, SbmlFixtures.L2_MASS_ACTION.replace("<species id=\"A\"", "<species unknownAttr=\"1\" id=\"A\""));
        Path l3 = dir.resolve("l3.xml");
        Files.writeString(l3, SbmlFixtures.L3V1_ENZYME);
        return List.of(good, l3);
    }

    /**
     * {@code odelump print FILE -o OUT} in a fresh JVM, the way {@code java -jar odelump.jar} runs: for each file
     * the only output is the command's own "wrote" line.
     */
    @Test
    void inAFreshJvmWithoutLoggingPropertiesNothingIsPrinted() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (Path f : files()) {
            Path written = dir.resolve(f.getFileName() + ".ode");
            ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    "org.odelump.cli.Main", "print", f.toString(), "-o", written.toString());
            pb.redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
            pb.environment().remove("JAVA_TOOL_OPTIONS");
            Process p = pb.start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(Files.readString(dir.resolve("err.txt"))).isZero();
            assertThat(Files.readString(dir.resolve("out.txt"))).isEqualTo("wrote " + written + "\n");
            assertThat(Files.readString(dir.resolve("err.txt"))).isEmpty();
            assertThat(Files.readString(written)).contains("begin model");
        }
    }

    @Test
    void inThisJvmReadingAndRejectingPrintNothing() throws Exception {
        List<Path> fs = files();
        Path bad = dir.resolve("bad.xml");
        Files.writeString(bad, SbmlFixtures.l2WithLaw("<apply><divide/><ci>Vmax</ci><ci>S</ci></apply>")
                + SbmlFixtures.close());
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream cap = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(cap);
        System.setErr(cap);
        try {
            for (Path f : fs) {
                SbmlReader.read(f);
            }
            try {
                SbmlReader.read(bad);
            } catch (InvalidModelException expected) {
                // the rejection itself is tested elsewhere
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
