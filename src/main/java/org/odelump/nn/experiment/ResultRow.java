package org.odelump.nn.experiment;

import java.util.List;
import java.util.Objects;

/**
 * One measured network of an experiment: the uncompressed network, or one compression method with one
 * compensation at one size, scored on the test split in the data's units.
 *
 * @param dataset      dataset key
 * @param architecture hidden widths, e.g. {@code 64x64}
 * @param seed         seed of the split, the initial weights, the shuffles and the calibration rows
 * @param kind         {@link Kind#ORIGINAL} or {@link Kind#LEVEL} (a fixed fraction of parameters removed)
 * @param level        for LEVEL rows the requested removed fraction (0.25, 0.5, …); 0 for the original
 * @param method       {@code original}, {@code afde}, {@code abde}, {@code magnitude}, {@code magnitude-layer},
 *                     {@code structured}, {@code wanda}
 * @param compensation {@code none} or {@code refit} ({@code none} for the original)
 * @param epsilon      relative ε of the lumping that fixed this size (for baselines: that of the AFDE network
 *                     they are matched to); NaN for the original
 * @param parameters   non-zero parameters (weights and biases) of the measured network
 * @param removed      fraction of the original non-zero parameters removed
 * @param rmse         test RMSE
 * @param mae          test MAE
 * @param r2           test R²
 * @param seconds      wall time of the compression and compensation (training time for the original)
 */
public record ResultRow(String dataset, String architecture, int seed, Kind kind, double level, String method,
                        String compensation, double epsilon, long parameters, double removed, double rmse,
                        double mae, double r2, double seconds) {

    /** What a row measures. */
    public enum Kind {
        ORIGINAL, LEVEL
    }

    public ResultRow {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(compensation, "compensation");
    }

    /** Column names of {@link #cells()}. */
    public static final List<String> HEADER = List.of("dataset", "architecture", "seed", "kind", "level", "method",
            "compensation", "epsilon_rel", "parameters", "removed", "test_rmse", "test_mae", "test_r2", "seconds");

    /** The row as CSV cells, in {@link #HEADER} order. */
    public List<Object> cells() {
        return List.of(dataset, architecture, seed, kind.name().toLowerCase(java.util.Locale.ROOT), level, method,
                compensation, epsilon, parameters, removed, rmse, mae, r2, seconds);
    }
}
