package org.odelump.nn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark (not a JUnit test): trains an 8-64-64-1 tanh network on 4,000 synthetic rows for 200 epochs (batch 64,
 * no early stopping), three times, and writes the wall-clock times to {@code target/bench/trainer.json}. Run with
 * {@code java -cp target/classes:target/test-classes org.odelump.nn.TrainerBenchmark [rows] [epochs]}.
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
        Dataset d = MlpTrainerTest.smooth(rows, 8, 0.01, 1);
        Standardisation st = Standardisation.fit(d);
        Dataset z = st.apply(d);
        Dataset empty = z.select(new int[0]);
        TrainingOptions o = new TrainingOptions(List.of(64, 64), Activation.TANH, 1e-3, 64, epochs, 0, 1);
        StringBuilder runs = new StringBuilder();
        for (int rep = 0; rep < 3; rep++) {
            MlpTrainer.Result r = new MlpTrainer(z, empty, o, TrainingListener.NONE).train();
            System.out.printf(Locale.ROOT, "run %d: %d ms, final train loss %.5f, weights hash %08x%n", rep,
                    r.report().elapsedMillis(),
                    r.report().trainLoss().get(epochs - 1), bitsHash(r.network()));
            runs.append(rep == 0 ? "" : ", ").append(r.report().elapsedMillis());
        }
        Path out = Path.of("target", "bench", "trainer.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.format(Locale.ROOT,
                "{\"network\": \"8-64-64-1 tanh\", \"rows\": %d, \"epochs\": %d, \"batch\": 64, \"millis\": [%s]}%n",
                rows, epochs, runs));
    }
}
