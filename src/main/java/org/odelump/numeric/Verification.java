package org.odelump.numeric;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.odelump.model.LumpedSystem;
import org.odelump.model.LumpedSystem.Method;
import org.odelump.model.OdeSystem;

/**
 * Numerical verification of a reduced model against its original: both are integrated on one time grid with
 * Dormand–Prince 8(5,3) ({@link Simulator}), each from its own initial values, and the original is mapped onto the
 * reduced variables, by block sums for FE and by the block representative (the first member) for BE.
 *
 * <p>Errors per reduced variable v, over the grid: the maximum absolute error max_t |x̂_v(t) − y_v(t)|, and the
 * maximum relative error, that absolute error divided by the variable's scale max_t |x̂_v(t)| (so values passing
 * through zero do not inflate it; a variable that is identically zero has relative error 0 when it matches and
 * infinity otherwise). A variable passes when its maximum absolute error is at most
 * {@code absTolerance + tolerance * scale} — the mixed absolute/relative test integrators use for their local
 * error — so species that never leave the 1e-100 range (ERK_model of RuleHub) are judged by the absolute part and
 * cannot fail on relative noise of a number that is zero for all practical purposes. The check passes when both
 * simulations complete and every variable passes; with {@code absTolerance = 0} that is an overall maximum
 * relative error of at most the tolerance. A simulation that stops early is a failed verification with the reason,
 * including a stiffness diagnosis when the evaluation budget ran out at tiny steps.
 */
public final class Verification {

    /**
     * Settings.
     *
     * @param tEnd        end time (&gt; 0); the grid starts at 0
     * @param points      grid intervals (≥ 1), so points + 1 grid times
     * @param integration integrator tolerances and budget
     * @param tolerance   relative part of the acceptable error of a variable (times its scale)
     * @param absTolerance absolute part of the acceptable error of a variable
     */
    public record Options(double tEnd, int points, Simulator.Options integration, double tolerance,
                          double absTolerance) {
        public Options {
            Objects.requireNonNull(integration, "integration");
            if (!(tEnd > 0) || Double.isInfinite(tEnd) || points < 1 || !(tolerance >= 0)
                    || !(absTolerance >= 0) || Double.isInfinite(absTolerance)) {
                throw new IllegalArgumentException("need tEnd > 0, points >= 1, tolerance >= 0 and a finite "
                        + "absTolerance >= 0");
            }
        }

        /** Relative tolerance only (absolute part 0). */
        public Options(double tEnd, int points, Simulator.Options integration, double tolerance) {
            this(tEnd, points, integration, tolerance, 0.0);
        }
    }

    /**
     * The error of one reduced variable.
     *
     * @param name   the reduced variable
     * @param maxAbs maximum absolute error
     * @param maxRel maximum absolute error over the variable's scale
     * @param scale  max_t |mapped original|
     * @param passed maxAbs is at most absTolerance + tolerance * scale
     */
    public record VariableError(String name, double maxAbs, double maxRel, double scale, boolean passed) {
    }

    /**
     * The outcome.
     *
     * @param passed     both simulations completed and every variable's error is within its tolerance
     * @param failure    why a simulation stopped early; empty when both completed
     * @param errors     per reduced variable (over the grid points both simulations reached)
     * @param maxAbs     overall maximum absolute error
     * @param maxRel     overall maximum relative error
     * @param times      the grid times both simulations reached
     * @param mapped     mapped original values, [time][reduced variable]
     * @param reduced    reduced values, [time][reduced variable]
     * @param names      reduced variable names
     * @param blockSizes number of original variables behind each reduced one
     * @param tolerance  the relative tolerance used
     * @param absTolerance the absolute tolerance used
     * @param originalIntegrator the integrator that simulated the original (and why it was chosen)
     * @param reducedIntegrator  the integrator that simulated the reduced model (and why it was chosen)
     */
    public record Report(boolean passed, String failure, List<VariableError> errors, double maxAbs, double maxRel,
                         double[] times, double[][] mapped, double[][] reduced, List<String> names,
                         int[] blockSizes, double tolerance, double absTolerance, String originalIntegrator,
                         String reducedIntegrator) {
        /** Number of variables whose error exceeds absTolerance + tolerance * scale. */
        public int failedVariables() {
            return (int) errors.stream().filter(e -> !e.passed()).count();
        }

        /** A one-line summary. */
        public String summary() {
            if (!failure.isEmpty()) {
                return "verification failed: " + failure;
            }
            String tol = "abs " + absTolerance + " + rel " + tolerance + " x scale";
            return String.format(Locale.ROOT, "max relative error %.3e, max absolute error %.3e over %d time points: %s",
                    maxRel, maxAbs, times.length, passed ? "ok (tolerance " + tol + ")"
                            : failedVariables() + " of " + errors.size() + " variables EXCEED the tolerance " + tol);
        }
    }

