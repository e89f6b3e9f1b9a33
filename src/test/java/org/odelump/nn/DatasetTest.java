package org.odelump.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class DatasetTest {

    @Test
    void copiesOnTheWayInAndOut() {
        double[][] x = {{1, 2}, {3, 4}};
        double[][] y = {{5}, {6}};
        Dataset d = new Dataset(x, y, List.of("a", "b"), List.of("t"));
        x[0][0] = 99;
        d.inputs()[1][1] = 99;
        assertThat(d.inputs()).isDeepEqualTo(new double[][] {{1, 2}, {3, 4}});
        assertThat(d.targets()).isDeepEqualTo(new double[][] {{5}, {6}});
        assertThat(d.size()).isEqualTo(2);
        assertThat(d.inputColumns()).isEqualTo(2);
        assertThat(d.targetColumns()).isEqualTo(1);
        assertThat(d.inputNames()).containsExactly("a", "b");
        assertThat(new Dataset(x, y).targetNames()).isEmpty();
    }

    @Test
    void rejectsInconsistentShapes() {
        assertThatThrownBy(() -> new Dataset(new double[][] {{1}}, new double[][] {{1}, {2}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("1 input rows but 2 target rows");
        assertThatThrownBy(() -> new Dataset(new double[][] {{1}, {1, 2}}, new double[][] {{1}, {2}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("input row 1 has 2 columns, row 0 has 1");
        assertThatThrownBy(() -> new Dataset(new double[][] {{1}}, new double[][] {{1}}, List.of("a", "b"),
                List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
