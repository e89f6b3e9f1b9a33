package org.odelump.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odelump.dsl.OdeParser;
import org.odelump.io.BngNetReader;
import org.odelump.io.SbmlReader;
import org.odelump.model.OdeSystem;
import org.odelump.model.View;

/** {@code print --format sbml|net} and {@code reduce -o OUT.xml|OUT.net} as a user runs them. */
class ExportCommandTest {

    @TempDir
    Path tmp;

    @Test
    void printWritesSbmlAndNetThatReadBack() throws IOException {
        Path xml = tmp.resolve("m.xml");
        CliRun r = CliRun.of("print", "ode-specs/multisite2.ode", "--format", "sbml", "-o", xml.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("note: the partition (3 blocks) is not written: SBML has no partitions");
        assertThat(Files.readString(xml)).contains("level=\"3\" version=\"2\"");
        OdeSystem original = OdeParser.parse(Path.of("ode-specs/multisite2.ode")).system();
        OdeSystem sbml = SbmlReader.read(xml).system();
        assertThat(sbml.variableNames()).isEqualTo(original.variableNames());
        assertThat(sbml.views()).extracting(View::name).containsExactly("onePhospho");

        CliRun net = CliRun.of("print", "ode-specs/multisite2.ode", "--format", "net");
        assertThat(net.code()).as(net.err()).isZero();
        OdeSystem back = BngNetReader.read("m.net", net.out()).system();
        assertThat(back.dimension()).isEqualTo(original.dimension());
        assertThat(back.reactions()).hasSameSizeAs(original.reactions());
    }

    @Test
    void reduceWritesTheReducedModelInTheFormatOfTheOutputFile() throws IOException {
        Path xml = tmp.resolve("reduced.xml");
        CliRun r = CliRun.of("reduce", "ode-specs/multisite2.ode", "--method", "be", "-p", "ic", "-o", xml.toString());
        assertThat(r.code()).as(r.err()).isZero();
        OdeSystem reduced = SbmlReader.read(xml).system();
        assertThat(reduced.dimension()).isEqualTo(5);
        assertThat(reduced.views()).extracting(View::name).contains("onePhospho");
        Path net = tmp.resolve("reduced.net");
        CliRun n = CliRun.of("reduce", "ode-specs/multisite2.ode", "--method", "be", "-p", "ic", "-o", net.toString());
        assertThat(n.code()).as(n.err()).isZero();
        assertThat(Files.readString(net)).contains("begin reactions").contains(" kp");
    }

    @Test
    void aModelTheFormatCannotHoldIsExitCodeTwoAndNothingIsWritten() {
        Path out = tmp.resolve("lorenz.net");
        CliRun r = CliRun.of("print", "ode-specs/lorenz_neither.ode", "-o", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("odelump: cannot write model lorenz_neither as net: d(y) has the negative term "
                + "-x*z without y");
        assertThat(out).doesNotExist();
    }
}
