package org.odelump.nn.compress;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.odelump.io.TableFormatException;
import org.odelump.model.Provenance;
import org.odelump.nn.Activation;
import org.odelump.nn.Mlp;
import org.odelump.nn.data.CsvDatasets;
import org.odelump.nn.data.Dataset;
import org.odelump.nn.io.NetworkFile;
import org.odelump.nn.io.NetworkFiles;
import org.odelump.nn.io.NetworkFormat;

/**
 * The inputs of a compression of a network file: the network and its training (and test) CSV, each file read once
 * and hashed from the same bytes; the test rows (the {@code test} file, or a seeded hold-out of the training data);
 * the calibration rows ({@link CompressionComparison#calibration}, in the network's input units); and the scoring
 * in the data's units (the file's standardisation around the network).
 *
 * @param networkSha256 SHA-256 of the network file
 * @param dataSha256    SHA-256 of the training CSV
 * @param testSha256    SHA-256 of the test CSV, or null when the test rows were held out of the training CSV
 * @param testSource    where the test rows come from, in words
 */
public record CompressionData(NetworkFile file, NetworkFormat format, String networkSha256, String dataSha256,
                              String testSha256, Dataset train, Dataset test, String testSource,
                              double[][] calibration, CompressionComparison.Scoring scoring) {

    /** Input that does not fit: the message names the file and says what was expected. */
    public static final class InvalidInputException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public InvalidInputException(String message) {
            super(message);
        }
    }

    /**
     * What to read.
     *
     * @param targets         the target columns (one column of class labels for a classifier)
     * @param classification  whether the network's outputs are logits of the classes
     * @param test            the test CSV, or null to hold out {@code testFraction} of {@code data} with {@code seed}
     * @param seed            the seed of the hold-out and of the calibration shuffle
     * @param calibrationRows at most this many calibration rows
     */
    public record Request(Path network, Path data, List<String> targets, boolean classification, Path test,
                          double testFraction, long seed, int calibrationRows) {
        public Request {
            Objects.requireNonNull(network, "network");
            Objects.requireNonNull(data, "data");
            targets = List.copyOf(targets);
        }
    }

    /** The comparison of methods on this network, calibration and test data. */
    public CompressionComparison comparison() {
        return new CompressionComparison(file.mlp(), calibration, scoring);
    }

    /**
     * Reads and checks everything.
     *
     * @throws InvalidInputException if the network and the data do not fit together
     * @throws IOException           if a file cannot be read
     */
    public static CompressionData read(Request q) throws IOException {
        NetworkFormat format = NetworkFiles.formatOf(q.network());
        byte[] netBytes = Files.readAllBytes(q.network());
        NetworkFile file = NetworkFiles.read(q.network(), format, netBytes);
        Mlp mlp = file.mlp();
        if (file.isClassifier() && !q.classification()) {
            throw new InvalidInputException(q.network() + " is a classifier (classes "
                    + String.join(", ", file.classes()) + "); compress it with --task classification");
        }
        if (q.classification() && (file.targetStandardisation() != null || mlp.outputs() < 2
                || mlp.layer(mlp.layers().size() - 1).activation() != Activation.IDENTITY)) {
            throw new InvalidInputException(q.network() + " is no classifier: --task classification needs logits "
                    + "outputs (at least two, identity last layer, no target standardisation)");
        }
        byte[] dataBytes = Files.readAllBytes(q.data());
        Dataset all = csv(q, q.data(), dataBytes, file);
        if (all.features() != mlp.inputs() || all.outputs() != mlp.outputs()) {
            throw new InvalidInputException(q.data() + ": " + all.features() + " feature and " + all.outputs()
                    + " target columns, the network has " + mlp.inputs() + " inputs and " + mlp.outputs()
                    + " outputs");
        }
        if (!file.inputNames().isEmpty() && !file.inputNames().equals(all.featureNames())) {
            throw new InvalidInputException(q.data() + ": feature columns " + all.featureNames()
                    + " differ from the network's inputs " + file.inputNames());
        }
        Dataset train;
        Dataset test;
        String source;
        String testSha256 = null;
        if (q.test() != null) {
            train = all;
            byte[] testBytes = Files.readAllBytes(q.test());
            testSha256 = Provenance.sha256(testBytes);
            test = csv(q, q.test(), testBytes, file);
            if (!test.featureNames().equals(all.featureNames())) {
                throw new InvalidInputException(q.test() + ": columns " + test.featureNames() + " differ from "
                        + all.featureNames());
            }
            source = q.test().toString();
        } else {
            Dataset.Split s = all.split(1 - q.testFraction(), 0, q.testFraction(), q.seed());
            train = s.train();
            test = s.test();
            source = String.format(Locale.ROOT, "%s of %s held out (seed %d)",
                    CompressionComparison.format(q.testFraction()), q.data(), q.seed());
        }
        if (test.rows() == 0 || train.rows() == 0) {
            throw new InvalidInputException("the training and test data need at least one row each");
        }
        UnaryOperator<double[]> toNetwork = x -> file.inputStandardisationIfAny().map(s -> s.standardise(x))
                .orElse(x);
        double[][] cal = CompressionComparison.calibration(train, q.calibrationRows(), q.seed(), toNetwork);
        double[][] testIn = new double[test.rows()][];
        for (int r = 0; r < testIn.length; r++) {
            testIn[r] = toNetwork.apply(test.inputRow(r));
        }
        UnaryOperator<double[]> toData = z -> file.targetStandardisationIfAny().map(s -> s.unstandardise(z))
                .orElse(z);
        return new CompressionData(file, format, Provenance.sha256(netBytes), Provenance.sha256(dataBytes),
                testSha256, train, test, source, cal,
                new CompressionComparison.Scoring(testIn, test.targets(), toData));
    }

    private static Dataset csv(Request q, Path p, byte[] bytes, NetworkFile file) throws IOException {
        String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        try {
            if (q.classification()) {
                List<String> classes = file.isClassifier() ? file.classes()
                        : IntStream.range(0, file.mlp().outputs()).mapToObj(Integer::toString).toList();
                return CsvDatasets.parseLabelled(text, p.toString(), q.targets().get(0), classes);
            }
            return CsvDatasets.parse(text, p.toString(), q.targets());
        } catch (TableFormatException | IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage().lines().findFirst().orElse(e.toString()));
        }
    }
}
