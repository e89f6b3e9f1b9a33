package org.odelump.lumping;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.odelump.model.OdeSystem;
import org.odelump.model.Partition;

/**
 * How the initial partition H0 that FE/BE refine is chosen (research notes §1.5). Every exact algorithm returns
 * the coarsest equivalence refining H0, so H0 says what must be kept apart.
 *
 * <ul>
 *   <li>{@link #NONE}: one block with every variable.</li>
 *   <li>{@link #USER}: the model's partition section, with ERODE's meaning (unlisted variables form one extra
 *       block), see {@link OdeSystem#userPartition()}.</li>
 *   <li>{@link #IC}: variables with exactly equal initial values share a block. For BE this makes the reduction
 *       consistent with the initial state.</li>
 *   <li>{@link #USER_IC}: the meet of USER and IC.</li>
 *   <li>{@link #OBSERVE}: for every observable O (a set of variable names, read as the sum Σ_{i∈O} x_i), the two
 *       blocks O and "not O"; several observables combine by meet. Guarantee for FE: each O is a union of final
 *       blocks, so Σ_{i∈O} x_i(t) is exactly the sum of the reduced variables of those blocks, for every initial
 *       condition. Guarantee for BE: when the initial values are constant on the final blocks, every x_i(t)
 *       equals its block's reduced variable, so every observable is exactly computable; keeping O apart
 *       additionally makes each reduced variable belong to O or to its complement.</li>
 * </ul>
 */
public enum Prepartition {
    NONE, USER, IC, USER_IC, OBSERVE;

    /**
     * The initial partition of this kind for a system.
     *
     * @param system      the model
     * @param observables for {@link #OBSERVE}, the observables as sets of variable names (ignored otherwise)
     * @throws IllegalArgumentException when an observable names an unknown variable or is empty
     */
    public Partition initialPartition(OdeSystem system, Collection<? extends Set<String>> observables) {
        Objects.requireNonNull(system, "system");
        int n = system.dimension();
        switch (this) {
            case NONE:
                return Partition.single(n);
            case USER:
                return system.userPartition();
            case IC:
                return byInitialValues(system);
            case USER_IC:
                return system.userPartition().meet(byInitialValues(system));
            case OBSERVE:
                return byObservables(system, observables == null ? List.of() : observables);
            default:
                throw new AssertionError(this);
        }
    }

    /** The initial partition of this kind without observables. */
    public Partition initialPartition(OdeSystem system) {
        return initialPartition(system, List.of());
    }

    /** The meet of the initial partitions of several kinds (NONE when the collection is empty). */
    public static Partition combine(OdeSystem system, Collection<Prepartition> kinds,
                                    Collection<? extends Set<String>> observables) {
        Partition p = Partition.single(system.dimension());
        for (Prepartition k : kinds) {
            p = p.meet(k.initialPartition(system, observables));
        }
        return p;
    }

    private static Partition byInitialValues(OdeSystem system) {
        int n = system.dimension();
        double[] init = system.initialValues();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        // -0.0 and 0.0 are equal initial values; compare numerically after normalising the zero sign
        Arrays.sort(order, (a, b) -> Double.compare(init[a] + 0.0, init[b] + 0.0));
        int[] labels = new int[n];
        int label = -1;
        for (int k = 0; k < n; k++) {
            if (k == 0 || init[order[k]] != init[order[k - 1]]) {
                label++;
            }
            labels[order[k]] = label;
        }
        return Partition.fromLabels(labels);
    }

    private static Partition byObservables(OdeSystem system, Collection<? extends Set<String>> observables) {
        int n = system.dimension();
        Partition p = Partition.single(n);
        for (Set<String> o : observables) {
            if (o.isEmpty()) {
                throw new IllegalArgumentException("an observable must name at least one variable");
            }
            int[] labels = new int[n];
            for (String name : o) {
                int i = system.indexOf(name);
                if (i < 0) {
                    throw new IllegalArgumentException("observable names unknown variable '" + name + "'");
                }
                labels[i] = 1;
            }
            p = p.meet(Partition.fromLabels(labels));
        }
        return p;
    }
}
