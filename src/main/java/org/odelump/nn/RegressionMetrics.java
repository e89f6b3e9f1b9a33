package org.odelump.nn;

/**
 * Accuracy of a network on a dataset, pooled over all rows and output columns: root mean squared error, mean
 * absolute error and the coefficient of determination R² = 1 − SS_res / SS_tot (SS_tot about each column's own
 * mean on this dataset; NaN when every target is constant). In the units of the data given: pass original-unit
 * data with {@link Standardisation#unstandardised} networks to report in original units.
 *
 * @param rmse root mean squared error
 * @param mae  mean absolute error
 * @param r2   coefficient of determination
 * @param rows rows evaluated
 */
public record RegressionMetrics(double rmse, double mae, double r2, int rows) {

    /** Evaluates {@code net} on every row of {@code data} (at least one row). */
    public static RegressionMetrics of(Mlp net, Dataset data) {
        if (data.rows() == 0) {
            throw new IllegalArgumentException("cannot evaluate on an empty dataset");
        }
        if (net.inputs() != data.features() || net.outputs() != data.outputs()) {
            throw new IllegalArgumentException("network " + net + " does not fit " + data);
        }
        int n = data.rows();
        int o = data.outputs();
        double[] mean = new double[o];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < o; c++) {
                mean[c] += data.target(r, c);
            }
        }
        for (int c = 0; c < o; c++) {
            mean[c] /= n;
        }
        double sq = 0;
        double abs = 0;
        double tot = 0;
        for (int r = 0; r < n; r++) {
            double[] out = net.apply(data.inputRow(r));
            for (int c = 0; c < o; c++) {
                double t = data.target(r, c);
                double e = out[c] - t;
                sq += e * e;
                abs += Math.abs(e);
                tot += (t - mean[c]) * (t - mean[c]);
            }
        }
        double count = (double) n * o;
        return new RegressionMetrics(Math.sqrt(sq / count), abs / count, tot > 0 ? 1 - sq / tot : Double.NaN, n);
    }
}
