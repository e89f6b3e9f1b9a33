package org.odelump.nn.train;

import java.util.List;
import java.util.Objects;

/**
 * What one training run did: per-epoch losses (MSE in the units of the data given to the trainer, i.e.
 * standardised units when the caller standardised; mean cross-entropy in nats for {@link Loss#SOFTMAX_CROSS_ENTROPY}),
 * the epoch whose weights were kept, and the wall-clock time.
 * Everything except {@code elapsedMillis} is a deterministic function of the inputs.
 *
 * @param options            the hyper-parameters used
 * @param trainLoss          element e−1 is epoch e's mean mini-batch loss
 * @param validationLoss     element e−1 is the validation loss after epoch e (NaN without a validation split)
 * @param bestEpoch          1-based epoch of the returned weights: lowest validation loss (the first on ties),
 *                           or the last epoch without a validation split
 * @param stoppedEarly       true when patience ran out before {@code maxEpochs}
 * @param elapsedMillis      wall-clock time of the run
 */
public record TrainingReport(TrainingOptions options, List<Double> trainLoss, List<Double> validationLoss,
        int bestEpoch, boolean stoppedEarly, long elapsedMillis) {

    public TrainingReport {
        Objects.requireNonNull(options, "options");
        trainLoss = List.copyOf(trainLoss);
        validationLoss = List.copyOf(validationLoss);
        if (trainLoss.size() != validationLoss.size() || bestEpoch < 1 || bestEpoch > trainLoss.size()) {
            throw new IllegalArgumentException("inconsistent report: " + trainLoss.size() + " epochs, best "
                    + bestEpoch);
        }
    }

    /** Epochs actually run. */
    public int epochsRun() {
        return trainLoss.size();
    }

    /** Validation loss of the kept weights. */
    public double bestValidationLoss() {
        return validationLoss.get(bestEpoch - 1);
    }
}
