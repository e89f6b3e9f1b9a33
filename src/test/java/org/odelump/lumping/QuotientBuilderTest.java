package org.odelump.lumping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.odelump.model.Expr;
import org.odelump.model.LumpedSystem;
import org.odelump.model.LumpedSystem.Method;
import org.odelump.model.OdeSystem;
import org.odelump.model.Partition;
import org.odelump.numeric.Simulator;
import org.odelump.numeric.TrajectoryCheck;

class QuotientBuilderTest {

    private final OdeSystem lv2 = ResearchExamplesTest.lv2();
    private final Partition pairs = Partition.of(3, List.of(List.of(0, 1), List.of(2)));

    @Test
    void forwardQuotientUsesTheUniformSplitAndBlockSums() {
        LumpedSystem l = new QuotientBuilder(lv2, Method.FE, Partition.single(3), "NONE", pairs, Tolerance.DEFAULT)
                .compute();
        OdeSystem r = l.reduced();
        assertThat(r.name()).isEqualTo("lv2_fe");
        assertThat(r.variableNames()).containsExactly("x1", "y");
        assertThat(r.driftSources()).containsOnlyNulls();
        assertThat(r.isReactionNetwork()).isFalse();
        // d(x1+x2) = a*X - b*X*y and d(y) = -y + b*X*y with X = x1 + x2
        assertThat(r.drift(0).format(r.variableNames())).isEqualTo("x1 - 0.5*x1*y");
        assertThat(r.drift(1).format(r.variableNames())).isEqualTo("-y + 0.5*x1*y");
        assertThat(l.lumpingColumns(0)).containsExactly(0, 1);
        assertThat(l.lumpingWeights(0)).containsExactly(1, 1);
        assertThat(l.lump(new double[] {1, 2, 5})).containsExactly(3, 5);
        assertThat(r.views()).hasSize(1);
        assertThat(r.views().get(0).name()).isEqualTo("vx1");
        assertThat(r.views().get(0).expression())
                .isEqualTo(new Expr.Binary(Expr.Op.DIV, new Expr.Ref("x1"), new Expr.Num(2)));
        assertThat(l.initialDescription()).isEqualTo("NONE");
        assertThat(l.initialPartition().size()).isEqualTo(1);
        assertThat(l.tolerance()).isEqualTo(Tolerance.DEFAULT.relative());
        assertThat(l.approximation()).isEmpty();
        assertThat(l.isReduction()).isTrue();
    }

    @Test
    void backwardQuotientUsesTheRepresentativeAndWarnsOnNonConstantInitialValues() {
        OdeSystem skewed = lv2.toBuilder().initialValues(new double[] {1, 3, 2}).build();
        LumpedSystem l = new QuotientBuilder(skewed, Method.BE, Partition.single(3), "NONE", pairs,
                Tolerance.DEFAULT).compute();
        OdeSystem r = l.reduced();
        assertThat(r.drift(0).format(r.variableNames())).isEqualTo("x1 - 0.5*x1*y");
        assertThat(r.drift(1).format(r.variableNames())).isEqualTo("-y + x1*y");
        assertThat(r.initialValues()).containsExactly(1, 2);
        assertThat(l.lumpingColumns(0)).containsExactly(0);
        assertThat(l.warnings()).singleElement().asString().contains("{x1, x2}");
        assertThat(r.views().get(0).name()).isEqualTo("sx1");
        // the trajectory check starts the origin from the lifted (block-constant) state and agrees
        TrajectoryCheck.Result t = new TrajectoryCheck(l, Simulator.grid(5, 50), Simulator.Options.DEFAULT, 1e-7)
                .compute();
        assertThat(t.passed()).as(t.detail()).isTrue();
    }

    @Test
    void wrongPartitionsFailTheSelfChecks() {
        Partition wrong = Partition.of(3, List.of(List.of(0), List.of(1, 2)));
        for (Method m : Method.values()) {
            LumpedSystem l = new QuotientBuilder(lv2, m, Partition.single(3), "NONE", wrong, Tolerance.DEFAULT)
                    .compute();
            LumpingCheck.Result c = new LumpingCheck(l, 5, 3, 1e-9).compute();
            assertThat(c.passed()).as(m + " " + c.detail()).isFalse();
            TrajectoryCheck.Result t = new TrajectoryCheck(l, Simulator.grid(2, 20), Simulator.Options.DEFAULT, 1e-6)
                    .compute();
            assertThat(t.passed()).as(m + " " + t.detail()).isFalse();
        }
    }

    @Test
    void validatesThePartitions() {
        Partition coarse = Partition.of(3, List.of(List.of(0, 2), List.of(1)));
        assertThatThrownBy(() -> new QuotientBuilder(lv2, Method.FE, coarse, "USER", pairs, Tolerance.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("refine");
        assertThatThrownBy(() -> new QuotientBuilder(lv2, Method.FE, Partition.single(2), "USER", pairs,
                Tolerance.DEFAULT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LumpingCheck(new QuotientBuilder(lv2, Method.FE, Partition.single(3), "NONE",
                pairs, Tolerance.DEFAULT).compute(), 0, 1, 1e-9)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cancellationNoiseIsDroppedFromReducedDrifts() {
        // d(a) = 0.1*c + 0.2*c, d(b) = -0.3*c, d(c) = -c: the FE sum a + b has drift 0 up to rounding
        OdeSystem m = OdeSystem.builder("cancel").variables("a", "b", "c")
                .drifts(List.of(org.odelump.model.Polynomial.builder()
                                .add(org.odelump.model.Monomial.of(2), 0.1)
                                .add(org.odelump.model.Monomial.of(2), 0.2).build(),
                        org.odelump.model.Polynomial.term(-0.3, org.odelump.model.Monomial.of(2)),
                        org.odelump.model.Polynomial.term(-1, org.odelump.model.Monomial.of(2))))
                .build();
        LumpedSystem l = new Reduction(m, Method.FE, Prepartition.NONE, Tolerance.DEFAULT).compute();
        assertThat(l.partition()).isEqualTo(Partition.of(3, List.of(List.of(0, 1), List.of(2))));
        assertThat(l.reduced().drift(0).isZero()).isTrue();
    }
}
