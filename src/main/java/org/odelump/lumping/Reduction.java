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
        return compute(PhaseListener.NONE);
    }

    /**
     * As {@link #compute()}, telling {@code listener} how long each phase took: {@code "normal form"} (the flat
     * reaction form of the drifts), {@code "refinement"} (the FE/BE partition refinement) and {@code "quotient"}
     * (the reduced model). The result is the same as without a listener.
     */
    public LumpedSystem compute(PhaseListener listener) {
        Objects.requireNonNull(listener, "listener");
        long t0 = System.nanoTime();
        NormalForm form = new NormalForm(system);
        long t1 = System.nanoTime();
        listener.phase("normal form", t1 - t0);
        Partition p = method == Method.FE
                ? new ForwardEquivalence.Run(form, initial, tolerance).run()
                : new BackwardEquivalence.Run(form, initial, tolerance).run();
        long t2 = System.nanoTime();
        listener.phase("refinement", t2 - t1);
        LumpedSystem lumped = new QuotientBuilder(system, method, initial, initialDescription, p, tolerance).compute();
        listener.phase("quotient", System.nanoTime() - t2);
        return lumped;
    }

    /** Receives the duration of each phase of a reduction as it ends. */
    @FunctionalInterface
    public interface PhaseListener {
        /** Ignores every phase. */
        PhaseListener NONE = (phase, nanos) -> { };

        /** {@code phase} has ended after {@code nanos} nanoseconds. */
        void phase(String phase, long nanos);
    }
}
