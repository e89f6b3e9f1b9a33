package org.odelump.nn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.odelump.dsl.OdeParser;
import org.odelump.lumping.EpsilonMode;

/**
 * Benchmark (not a unit test): encode, parse and compress a random 8-256-256-256-1 tanh MLP; writes
 * target/bench/nn-compress.json. Run: java -cp target/classes:target/test-classes:CP org.odelump.nn.CompressorBenchmark
 */
public final class CompressorBenchmark {

    private CompressorBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Mlp net = NetworkEncoderTest.randomNet(new Random(1), Activation.TANH, 8, 256, 256, 256, 1);
        StringBuilder json = new StringBuilder("{\n  \"network\": \"" + net + "\",\n  \"runs\": [\n");
        for (int rep = 0; rep < 3; rep++) {
            long t0 = System.nanoTime();
            NetworkEncoder.Encoded e = new NetworkEncoder(net, NetworkEncoder.Encoding.LAYERWISE).compute();
            long t1 = System.nanoTime();
            var parsed = OdeParser.parse("net.ode", e.text()).system();
            long t2 = System.nanoTime();
            org.odelump.dsl.DslPrinter.print(parsed);
            System.out.printf(Locale.ROOT, "print alone %.1f ms%n", (System.nanoTime() - t2) / 1e6);
            for (LumpingCompressor.Method m : LumpingCompressor.Method.values()) {
                for (double eps : new double[] {0.0, 0.5}) {
                    LumpingCompressor.Result r = new LumpingCompressor(net, m, eps, EpsilonMode.REL).compute();
                    String line = String.format(Locale.ROOT,
                            "    {\"rep\": %d, \"method\": \"%s\", \"epsilonRel\": %s, \"textChars\": %d, \"terms\": %d,"
                                    + " \"encodeMs\": %.1f, \"parseMs\": %.1f, \"encodeParseMs\": %.1f,"
                                    + " \"lumpMs\": %.1f, \"totalMs\": %.1f, \"widths\": \"%s\"}",
                            rep, m, eps, e.text().length(), parsed.termCount(), (t1 - t0) / 1e6, (t2 - t1) / 1e6,
                            r.encodeNanos() / 1e6, r.lumpNanos() / 1e6, r.totalNanos() / 1e6,
                            java.util.Arrays.toString(r.network().widths()));
                    System.out.println(line);
                    json.append(line).append(",\n");
                }
            }
        }
        json.setLength(json.length() - 2);
        json.append("\n  ]\n}\n");
        Path out = Path.of("target/bench/nn-compress.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, json.toString());
    }
}
