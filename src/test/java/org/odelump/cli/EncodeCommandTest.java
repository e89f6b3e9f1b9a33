package org.odelump.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odelump.dsl.OdeParser;
import org.odelump.model.OdeSystem;
import org.odelump.nn.Activation;
import org.odelump.nn.DenseLayer;
import org.odelump.nn.Mlp;
import org.odelump.nn.io.NetworkFiles;
import org.odelump.nn.io.NetworkFormat;
import org.odelump.numeric.Simulator;

class EncodeCommandTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    static Mlp net() {
        Random rnd = new Random(9);
        List<DenseLayer> layers = new ArrayList<>();
        int[] widths = {3, 5, 4, 2};
        for (int l = 1; l < widths.length; l++) {
            double[][] w = new double[widths[l]][widths[l - 1]];
            double[] b = new double[widths[l]];
            for (int j = 0; j < w.length; j++) {
                for (int i = 0; i < w[j].length; i++) {
                    w[j][i] = rnd.nextGaussian();
                }
                b[j] = rnd.nextGaussian();
            }
            layers.add(new DenseLayer(w, b, l == widths.length - 1 ? Activation.IDENTITY : Activation.TANH));
        }
        return new Mlp(layers);
    }

    @Test
    void encodesAJsonNetworkThatIntegratesToItsOutput() throws Exception {
        Mlp mlp = net();
        Path json = dir.resolve("net.json");
        NetworkFiles.write(json, mlp, NetworkFormat.JSON);
        double[] x = {0.5, -1, 0.25};
        for (String enc : List.of("ray", "layerwise")) {
            Path ode = dir.resolve(enc + ".ode");
            Run r = run("encode", json.toString(), "-o", ode.toString(), "--encoding", enc, "--input", "0.5,-1,0.25");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("wrote").contains(enc + " encoding").contains("y1, y2");
            OdeSystem s = OdeParser.parse(ode).system();
            double[] end = new Simulator(s, new double[] {0, 1}, new Simulator.Options(1e-13, 1e-13, 5_000_000,
                    1e100)).compute().state(1);
            double[] y = mlp.apply(x);
            assertThat(end[s.indexOf("y1")]).isCloseTo(y[0], offset(1e-8));
            assertThat(end[s.indexOf("y2")]).isCloseTo(y[1], offset(1e-8));
        }
    }

    @Test
    void writesToStandardOutputAndRejectsAWrongInputCount() throws Exception {
        Path json = dir.resolve("net.json");
        NetworkFiles.write(json, net(), NetworkFormat.JSON);
        Run ok = run("encode", json.toString());
        assertThat(ok.code()).isZero();
        assertThat(ok.out()).startsWith("// Network").contains("begin model").contains("d(y1) =");
        Run bad = run("encode", json.toString(), "--input", "1,2");
        assertThat(bad.code()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(bad.err()).contains("--input has 2 values, the network has 3 inputs");
        Run missing = run("encode", dir.resolve("none.json").toString());
        assertThat(missing.code()).isEqualTo(Main.EXIT_INVALID_INPUT);
        Files.writeString(dir.resolve("x.txt"), "nothing");
        assertThat(run("encode", dir.resolve("x.txt").toString()).code()).isEqualTo(Main.EXIT_INVALID_INPUT);
    }

    @Test
    void refusesARayEncodingThatWouldBeTooLarge() throws Exception {
        Random rnd = new Random(1);
        List<DenseLayer> layers = new ArrayList<>();
        int[] widths = {8, 64, 64, 64, 1};
        for (int l = 1; l < widths.length; l++) {
            double[][] w = new double[widths[l]][widths[l - 1]];
            for (double[] row : w) {
                for (int i = 0; i < row.length; i++) {
                    row[i] = rnd.nextGaussian();
                }
            }
            layers.add(new DenseLayer(w, new double[widths[l]], l == 4 ? Activation.IDENTITY : Activation.TANH));
        }
        Path json = dir.resolve("big.json");
        NetworkFiles.write(json, new Mlp(layers), NetworkFormat.JSON);
        Run r = run("encode", json.toString(), "-o", dir.resolve("big.ode").toString());
        assertThat(r.code()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(r.err()).contains("use the layer-wise encoding");
        assertThat(Files.exists(dir.resolve("big.ode"))).isFalse();
        Run ok = run("encode", json.toString(), "--encoding", "layerwise", "-o", dir.resolve("big.ode").toString());
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(OdeParser.parse(dir.resolve("big.ode")).system().termCount()).isEqualTo(2 * 64 * 8 + 2 * 2 * 64 * 64
                + 64); // zero biases: no constant terms
    }

    @Test
    void helpShowsExamples() {
        Run r = run("encode", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Examples:").contains("--encoding").contains("layerwise");
    }
}
