package org.odelump.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odelump.model.InvalidModelException;

/**
 * The model read on a second thread while picocli parses the command line: used when the command reads the same
 * file with the default input options, and the command's result is the same as reading the file then, also for
 * bad input, a changed file and other input options.
 */
class ModelPrefetchTest {

    private static final String TWO = """
            begin model two
            begin init
              x = 1
              y = 1
            end init
            begin ODE
              d(x) = -x + y
              d(y) = x - y
            end ODE
            end model
            """;

    @TempDir
    Path tmp;

    @AfterEach
    void forget() {
        ModelPrefetch.clear();
    }

    @Test
    void theCommandTakesTheModelReadAheadOnlyForTheSameFileAndDefaultOptions() throws IOException {
        Path f = Files.writeString(tmp.resolve("two.ode"), TWO);
        ModelPrefetch.start(List.of("reduce", f.toString(), "--method", "be"), 0);
        ModelLoader.Loaded read = ModelPrefetch.take(f, ModelLoader.Format.AUTO, false);
        assertThat(read).isNotNull();
        assertThat(read.system().variableNames()).containsExactly("x", "y");
        assertThat(ModelPrefetch.take(f, ModelLoader.Format.AUTO, false)).as("taken once").isNull();

        ModelPrefetch.start(List.of("check", f.toString()), 0);
        assertThat(ModelPrefetch.take(f, ModelLoader.Format.ODE, false)).as("the format AUTO picks").isNotNull();
        ModelPrefetch.start(List.of("check", f.toString()), 0);
        assertThat(ModelPrefetch.take(f, ModelLoader.Format.NET, false)).as("another input format").isNull();
        ModelPrefetch.start(List.of("check", f.toString()), 0);
        assertThat(ModelPrefetch.take(f, ModelLoader.Format.AUTO, true)).as("--undeclared-as-constants").isNull();
        ModelPrefetch.start(List.of("check", f.toString()), 0);
        assertThat(ModelPrefetch.take(tmp.resolve("other.ode"), ModelLoader.Format.AUTO, false)).isNull();
    }

    @Test
    void nothingIsReadAheadButAModelFileRightAfterCheckPrintOrReduce() throws IOException {
        Path f = Files.writeString(tmp.resolve("two.ode"), TWO);
        for (List<String> args : List.of(List.of("simulate", f.toString()), List.of("reduce", "--method", "be",
                f.toString()), List.of("reduce", tmp.toString()), List.of("reduce", tmp.resolve("absent.ode")
                .toString()), List.of("reduce"), List.of(f.toString()))) {
            ModelPrefetch.start(args, args.get(0).equals("reduce") || args.get(0).equals("simulate") ? 0 : -1);
            assertThat(ModelPrefetch.take(f, ModelLoader.Format.AUTO, false)).as(args.toString()).isNull();
        }
    }

    @Test
    void readingErrorsReachTheCommandAsIfItHadReadTheFile() throws IOException {
        Path bad = Files.writeString(tmp.resolve("bad.ode"), TWO.replace("d(y) = x - y", "d(y) = x - "));
        ModelPrefetch.start(List.of("check", bad.toString()), 0);
        assertThatThrownBy(() -> ModelPrefetch.take(bad, ModelLoader.Format.AUTO, false))
                .isInstanceOf(InvalidModelException.class);
        CliRun r = CliRun.of("check", bad.toString());
        assertThat(r.code()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(r.err()).contains(bad + ":9:1: unexpected 'end'");
    }

    @Test
    void aFileChangedBetweenRunsIsReadAgainAndAnotherInputFormatIsHonoured() throws IOException {
        Path f = Files.writeString(tmp.resolve("model.ode"), TWO);
        CliRun first = CliRun.of("check", f.toString());
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("variables   2");
        Files.writeString(f, TWO.replace("  y = 1\n", "  y = 1\n  z = 0\n").replace("d(y) = x - y",
                "d(y) = x - y\n  d(z) = x"));
        CliRun second = CliRun.of("check", f.toString());
        assertThat(second.out()).contains("variables   3");

        // a BioNetGen network in a file whose name says ODE: read ahead as ODE (which fails), the command asks
        // for .net and must get the network, not the error
        Path net = Files.writeString(tmp.resolve("network.txt"), """
                begin parameters
                    1 k 2.0
                end parameters
                begin species
                    1 A() 1.0
                    2 B() 0.0
                end species
                begin reactions
                    1 1 2 k
                end reactions
                """);
        CliRun asNet = CliRun.of("check", net.toString(), "--input-format", "NET");
        assertThat(asNet.code()).as(asNet.err()).isZero();
        assertThat(asNet.out()).contains("variables   2");
    }
}
