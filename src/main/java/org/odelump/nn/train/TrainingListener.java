package org.odelump.nn.train;

/** Progress of {@link MlpTrainer}, called on the training thread after every epoch. The library never prints. */
@FunctionalInterface
public interface TrainingListener {

    /** A listener that ignores everything. */
    TrainingListener NONE = (epoch, maxEpochs, trainLoss, validationLoss) -> { };

    /**
     * @param epoch          the epoch just finished, 1-based
     * @param maxEpochs      the epoch limit
     * @param trainLoss      mean of this epoch's mini-batch MSE losses
     * @param validationLoss MSE on the validation split after the epoch (NaN without a validation split)
     */
    void epochFinished(int epoch, int maxEpochs, double trainLoss, double validationLoss);
}
