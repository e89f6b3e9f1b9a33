package org.odelump.model;

import java.util.List;
import java.util.Objects;

/**
 * The result of lumping an {@link OdeSystem} by a partition: where it came from (the original system, the method,
 * the initial partition), the final partition, the sparse lumping matrix L (block × variable) and the reduced
 * system with one variable per block. Immutable; built by {@code org.odelump.lumping}.
 *
 * <p>Lumping matrix: for {@link Method#FE} row B has weight 1 on every member of B (y = L·x are the block sums);
 * for {@link Method#BE} row B has weight 1 on the representative of B only (y = L·x selects one value per block,
 * which equals every member's value when the initial state is constant on blocks).
 *
 * <p>Reduced variables are ordered like the blocks of {@link #partition()} (by representative, the smallest
 * declaration index) and named after their representatives.
 */
public final class LumpedSystem {

    /** The equivalence a lumping is exact for. */
    public enum Method {
        /** Forward equivalence: reduced variables are block sums, exact for every initial state. */
        FE,
        /** Backward equivalence: reduced variables are common block values, exact for block-constant states. */
        BE
    }

    /**
     * How an approximate (ε-FE/ε-BE) reduction was made; {@link #approximation()} is empty for an exact one.
     *
     * @param epsilon  the tolerance ε
     * @param mode     how distances were compared with ε: {@code abs} or {@code rel}
     * @param grouping how ε-close variables were grouped: {@code components} or {@code diameter}
     * @param rounds   refinement rounds of the ε-partition
     * @param nearest  the change to the nearest model for which the partition is exact, or null when the reduced
     *                 model is the direct quotient of the original (as if the partition were exact)
     */
    public record Approximation(double epsilon, String mode, String grouping, int rounds, NearestChange nearest) {
        public Approximation {
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(grouping, "grouping");
        }

        /** True for the direct quotient of the original model. */
        public boolean direct() {
            return nearest == null;
        }
    }

    /**
     * The change that made a model exact for a partition (its origin is the changed model).
     *
     * @param perturbed          {@code coefficients}, or the perturbed parameters separated by commas
     * @param newValues          the parameters' new values (empty when coefficients were perturbed)
     * @param changeNorm2        2-norm of the change
     * @param changeMax          largest absolute change
     * @param changed            number of changed values
     * @param initialChangeNorm2 2-norm of the change of initial values made constant on blocks (BE)
     * @param initialChangeMax   largest such change
     */
    public record NearestChange(String perturbed, List<Double> newValues, double changeNorm2, double changeMax,
                                int changed, double initialChangeNorm2, double initialChangeMax) {
        public NearestChange {
            Objects.requireNonNull(perturbed, "perturbed");
            newValues = List.copyOf(newValues);
        }
    }

    private final OdeSystem origin;
    private final Method method;
    private final String initialDescription;
    private final Partition initialPartition;
    private final Partition partition;
    private final int[][] lumpingColumns;
    private final double[][] lumpingWeights;
    private final OdeSystem reduced;
    private final double tolerance;
    private final Approximation approximation;
    private final List<String> warnings;

