package org.odelump.nn.data;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * A regression table: {@code rows} input vectors of {@code features} columns, each with a target vector of
 * {@code outputs} columns, and the names of both kinds of column. Immutable; stored row-major in flat arrays
 * (which the trainer reads directly), copied on the way in and out.
 */
public final class Dataset {

    private final List<String> featureNames;
    private final List<String> targetNames;
    private final int rows;
    private final double[] x;
    private final double[] y;

    /**
     * @param featureNames one distinct name per input column
     * @param targetNames  one distinct name per target column
     * @param inputs       rows × features, finite
     * @param targets      rows × outputs, finite, as many rows as {@code inputs}
     */
    public Dataset(List<String> featureNames, List<String> targetNames, double[][] inputs, double[][] targets) {
        this(checkNames(featureNames, "feature"), checkNames(targetNames, "target"), inputs.length,
                flatten(inputs, featureNames.size(), "input"), flatten(targets, targetNames.size(), "target"));
        if (targets.length != inputs.length) {
            throw new IllegalArgumentException(inputs.length + " input rows but " + targets.length + " target rows");
        }
    }

    /** Trusted constructor: arrays are owned, not copied. */
    private Dataset(List<String> featureNames, List<String> targetNames, int rows, double[] x, double[] y) {
        this.featureNames = featureNames;
        this.targetNames = targetNames;
        this.rows = rows;
        this.x = x;
        this.y = y;
    }

    static Dataset ofFlat(List<String> featureNames, List<String> targetNames, int rows, double[] x, double[] y) {
        return new Dataset(featureNames, targetNames, rows, x, y);
    }

    private static List<String> checkNames(List<String> names, String what) {
        Objects.requireNonNull(names, what + " names");
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a dataset needs at least one " + what + " column");
        }
        if (new HashSet<>(names).size() != names.size()) {
            throw new IllegalArgumentException("duplicate " + what + " names: " + names);
        }
        return List.copyOf(names);
    }

    private static double[] flatten(double[][] a, int cols, String what) {
        Objects.requireNonNull(a, what + "s");
        double[] flat = new double[a.length * cols];
        for (int r = 0; r < a.length; r++) {
            if (a[r].length != cols) {
                throw new IllegalArgumentException(what + " row " + r + " has " + a[r].length + " columns, expected "
                        + cols);
            }
            for (int c = 0; c < cols; c++) {
                double v = a[r][c];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(what + " row " + r + " column " + c + " is not finite: " + v);
                }
                flat[r * cols + c] = v;
            }
        }
        return flat;
    }

    public int rows() {
        return rows;
    }

    public int features() {
        return featureNames.size();
    }

    public int outputs() {
        return targetNames.size();
    }

    public List<String> featureNames() {
        return featureNames;
    }

    public List<String> targetNames() {
        return targetNames;
    }

    public double input(int row, int column) {
        return x[index(row, column, features())];
    }

    public double target(int row, int column) {
        return y[index(row, column, outputs())];
    }

    private int index(int row, int column, int cols) {
        Objects.checkIndex(row, rows);
        Objects.checkIndex(column, cols);
        return row * cols + column;
    }

    /** A copy of one input row. */
    public double[] inputRow(int row) {
        Objects.checkIndex(row, rows);
        double[] out = new double[features()];
        System.arraycopy(x, row * out.length, out, 0, out.length);
        return out;
    }

    /** A copy of one target row. */
    public double[] targetRow(int row) {
        Objects.checkIndex(row, rows);
        double[] out = new double[outputs()];
        System.arraycopy(y, row * out.length, out, 0, out.length);
        return out;
    }

    /** A copy of the inputs, rows × features. */
    public double[][] inputs() {
        double[][] out = new double[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = inputRow(r);
        }
        return out;
    }

    /** A copy of the targets, rows × outputs. */
    public double[][] targets() {
        double[][] out = new double[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = targetRow(r);
        }
        return out;
    }

    /** The flat row-major inputs (not copied; package use only, never modified). */
    double[] flatInputs() {
        return x;
    }

    /** The flat row-major targets (not copied; package use only, never modified). */
    double[] flatTargets() {
        return y;
    }

    /** The inputs as one row-major array (a copy): feature c of row r at {@code r * features() + c}. */
    public double[] inputsRowMajor() {
        return x.clone();
    }

    /** The targets as one row-major array (a copy): target c of row r at {@code r * outputs() + c}. */
    public double[] targetsRowMajor() {
        return y.clone();
    }

    /** The rows at the given indices, in that order (an index may repeat). */
    public Dataset select(int[] indices) {
        int f = features();
        int o = outputs();
        double[] nx = new double[indices.length * f];
        double[] ny = new double[indices.length * o];
        for (int k = 0; k < indices.length; k++) {
            int r = Objects.checkIndex(indices[k], rows);
            System.arraycopy(x, r * f, nx, k * f, f);
            System.arraycopy(y, r * o, ny, k * o, o);
        }
        return new Dataset(featureNames, targetNames, indices.length, nx, ny);
    }

    /**
     * A deterministic random split. The rows are shuffled by Fisher–Yates with {@code java.util.Random(seed)}
     * (whose algorithm the JDK specifies, so the split is the same on every JVM); the first
     * round(rows · train) shuffled rows form the training split, the next round(rows · validation) the validation
     * split, and the rest the test split.
     *
     * @param train      fraction of rows for training, in (0, 1]
     * @param validation fraction for validation, ≥ 0
     * @param test       fraction for testing, ≥ 0; the three must sum to 1 (within 1e-9)
     * @param seed       shuffling seed
     */
    public Split split(double train, double validation, double test, long seed) {
        if (!(train > 0) || !(validation >= 0) || !(test >= 0)
                || Math.abs(train + validation + test - 1.0) > 1e-9) {
            throw new IllegalArgumentException("split fractions must be positive and sum to 1: " + train + ", "
                    + validation + ", " + test);
        }
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        Random rnd = new Random(seed);
        for (int i = rows - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int nTrain = (int) Math.round(rows * train);
        int nVal = Math.min(rows - nTrain, (int) Math.round(rows * validation));
        return new Split(select(java.util.Arrays.copyOfRange(order, 0, nTrain)),
                select(java.util.Arrays.copyOfRange(order, nTrain, nTrain + nVal)),
                select(java.util.Arrays.copyOfRange(order, nTrain + nVal, rows)));
    }

    /** A dataset with only the named target column (for multi-output tables). */
    public Dataset withTarget(String targetName) {
        int c = targetNames.indexOf(targetName);
        if (c < 0) {
            throw new IllegalArgumentException("no target column '" + targetName + "' in " + targetNames);
        }
        int o = outputs();
        double[] ny = new double[rows];
        for (int r = 0; r < rows; r++) {
            ny[r] = y[r * o + c];
        }
        return new Dataset(featureNames, List.of(targetName), rows, x, ny);
    }

    /** Training, validation and test splits of one dataset. */
    public record Split(Dataset train, Dataset validation, Dataset test) {
        public Split {
            Objects.requireNonNull(train, "train");
            Objects.requireNonNull(validation, "validation");
            Objects.requireNonNull(test, "test");
        }
    }

    @Override
    public String toString() {
        return "Dataset[" + rows + " rows, " + featureNames + " -> " + targetNames + "]";
    }
}
