package org.odelump.lumping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.odelump.model.Monomial;
import org.odelump.model.OdeSystem;
import org.odelump.model.Partition;
import org.odelump.model.Polynomial;

/**
 * Speed measurement on synthetic large models (not a unit test): {@code java -cp ... LumpingBenchmark [blocks]
 * [blockSize] [termsPerBlock]}. Builds a model with planted backward and forward structure and writes
 * {@code target/bench/lumping.json} and a line per measurement to standard output. Times are CPU seconds of the
 * calling thread (including normal-form construction), so that a loaded machine does not distort them.
 */
public final class LumpingBenchmark {

    private LumpingBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int blocks = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int termsPerBlock = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        List<String> rows = new ArrayList<>();
        for (boolean forwardPlant : new boolean[] {false, true}) {
            long t0 = System.nanoTime();
            OdeSystem sys = build(blocks, size, termsPerBlock, forwardPlant, new SplittableRandom(1));
            long t1 = System.nanoTime();
            Partition h0 = Partition.single(sys.dimension());
            for (int rep = 0; rep < 2; rep++) {
                java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
                long a = mx.getCurrentThreadCpuTime();
                Partition fe = new ForwardEquivalence(sys, h0, Tolerance.DEFAULT).compute();
                long b = mx.getCurrentThreadCpuTime();
                Partition be = new BackwardEquivalence(sys, h0, Tolerance.DEFAULT).compute();
                long c = mx.getCurrentThreadCpuTime();
                String row = String.format(Locale.ROOT,
                        "{\"planted\":\"%s\",\"variables\":%d,\"terms\":%d,\"buildSeconds\":%.3f,\"run\":%d,"
                                + "\"feCpuSeconds\":%.3f,\"feBlocks\":%d,\"beCpuSeconds\":%.3f,\"beBlocks\":%d}",
                        forwardPlant ? "FE" : "BE", sys.dimension(), sys.termCount(), (t1 - t0) / 1e9, rep,
                        (b - a) / 1e9, fe.size(), (c - b) / 1e9, be.size());
                System.out.println(row);
                rows.add(row);
            }
        }
        Path out = Path.of("target", "bench", "lumping.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "[\n" + String.join(",\n", rows) + "\n]\n");
    }

    /**
     * blocks × size variables; every block gets termsPerBlock reduced terms of degree ≤ 2 over random blocks,
     * realised per member (BE plant: each member picks random representatives of the factor blocks) or spread over
     * the members after expanding the block sums (FE plant).
     */
    static OdeSystem build(int blocks, int size, int termsPerBlock, boolean forwardPlant, SplittableRandom rnd) {
        int n = blocks * size;
        List<Polynomial.Builder> acc = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            acc.add(Polynomial.builder());
        }
        for (int b = 0; b < blocks; b++) {
            for (int t = 0; t < termsPerBlock; t++) {
                double c = RandomSystems.coefficient(rnd);
                int d = rnd.nextInt(1, 3);
                int[] factors = new int[d];
                for (int f = 0; f < d; f++) {
                    factors[f] = rnd.nextInt(blocks);
                }
                if (!forwardPlant) {
                    for (int m = 0; m < size; m++) {
                        int[] vs = new int[d];
                        for (int f = 0; f < d; f++) {
                            vs[f] = factors[f] * size + rnd.nextInt(size);
                        }
                        acc.get(b * size + m).add(Monomial.ofMultiset(vs), c);
                    }
                } else if (d == 1) {
                    for (int k = 0; k < size; k++) {
                        acc.get(b * size + rnd.nextInt(size)).add(Monomial.of(factors[0] * size + k), c);
                    }
                } else {
                    for (int k = 0; k < size; k++) {
                        for (int l = 0; l < size; l++) {
                            acc.get(b * size + rnd.nextInt(size)).add(
                                    Monomial.ofMultiset(factors[0] * size + k, factors[1] * size + l), c);
                        }
                    }
                }
            }
        }
        List<Polynomial> drifts = new ArrayList<>(n);
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            drifts.add(acc.get(i).build());
            names[i] = "x" + i;
        }
        return OdeSystem.builder("bench").variables(names).drifts(drifts).build();
    }
}
