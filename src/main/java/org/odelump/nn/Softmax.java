package org.odelump.nn;

/**
 * The output convention of a classifier: the network's outputs are logits z (one per class, IDENTITY output layer),
 * the class probabilities are softmax(z)_c = exp(z_c − max z) / Σ_k exp(z_k − max z) (shifted by the maximum so that
 * no exponential overflows), and the predicted class is the first index of the largest logit.
 */
public final class Softmax {

    private Softmax() {
    }

    /** The class probabilities of one row of logits; they sum to 1. */
    public static double[] probabilities(double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double z : logits) {
            max = Math.max(max, z);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int c = 0; c < logits.length; c++) {
            p[c] = Math.exp(logits[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < p.length; c++) {
            p[c] /= sum;
        }
        return p;
    }

    /** −log softmax(z)_c, computed as log Σ exp(z_k − max z) − (z_c − max z) without forming the probabilities. */
    public static double crossEntropy(double[] logits, int label) {
        double max = Double.NEGATIVE_INFINITY;
        for (double z : logits) {
            max = Math.max(max, z);
        }
        double sum = 0;
        for (double z : logits) {
            sum += Math.exp(z - max);
        }
        return Math.log(sum) - (logits[label] - max);
    }

    /** The first index of the largest value. */
    public static int argmax(double[] logits) {
        int best = 0;
        for (int c = 1; c < logits.length; c++) {
            if (logits[c] > logits[best]) {
                best = c;
            }
        }
        return best;
    }
}
