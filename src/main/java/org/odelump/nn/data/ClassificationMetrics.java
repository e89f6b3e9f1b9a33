package org.odelump.nn.data;

import java.util.Objects;
import org.odelump.nn.Softmax;

/**
 * Classification quality of logits ({@link Softmax} convention) against class labels, and agreement with a
 * reference network's predictions.
 *
 * @param accuracy     fraction of rows whose predicted class (argmax of the logits) is the label
 * @param crossEntropy mean −log softmax(z)_label over rows (natural logarithm, nats)
 */
public record ClassificationMetrics(double accuracy, double crossEntropy) {

    /** Logits (rows × classes) scored against labels (class indices). */
    public static ClassificationMetrics of(double[][] logits, int[] labels) {
        Objects.requireNonNull(logits, "logits");
        if (logits.length != labels.length || labels.length == 0) {
            throw new IllegalArgumentException(logits.length + " rows of logits for " + labels.length + " labels");
        }
        int hits = 0;
        double ce = 0;
        for (int r = 0; r < labels.length; r++) {
            if (labels[r] < 0 || labels[r] >= logits[r].length) {
                throw new IllegalArgumentException("row " + r + ": label " + labels[r] + " is not one of the "
                        + logits[r].length + " classes");
            }
            if (Softmax.argmax(logits[r]) == labels[r]) {
                hits++;
            }
            ce += Softmax.crossEntropy(logits[r], labels[r]);
        }
        return new ClassificationMetrics((double) hits / labels.length, ce / labels.length);
    }

    /** Logits scored against one-hot targets (the class of a row is the index of its largest target). */
    public static ClassificationMetrics ofOneHot(double[][] logits, double[][] oneHot) {
        return of(logits, labels(oneHot));
    }

    /** The class index of every one-hot row. */
    public static int[] labels(double[][] oneHot) {
        int[] y = new int[oneHot.length];
        for (int r = 0; r < y.length; r++) {
            y[r] = Softmax.argmax(oneHot[r]);
        }
        return y;
    }

    /** Fraction of rows on which two sets of logits predict the same class (1 = the same decisions). */
    public static double agreement(double[][] logits, double[][] reference) {
        if (logits.length != reference.length || logits.length == 0) {
            throw new IllegalArgumentException(logits.length + " rows against " + reference.length);
        }
        int same = 0;
        for (int r = 0; r < logits.length; r++) {
            if (Softmax.argmax(logits[r]) == Softmax.argmax(reference[r])) {
                same++;
            }
        }
        return (double) same / logits.length;
    }
}
