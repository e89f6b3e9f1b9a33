package org.odelump.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Partitions: canonical block order, refinement, meet, and the checks on construction. */
class PartitionTest {

    @Test
    void blocksAreOrderedByTheirSmallestMemberWhateverTheLabels() {
        Partition p = Partition.fromLabels(new int[] {7, 3, 7, 3, 9});
        assertThat(p.size()).isEqualTo(3);
        assertThat(p.block(0)).containsExactly(0, 2);
        assertThat(p.block(1)).containsExactly(1, 3);
        assertThat(p.block(2)).containsExactly(4);
        assertThat(p.representative(1)).isEqualTo(1);
        assertThat(p.blockOf(3)).isEqualTo(1);
        assertThat(p).isEqualTo(Partition.of(5, List.of(List.of(4), List.of(3, 1), List.of(2, 0))));
        assertThat(p.format(List.of("a", "b", "c", "d", "e"))).isEqualTo("{a, c}, {b, d}, {e}");
    }

    @Test
    void refinementAndMeet() {
        Partition coarse = Partition.fromLabels(new int[] {0, 0, 0, 1});
        Partition fine = Partition.fromLabels(new int[] {0, 1, 0, 2});
        Partition other = Partition.fromLabels(new int[] {0, 0, 1, 1});
        assertThat(fine.refines(coarse)).isTrue();
        assertThat(coarse.refines(fine)).isFalse();
        assertThat(Partition.discrete(4).refines(fine)).isTrue();
        assertThat(fine.refines(Partition.single(4))).isTrue();
        assertThat(coarse.meet(other)).isEqualTo(Partition.fromLabels(new int[] {0, 0, 1, 2}));
        assertThat(coarse.refines(Partition.single(3))).isFalse();
        assertThatThrownBy(() -> coarse.meet(Partition.single(3))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void blocksMustCoverEveryVariableOnce() {
        assertThatThrownBy(() -> Partition.of(3, List.of(List.of(0, 1)))).hasMessageContaining("variable 2 is in no block");
        assertThatThrownBy(() -> Partition.of(3, List.of(List.of(0, 1), List.of(1, 2))))
                .hasMessageContaining("variable 1 is in two blocks");
        assertThatThrownBy(() -> Partition.of(2, List.of(List.of(0, 5)))).hasMessageContaining("out of range");
        assertThatThrownBy(() -> Partition.of(2, List.of(List.of(0, 1), List.of())))
                .hasMessageContaining("is empty");
    }

    @Test
    void labelsAreACopy() {
        Partition p = Partition.fromLabels(new int[] {1, 1, 0});
        int[] labels = p.labels();
        labels[0] = 5;
        assertThat(p.blockOf(0)).isEqualTo(0);
        assertThat(p.block(0)).containsExactly(0, 1);
    }
}
