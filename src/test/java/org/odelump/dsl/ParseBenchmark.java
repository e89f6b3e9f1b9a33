package org.odelump.dsl;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.odelump.model.OdeSystem;

/**
 * Benchmark (not a JUnit test): generates an ODE file with 100,000 variables and 1,000,000 drift terms into
 * {@code target/}, parses it and prints the time and the peak heap. Run with
 * {@code java -Xmx2g -cp target/classes:target/test-classes:<deps> org.odelump.dsl.ParseBenchmark [vars] [terms]}.
 */
public final class ParseBenchmark {

    private ParseBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int vars = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int terms = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Path file = Path.of("target", "bench-" + vars + "-" + terms + ".ode");
        Files.createDirectories(file.getParent());
        write(file, vars, terms, new Random(42));
        System.out.printf("file %s: %d bytes%n", file, Files.size(file));
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long t0 = System.nanoTime();
        OdeSystem m = OdeParser.parse(file).system();
        long t1 = System.nanoTime();
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("parsed %s in %.2f s; peak heap (sum of pool peaks) %d MB%n", m, (t1 - t0) / 1e9,
                peak >> 20);
    }

    /** Drift i gets terms/vars terms of degree 0..2 with random coefficients. */
    static void write(Path file, int vars, int terms, Random rnd) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("begin model bench\n begin init\n");
            for (int i = 0; i < vars; i++) {
                w.write("  x" + i + " = " + (i % 7) + "\n");
            }
            w.write(" end init\n begin ODE\n");
            int per = terms / vars;
            for (int i = 0; i < vars; i++) {
                StringBuilder sb = new StringBuilder("  d(x").append(i).append(") = ");
                for (int t = 0; t < per; t++) {
                    if (t > 0) {
                        sb.append(rnd.nextBoolean() ? " + " : " - ");
                    }
                    sb.append(rnd.nextInt(1000) / 100.0);
                    int deg = rnd.nextInt(3);
                    for (int d = 0; d < deg; d++) {
                        sb.append("*x").append(rnd.nextInt(vars));
                    }
                }
                w.write(sb.append('\n').toString());
            }
            w.write(" end ODE\nend model\n");
        }
    }
}
