package org.odelump.nn;

import java.util.List;
import java.util.Objects;

/**
 * A supervised data set: one input row and one target row per sample, with optional column names. Immutable: the
 * arrays are copied in and out.
 */
public final class Dataset {

    private final double[][] inputs;
    private final double[][] targets;
    private final List<String> inputNames;
    private final List<String> targetNames;

    /** A data set without column names. */
    public Dataset(double[][] inputs, double[][] targets) {
        this(inputs, targets, List.of(), List.of());
    }

    /**
     * @param inputs      samples × input columns, every row of the same length
     * @param targets     samples × target columns, one row per input row
     * @param inputNames  one name per input column, or empty
     * @param targetNames one name per target column, or empty
     */
    public Dataset(double[][] inputs, double[][] targets, List<String> inputNames, List<String> targetNames) {
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(targets, "targets");
        if (inputs.length != targets.length) {
            throw new IllegalArgumentException(inputs.length + " input rows but " + targets.length + " target rows");
        }
        if (inputs.length == 0) {
            throw new IllegalArgumentException("a data set needs at least one sample");
        }
        this.inputs = copyRectangular(inputs, "input");
        this.targets = copyRectangular(targets, "target");
        this.inputNames = List.copyOf(inputNames);
        this.targetNames = List.copyOf(targetNames);
        if (!this.inputNames.isEmpty() && this.inputNames.size() != this.inputs[0].length) {
            throw new IllegalArgumentException(this.inputNames.size() + " input names for " + this.inputs[0].length
                    + " input columns");
        }
        if (!this.targetNames.isEmpty() && this.targetNames.size() != this.targets[0].length) {
            throw new IllegalArgumentException(this.targetNames.size() + " target names for "
                    + this.targets[0].length + " target columns");
        }
    }

    static double[][] copyRectangular(double[][] rows, String what) {
        double[][] out = new double[rows.length][];
        int width = rows[0].length;
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != width) {
                throw new IllegalArgumentException(what + " row " + r + " has " + rows[r].length
                        + " columns, row 0 has " + width);
            }
            out[r] = rows[r].clone();
        }
        return out;
    }

    public int size() {
        return inputs.length;
    }

    public int inputColumns() {
        return inputs[0].length;
    }

    public int targetColumns() {
        return targets[0].length;
    }

    /** A copy of the inputs. */
    public double[][] inputs() {
        return copyRectangular(inputs, "input");
    }

    /** A copy of the targets. */
    public double[][] targets() {
        return copyRectangular(targets, "target");
    }

    /** Input column names, empty when the data set has none. */
    public List<String> inputNames() {
        return inputNames;
    }

    /** Target column names, empty when the data set has none. */
    public List<String> targetNames() {
        return targetNames;
    }
}
