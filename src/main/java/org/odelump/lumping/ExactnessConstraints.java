package org.odelump.lumping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.odelump.model.LumpedSystem.Method;
import org.odelump.model.Monomial;
import org.odelump.model.OdeSystem;
import org.odelump.model.Partition;
import org.odelump.model.Polynomial;

/**
 * The linear conditions under which a partition is an exact FE or BE, in a form that decouples (research notes
 * §1.3, §1.4, §3.5). They constrain sums of the model's coefficients, grouped so that no coefficient occurs in two
 * groups:
 * <ul>
 *   <li>BE: for a block B and a block multiset σ, S_s = Σ of the coefficients of f_s over monomials with
 *       projection σ; all S_s (s ∈ B) must be equal (a member without such a monomial has S_s = 0 and forces 0).</li>
 *   <li>FE: for a block C and a block multiset σ, S_ρ = Σ_{s∈C} [x^ρ] f_s for every monomial ρ with projection σ;
 *       all ρ!·S_ρ must be equal, over every ρ with that projection, so when some such ρ occurs in no drift of C
 *       the common value is 0. Constant terms never constrain FE.</li>
 * </ul>
 * Each {@link Sum} lists its terms as (variable, index into that variable's drift).
 */
final class ExactnessConstraints {

    /** One constrained sum: weight·Σ coefficients of the listed terms. */
    record Sum(double weight, int[] vars, int[] terms) {
    }

    /**
     * A group of sums whose weighted values must all be equal; when {@code forcedZero}, the common value must be 0
     * because a member of the group has no term at all.
     */
    record Group(List<Sum> sums, boolean forcedZero) {
    }

    private ExactnessConstraints() {
    }

    static List<Group> of(OdeSystem system, Method method, Partition p) {
        return method == Method.BE ? backward(system, p) : forward(system, p);
    }

    private static List<Group> backward(OdeSystem system, Partition p) {
        List<Group> out = new ArrayList<>();
        for (int b = 0; b < p.size(); b++) {
            int[] members = p.block(b);
            if (members.length < 2) {
                continue;
            }
            // σ -> (member position -> term list)
            Map<Monomial, List<List<Integer>>> bySigma = new LinkedHashMap<>();
            for (int k = 0; k < members.length; k++) {
                Polynomial f = system.drift(members[k]);
                for (int t = 0; t < f.size(); t++) {
                    Monomial sigma = project(f.monomial(t), p);
                    List<List<Integer>> lists = bySigma.computeIfAbsent(sigma, x -> {
                        List<List<Integer>> l = new ArrayList<>();
                        for (int i = 0; i < members.length; i++) {
                            l.add(new ArrayList<>());
                        }
                        return l;
                    });
                    lists.get(k).add(t);
                }
            }
            for (List<List<Integer>> lists : bySigma.values()) {
                List<Sum> sums = new ArrayList<>();
                boolean zero = false;
                for (int k = 0; k < members.length; k++) {
                    List<Integer> ts = lists.get(k);
                    if (ts.isEmpty()) {
                        zero = true;
                        continue;
                    }
                    int[] vars = new int[ts.size()];
                    java.util.Arrays.fill(vars, members[k]);
                    sums.add(new Sum(1.0, vars, ts.stream().mapToInt(Integer::intValue).toArray()));
                }
                out.add(new Group(sums, zero));
            }
        }
        return out;
    }

    private static List<Group> forward(OdeSystem system, Partition p) {
        List<Group> out = new ArrayList<>();
        for (int c = 0; c < p.size(); c++) {
            int[] members = p.block(c);
            // σ -> ρ -> terms (var, index)
            Map<Monomial, Map<Monomial, List<int[]>>> bySigma = new LinkedHashMap<>();
            for (int s : members) {
                Polynomial f = system.drift(s);
                for (int t = 0; t < f.size(); t++) {
                    Monomial rho = f.monomial(t);
                    if (rho.isConstant()) {
                        continue;
                    }
                    bySigma.computeIfAbsent(project(rho, p), x -> new LinkedHashMap<>())
                            .computeIfAbsent(rho, x -> new ArrayList<>()).add(new int[] {s, t});
                }
            }
            for (Map.Entry<Monomial, Map<Monomial, List<int[]>>> e : bySigma.entrySet()) {
                Monomial sigma = e.getKey();
                double possible = 1.0;
                for (int j = 0; j < sigma.size(); j++) {
                    possible *= multichoose(p.blockSize(sigma.var(j)), sigma.exp(j));
                }
                List<Sum> sums = new ArrayList<>();
                for (Map.Entry<Monomial, List<int[]>> r : e.getValue().entrySet()) {
                    List<int[]> ts = r.getValue();
                    int[] vars = new int[ts.size()];
                    int[] terms = new int[ts.size()];
                    for (int k = 0; k < ts.size(); k++) {
                        vars[k] = ts.get(k)[0];
                        terms[k] = ts.get(k)[1];
                    }
                    sums.add(new Sum(factorial(r.getKey()), vars, terms));
                }
                boolean zero = sums.size() < possible;
                if (sums.size() > 1 || zero) {
                    out.add(new Group(sums, zero));
                }
            }
        }
        return out;
    }

    /** proj(ρ): the monomial over block indices. */
    static Monomial project(Monomial m, Partition p) {
        int[] vs = new int[m.size()];
        int[] es = new int[m.size()];
        for (int j = 0; j < m.size(); j++) {
            vs[j] = p.blockOf(m.var(j));
            es[j] = m.exp(j);
        }
        return Monomial.of(vs, es);
    }

    static double factorial(Monomial m) {
        double f = 1.0;
        for (int j = 0; j < m.size(); j++) {
            for (int e = 2; e <= m.exp(j); e++) {
                f *= e;
            }
        }
        return f;
    }

    /** The number of multisets of size k over n elements, C(n + k − 1, k), as a double. */
    static double multichoose(int n, int k) {
        double r = 1.0;
        for (int i = 1; i <= k; i++) {
            r = r * (n + i - 1) / i;
        }
        return Math.rint(r);
    }

    /** The current value of a sum's coefficients (without the weight). */
    static double value(OdeSystem system, Sum s) {
        double v = 0.0;
        for (int k = 0; k < s.terms().length; k++) {
            v += system.drift(s.vars()[k]).coefficient(s.terms()[k]);
        }
        return v;
    }

    /** The value of a sum's coefficients in another system with the same monomials (looked up by monomial). */
    static double valueIn(OdeSystem base, OdeSystem other, Sum s) {
        double v = 0.0;
        Map<Integer, Polynomial> cache = new HashMap<>();
        for (int k = 0; k < s.terms().length; k++) {
            Monomial m = base.drift(s.vars()[k]).monomial(s.terms()[k]);
            v += cache.computeIfAbsent(s.vars()[k], other::drift).coefficientOf(m);
        }
        return v;
    }
}
