package org.odelump.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LumpedSystemTest {

    private final OdeSystem origin = OdeSystem.builder("o").variables("a", "b", "c")
            .initialValues(new double[] {1, 2, 3})
            .drifts(List.of(Polynomial.variable(2), Polynomial.variable(2), Polynomial.variable(0).negate()))
            .build();
    private final OdeSystem reduced = OdeSystem.builder("r").variables("a", "c")
            .drifts(List.of(Polynomial.variable(1).scale(2), Polynomial.variable(0).scale(-0.5)))
            .build();
    private final Partition partition = Partition.of(3, List.of(List.of(0, 1), List.of(2)));

    private LumpedSystem make(Partition initial, int[][] cols, double[][] weights) {
        return new LumpedSystem(origin, LumpedSystem.Method.FE, "NONE", initial, partition, cols, weights, reduced,
                1e-12, null, List.of());
    }

    @Test
    void lumpsWithTheSparseMatrixAndCopiesInputs() {
        int[][] cols = {{0, 1}, {2}};
        double[][] weights = {{1, 1}, {1}};
        LumpedSystem l = make(Partition.single(3), cols, weights);
        cols[0][0] = 2;
        assertThat(l.lumpingColumns(0)).containsExactly(0, 1);
        assertThat(l.lump(new double[] {1, 2, 3})).containsExactly(3, 3);
        assertThat(l.isReduction()).isTrue();
        assertThat(l.tolerance()).isEqualTo(1e-12);
        assertThat(l.approximation()).isEmpty();
        assertThat(l.toString()).contains("FE", "3 -> 2");
    }

    @Test
    void rejectsInconsistentParts() {
        int[][] cols = {{0, 1}, {2}};
        double[][] weights = {{1, 1}, {1}};
        Partition apart = Partition.of(3, List.of(List.of(0), List.of(1, 2)));
        assertThatThrownBy(() -> make(apart, cols, weights)).hasMessageContaining("refine");
        assertThatThrownBy(() -> make(Partition.single(3), new int[][] {{0, 1}}, new double[][] {{1, 1}}))
                .hasMessageContaining("one row per block");
        assertThatThrownBy(() -> make(Partition.single(3), new int[][] {{0, 7}, {2}}, weights))
                .hasMessageContaining("variable 7");
        assertThatThrownBy(() -> make(Partition.single(3), cols, new double[][] {{1}, {1}}))
                .hasMessageContaining("differ in length");
        LumpedSystem l = make(Partition.single(3), cols, weights);
        assertThatThrownBy(() -> l.lump(new double[2])).isInstanceOf(IllegalArgumentException.class);
    }
}
