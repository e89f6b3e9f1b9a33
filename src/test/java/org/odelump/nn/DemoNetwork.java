package org.odelump.nn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.odelump.nn.data.CsvDatasets;
import org.odelump.nn.data.Dataset;
import org.odelump.nn.io.NetworkFile;
import org.odelump.nn.io.NetworkFiles;
import org.odelump.nn.io.NetworkFormat;
import org.odelump.nn.io.NetworkProvenance;
import org.odelump.nn.train.MlpTrainer;
import org.odelump.nn.train.TrainingListener;
import org.odelump.nn.train.TrainingOptions;

/**
 * Regenerates the demo network shipped in {@code models/}: 400 rows of y = sin(x0) + x0·x1 with x0, x1 uniform in
 * [−2, 2] drawn by {@code java.util.Random(}{@value #SEED}{@code )}, printed with 6 decimals, the first 320 rows
 * for training and the last 80 for testing; a 2-16-16-1 tanh network trained by {@link MlpTrainer} on the
 * training file as printed (Adam, learning rate 0.01, batch 32, 600 epochs, seed {@value #SEED}, no
 * standardisation). {@code mvn test -Dtest=DemoNetworkTest -Dodelump.regenerate=true} rewrites the files;
 * {@code DemoNetworkTest} checks that the shipped files are what this code produces.
 */
public final class DemoNetwork {

    static final long SEED = 2026;
    static final String NAME = "demo_tanh_2x16";

    private DemoNetwork() {
    }

    /** The CSV text of all 400 rows (header x0,x1,y). */
    static String[] csv() {
        Random rnd = new Random(SEED);
        StringBuilder train = new StringBuilder("x0,x1,y\n");
        StringBuilder test = new StringBuilder("x0,x1,y\n");
        for (int r = 0; r < 400; r++) {
            double x0 = -2 + 4 * rnd.nextDouble();
            double x1 = -2 + 4 * rnd.nextDouble();
            double y = Math.sin(x0) + x0 * x1;
            (r < 320 ? train : test).append(String.format(Locale.ROOT, "%.6f,%.6f,%.6f%n", x0, x1, y));
        }
        return new String[] {train.toString(), test.toString()};
    }

    static TrainingOptions options() {
        return new TrainingOptions(List.of(16, 16), Activation.TANH, 0.01, 32, 600, 0, SEED);
    }

    /** Trains the network on the training text. */
    static Mlp train(String trainCsv) {
        Dataset train = CsvDatasets.parse(trainCsv, NAME + ".train.csv", List.of("y"));
        return new MlpTrainer(train, train.select(new int[0]), options(), TrainingListener.NONE).train().network();
    }

    static NetworkFile file(Mlp net) {
        return new NetworkFile(net, List.of("x0", "x1"), List.of("y"), null, null, new NetworkProvenance(
                "odelump", "", "MlpTrainer " + options() + " on models/" + NAME + ".train.csv (DemoNetwork)"));
    }

    /** Writes the three files into {@code dir}. */
    static void write(Path dir) throws IOException {
        String[] csv = csv();
        Files.writeString(dir.resolve(NAME + ".train.csv"), csv[0], StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(NAME + ".test.csv"), csv[1], StandardCharsets.UTF_8);
        NetworkFiles.write(dir.resolve(NAME + ".json"), file(train(csv[0])), NetworkFormat.JSON);
    }
}
