package org.odelump.lumping;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealVector;
import org.hipparchus.linear.SingularValueDecomposition;
import org.odelump.lumping.ExactnessConstraints.Group;
import org.odelump.lumping.ExactnessConstraints.Sum;
import org.odelump.model.LumpedSystem.Method;
import org.odelump.model.OdeSystem;
import org.odelump.model.Partition;
import org.odelump.model.Polynomial;
import org.odelump.model.Provenance;

/**
 * The nearest model for which a given (ε-)partition is an exact FE or BE (QEST'18 / JLAMP'23 "nearest exact
 * model"; research notes §3.5). Two ways to perturb:
 * <ul>
 *   <li><b>Coefficients</b> ({@link #coefficients}): the smallest change, in the Euclidean norm over all drift
 *       coefficients, with the monomial structure kept (no term is added). The constraints
 *       ({@link ExactnessConstraints}) decouple into groups of sums w_g·S_g that must be equal (or zero); for a
 *       group the minimum-norm solution is closed-form: with k_g terms in sum g, the common value is
 *       T = Σ_g S_g/(w_g k_g) / Σ_g 1/(w_g² k_g) (T = 0 when forced), and each term of sum g moves by
 *       (T/w_g − S_g)/k_g. Cost O(m log m) for m terms.</li>
 *   <li><b>Parameters</b> ({@link #parameters}): the smallest change of chosen parameters, min ‖Δp‖₂ subject to
 *       the linearised constraints A·Δp = r, solved as a minimum-norm least-squares problem with Hipparchus'
 *       singular value decomposition; the coefficients' dependence on the parameters is obtained by rebuilding the
 *       model at shifted parameter values (exact for coefficients linear in the parameters, e.g. mass-action
 *       rates); up to five Gauss–Newton steps handle mild non-linearity. Fails (residual reported) when the
 *       parameters cannot make the partition exact.</li>
 * </ul>
 * For BE, as in ERODE's constraints x_rep(0) = x_s(0), the initial values are also made constant on blocks, by
 * the smallest change (each block's mean); that change is reported separately, since initial values and
 * coefficients have different units.
 */
public final class NearestExactModel {

    /**
     * The outcome.
     *
     * @param model       the perturbed model (for parameters: rebuilt at the new values)
     * @param changeNorm2 Euclidean norm of the change (of the coefficients, or of the parameters)
     * @param changeMax   largest absolute change
     * @param changed     number of coefficients (or parameters) that changed
     * @param what        "coefficients" or the perturbed parameter names
     * @param newValues   for parameters: the new values, in the order of the names; empty otherwise
     * @param residual    for parameters: the constraint residual after solving (0 for coefficients)
     * @param initialChangeNorm2 BE: Euclidean norm of the change of the initial values (0 for FE)
     * @param initialChangeMax   BE: largest absolute change of an initial value (0 for FE)
     */
    public record Result(OdeSystem model, double changeNorm2, double changeMax, int changed, String what,
                         double[] newValues, double residual, double initialChangeNorm2, double initialChangeMax) {
    }

    private NearestExactModel() {
    }

