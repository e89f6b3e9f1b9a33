package org.odelump.nn.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.odelump.nn.Activation;
import org.odelump.nn.train.TrainingOptions;

/**
 * What an experiment runs: datasets, seeds, network architectures, training settings, the removed-parameter levels
 * of the summary table and of the plots, and the calibration rows used by Wanda and the refit.
 *
 * @param datasets       dataset keys ({@link ExperimentDataset#KEYS}), in report order
 * @param seeds          seeds 1..seeds are run
 * @param architectures  hidden widths of each architecture (tanh hidden layers, identity output)
 * @param learningRate   Adam step size
 * @param batchSize      mini-batch rows
 * @param maxEpochs      epoch limit
 * @param patience       early-stopping patience (epochs without a lower validation loss)
 * @param levels         fractions of parameters removed at which the summary compares methods, each in (0, 1)
 * @param curveLevels    further removed fractions measured for the plots and the win rates, each in (0, 1)
 * @param calibration    training rows (after a seeded shuffle) used as calibration inputs
 * @param syntheticRows  rows generated for each synthetic dataset
 * @param dataDir        directory holding the UCI files, or null when only synthetic datasets run
 */
public record ExperimentPlan(List<String> datasets, int seeds, List<List<Integer>> architectures, double learningRate,
                             int batchSize, int maxEpochs, int patience, List<Double> levels, List<Double> curveLevels,
                             int calibration, int syntheticRows, Path dataDir) {

    /** Removed fractions of the summary table: 25 %, 50 %, 75 %. */
    public static final List<Double> DEFAULT_LEVELS = List.of(0.25, 0.5, 0.75);

    /** Further removed fractions of the plots: 10 %, 40 %, 60 %, 90 %. */
    public static final List<Double> DEFAULT_CURVE_LEVELS = List.of(0.1, 0.4, 0.6, 0.9);

    /** Two hidden layers of 64, and the deeper setting of three. */
    public static final List<List<Integer>> DEFAULT_ARCHITECTURES = List.of(List.of(64, 64), List.of(64, 64, 64));

    public ExperimentPlan {
        datasets = List.copyOf(datasets);
        architectures = architectures.stream().map(List::copyOf).toList();
        levels = List.copyOf(levels);
        curveLevels = List.copyOf(curveLevels);
        if (datasets.isEmpty() || architectures.isEmpty()) {
            throw new IllegalArgumentException("an experiment needs at least one dataset and one architecture");
        }
        if (seeds < 1) {
            throw new IllegalArgumentException("seeds must be at least 1: " + seeds);
        }
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("at least one removed fraction is needed for the tables");
        }
        for (double l : allLevels(levels, curveLevels)) {
            if (!(l > 0 && l < 1)) {
                throw new IllegalArgumentException("removed fractions must lie in (0, 1): " + l);
            }
        }
        if (calibration < 2 || syntheticRows < 10) {
            throw new IllegalArgumentException("calibration needs at least 2 rows and synthetic datasets 10");
        }
        for (List<Integer> a : architectures) {
            if (a.isEmpty()) {
                throw new IllegalArgumentException("an architecture needs at least one hidden layer");
            }
        }
        // validated by the options record
        new TrainingOptions(architectures.get(0), Activation.TANH, learningRate, batchSize, maxEpochs, patience, 1);
    }

    /** The defaults of {@code odelump experiment}: 5 seeds, 64x64 and 64x64x64, at most 150 epochs. */
    public static ExperimentPlan defaults(List<String> datasets, Path dataDir) {
        return new ExperimentPlan(datasets, 5, DEFAULT_ARCHITECTURES, 1e-3, 64, 150, 15, DEFAULT_LEVELS,
                DEFAULT_CURVE_LEVELS, 512, 4000, dataDir);
    }

    /** Every removed fraction measured: the table's and the plots', ascending, without repeats. */
    public List<Double> allLevels() {
        return allLevels(levels, curveLevels);
    }

    private static List<Double> allLevels(List<Double> levels, List<Double> curve) {
        java.util.TreeSet<Double> all = new java.util.TreeSet<>(levels);
        all.addAll(curve);
        return List.copyOf(all);
    }

    /** The training options of one architecture and seed. */
    public TrainingOptions training(List<Integer> architecture, int seed) {
        return new TrainingOptions(architecture, Activation.TANH, learningRate, batchSize, maxEpochs, patience, seed);
    }

    /** {@code 64x64} for hidden widths [64, 64]. */
    public static String name(List<Integer> architecture) {
        StringBuilder sb = new StringBuilder();
        for (int w : architecture) {
            sb.append(sb.length() == 0 ? "" : "x").append(w);
        }
        return sb.toString();
    }

    /** Parses {@code 64x64}. */
    public static List<Integer> parseArchitecture(String text) {
        List<Integer> out = new ArrayList<>();
        for (String part : text.trim().split("x", -1)) {
            try {
                int w = Integer.parseInt(part.trim());
                if (w < 1) {
                    throw new NumberFormatException();
                }
                out.add(w);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("architecture '" + text + "': expected hidden widths such as "
                        + "64x64 (positive integers joined by x)");
            }
        }
        return out;
    }

    /**
     * Everything that decides a run's results except its dataset, architecture and seed; a cached run is reused
     * only when its fingerprint equals the plan's.
     */
    public String runFingerprint() {
        return String.format(Locale.ROOT, "lr=%s batch=%d epochs=%d patience=%d levels=%s calibration=%d "
                + "syntheticRows=%d split=0.8/0.1/0.1 activation=tanh compensations=%s methods=afde,abde,lsq,dynamics",
                learningRate, batchSize, maxEpochs, patience, allLevels(), calibration, syntheticRows,
                java.util.Arrays.toString(org.odelump.nn.compress.Compensation.values()));
    }

    /** The cache key of a trained network: the training settings only (not the compression settings). */
    public String trainingFingerprint() {
        return String.format(Locale.ROOT, "lr=%s batch=%d epochs=%d patience=%d syntheticRows=%d split=0.8/0.1/0.1 "
                + "activation=tanh", learningRate, batchSize, maxEpochs, patience, syntheticRows);
    }
}
