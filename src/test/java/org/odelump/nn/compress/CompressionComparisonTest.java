package org.odelump.nn.compress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.odelump.lumping.EpsilonMode;
import org.odelump.nn.Mlp;
import org.odelump.nn.Nets;
import org.odelump.nn.data.RegressionMetrics;
import org.odelump.nn.prune.BaselineMatching;

/**
 * The comparison object on a small random network whose targets are its own outputs: every method within a budget,
 * baselines at a method's count, compensation and scoring, against the algorithms called directly.
 */
class CompressionComparisonTest {

    private static final Mlp NET = Nets.random(31, 3, 10, 8, 1);
    private static final double[][] CALIBRATION = Nets.inputs(32, 80, 3);
    private static final double[][] TEST = Nets.inputs(33, 40, 3);

    private static CompressionComparison comparison() {
        double[][] targets = new double[TEST.length][];
        for (int r = 0; r < TEST.length; r++) {
            targets[r] = NET.apply(TEST[r]);
        }
        return new CompressionComparison(NET, CALIBRATION, new CompressionComparison.Scoring(TEST, targets,
                z -> z));
    }

    @Test
    void theMethodsAreNamedAsTheCommandsSpellThem() {
        assertThat(CompressionMethod.of("afde", null)).contains(CompressionMethod.LSQ);
        assertThat(CompressionMethod.of("afde", "weights")).contains(CompressionMethod.AFDE);
        assertThat(CompressionMethod.of("afde", "dynamics")).contains(CompressionMethod.DYNAMICS);
        assertThat(CompressionMethod.of("abde", null)).contains(CompressionMethod.ABDE);
        assertThat(CompressionMethod.of("abde", "lsq")).isEmpty();
        assertThat(CompressionMethod.of("wanda", null)).contains(CompressionMethod.WANDA);
        assertThat(CompressionMethod.of("lottery", null)).isEmpty();
        for (BaselineMatching.Baseline b : BaselineMatching.Baseline.values()) {
            assertThat(CompressionMethod.of(b).baseline()).isEqualTo(b);
            assertThat(CompressionMethod.of(b).prunes()).isTrue();
        }
    }

    @Test
    void aSizeRequestIsTheMethodAtItsCountOrEpsilon() {
        CompressionComparison c = comparison();
        long half = NET.nonZeroCount() / 2;
        for (CompressionMethod m : List.of(CompressionMethod.LSQ, CompressionMethod.AFDE, CompressionMethod.WANDA)) {
            assertThat(c.compress(m, SizeRequest.ratio(2, EpsilonMode.REL)).network())
                    .isEqualTo(c.atMost(m, half, EpsilonMode.REL).network());
        }
        assertThat(c.compress(CompressionMethod.AFDE, SizeRequest.epsilon(0.2, EpsilonMode.ABS)).network())
                .isEqualTo(c.atEpsilon(CompressionMethod.AFDE, 0.2, EpsilonMode.ABS).network());
        assertThatThrownBy(() -> c.compress(CompressionMethod.WANDA, SizeRequest.epsilon(0.1, EpsilonMode.REL)))
                .isInstanceOf(CompressionMethod.InvalidChoiceException.class)
                .hasMessage("--epsilon applies to afde and abde; --method wanda needs --params or --ratio");
    }

    @Test
    void everyMethodStaysWithinTheBudgetAndItsScoreIsTheCompensatedNetworksScore() {
        CompressionComparison c = comparison();
        long budget = NET.nonZeroCount() / 2;
        for (CompressionMethod m : CompressionMethod.values()) {
            CompressionComparison.Compressed k = c.atMost(m, budget, EpsilonMode.REL);
            assertThat(m == CompressionMethod.LSQ || m == CompressionMethod.DYNAMICS
                    ? k.network().parameterCount() : k.network().nonZeroCount()).as(m.key())
                    .isLessThanOrEqualTo(budget);
            assertThat(Double.isNaN(k.epsilon())).as(m.key()).isEqualTo(m.prunes());
            for (Compensation comp : Compensation.values()) {
                CompressionComparison.Result r = c.compensate(k, comp);
                assertThat(r.method()).isEqualTo(m);
                assertThat(r.test()).isEqualTo(RegressionMetrics.of(c.scoring().predict(r.network()),
                        c.scoring().targets()));
                if (comp == Compensation.NONE) {
                    assertThat(r.network()).isSameAs(k.network());
                }
            }
        }
    }

