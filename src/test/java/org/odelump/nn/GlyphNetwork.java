package org.odelump.nn;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.odelump.nn.data.CsvDatasets;
import org.odelump.nn.data.Dataset;
import org.odelump.nn.data.GlyphDataset;
import org.odelump.nn.io.NetworkFile;
import org.odelump.nn.io.NetworkFiles;
import org.odelump.nn.io.NetworkFormat;
import org.odelump.nn.io.NetworkProvenance;
import org.odelump.nn.train.Loss;
import org.odelump.nn.train.MlpTrainer;
import org.odelump.nn.train.TrainingListener;
import org.odelump.nn.train.TrainingOptions;

/**
 * Trains the glyph classifier shipped in {@code models/}: a 64-32-32-5 tanh network with logits outputs, trained by
 * {@link MlpTrainer} with softmax cross-entropy on the CSV that {@code odelump dataset glyphs --rows 600} writes
 * (seed 1; Adam, learning rate 0.01, batch 32, 40 epochs, no early stopping, seed {@value #SEED}).
 * {@code GlyphClassificationTest} retrains it and compares, and rewrites it with {@code -Dodelump.regenerate=true}.
 */
public final class GlyphNetwork {

    static final long SEED = 7;
    public static final String NAME = "glyphs_tanh_32x32";

    private GlyphNetwork() {
    }

    public static TrainingOptions options() {
        return new TrainingOptions(List.of(32, 32), Activation.TANH, 0.01, 32, 40, 0, SEED);
    }

    /** Trains on the training CSV (label column {@code label}) and wraps the network with names and classes. */
    public static NetworkFile train(Path trainCsv) throws IOException {
        Dataset train = CsvDatasets.readLabelled(trainCsv, "label", GlyphDataset.CLASSES);
        Mlp net = new MlpTrainer(train, train.select(new int[0]), options(), TrainingListener.NONE,
                Loss.SOFTMAX_CROSS_ENTROPY).train().network();
        return new NetworkFile(net, train.featureNames(), List.of(), null, null, new NetworkProvenance("odelump", "",
                "MlpTrainer softmax cross-entropy " + options() + " on `odelump dataset glyphs --rows 600` "
                        + "(GlyphNetwork)"), null, GlyphDataset.CLASSES);
    }

    /** Trains on {@code trainCsv} and writes the network to {@code out} as JSON. */
    public static void write(Path trainCsv, Path out) throws IOException {
        NetworkFiles.write(out, train(trainCsv), NetworkFormat.JSON);
    }
}