    /** The smallest change of the drift coefficients making {@code partition} an exact FE/BE of the result. */
    public static Result coefficients(OdeSystem system, Method method, Partition partition) {
        Objects.requireNonNull(system, "system");
        List<Group> groups = ExactnessConstraints.of(system, method, partition);
        int n = system.dimension();
        double[][] delta = new double[n][];
        for (int i = 0; i < n; i++) {
            delta[i] = new double[system.drift(i).size()];
        }
        for (Group g : groups) {
            double target = 0.0;
            if (!g.forcedZero()) {
                double num = 0.0;
                double den = 0.0;
                for (Sum s : g.sums()) {
                    int k = s.terms().length;
                    num += ExactnessConstraints.value(system, s) / (s.weight() * k);
                    den += 1.0 / (s.weight() * s.weight() * k);
                }
                target = num / den;
            }
            for (Sum s : g.sums()) {
                int k = s.terms().length;
                double move = (target / s.weight() - ExactnessConstraints.value(system, s)) / k;
                for (int j = 0; j < k; j++) {
                    delta[s.vars()[j]][s.terms()[j]] += move;
                }
            }
        }
        double sq = 0.0;
        double max = 0.0;
        int changed = 0;
        List<Polynomial> drifts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Polynomial f = system.drift(i);
            Polynomial.Builder b = Polynomial.builder();
            for (int t = 0; t < f.size(); t++) {
                double c = f.coefficient(t);
                double d = delta[i][t];
                double nc = c + d;
                if (d != 0.0) {
                    // a coefficient driven to (numerically) zero is removed, which makes the change exactly -c
                    if (Math.abs(nc) <= 1e-14 * Math.abs(c)) {
                        nc = 0.0;
                        d = -c;
                    }
                    changed++;
                    sq += d * d;
                    max = Math.max(max, Math.abs(d));
                }
                if (nc != 0.0) {
                    b.add(f.monomial(t), nc);
                }
            }
            drifts.add(b.build());
        }
        double[] icChange = new double[2];
        OdeSystem model = OdeSystem.builder(system.name() + "_nearest")
                .variables(system.variables())
                .initialValues(initialValues(system, method, partition, icChange))
                .drifts(drifts)
                .views(system.views())
                .provenance(Provenance.generated("odelump nearest exact model (" + method + ", coefficients) of "
                        + system.provenance().source()))
                .build();
        return new Result(model, Math.sqrt(sq), max, changed, "coefficients", new double[0], 0.0, icChange[0],
                icChange[1]);
    }

    /**
     * The smallest change of the named parameters making {@code partition} an exact FE/BE.
     *
     * @param system  the model at its current parameter values
     * @param method  FE or BE
     * @param partition the partition to make exact
     * @param names   the parameters to perturb
     * @param values  their current values
     * @param rebuild the model at given values of the named parameters (same variables, in the same order)
     * @param tolerance residual tolerance (relative to the constraint scale) for declaring success
     * @throws ReductionException of kind {@link ReductionException.Kind#NOT_EXACT_BY_PARAMETERS} when no parameter
     *                            change makes the partition exact
     */
    public static Result parameters(OdeSystem system, Method method, Partition partition, List<String> names,
                                    double[] values, Function<double[], OdeSystem> rebuild, double tolerance) {
        Objects.requireNonNull(rebuild, "rebuild");
        if (names.size() != values.length || names.isEmpty()) {
            throw new IllegalArgumentException("need at least one parameter, with one value each");
        }
        List<Group> groups = ExactnessConstraints.of(system, method, partition);
        int q = values.length;
        double[] p = values.clone();
        OdeSystem current = system;
        double residual = Double.NaN;
        double scale = 0.0;
        for (int iter = 0; iter < 5; iter++) {
            double[] r = rows(system, current, groups);
            residual = norm(r);
            if (iter == 0) {
                for (double v : r) {
                    scale = Math.max(scale, Math.abs(v));
                }
                for (Group g : groups) {
                    for (Sum s : g.sums()) {
                        scale = Math.max(scale, Math.abs(s.weight() * ExactnessConstraints.value(system, s)));
                    }
                }
                scale = Math.max(scale, 1e-300);
            }
            if (residual <= tolerance * scale) {
                break;
            }
            double[][] a = new double[r.length][q];
            for (int j = 0; j < q; j++) {
                double h = Math.max(1e-6, Math.abs(p[j]) * 1e-4);
                double[] shifted = p.clone();
                shifted[j] += h;
                double[] rj = rows(system, rebuild.apply(shifted), groups);
                for (int i = 0; i < r.length; i++) {
                    a[i][j] = (rj[i] - r[i]) / h;
                }
            }
            if (r.length == 0) {
                break;
            }
            SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(a, false));
            RealVector step = svd.getSolver().solve(new ArrayRealVector(r, false).mapMultiply(-1.0));
            for (int j = 0; j < q; j++) {
                p[j] += step.getEntry(j);
            }
            current = rebuild.apply(p);
        }
        residual = norm(rows(system, current, groups));
        if (!(residual <= tolerance * scale)) {
            throw new ReductionException(ReductionException.Kind.NOT_EXACT_BY_PARAMETERS, String.format(
                    java.util.Locale.ROOT, "perturbing %s cannot make the partition an exact %s: the constraints keep a residual of %.3g "
                            + "(scale %.3g)", String.join(", ", names), method, residual, scale));
        }
        double sq = 0.0;
        double max = 0.0;
        int changed = 0;
        for (int j = 0; j < q; j++) {
            double d = p[j] - values[j];
            if (d != 0.0) {
                changed++;
            }
            sq += d * d;
            max = Math.max(max, Math.abs(d));
        }
        double[] icChange = new double[2];
        double[] ic = initialValues(current, method, partition, icChange);
        if (icChange[1] > 0) {
            current = OdeSystem.builder(current.name()).variables(current.variables()).initialValues(ic)
                    .drifts(current.drifts()).views(current.views()).provenance(current.provenance()).build();
        }
        return new Result(current, Math.sqrt(sq), max, changed, String.join(",", names), p, residual, icChange[0],
                icChange[1]);
    }

    /**
     * BE: the initial values replaced by their block means (the smallest change making them block-constant);
     * FE: unchanged. Writes the change's 2-norm and max into {@code change}.
     */
    private static double[] initialValues(OdeSystem system, Method method, Partition partition, double[] change) {
        double[] x0 = system.initialValues();
        if (method != Method.BE) {
            return x0;
        }
        double sq = 0.0;
        double max = 0.0;
        for (int b = 0; b < partition.size(); b++) {
            int[] members = partition.block(b);
            double mean = 0.0;
            for (int v : members) {
                mean += x0[v];
            }
            mean /= members.length;
            boolean constant = true;
            for (int v : members) {
                constant &= x0[v] == x0[members[0]];
            }
            if (constant) {
                continue;
            }
            for (int v : members) {
                double d = mean - x0[v];
                sq += d * d;
                max = Math.max(max, Math.abs(d));
                x0[v] = mean;
            }
        }
        change[0] = Math.sqrt(sq);
        change[1] = max;
        return x0;
    }

    /** Constraint values (0 when exact): differences to the first sum of each group, or the sums when forced. */
    private static double[] rows(OdeSystem base, OdeSystem at, List<Group> groups) {
        List<Double> out = new ArrayList<>();
        for (Group g : groups) {
            List<Sum> sums = g.sums();
            if (g.forcedZero()) {
                for (Sum s : sums) {
                    out.add(s.weight() * ExactnessConstraints.valueIn(base, at, s));
                }
            } else {
                double first = sums.get(0).weight() * ExactnessConstraints.valueIn(base, at, sums.get(0));
                for (int k = 1; k < sums.size(); k++) {
                    out.add(sums.get(k).weight() * ExactnessConstraints.valueIn(base, at, sums.get(k)) - first);
                }
            }
        }
        double[] r = new double[out.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = out.get(i);
        }
        return r;
    }

    private static double norm(double[] r) {
        double s = 0.0;
        for (double v : r) {
            s += v * v;
        }
        return Math.sqrt(s);
    }
}
