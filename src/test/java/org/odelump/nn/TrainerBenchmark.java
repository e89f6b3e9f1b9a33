package org.odelump.nn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark (not a JUnit test): trains an 8-64-64-1 tanh network on 4,000 synthetic rows for 200 epochs (batch 64,
 * no early stopping), three times, and writes the wall-clock times to {@code target/bench/trainer.json}. Run with
 * {@code java -cp target/classes:target/test-classes org.odelump.nn.TrainerBenchmark [rows] [epochs] [TANH|LOGISTIC|RELU]}.
 */
public final class TrainerBenchmark {

    private TrainerBenchmark() {
    }

    /** A hash of the exact bits of every weight and bias (stable across JVM runs, unlike Mlp.hashCode). */
    static int bitsHash(Mlp net) {
        int h = 1;
        for (DenseLayer l : net.layers()) {
            for (double[] row : l.weights()) {
                for (double w : row) {
                    h = 31 * h + Long.hashCode(Double.doubleToLongBits(w));
                }
            }
            for (double b : l.bias()) {
                h = 31 * h + Long.hashCode(Double.doubleToLongBits(b));
            }
        }
        return h;
    }

    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Activation act = args.length > 2 ? Activation.valueOf(args[2]) : Activation.TANH;
        Dataset d = MlpTrainerTest.smooth(rows, 8, 0.01, 1);
        Standardisation st = Standardisation.fit(d);
        Dataset z = st.apply(d);
        Dataset empty = z.select(new int[0]);
        TrainingOptions o = new TrainingOptions(List.of(64, 64), act, 1e-3, 64, epochs, 0, 1);
        StringBuilder runs = new StringBuilder();
        StringBuilder cpus = new StringBuilder();
        for (int rep = 0; rep < 3; rep++) {
            long cpu0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            MlpTrainer.Result r = new MlpTrainer(z, empty, o, TrainingListener.NONE).train();
            long cpuMs = (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0)
                    / 1_000_000;
            System.out.printf(Locale.ROOT, "run %d: %d ms wall, %d ms cpu, final train loss %.5f, weights hash %08x%n", rep,
                    r.report().elapsedMillis(), cpuMs,
                    r.report().trainLoss().get(epochs - 1), bitsHash(r.network()));
            runs.append(rep == 0 ? "" : ", ").append(r.report().elapsedMillis());
            cpus.append(rep == 0 ? "" : ", ").append(cpuMs);
        }
        Path out = Path.of("target", "bench", "trainer.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.format(Locale.ROOT,
                "{\"network\": \"8-64-64-1 %s\", \"rows\": %d, \"epochs\": %d, \"batch\": 64, \"millis\": [%s], \"cpuMillis\": [%s]}%n",
                act, rows, epochs, runs, cpus));
    }
}
