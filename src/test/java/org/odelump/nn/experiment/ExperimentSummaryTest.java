package org.odelump.nn.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The summary's arithmetic on rows made by hand: means, sample standard deviations, strict win counts. */
class ExperimentSummaryTest {

    private static ResultRow row(int seed, String method, String comp, double rmse, long params) {
        return new ResultRow("rn", "4x4", seed, ResultRow.Kind.LEVEL, 0.5, method, comp, 0.1, params,
                1 - params / 100.0, rmse, rmse, 0.5, 0);
    }

    @Test
    void tablesShowMeanAndSampleStdAndWinRatesCountStrictWinsAtEqualCells() {
        List<ResultRow> rows = new ArrayList<>();
        for (int seed = 1; seed <= 2; seed++) {
            rows.add(new ResultRow("rn", "4x4", seed, ResultRow.Kind.ORIGINAL, 0, "original", "none", Double.NaN,
                    100, 0, 0.5 * seed, 0, 1, 1));
        }
        // afde: 1 and 3 (mean 2, sample std sqrt(2) = 1.41); magnitude: 2 and 3 (a tie in seed 2 is no win)
        rows.add(row(1, "afde", "none", 1, 48));
        rows.add(row(2, "afde", "none", 3, 52));
        rows.add(row(1, "magnitude", "none", 2, 48));
        rows.add(row(2, "magnitude", "none", 3, 52));
        rows.add(row(1, "wanda", "none", 0.5, 48));
        ExperimentPlan plan = new ExperimentPlan(List.of("rn"), 2, List.of(List.of(4, 4)), 1e-3, 8, 2, 1,
                List.of(0.5), List.of(), 10, 10, null);
        ExperimentSummary s = new ExperimentSummary(plan, rows, Map.of("rn", "made by hand"));
        ExperimentSummary.Stat afde = s.levelRmse("rn", "4x4", 0.5, "afde", "none");
        assertThat(afde.mean()).isEqualTo(2);
        assertThat(afde.std()).isEqualTo(Math.sqrt(2));
        assertThat(s.wins("rn", "4x4", null, "magnitude")).isEqualTo(new ExperimentSummary.Wins(1, 2));
        assertThat(s.wins("rn", "4x4", null, "wanda")).isEqualTo(new ExperimentSummary.Wins(0, 1));
        String md = s.markdown("# h\n", Map.of());
        assertThat(md).contains("| afde | none | 2 ± 1.41 (50 %) |", "| magnitude | none | 2.5 ± 0.707 (50 %) |",
                "| wanda | none | 0.5 ± 0 (52 %) n=1 |", "| abde | none | unreachable |",
                "Uncompressed test RMSE 0.75 ± 0.354", "Data: made by hand", "50 % (1/2)", "0 % (0/1)");
    }

    @Test
    void theVerdictCountsWinsOverArchitecturesSeedsAndRefitCompensationsAgainstTheMatchedBaselines() {
        List<ResultRow> rows = new ArrayList<>();
        for (int seed = 1; seed <= 2; seed++) {
            for (String comp : List.of("none", "refit", "refit-all")) {
                // lsq wins every refit cell against magnitude and Wanda, only seed 1 against structured
                rows.add(row(seed, "lsq", comp, 1, 50));
                rows.add(row(seed, "magnitude@lsq", comp, 2, 50));
                rows.add(row(seed, "wanda@lsq", comp, 3, 50));
                rows.add(row(seed, "structured@lsq", comp, seed == 1 ? 1.5 : 0.5, 48));
                // the unmatched baseline rows do not count for lsq
                rows.add(row(seed, "structured", comp, 0.1, 50));
            }
        }
        ExperimentPlan plan = new ExperimentPlan(List.of("rn"), 2, List.of(List.of(4, 4)), 1e-3, 8, 2, 1,
                List.of(0.5), List.of(), 10, 10, null);
        ExperimentSummary s = new ExperimentSummary(plan, rows, Map.of());
        assertThat(s.versus("rn", 0.5, "lsq", "magnitude@lsq")).isEqualTo(new ExperimentSummary.Wins(4, 4));
        assertThat(s.versus("rn", 0.5, "lsq", "structured@lsq")).isEqualTo(new ExperimentSummary.Wins(2, 4));
        assertThat(s.beatsAll("rn", 0.5, "lsq")).isFalse();
        assertThat(s.markdown("", Map.of())).contains("| rn | lsq | 4/4 | 4/4 | 2/4 | no |",
                "lsq beats all three on 0 of 1 datasets at 50 %");
    }
}