    /**
     * @param origin             the system that was lumped
     * @param method             FE or BE
     * @param initialDescription how the initial partition was chosen, e.g. {@code IC} or {@code USER}
     * @param initialPartition   the initial partition that was refined
     * @param partition          the final partition (refines the initial one)
     * @param lumpingColumns     per block, the variables with a non-zero entry in L (increasing)
     * @param lumpingWeights     per block, the matching entries of L
     * @param reduced            the reduced system, one variable per block
     * @param tolerance          the relative tolerance of the exact coefficient comparisons
     * @param approximation      how an approximate reduction was made, or null for an exact one
     * @param warnings           human-readable caveats (e.g. BE initial values not constant on blocks)
     */
    public LumpedSystem(OdeSystem origin, Method method, String initialDescription, Partition initialPartition,
                        Partition partition, int[][] lumpingColumns, double[][] lumpingWeights, OdeSystem reduced,
                        double tolerance, Approximation approximation, List<String> warnings) {
        this.origin = Objects.requireNonNull(origin, "origin");
        this.method = Objects.requireNonNull(method, "method");
        this.initialDescription = Objects.requireNonNull(initialDescription, "initialDescription");
        this.initialPartition = Objects.requireNonNull(initialPartition, "initialPartition");
        this.partition = Objects.requireNonNull(partition, "partition");
        this.reduced = Objects.requireNonNull(reduced, "reduced");
        int n = origin.dimension();
        if (partition.variableCount() != n || initialPartition.variableCount() != n) {
            throw new IllegalArgumentException("partitions must cover the " + n + " variables of the origin");
        }
        if (!partition.refines(initialPartition)) {
            throw new IllegalArgumentException("the final partition does not refine the initial partition");
        }
        if (reduced.dimension() != partition.size()) {
            throw new IllegalArgumentException("reduced system must have one variable per block");
        }
        if (lumpingColumns.length != partition.size() || lumpingWeights.length != partition.size()) {
            throw new IllegalArgumentException("lumping matrix must have one row per block");
        }
        this.lumpingColumns = new int[lumpingColumns.length][];
        this.lumpingWeights = new double[lumpingWeights.length][];
        for (int b = 0; b < lumpingColumns.length; b++) {
            if (lumpingColumns[b].length != lumpingWeights[b].length) {
                throw new IllegalArgumentException("lumping row " + b + ": columns and weights differ in length");
            }
            for (int v : lumpingColumns[b]) {
                if (v < 0 || v >= n) {
                    throw new IllegalArgumentException("lumping row " + b + " refers to variable " + v);
                }
            }
            this.lumpingColumns[b] = lumpingColumns[b].clone();
            this.lumpingWeights[b] = lumpingWeights[b].clone();
        }
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be a finite number >= 0: " + tolerance);
        }
        this.tolerance = tolerance;
        this.approximation = approximation;
        this.warnings = List.copyOf(warnings);
    }

    public OdeSystem origin() {
        return origin;
    }

    public Method method() {
        return method;
    }

    /** How the initial partition was chosen, e.g. {@code NONE}, {@code USER_IC}. */
    public String initialDescription() {
        return initialDescription;
    }

    public Partition initialPartition() {
        return initialPartition;
    }

    /** The final partition of the origin's variables. */
    public Partition partition() {
        return partition;
    }

    /**
     * The reduced system, one variable per block, without drift sources: an ODE model, or a reaction network when
     * the origin is a mass-action network.
     */
    public OdeSystem reduced() {
        return reduced;
    }

    /** The relative tolerance with which coefficients were compared. */
    public double tolerance() {
        return tolerance;
    }

    /** How the reduction was approximated; empty for an exact FE/BE reduction. */
    public java.util.Optional<Approximation> approximation() {
        return java.util.Optional.ofNullable(approximation);
    }

    /** The same reduction, described as the approximate reduction {@code a}. */
    public LumpedSystem withApproximation(Approximation a) {
        return new LumpedSystem(origin, method, initialDescription, initialPartition, partition, lumpingColumns,
                lumpingWeights, reduced, tolerance, Objects.requireNonNull(a, "approximation"), warnings);
    }

    /**
     * The same lumping with another reduced system over the same reduced variables (e.g. its drifts written with
     * parameter names).
     */
    public LumpedSystem withReduced(OdeSystem other) {
        if (!Objects.requireNonNull(other, "other").variableNames().equals(reduced.variableNames())) {
            throw new IllegalArgumentException("the reduced system must keep the reduced variables "
                    + reduced.variableNames());
        }
        return new LumpedSystem(origin, method, initialDescription, initialPartition, partition, lumpingColumns,
                lumpingWeights, other, tolerance, approximation, warnings);
    }

    /** Caveats about the reduction; empty when there are none. */
    public List<String> warnings() {
        return warnings;
    }

    /** Variables with a non-zero entry in row {@code block} of L (a copy). */
    public int[] lumpingColumns(int block) {
        return lumpingColumns[block].clone();
    }

    /** The non-zero entries of row {@code block} of L, matching {@link #lumpingColumns} (a copy). */
    public double[] lumpingWeights(int block) {
        return lumpingWeights[block].clone();
    }

    /** y = L·x. */
    public double[] lump(double[] x) {
        if (x.length != origin.dimension()) {
            throw new IllegalArgumentException("expected " + origin.dimension() + " values, got " + x.length);
        }
        double[] y = new double[lumpingColumns.length];
        for (int b = 0; b < y.length; b++) {
            double s = 0.0;
            for (int k = 0; k < lumpingColumns[b].length; k++) {
                s += lumpingWeights[b][k] * x[lumpingColumns[b][k]];
            }
            y[b] = s;
        }
        return y;
    }

    /** True when the partition has fewer blocks than the origin has variables. */
    public boolean isReduction() {
        return partition.size() < origin.dimension();
    }

    @Override
    public String toString() {
        return "LumpedSystem[" + method + " of " + origin.name() + ": " + origin.dimension() + " -> "
                + partition.size() + " variables]";
    }
}
