package org.odelump.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.odelump.model.OdeSystem;
import org.odelump.testutil.SharedCorpus;

/**
 * Load-time benchmark of {@link BngNetReader} on the five largest {@code .net} files of the shared corpus (not a
 * JUnit test). Each file is loaded {@code reps} times in one JVM; the first load includes JIT warm-up and is
 * reported separately. Prints, per file, the first, median and minimum wall time, the median CPU time of the
 * loading thread (less sensitive to other processes on a shared machine) and the peak heap used
 * during its loads, and writes the same as JSON to {@code target/bench/net-load.json}.
 *
 * <p>Run: {@code mvn -o -q -B test-compile && java -cp target/classes:target/test-classes
 * org.odelump.io.NetLoadBenchmark [reps]}
 */
public final class NetLoadBenchmark {

    private NetLoadBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path root = SharedCorpus.rootOrNull();
        if (root == null) {
            System.out.println("../shared is absent: nothing to measure");
            return;
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(root.resolve("corpus"))) {
            files = s.filter(f -> f.toString().endsWith(".net")).sorted(Comparator.comparingLong(NetLoadBenchmark::size)
                    .reversed()).limit(5).toList();
        }
        StringBuilder json = new StringBuilder("{\n  \"benchmark\": \"BngNetReader.read\",\n  \"reps\": " + reps
                + ",\n  \"processors\": " + Runtime.getRuntime().availableProcessors() + ",\n  \"files\": [\n");
        System.out.printf(Locale.ROOT, "%-28s %8s %9s %9s %9s %9s %13s %10s%n", "file", "species", "reactions",
                "first ms", "median ms", "min ms", "median cpu ms", "peak MB");
        for (int k = 0; k < files.size(); k++) {
            Path f = files.get(k);
            System.gc();
            resetPeaks();
            double[] ms = new double[reps];
            double[] cpu = new double[reps];
            OdeSystem s = null;
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            for (int r = 0; r < reps; r++) {
                long c = threads.getCurrentThreadCpuTime();
                long t = System.nanoTime();
                s = BngNetReader.read(f).system();
                ms[r] = (System.nanoTime() - t) / 1e6;
                cpu[r] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
            }
            double[] cpuSorted = cpu.clone();
            Arrays.sort(cpuSorted);
            double cpuMedian = cpuSorted[reps / 2];
            double peakMb = peakHeap() / 1e6;
            double first = ms[0];
            double[] sorted = ms.clone();
            Arrays.sort(sorted);
            double median = sorted[reps / 2];
            String name = root.relativize(f).toString();
            System.out.printf(Locale.ROOT, "%-28s %8d %9d %9.0f %9.0f %9.0f %13.0f %10.0f%n", f.getFileName(),
                    s.dimension(), s.reactions().size(), first, median, sorted[0], cpuMedian, peakMb);
            json.append(String.format(Locale.ROOT, "    {\"file\": \"%s\", \"bytes\": %d, \"species\": %d,"
                    + " \"reactions\": %d, \"first_ms\": %.1f, \"median_ms\": %.1f, \"min_ms\": %.1f,"
                    + " \"median_thread_cpu_ms\": %.1f, \"peak_heap_mb\": %.1f, \"all_ms\": %s}%s%n", name, size(f),
                    s.dimension(), s.reactions().size(), first, median, sorted[0], cpuMedian, peakMb,
                    Arrays.toString(round(ms)),
                    k + 1 < files.size() ? "," : ""));
        }
        json.append("  ]\n}\n");
        Path out = Path.of("target", "bench", "net-load.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, json);
        System.out.println("wrote " + out);
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long[] round(double[] ms) {
        long[] out = new long[ms.length];
        for (int i = 0; i < ms.length; i++) {
            out[i] = Math.round(ms[i]);
        }
        return out;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            p.resetPeakUsage();
        }
    }

    /** Sum of the heap pools' peak usage since the last reset (an upper bound of the live peak). */
    private static long peakHeap() {
        List<MemoryPoolMXBean> heap = new ArrayList<>();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                heap.add(p);
            }
        }
        long sum = 0;
        for (MemoryPoolMXBean p : heap) {
            sum += p.getPeakUsage().getUsed();
        }
        return sum;
    }
}
