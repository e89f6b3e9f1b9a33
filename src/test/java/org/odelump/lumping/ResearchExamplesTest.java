package org.odelump.lumping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.odelump.model.LumpedSystem;
import org.odelump.model.LumpedSystem.Method;
import org.odelump.model.Monomial;
import org.odelump.model.OdeSystem;
import org.odelump.model.Partition;
import org.odelump.model.Polynomial;
import org.odelump.model.Reaction;
import org.odelump.numeric.Simulator;
import org.odelump.numeric.TrajectoryCheck;

/** The example models of research notes §5.6, built programmatically, with their hand-known reductions. */
class ResearchExamplesTest {

    /** Example 1: two identical binding sites for S (mass action), user partition {S}. */
    static OdeSystem sites() {
        int s = 0;
        int a1 = 1;
        int a2 = 2;
        int b1 = 3;
        int b2 = 4;
        double kon = 2.0;
        double koff = 0.5;
        List<Reaction> rs = List.of(
                massAction("bind1", Monomial.ofMultiset(s, a1), Monomial.ofMultiset(b1), kon),
                massAction("bind2", Monomial.ofMultiset(s, a2), Monomial.ofMultiset(b2), kon),
                massAction(null, Monomial.ofMultiset(b1), Monomial.ofMultiset(s, a1), koff),
                massAction(null, Monomial.ofMultiset(b2), Monomial.ofMultiset(s, a2), koff));
        return OdeSystem.builder("sites")
                .variables("S", "A1", "A2", "B1", "B2")
                .initialValues(new double[] {10, 1, 1, 0, 0})
                .reactions(rs)
                .drifts(OdeSystem.Builder.driftsOf(5, rs))
                .partitionBlocks(List.of(List.of(s)))
                .build();
    }

    /** Example 2: d(x1) = a*x1 - b*x1*y, d(x2) = a*x2 - b*x2*y, d(y) = -y + b*(x1 + x2)*y. */
    static OdeSystem lv2() {
        double a = 1.0;
        double b = 0.5;
        Polynomial x1 = Polynomial.variable(0);
        Polynomial x2 = Polynomial.variable(1);
        Polynomial y = Polynomial.variable(2);
        return OdeSystem.builder("lv2")
                .variables("x1", "x2", "y")
                .initialValues(new double[] {1, 1, 2})
                .drifts(List.of(
                        x1.scale(a).minus(x1.times(y).scale(b)),
                        x2.scale(a).minus(x2.times(y).scale(b)),
                        y.negate().plus(x1.plus(x2).times(y).scale(b))))
                .build();
    }

    static Reaction massAction(String label, Monomial reagents, Monomial products, double k) {
        return new Reaction(label, reagents, products, Polynomial.term(k, reagents), true, null);
    }

    @Test
    void sitesForwardWithUserPartition() {
        OdeSystem m = sites();
        LumpedSystem l = new Reduction(m, Method.FE, Prepartition.USER, Tolerance.DEFAULT).compute();
        assertThat(l.partition().format(m.variableNames())).isEqualTo("{S}, {A1, A2}, {B1, B2}");
        assertThat(l.reduced().variableNames()).containsExactly("S", "A1", "B1");
        assertThat(l.reduced().initialValues()).containsExactly(10, 2, 0);
        // dS = -kon*S*(A1+A2) + koff*(B1+B2): with sums, -kon*S*A + koff*B
        assertThat(l.reduced().drift(0).evaluate(new double[] {3, 5, 7})).isEqualTo(-2.0 * 3 * 5 + 0.5 * 7);
        assertThat(new LumpingCheck(l, 10, 1, 1e-12).compute().passed()).isTrue();
        assertThat(l.origin().dimension()).isEqualTo(5);
        assertThat(l.partition().size()).isEqualTo(3);
        assertThat(l.warnings()).isEmpty();
    }

    @Test
    void sitesBackwardWithUserAndIc() {
        OdeSystem m = sites();
        LumpedSystem l = new Reduction(m, Method.BE, Prepartition.USER_IC, Tolerance.DEFAULT).compute();
        assertThat(l.partition().format(m.variableNames())).isEqualTo("{S}, {A1, A2}, {B1, B2}");
        assertThat(l.reduced().initialValues()).containsExactly(10, 1, 0);
        // dS = -kon*S*(A1+A2) + koff*(B1+B2) at block-constant points: -2*kon*S*A + 2*koff*B
        assertThat(l.reduced().drift(0).evaluate(new double[] {3, 5, 7})).isEqualTo(-2 * 2.0 * 3 * 5 + 2 * 0.5 * 7);
        assertThat(new LumpingCheck(l, 10, 1, 1e-12).compute().passed()).isTrue();
        assertThat(l.warnings()).isEmpty();
    }

    @Test
    void lv2BothWays() {
        OdeSystem m = lv2();
        LumpedSystem fe = new Reduction(m, Method.FE, Prepartition.NONE, Tolerance.DEFAULT).compute();
        LumpedSystem be = new Reduction(m, Method.BE, Prepartition.IC, Tolerance.DEFAULT).compute();
        assertThat(fe.partition().format(m.variableNames())).isEqualTo("{x1, x2}, {y}");
        assertThat(be.partition().format(m.variableNames())).isEqualTo("{x1, x2}, {y}");
        assertThat(fe.reduced().initialValues()).containsExactly(2, 2);
        assertThat(be.reduced().initialValues()).containsExactly(1, 2);
        for (LumpedSystem l : List.of(fe, be)) {
            assertThat(new LumpingCheck(l, 10, 7, 1e-12).compute().passed()).isTrue();
            TrajectoryCheck.Result r = new TrajectoryCheck(l, Simulator.grid(10, 100), Simulator.Options.DEFAULT,
                    1e-6).compute();
            assertThat(r.passed()).as(r.detail()).isTrue();
            assertThat(r.comparedPoints()).isEqualTo(101);
        }
    }

    @Test
    void splittingTheInitialPartitionIsRespected() {
        OdeSystem m = lv2();
        Partition apart = Partition.of(3, List.of(List.of(0), List.of(1, 2)));
        assertThat(new ForwardEquivalence(m, apart, Tolerance.DEFAULT).compute()).isEqualTo(Partition.discrete(3));
        assertThat(new BackwardEquivalence(m, apart, Tolerance.DEFAULT).compute()).isEqualTo(Partition.discrete(3));
    }
}
