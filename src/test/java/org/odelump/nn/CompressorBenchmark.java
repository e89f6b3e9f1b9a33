package org.odelump.nn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.odelump.lumping.EpsilonMode;
import org.odelump.lumping.Grouping;
import org.odelump.lumping.Tolerance;

/**
 * Benchmark (not a unit test): encode, parse and compress a random 8-256-256-256-1 tanh MLP (weights uniform in
 * ±2/√fan-in, biases in ±1, seed 1); writes target/bench/nn-compress.json. Run with
 * {@code java -cp target/classes:target/test-classes:<dependencies> org.odelump.nn.CompressorBenchmark}.
 */
public final class CompressorBenchmark {

    private CompressorBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Mlp net = NetworkEncoderTest.randomNet(new Random(1), Activation.TANH, 8, 256, 256, 256, 1);
        StringBuilder json = new StringBuilder("{\n  \"network\": \"" + net + "\",\n  \"cores\": "
                + Runtime.getRuntime().availableProcessors() + ",\n  \"runs\": [\n");
        for (int rep = 0; rep < 3; rep++) {
            for (LumpingCompressor.Method m : LumpingCompressor.Method.values()) {
                for (double eps : new double[] {0.0, 0.5}) {
                    LumpingCompressor.Result r = new LumpingCompressor(net, m, eps, EpsilonMode.REL).compute();
                    line(json, String.format(Locale.ROOT, "\"rep\": %d, \"route\": \"text\", \"method\": \"%s\","
                                    + " \"epsilonRel\": %s, \"encodeParseMs\": %.1f, \"lumpMs\": %.1f,"
                                    + " \"totalMs\": %.1f, \"widths\": \"%s\"", rep, m, eps, r.encodeNanos() / 1e6,
                            r.lumpNanos() / 1e6, r.totalNanos() / 1e6, java.util.Arrays.toString(r.network().widths())));
                }
            }
            for (boolean viaText : new boolean[] {true, false}) {
                long t0 = System.nanoTime();
                LumpingCompressor.Prepared p = LumpingCompressor.prepare(net, 50, viaText);
                for (int k = 0; k < 20; k++) {
                    double eps = k / 19.0;
                    new LumpingCompressor(p, LumpingCompressor.Method.AFDE, eps, EpsilonMode.REL,
                            Grouping.COMPONENTS, Tolerance.DEFAULT).compute();
                }
                line(json, String.format(Locale.ROOT, "\"rep\": %d, \"sweep\": \"AFDE 20 rel eps 0..1\","
                        + " \"viaText\": %s, \"encodeMs\": %.1f, \"totalMs\": %.1f", rep, viaText,
                        p.encodeNanos() / 1e6, (System.nanoTime() - t0) / 1e6));
            }
        }
        json.setLength(json.length() - 2);
        json.append("\n  ]\n}\n");
        Path out = Path.of("target/bench/nn-compress.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, json.toString());
    }

    private static void line(StringBuilder json, String body) {
        String l = "    {" + body + "}";
        System.out.println(l);
        json.append(l).append(",\n");
    }
}
