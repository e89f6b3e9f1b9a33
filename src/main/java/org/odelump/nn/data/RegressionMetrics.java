package org.odelump.nn.data;

import java.util.Objects;
import org.odelump.nn.Mlp;

/**
 * Regression accuracy of predictions against targets. With several target columns, RMSE and MAE pool all entries
 * (every sample and column weighs the same) and R² is the mean of the per-column R² (scikit-learn's
 * "uniform_average"). A column whose targets are constant has R² = 1 when predicted exactly and 0 otherwise.
 *
 * @param rmse root mean squared error
 * @param mae  mean absolute error
 * @param r2   coefficient of determination 1 − SS_res / SS_tot, averaged over target columns
 */
public record RegressionMetrics(double rmse, double mae, double r2) {

    /** The network's predictions on the data set's inputs, scored against its targets. */
    public static RegressionMetrics of(Mlp network, Dataset data) {
        Objects.requireNonNull(network, "network");
        if (network.inputs() != data.features() || network.outputs() != data.outputs()) {
            throw new IllegalArgumentException("network " + network + " does not fit a data set with "
                    + data.features() + " features and " + data.outputs() + " targets");
        }
        return of(predict(network, data.inputs()), data.targets());
    }

    /**
     * Fidelity of a compressed network: its outputs scored against the original network's outputs on the same inputs
     * (RMSE 0 and R² 1 when the compression changed nothing).
     */
    public static RegressionMetrics fidelity(Mlp original, Mlp compressed, double[][] inputs) {
        return of(predict(compressed, inputs), predict(original, inputs));
    }

    /** The network's outputs for every input row. */
    public static double[][] predict(Mlp network, double[][] inputs) {
        double[][] out = new double[inputs.length][];
        for (int s = 0; s < inputs.length; s++) {
            out[s] = network.apply(inputs[s]);
        }
        return out;
    }

    /** Predictions (samples × columns) scored against targets of the same shape. */
    public static RegressionMetrics of(double[][] predictions, double[][] targets) {
        if (predictions.length != targets.length || targets.length == 0) {
            throw new IllegalArgumentException(predictions.length + " predictions for " + targets.length
                    + " targets");
        }
        int cols = targets[0].length;
        double sq = 0;
        double abs = 0;
        double[] mean = new double[cols];
        for (int s = 0; s < targets.length; s++) {
            if (predictions[s].length != cols || targets[s].length != cols) {
                throw new IllegalArgumentException("row " + s + " does not have " + cols + " columns");
            }
            for (int c = 0; c < cols; c++) {
                double e = predictions[s][c] - targets[s][c];
                sq += e * e;
                abs += Math.abs(e);
                mean[c] += targets[s][c];
            }
        }
        double n = (double) targets.length * cols;
        double r2Sum = 0;
        for (int c = 0; c < cols; c++) {
            mean[c] /= targets.length;
            double res = 0;
            double tot = 0;
            for (int s = 0; s < targets.length; s++) {
                double e = predictions[s][c] - targets[s][c];
                double d = targets[s][c] - mean[c];
                res += e * e;
                tot += d * d;
            }
            r2Sum += tot > 0 ? 1 - res / tot : (res == 0 ? 1 : 0);
        }
        return new RegressionMetrics(Math.sqrt(sq / n), abs / n, r2Sum / cols);
    }

    /**
     * These metrics relative to a reference (usually the uncompressed network on the same data): RMSE and MAE as
     * ratios (1 = as good as the reference; a reference error of 0 gives 1 when this error is 0 too and +∞
     * otherwise), R² as the drop {@code reference.r2 − r2}.
     */
    public Relative relativeTo(RegressionMetrics reference) {
        return new Relative(ratio(rmse, reference.rmse), ratio(mae, reference.mae), reference.r2 - r2);
    }

    private static double ratio(double a, double b) {
        if (b == 0) {
            return a == 0 ? 1 : Double.POSITIVE_INFINITY;
        }
        return a / b;
    }

    /**
     * Metrics relative to a reference.
     *
     * @param rmseRatio rmse / reference rmse
     * @param maeRatio  mae / reference mae
     * @param r2Drop    reference r2 − r2
     */
    public record Relative(double rmseRatio, double maeRatio, double r2Drop) {
    }
}
