package org.odelump.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.odelump.dsl.ParameterValues;
import org.odelump.lumping.ApproximateReduction;
import org.odelump.lumping.EpsilonSettings;
import org.odelump.lumping.NearestExactModel;
import org.odelump.model.LumpedSystem.Method;
import org.odelump.model.OdeSystem;
import org.odelump.model.Partition;

/** The ε-FE/ε-BE part of {@code odelump reduce} and {@code odelump sweep} (kept apart so ReduceCommand stays small). */
final class ApproximateSupport {

    private ApproximateSupport() {
    }

    /**
     * Runs the approximate reduction: direct quotient, or nearest exact model by coefficients (perturb empty) or
     * by the named parameters ({@code all} for every one). A parameter choice that cannot work is a
     * {@link org.odelump.lumping.ReductionException}, which the command line reports as invalid input.
     */
    static ApproximateReduction.Result reduce(OdeSystem m, Method method, Partition initial, String description,
                                              EpsilonSettings settings, boolean nearest, List<String> perturb) {
        ApproximateReduction ar = new ApproximateReduction(m, method, initial, description, settings);
        if (!nearest && perturb.isEmpty()) {
            return ar.compute();
        }
        if (perturb.isEmpty()) {
            return ar.computeNearestByCoefficients();
        }
        return ar.computeNearestByParameters(ApproximateReduction.parameterNames(m, perturb),
                values -> ParameterValues.apply(m, values));
    }

    static void printApproximation(PrintWriter out, ApproximateReduction.Result r) {
        out.printf(Locale.ROOT, "  epsilon    %d refinement round%s, %d L1 distances computed%n",
                r.epsilon().rounds(), r.epsilon().rounds() == 1 ? "" : "s", r.epsilon().distances());
        NearestExactModel.Result n = r.nearest();
        if (n == null) {
            out.println("  quotient   direct (as if the partition were exact); check it with --verify");
        } else {
            out.printf(Locale.ROOT, "  nearest    exact model by perturbing %s: change 2-norm %.6g, max %.6g, %d changed%n",
                    n.what(), n.changeNorm2(), n.changeMax(), n.changed());
            if (n.initialChangeMax() > 0) {
                out.printf(Locale.ROOT, "  initial    values made constant on blocks: change 2-norm %.6g, max %.6g%n",
                        n.initialChangeNorm2(), n.initialChangeMax());
            }
            if (n.newValues().length > 0) {
                String[] names = n.what().split(",");
                StringBuilder sb = new StringBuilder();
                for (int j = 0; j < names.length; j++) {
                    sb.append(j > 0 ? ", " : "").append(names[j]).append(" = ").append(n.newValues()[j]);
                }
                out.println("  parameters " + sb);
            }
        }
    }
}
