package org.odelump.numeric;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleFunction;
import org.odelump.model.LumpedSystem;
import org.odelump.model.OdeSystem;

/**
 * Reduces a model at a series of tolerances ε and verifies every reduction against the original
 * ({@link Verification}), giving the reduction size and the error as functions of ε. The reduction itself is a
 * function supplied by the caller (e.g. ε-FE/ε-BE and a quotient), so this class depends on no algorithm.
 * Progress is reported to a listener after every ε.
 */
public final class EpsilonSweep {

    /** Receives progress; called on the computing thread. */
    @FunctionalInterface
    public interface Listener {
        /**
         * @param done  ε values finished
         * @param total ε values in all
         * @param last  the row just finished
         */
        void progress(int done, int total, Row last);
    }

    /**
     * One ε.
     *
     * @param epsilon the tolerance
     * @param blocks  variables of the reduced model
     * @param maxRel  overall relative verification error (NaN when the verification failed)
     * @param maxAbs  overall absolute verification error (NaN when it failed)
     * @param failure why the verification failed; empty otherwise
     * @param seconds wall time of reduction and verification
     */
    public record Row(double epsilon, int blocks, double maxRel, double maxAbs, String failure, double seconds) {
    }

    private final OdeSystem original;
    private final double[] epsilons;
    private final DoubleFunction<LumpedSystem> reducer;
    private final Verification.Options options;
    private final Listener listener;

    /**
     * @param original the model
     * @param epsilons the tolerances, in the order to run them
     * @param reducer  ε → lumped system (its reduced model is compared with {@code original})
     * @param options  verification settings
     * @param listener progress receiver (may do nothing)
     */
    public EpsilonSweep(OdeSystem original, double[] epsilons, DoubleFunction<LumpedSystem> reducer,
                        Verification.Options options, Listener listener) {
        this.original = Objects.requireNonNull(original, "original");
        this.epsilons = epsilons.clone();
        this.reducer = Objects.requireNonNull(reducer, "reducer");
        this.options = Objects.requireNonNull(options, "options");
        this.listener = Objects.requireNonNull(listener, "listener");
        if (epsilons.length == 0) {
            throw new IllegalArgumentException("no epsilon values");
        }
    }

    /** Runs every ε in turn. */
    public List<Row> compute() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < epsilons.length; i++) {
            long t0 = System.nanoTime();
            LumpedSystem l = reducer.apply(epsilons[i]);
            Verification.Report r = Verification.of(original, l, options).compute();
            boolean ok = r.failure().isEmpty();
            Row row = new Row(epsilons[i], l.partition().size(), ok ? r.maxRel() : Double.NaN,
                    ok ? r.maxAbs() : Double.NaN, r.failure(), (System.nanoTime() - t0) / 1e9);
            rows.add(row);
            listener.progress(i + 1, epsilons.length, row);
        }
        return List.copyOf(rows);
    }
}
