package org.odelump.lumping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.odelump.model.LumpedSystem;
import org.odelump.model.LumpedSystem.Method;
import org.odelump.model.OdeSystem;
import org.odelump.model.Parameter;
import org.odelump.model.Partition;
import org.odelump.model.Reaction;

/**
 * One approximate reduction: the ε-partition ({@link EpsilonEquivalence}) and a reduced model for it, either the
 * direct quotient of the original model as if the partition were exact ({@link QuotientBuilder}), or the exact
 * quotient of the nearest exact model ({@link NearestExactModel}), found by changing the drift coefficients or
 * chosen parameters. The lumped system records the settings and the change as its
 * {@link LumpedSystem#approximation()}.
 */
public final class ApproximateReduction {

    /**
     * The outcome.
     *
     * @param epsilon the ε-partition and its statistics
     * @param lumped  the reduced model (its origin is the original model for the direct quotient, the perturbed
     *                model for the nearest exact one)
     * @param nearest the nearest exact model, or null for the direct quotient
     */
    public record Result(EpsilonEquivalence.Result epsilon, LumpedSystem lumped, NearestExactModel.Result nearest) {
    }

    /** Residual tolerance, relative to the constraint scale, of the nearest exact model by parameters. */
    static final double PARAMETER_RESIDUAL = 1e-9;

    private final OdeSystem system;
    private final Method method;
    private final Partition initial;
    private final String initialDescription;
    private final EpsilonSettings settings;

    /**
     * @param system             the model
     * @param method             FE or BE
     * @param initial            the initial partition the ε-partition refines
     * @param initialDescription how the initial partition was chosen
     * @param settings           ε, its mode, the grouping rule and the coefficient tolerance
     */
    public ApproximateReduction(OdeSystem system, Method method, Partition initial, String initialDescription,
                                EpsilonSettings settings) {
        this.system = Objects.requireNonNull(system, "system");
        this.method = Objects.requireNonNull(method, "method");
        this.initial = Objects.requireNonNull(initial, "initial");
        this.initialDescription = Objects.requireNonNull(initialDescription, "initialDescription");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The ε-partition and the direct quotient of the original model. */
    public Result compute() {
        return quotient(partition(), null);
    }

    /** The ε-partition alone. */
    public EpsilonEquivalence.Result partition() {
        return new EpsilonEquivalence(system, method, initial, settings.epsilon(), settings.mode(),
                settings.grouping(), settings.tolerance()).compute();
    }

    /** The ε-partition and the exact quotient of the nearest exact model obtained by changing coefficients. */
    public Result computeNearestByCoefficients() {
        EpsilonEquivalence.Result eps = partition();
        return quotient(eps, NearestExactModel.coefficients(system, method, eps.partition()));
    }

    /**
     * The ε-partition and the exact quotient of the nearest exact model obtained by changing the named parameters
     * by the least 2-norm.
     *
     * @param names    parameters of the model (see {@link #parameterNames})
     * @param atValues the model with the given parameters at the given values and every drift and rate expanded
     *                 again (parameters defined in terms of them keep their values)
     * @throws ReductionException when the model keeps no rate expressions or the parameters cannot make the
     *                            partition exact
     */
    public Result computeNearestByParameters(List<String> names, Function<Map<String, Double>, OdeSystem> atValues) {
        Objects.requireNonNull(atValues, "atValues");
        if (!keepsExpressions(system)) {
            throw new ReductionException(ReductionException.Kind.NO_RATE_EXPRESSIONS, "the model keeps no rate "
                    + "expressions (e.g. it was generated), so its coefficients do not depend on parameters; "
                    + "change its coefficients instead");
        }
        double[] values = new double[names.size()];
        for (int j = 0; j < values.length; j++) {
            values[j] = valueOf(system, names.get(j));
        }
        Function<double[], OdeSystem> rebuild = v -> {
            Map<String, Double> m = new java.util.LinkedHashMap<>();
            for (int j = 0; j < v.length; j++) {
                m.put(names.get(j), v[j]);
            }
            return atValues.apply(m);
        };
        EpsilonEquivalence.Result eps = partition();
        return quotient(eps, NearestExactModel.parameters(system, method, eps.partition(), names, values, rebuild,
                PARAMETER_RESIDUAL));
    }

    /**
     * The parameters named by a user: {@code all} for every parameter, or a list of names (repeats dropped).
     *
     * @throws ReductionException of kind {@link ReductionException.Kind#UNKNOWN_PARAMETER} for a name that is no
     *                            parameter, or {@code all} on a model without parameters
     */
    public static List<String> parameterNames(OdeSystem m, List<String> requested) {
        List<String> names = new ArrayList<>();
        if (requested.size() == 1 && requested.get(0).equalsIgnoreCase("all")) {
            for (Parameter p : m.parameters()) {
                names.add(p.name());
            }
            if (names.isEmpty()) {
                throw new ReductionException(ReductionException.Kind.UNKNOWN_PARAMETER, "the model has no parameters");
            }
            return names;
        }
        for (String s : requested) {
            if (m.parameters().stream().noneMatch(p -> p.name().equals(s))) {
                throw new ReductionException(ReductionException.Kind.UNKNOWN_PARAMETER, "'" + s
                        + "' is no parameter of the model");
            }
            if (!names.contains(s)) {
                names.add(s);
            }
        }
        return names;
    }

    private static boolean keepsExpressions(OdeSystem m) {
        for (int i = 0; i < m.dimension(); i++) {
            if (m.driftSources().get(i) != null) {
                return true;
            }
        }
        for (Reaction r : m.reactions()) {
            if (r.rateSource() != null) {
                return true;
            }
        }
        return false;
    }

    private static double valueOf(OdeSystem m, String name) {
        for (Parameter p : m.parameters()) {
            if (p.name().equals(name)) {
                return p.value();
            }
        }
        throw new ReductionException(ReductionException.Kind.UNKNOWN_PARAMETER, "'" + name
                + "' is no parameter of the model");
    }

    /** The quotient of the original (near == null) or of the nearest exact model, described as approximate. */
    private Result quotient(EpsilonEquivalence.Result eps, NearestExactModel.Result near) {
        OdeSystem origin = near == null ? system : near.model();
        LumpedSystem l = new QuotientBuilder(origin, method, initial, initialDescription, eps.partition(),
                settings.tolerance()).compute();
        LumpedSystem.NearestChange change = near == null ? null : new LumpedSystem.NearestChange(near.what(),
                Arrays.stream(near.newValues()).boxed().toList(), near.changeNorm2(), near.changeMax(),
                near.changed(), near.initialChangeNorm2(), near.initialChangeMax());
        return new Result(eps, l.withApproximation(new LumpedSystem.Approximation(settings.epsilon(),
                settings.mode().name().toLowerCase(Locale.ROOT), settings.grouping().name().toLowerCase(Locale.ROOT),
                eps.rounds(), change)), near);
    }
}
