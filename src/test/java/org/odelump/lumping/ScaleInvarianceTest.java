package org.odelump.lumping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.odelump.lumping.RandomSystems.Term;
import org.odelump.model.LumpedSystem;
import org.odelump.model.OdeSystem;
import org.odelump.model.Partition;

/**
 * FE and BE are properties of the vector field up to a positive factor: multiplying every coefficient by the same
 * c &gt; 0 changes no partition. This holds only if coefficient comparison has no absolute floor, so it guards
 * against models with tiny rate constants (e.g. 1e-15, as in converted SBML files) collapsing into one block.
 */
class ScaleInvarianceTest {

    @Test
    void partitionsDoNotDependOnTheUnitOfTime() {
        SplittableRandom rnd = new SplittableRandom(20261125L);
        RandomSystems.Kind[] kinds = RandomSystems.Kind.values();
        int nontrivial = 0;
        for (int s = 0; s < 300; s++) {
            int n = rnd.nextInt(2, 9);
            List<Term> terms = RandomSystems.generate(rnd, kinds[s % kinds.length], n, rnd.nextInt(1, 4), s % 2 == 0);
            OdeSystem m = RandomSystems.build("m", n, terms, new double[n]);
            Partition h0 = Partition.single(n);
            Partition fe = new ForwardEquivalence(m, h0, Tolerance.DEFAULT).compute();
            Partition be = new BackwardEquivalence(m, h0, Tolerance.DEFAULT).compute();
            if (fe.size() < n || be.size() < n) {
                nontrivial++;
            }
            for (double c : new double[] {1e-15, 1e15, 3.7e-9}) {
                OdeSystem scaled = RandomSystems.build("m", n, scale(terms, c), new double[n]);
                assertThat(new ForwardEquivalence(scaled, h0, Tolerance.DEFAULT).compute())
                        .as("FE, system %d scaled by %s", s, c).isEqualTo(fe);
                assertThat(new BackwardEquivalence(scaled, h0, Tolerance.DEFAULT).compute())
                        .as("BE, system %d scaled by %s", s, c).isEqualTo(be);
                for (LumpedSystem.Method method : LumpedSystem.Method.values()) {
                    assertThat(new EpsilonEquivalence(scaled, method, h0, 0.0, EpsilonMode.REL, Grouping.COMPONENTS,
                            Tolerance.DEFAULT).compute().partition())
                            .as("epsilon = 0 %s, system %d scaled by %s", method, s, c)
                            .isEqualTo(method == LumpedSystem.Method.FE ? fe : be);
                }
            }
        }
        assertThat(nontrivial).as("systems with a nontrivial partition").isGreaterThan(100);
    }

    private static List<Term> scale(List<Term> terms, double c) {
        List<Term> out = new ArrayList<>(terms.size());
        for (Term t : terms) {
            out.add(new Term(t.var(), t.c() * c, t.m()));
        }
        return out;
    }
}
