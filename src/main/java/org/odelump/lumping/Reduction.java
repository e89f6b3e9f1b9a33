package org.odelump.lumping;

import java.util.Objects;
import org.odelump.model.LumpedSystem;
import org.odelump.model.LumpedSystem.Method;
import org.odelump.model.OdeSystem;
import org.odelump.model.Partition;

/**
 * One exact reduction: the coarsest FE or BE refining an initial partition ({@link ForwardEquivalence},
 * {@link BackwardEquivalence}) followed by the reduced model ({@link QuotientBuilder}).
 */
public final class Reduction {

    private final OdeSystem system;
    private final Method method;
    private final Partition initial;
    private final String initialDescription;
    private final Tolerance tolerance;

    /**
     * @param system             the model
     * @param method             FE or BE
     * @param initial            the initial partition
     * @param initialDescription how it was chosen, e.g. the {@link Prepartition} name
     * @param tolerance          coefficient comparison
     */
    public Reduction(OdeSystem system, Method method, Partition initial, String initialDescription,
                     Tolerance tolerance) {
        this.system = Objects.requireNonNull(system, "system");
        this.method = Objects.requireNonNull(method, "method");
        this.initial = Refiner.requireCovering(system, initial);
        this.initialDescription = Objects.requireNonNull(initialDescription, "initialDescription");
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
    }

    /** A reduction whose initial partition is built by a {@link Prepartition} without observables. */
    public Reduction(OdeSystem system, Method method, Prepartition prepartition, Tolerance tolerance) {
        this(system, method, prepartition.initialPartition(system), prepartition.name(), tolerance);
    }

    /** Computes the partition and the reduced model. */
    public LumpedSystem compute() {
        Partition p = method == Method.FE
                ? new ForwardEquivalence(system, initial, tolerance).compute()
                : new BackwardEquivalence(system, initial, tolerance).compute();
        return new QuotientBuilder(system, method, initial, initialDescription, p, tolerance).compute();
    }
}
