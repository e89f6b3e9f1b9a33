package org.odelump.cli;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Runs one benchmark case several times and measures each run: wall time, CPU time of the calling thread (less
 * disturbed by other processes on a shared machine; it excludes garbage-collector threads), and the peak heap.
 *
 * <p>Peak heap: before each run the collector is asked to run ({@link System#gc()}) and the peak usage of every
 * heap memory pool is reset; after the run the pools' peaks are summed. The sum is an upper bound of the true
 * peak of live plus not yet collected objects (pools peak at different moments); the case reports the largest
 * sum over its runs.
 */
final class BenchRunner {

    /**
     * The measurements of one case.
     *
     * @param wallSeconds   wall time of each run
     * @param cpuSeconds    CPU time of the benchmark thread in each run
     * @param peakHeapBytes largest summed heap-pool peak over the runs
     * @param gcSeconds     time the garbage collectors reported for each run (their threads' work, which the
     *                      benchmark thread's CPU time does not include)
     */
    record Measurement(double[] wallSeconds, double[] cpuSeconds, long peakHeapBytes, double[] gcSeconds) {
        double medianWall() {
            return median(wallSeconds);
        }

        double medianCpu() {
            return median(cpuSeconds);
        }

        double medianGc() {
            return median(gcSeconds);
        }

        double minWall() {
            return Arrays.stream(wallSeconds).min().orElse(Double.NaN);
        }
    }

    /** A measurement with the result of the last run. */
    record Timed<T>(Measurement measurement, T result) {
    }

    private BenchRunner() {
    }

    /**
     * Runs {@code task} {@code repeat} times. The previous run's result is dropped before the next run starts, so
     * that at most one result is alive during a run.
     */
    static <T> Timed<T> measure(int repeat, Callable<T> task) throws Exception {
        if (repeat < 1) {
            throw new IllegalArgumentException("repeat must be >= 1: " + repeat);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] wall = new double[repeat];
        double[] cpu = new double[repeat];
        double[] gc = new double[repeat];
        long peak = 0;
        T result = null;
        for (int r = 0; r < repeat; r++) {
            result = null;
            System.gc();
            resetPeaks();
            long g0 = gcMillis();
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            result = task.call();
            wall[r] = (System.nanoTime() - t0) / 1e9;
            cpu[r] = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
            gc[r] = (gcMillis() - g0) / 1e3;
            peak = Math.max(peak, peakHeap());
        }
        return new Timed<>(new Measurement(wall, cpu, peak, gc), result);
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /**
     * Least-squares slope of log(time) against log(size): time grows like size^slope. NaN with fewer than two
     * distinct sizes or a non-positive value.
     */
    static double fittedExponent(List<double[]> sizeAndTime) {
        int n = sizeAndTime.size();
        double sx = 0;
        double sy = 0;
        for (double[] p : sizeAndTime) {
            if (!(p[0] > 0) || !(p[1] > 0)) {
                return Double.NaN;
            }
            sx += Math.log(p[0]);
            sy += Math.log(p[1]);
        }
        double mx = sx / n;
        double my = sy / n;
        double sxx = 0;
        double sxy = 0;
        for (double[] p : sizeAndTime) {
            double dx = Math.log(p[0]) - mx;
            sxx += dx * dx;
            sxy += dx * (Math.log(p[1]) - my);
        }
        return n < 2 || sxx == 0 ? Double.NaN : sxy / sxx;
    }

    private static long gcMillis() {
        long sum = 0;
        for (GarbageCollectorMXBean g : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, g.getCollectionTime());
        }
        return sum;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.isValid()) {
                p.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.isValid() && p.getPeakUsage() != null) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
