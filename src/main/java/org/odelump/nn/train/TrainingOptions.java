package org.odelump.nn.train;

import java.util.List;
import java.util.Objects;
import org.odelump.nn.Activation;

/**
 * Hyper-parameters of {@link MlpTrainer}: the hidden layers (widths and one activation; the output layer is
 * always IDENTITY), Adam's learning rate (β1 = 0.9, β2 = 0.999, ε = 1e-8 are fixed), the mini-batch size, the
 * epoch limit, early-stopping patience in epochs, and the seed of weight initialisation and shuffling.
 *
 * @param hiddenWidths     widths of the hidden layers, in order (may be empty: a linear model)
 * @param hiddenActivation activation of every hidden layer: TANH, LOGISTIC or RELU
 * @param learningRate     Adam step size, positive
 * @param batchSize        rows per mini-batch, positive (the last batch of an epoch may be smaller)
 * @param maxEpochs        passes over the training split, positive
 * @param patience         stop after this many epochs without a strictly lower validation loss; 0 disables
 *                         early stopping (all {@code maxEpochs} run, the best epoch is still restored)
 * @param seed             seed of the initial weights and of the per-epoch shuffles
 */
public record TrainingOptions(List<Integer> hiddenWidths, Activation hiddenActivation, double learningRate,
        int batchSize, int maxEpochs, int patience, long seed) {

    public TrainingOptions {
        hiddenWidths = List.copyOf(Objects.requireNonNull(hiddenWidths, "hiddenWidths"));
        for (int w : hiddenWidths) {
            if (w <= 0) {
                throw new IllegalArgumentException("hidden widths must be positive: " + hiddenWidths);
            }
        }
        Objects.requireNonNull(hiddenActivation, "hiddenActivation");
        if (hiddenActivation == Activation.IDENTITY) {
            throw new IllegalArgumentException("hidden layers need a nonlinear activation (TANH, LOGISTIC, RELU)");
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be positive: " + learningRate);
        }
        if (batchSize <= 0 || maxEpochs <= 0 || patience < 0) {
            throw new IllegalArgumentException("batch size and epochs must be positive, patience non-negative: "
                    + batchSize + ", " + maxEpochs + ", " + patience);
        }
    }

    /** Defaults used by the experiments: learning rate 1e-3, batch 64, at most 200 epochs, patience 20. */
    public static TrainingOptions defaults(List<Integer> hiddenWidths, Activation hiddenActivation, long seed) {
        return new TrainingOptions(hiddenWidths, hiddenActivation, 1e-3, 64, 200, 20, seed);
    }

    public TrainingOptions withSeed(long newSeed) {
        return new TrainingOptions(hiddenWidths, hiddenActivation, learningRate, batchSize, maxEpochs, patience,
                newSeed);
    }

    public TrainingOptions withEpochs(int newMaxEpochs, int newPatience) {
        return new TrainingOptions(hiddenWidths, hiddenActivation, learningRate, batchSize, newMaxEpochs,
                newPatience, seed);
    }

    public TrainingOptions withLearningRate(double newLearningRate) {
        return new TrainingOptions(hiddenWidths, hiddenActivation, newLearningRate, batchSize, maxEpochs,
                patience, seed);
    }

    public TrainingOptions withBatchSize(int newBatchSize) {
        return new TrainingOptions(hiddenWidths, hiddenActivation, learningRate, newBatchSize, maxEpochs,
                patience, seed);
    }
}
