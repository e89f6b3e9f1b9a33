package org.odelump.nn.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExperimentPlanTest {

    @Test
    void architecturesAreWrittenAndReadAsWidthsJoinedByX() {
        assertThat(ExperimentPlan.parseArchitecture("64x64x32")).containsExactly(64, 64, 32);
        assertThat(ExperimentPlan.name(List.of(128, 8))).isEqualTo("128x8");
        for (String bad : List.of("", "64x", "x64", "64x0", "64,64", "sixty")) {
            assertThatThrownBy(() -> ExperimentPlan.parseArchitecture(bad)).as(bad)
                    .hasMessageContaining("expected hidden widths such as 64x64");
        }
    }

    @Test
    void theMeasuredLevelsAreTheSortedUnionOfTableAndPlotLevels() {
        ExperimentPlan p = new ExperimentPlan(List.of("rn"), 1, List.of(List.of(4)), 1e-3, 8, 2, 1,
                List.of(0.75, 0.25), List.of(0.25, 0.1), 10, 10, null);
        assertThat(p.allLevels()).containsExactly(0.1, 0.25, 0.75);
        assertThat(p.levels()).containsExactly(0.75, 0.25);
    }

    @Test
    void invalidPlansAreRejectedWithTheReason() {
        assertThatThrownBy(() -> new ExperimentPlan(List.of("rn"), 0, List.of(List.of(4)), 1e-3, 8, 2, 1,
                List.of(0.5), List.of(), 10, 10, null)).hasMessageContaining("seeds");
        assertThatThrownBy(() -> new ExperimentPlan(List.of("rn"), 1, List.of(List.of(4)), 1e-3, 8, 2, 1,
                List.of(1.0), List.of(), 10, 10, null)).hasMessageContaining("(0, 1)");
        assertThatThrownBy(() -> new ExperimentPlan(List.of("rn"), 1, List.of(List.of(4)), -1, 8, 2, 1,
                List.of(0.5), List.of(), 10, 10, null)).hasMessageContaining("learning rate");
        assertThatThrownBy(() -> new ExperimentPlan(List.of(), 1, List.of(List.of(4)), 1e-3, 8, 2, 1,
                List.of(0.5), List.of(), 10, 10, null)).hasMessageContaining("at least one dataset");
    }

    @Test
    void theTrainingFingerprintIgnoresCompressionSettingsButTheRunFingerprintDoesNot() {
        ExperimentPlan a = new ExperimentPlan(List.of("rn"), 1, List.of(List.of(4)), 1e-3, 8, 2, 1,
                List.of(0.5), List.of(), 10, 10, null);
        ExperimentPlan b = new ExperimentPlan(List.of("rn"), 3, List.of(List.of(4)), 1e-3, 8, 2, 1,
                List.of(0.5), List.of(0.2), 20, 10, null);
        assertThat(a.trainingFingerprint()).isEqualTo(b.trainingFingerprint());
        assertThat(a.runFingerprint()).isNotEqualTo(b.runFingerprint());
    }
}