    @Test
    void afdeAtItsSearchedEpsilonIsTheDirectCompressionAndTheBaselinesMatchItsCount() {
        CompressionComparison c = comparison();
        CompressionComparison.Compressed afde = c.atMost(CompressionMethod.AFDE, NET.nonZeroCount() * 2 / 3,
                EpsilonMode.REL);
        EpsilonSearch.Found direct = new EpsilonSearch(LumpingCompressor.prepare(NET, NetworkEncoder.DEFAULT_BETA,
                true), LumpingCompressor.Method.AFDE, EpsilonMode.REL).atMost(NET.nonZeroCount() * 2 / 3);
        assertThat(afde.epsilon()).isEqualTo(direct.epsilon());
        assertThat(afde.evaluations()).isEqualTo(direct.evaluations());
        assertThat(afde.network().nonZeroCount()).isEqualTo(direct.result().network().nonZeroCount());
        assertThat(c.compensate(afde, Compensation.REFIT).network().nonZeroCount())
                .isEqualTo(Compensation.REFIT.apply(NET, direct.result(), CALIBRATION).nonZeroCount());

        long count = afde.network().nonZeroCount();
        Set<CompressionMethod> baselines = EnumSet.of(CompressionMethod.WANDA, CompressionMethod.MAGNITUDE,
                CompressionMethod.STRUCTURED);
        List<CompressionComparison.Result> matched = c.matched(count, baselines,
                List.of(Compensation.NONE, Compensation.REFIT));
        // baseline order, then compensation order
        assertThat(matched).extracting(CompressionComparison.Result::method).containsExactly(
                CompressionMethod.MAGNITUDE, CompressionMethod.MAGNITUDE, CompressionMethod.STRUCTURED,
                CompressionMethod.STRUCTURED, CompressionMethod.WANDA, CompressionMethod.WANDA);
        for (CompressionComparison.Result r : matched) {
            if (r.method() == CompressionMethod.STRUCTURED) {
                assertThat(r.parameters()).isLessThanOrEqualTo(count);
            } else if (r.compensation() == Compensation.NONE) {
                assertThat(r.parameters()).isEqualTo(count);
            }
        }
        Mlp alone = c.atMost(CompressionMethod.WANDA, count, EpsilonMode.REL).network();
        assertThat(Nets.maxDeviation(alone, matched.get(4).network(), TEST)).isZero();
    }

    @Test
    void theMatchedComparisonIsTheMethodThenEveryOtherBaselineAtItsCount() {
        CompressionComparison c = comparison();
        CompressionComparison.Compressed wanda = c.atMost(CompressionMethod.WANDA, 60, EpsilonMode.REL);
        List<CompressionComparison.Result> all = c.withMatchedBaselines(wanda, Compensation.NONE);
        assertThat(all).extracting(CompressionComparison.Result::method).containsExactly(CompressionMethod.WANDA,
                CompressionMethod.MAGNITUDE, CompressionMethod.LAYER_MAGNITUDE, CompressionMethod.STRUCTURED);
        assertThat(all.get(0).parameters()).isEqualTo(60);
        assertThat(all.get(1).parameters()).isEqualTo(60);
        assertThat(all.get(2).parameters()).isEqualTo(60);
        assertThat(all.get(3).parameters()).isLessThanOrEqualTo(60);
    }

    @Test
    void aBaselineHasNoEpsilonAndAnUnreachableSizeIsTyped() {
        CompressionComparison c = comparison();
        assertThatThrownBy(() -> c.atEpsilon(CompressionMethod.MAGNITUDE, 0.1, EpsilonMode.REL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("magnitude");
        assertThatThrownBy(() -> c.atMost(CompressionMethod.LSQ, 3, EpsilonMode.REL))
                .isInstanceOf(SizeTargetUnreachableException.class);
    }

    @Test
    void theSweepGivesAfdeThenEveryBaselineAtAfdesCountAndReportsEachPoint() {
        CompressionComparison c = comparison();
        int[] seen = {0};
        List<CompressionComparison.SweepPoint> points = c.sweep(4, Compensation.NONE, (done, total, eps, n) -> {
            assertThat(done).isEqualTo(++seen[0]);
            assertThat(total).isEqualTo(4);
        });
        assertThat(points).hasSize(4);
        assertThat(seen[0]).isEqualTo(4);
        for (CompressionComparison.SweepPoint p : points) {
            assertThat(p.results()).extracting(CompressionComparison.Result::method).containsExactly(
                    CompressionMethod.AFDE, CompressionMethod.MAGNITUDE, CompressionMethod.LAYER_MAGNITUDE,
                    CompressionMethod.STRUCTURED, CompressionMethod.WANDA);
            assertThat(p.results().get(0).parameters()).isEqualTo(p.lumpedParameters());
            assertThat(p.results().get(1).parameters()).isEqualTo(p.lumpedParameters());
        }
    }
}