    private final OdeSystem original;
    private final OdeSystem reduced;
    private final Method method;
    private final int[][] members;
    private final Options options;

    /**
     * @param original the original model
     * @param reduced  the reduced model
     * @param method   FE (reduced = block sums) or BE (reduced = common block values)
     * @param members  for each reduced variable, the original variables of its block (representative first)
     * @param options  settings
     */
    public Verification(OdeSystem original, OdeSystem reduced, Method method, int[][] members, Options options) {
        this.original = Objects.requireNonNull(original, "original");
        this.reduced = Objects.requireNonNull(reduced, "reduced");
        this.method = Objects.requireNonNull(method, "method");
        this.options = Objects.requireNonNull(options, "options");
        if (members.length != reduced.dimension()) {
            throw new IllegalArgumentException("need one block per reduced variable: " + members.length + " blocks, "
                    + reduced.dimension() + " reduced variables");
        }
        this.members = new int[members.length][];
        for (int b = 0; b < members.length; b++) {
            if (members[b].length == 0) {
                throw new IllegalArgumentException("block of reduced variable " + reduced.variableNames().get(b)
                        + " is empty");
            }
            for (int v : members[b]) {
                if (v < 0 || v >= original.dimension()) {
                    throw new IllegalArgumentException("block refers to original variable " + v);
                }
            }
            this.members[b] = members[b].clone();
        }
    }

    /** Verifies a lumped system's reduced model against a given original (e.g. before a nearest-exact change). */
    public static Verification of(OdeSystem original, LumpedSystem lumped, Options options) {
        int k = lumped.partition().size();
        int[][] members = new int[k][];
        for (int b = 0; b < k; b++) {
            members[b] = lumped.partition().block(b);
        }
        return new Verification(original, lumped.reduced(), lumped.method(), members, options);
    }

    /** Runs both simulations and compares them. */
    public Report compute() {
        double[] grid = Simulator.grid(options.tEnd(), options.points());
        Trajectory tx = new Simulator(original, grid, options.integration()).compute();
        Trajectory ty = new Simulator(reduced, grid, options.integration()).compute();
        List<String> failures = new ArrayList<>();
        if (tx.status() != Trajectory.Status.COMPLETED) {
            failures.add("the original model: " + StiffnessDiagnosis.explain(original, tx, options));
        }
        if (ty.status() != Trajectory.Status.COMPLETED) {
            failures.add("the reduced model: " + StiffnessDiagnosis.explain(reduced, ty, options));
        }
        int pts = Math.min(tx.completedPoints(), ty.completedPoints());
        int k = reduced.dimension();
        double[] times = java.util.Arrays.copyOf(grid, pts);
        double[][] mapped = new double[pts][k];
        double[][] red = new double[pts][];
        double[] maxAbs = new double[k];
        double[] scale = new double[k];
        for (int t = 0; t < pts; t++) {
            double[] x = tx.state(t);
            red[t] = ty.state(t);
            for (int b = 0; b < k; b++) {
                double v;
                if (method == Method.FE) {
                    v = 0.0;
                    for (int i : members[b]) {
                        v += x[i];
                    }
                } else {
                    v = x[members[b][0]];
                }
                mapped[t][b] = v;
                maxAbs[b] = Math.max(maxAbs[b], Math.abs(v - red[t][b]));
                scale[b] = Math.max(scale[b], Math.abs(v));
            }
        }
        List<VariableError> errors = new ArrayList<>(k);
        double overallAbs = 0.0;
        double overallRel = 0.0;
        int[] sizes = new int[k];
        boolean allWithin = true;
        for (int b = 0; b < k; b++) {
            double rel = maxAbs[b] == 0.0 ? 0.0 : scale[b] == 0.0 ? Double.POSITIVE_INFINITY : maxAbs[b] / scale[b];
            boolean within = maxAbs[b] <= options.absTolerance() + options.tolerance() * scale[b];
            allWithin &= within;
            errors.add(new VariableError(reduced.variableNames().get(b), maxAbs[b], rel, scale[b], within));
            overallAbs = Math.max(overallAbs, maxAbs[b]);
            overallRel = Math.max(overallRel, rel);
            sizes[b] = members[b].length;
        }
        String failure = String.join("; ", failures);
        boolean passed = failure.isEmpty() && allWithin;
        return new Report(passed, failure, List.copyOf(errors), overallAbs, overallRel, times, mapped, red,
                reduced.variableNames(), sizes, options.tolerance(), options.absTolerance(), tx.integrator(),
                ty.integrator());
    }
}
