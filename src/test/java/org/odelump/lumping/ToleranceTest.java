package org.odelump.lumping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.odelump.model.Monomial;
import org.odelump.model.OdeSystem;
import org.odelump.model.Partition;
import org.odelump.model.Polynomial;

class ToleranceTest {

    @Test
    void comparesRelativelyAtEveryScale() {
        Tolerance t = Tolerance.of(1e-12);
        assertThat(0.1 + 0.2 == 0.3).isFalse();
        assertThat(t.equal(0.1 + 0.2, 0.3)).isTrue();
        assertThat(t.equal(1e6, 1e6 + 1e-7)).isTrue();
        assertThat(t.equal(1e6, 1e6 + 1e-5)).isFalse();
        assertThat(t.equal(1.0, 1.001)).isFalse();
        assertThat(t.equal(1e-15, 1.0000000000001e-15)).isTrue();
        assertThat(t.equal(1e-15, 2e-15)).isFalse();
        assertThat(t.equal(0.0, 1e-30)).isFalse();
        assertThat(t.equal(0.0, 0.0)).isTrue();
        assertThat(t.isZeroSum(0.1 + 0.2 - 0.3, 0.6)).isTrue();
        assertThat(t.isZeroSum(1e-9, 2.0)).isFalse();
        assertThat(t.isZeroSum(1e-27, 1e-15)).isTrue();
        assertThat(t.isZeroSum(1e-16, 1e-15)).isFalse();
    }

    @Test
    void rejectsMeaninglessTolerances() {
        assertThatThrownBy(() -> Tolerance.of(-1e-9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tolerance.of(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tolerance.of(0.5)).isInstanceOf(IllegalArgumentException.class);
    }

    /** d(x1) = 0.1*y + 0.2*y (stored as 0.30000000000000004*y), d(x2) = 0.3*y, d(y) = -y. */
    private static OdeSystem decimalSystem() {
        Polynomial.Builder f1 = Polynomial.builder().add(Monomial.of(2), 0.1).add(Monomial.of(2), 0.2);
        return OdeSystem.builder("dec").variables("x1", "x2", "y")
                .drifts(List.of(f1.build(), Polynomial.term(0.3, Monomial.of(2)),
                        Polynomial.term(-1, Monomial.of(2))))
                .build();
    }

    @Test
    void decimalNoiseDoesNotSplitButZeroToleranceDoes() {
        OdeSystem m = decimalSystem();
        assertThat(m.drift(0).coefficient(0)).isNotEqualTo(0.3);
        Partition h0 = Partition.single(3);
        Partition together = Partition.of(3, List.of(List.of(0, 1), List.of(2)));
        assertThat(new BackwardEquivalence(m, h0, Tolerance.DEFAULT).compute()).isEqualTo(together);
        assertThat(new BackwardEquivalence(m, h0, Tolerance.of(0)).compute()).isEqualTo(Partition.discrete(3));
    }

    @Test
    void constantsMustAgreeForBackwardButNotForward() {
        // d(x1) = 1, d(x2) = 2, d(x3) = 1: constants
        OdeSystem m = OdeSystem.builder("c").variables("x1", "x2", "x3")
                .drifts(List.of(Polynomial.constant(1), Polynomial.constant(2), Polynomial.constant(1)))
                .build();
        Partition h0 = Partition.single(3);
        assertThat(new BackwardEquivalence(m, h0, Tolerance.DEFAULT).compute())
                .isEqualTo(Partition.of(3, List.of(List.of(0, 2), List.of(1))));
        assertThat(new ForwardEquivalence(m, h0, Tolerance.DEFAULT).compute()).isEqualTo(h0);
    }

    @Test
    void emptyAndZeroSystems() {
        OdeSystem empty = OdeSystem.builder("e").drifts(List.of()).build();
        assertThat(new ForwardEquivalence(empty, Partition.single(0), Tolerance.DEFAULT).compute().size())
                .isZero();
        OdeSystem zero = OdeSystem.builder("z").variables("a", "b")
                .drifts(List.of(Polynomial.ZERO, Polynomial.ZERO)).build();
        assertThat(new ForwardEquivalence(zero, Partition.single(2), Tolerance.DEFAULT).compute())
                .isEqualTo(Partition.single(2));
        assertThat(new BackwardEquivalence(zero, Partition.single(2), Tolerance.DEFAULT).compute())
                .isEqualTo(Partition.single(2));
    }

    @Test
    void constructorsValidate() {
        OdeSystem m = decimalSystem();
        assertThatThrownBy(() -> new ForwardEquivalence(m, Partition.single(2), Tolerance.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BackwardEquivalence(m, null, Tolerance.DEFAULT))
                .isInstanceOf(NullPointerException.class);
    }
}
