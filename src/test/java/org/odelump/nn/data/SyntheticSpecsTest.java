package org.odelump.nn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.odelump.dsl.OdeParser;
import org.odelump.lumping.Prepartition;
import org.odelump.model.OdeSystem;
import org.odelump.model.Partition;
import org.odelump.numeric.Simulator;
import org.odelump.numeric.Trajectory;
import org.odelump.testutil.LumpingDefinitions;

/**
 * The claims in the header of {@code ode-specs/glycolytic_oscillator.ode}, checked without odelump's lumping code:
 * the polynomial recast follows the rational model, and its expect: lines are the coarsest FE/BE found by brute
 * force over all set partitions of its 8 variables.
 */
class SyntheticSpecsTest {

    /** Relative tolerance of the numeric FE/BE definition checks. */
    private static final double DEFINITION_TOLERANCE = 1e-9;

    private static final Path FILE = Path.of("ode-specs", "glycolytic_oscillator.ode");
    private static final Pattern EXPECT = Pattern.compile("^//\\s*expect:\\s*(FE|BE)\\s+prepartition=(none|ic)"
            + "\\s+blocks=(.*)$");

    @Test
    void thePolynomialRecastFollowsTheRationalModel() {
        OdeSystem m = OdeParser.parse(FILE).system();
        assertThat(m.variableNames()).containsExactly("S1", "S2", "S3", "S4", "S5", "S6", "S7", "w");
        assertThat(m.maxDegree()).as("w^3*S1*S6^4 in d(w)").isEqualTo(8);
        SplittableRandom rnd = new SplittableRandom(5);
        double[] times = {0, 0.25, 0.5, 1.0, 2.0};
        for (int trial = 0; trial < 3; trial++) {
            // the file's own initial state, then random states in the sampling box
            double[] x0 = trial == 0 ? m.initialValues()
                    : SyntheticDataset.GLYCOLYTIC.initialState(sample(SyntheticDataset.GLYCOLYTIC, rnd));
            assertThat(x0[7]).isCloseTo(1 / (1 + Math.pow(x0[5] / GlycolysisReference.K1, 4)), within(1e-15));
            Trajectory t = new Simulator(m, x0, times, new Simulator.Options(1e-11, 1e-11, 5_000_000, 1e6))
                    .compute();
            assertThat(t.status()).isEqualTo(Trajectory.Status.COMPLETED);
            for (int k = 1; k < times.length; k++) {
                double[] ref = GlycolysisReference.rationalAt(Arrays.copyOf(x0, 7), times[k]);
                double[] poly = t.state(k);
                for (int i = 0; i < 7; i++) {
                    assertThat(poly[i]).as("S%d at t = %s, trial %d", i + 1, times[k], trial)
                            .isCloseTo(ref[i], within(1e-7 * Math.max(1, Math.abs(ref[i]))));
                }
                // w stays on its defining manifold
                assertThat(poly[7]).isCloseTo(1 / (1 + Math.pow(poly[5] / GlycolysisReference.K1, 4)),
                        within(1e-7));
            }
        }
    }

    @Test
    void theRecastUsesTheStandardParameters() {
        OdeSystem m = OdeParser.parse(FILE).system();
        double[] x = {0.7, 1.1, 0.13, 0.21, 0.17, 1.3, 0.08, 0};
        x[7] = 1 / (1 + Math.pow(x[5] / GlycolysisReference.K1, 4));
        double[] f = m.evaluate(x);
        double[] ref = GlycolysisReference.rational(Arrays.copyOf(x, 7));
        for (int i = 0; i < 7; i++) {
            assertThat(f[i]).isCloseTo(ref[i], within(1e-10 * Math.max(1, Math.abs(ref[i]))));
        }
        // chain rule: w' = -w^2 * 4 S6^3 / K1^4 * S6'
        double k4 = Math.pow(GlycolysisReference.K1, 4);
        assertThat(f[7]).isCloseTo(-x[7] * x[7] * 4 * Math.pow(x[5], 3) / k4 * ref[5], within(1e-10));
    }

    @Test
    void expectLinesAreTheCoarsestByBruteForce() throws IOException {
        OdeSystem m = OdeParser.parse(FILE).system();
        int n = m.dimension();
        List<Partition> forward = new ArrayList<>();
        List<Partition> backward = new ArrayList<>();
        int[] count = {0};
        SplittableRandom rnd = new SplittableRandom(3);
        LumpingDefinitions.forEachPartition(n, p -> {
            count[0]++;
            if (LumpingDefinitions.isForward(m, p, rnd, DEFINITION_TOLERANCE)) {
                forward.add(p);
            }
            if (LumpingDefinitions.isBackward(m, p, rnd, DEFINITION_TOLERANCE)) {
                backward.add(p);
            }
        });
        assertThat(count[0]).as("Bell(8)").isEqualTo(4140);
        Partition ic = Prepartition.combine(m, EnumSet.of(Prepartition.IC), List.of());
        int checked = 0;
        for (String line : Files.readAllLines(FILE)) {
            Matcher mt = EXPECT.matcher(line.trim());
            if (!mt.matches()) {
                continue;
            }
            Partition h0 = mt.group(2).equals("ic") ? ic : Partition.single(n);
            List<Partition> valid = (mt.group(1).equals("FE") ? forward : backward).stream()
                    .filter(p -> p.refines(h0)).toList();
            Partition coarsest = valid.get(0);
            for (Partition p : valid) {
                coarsest = LumpingDefinitions.join(coarsest, p);
            }
            assertThat(valid).as("the join of the valid partitions is valid").contains(coarsest);
            assertThat(coarsest.format(m.variableNames())).as(line).isEqualTo(mt.group(3).trim());
            checked++;
        }
        assertThat(checked).isEqualTo(4);
        // sanity of the brute force itself: the discrete partition is always both
        assertThat(forward).contains(Partition.discrete(n));
        assertThat(backward).contains(Partition.discrete(n));
    }

    private static double[] sample(SyntheticDataset d, SplittableRandom rnd) {
        double[] lo = d.lowerBounds();
        double[] hi = d.upperBounds();
        double[] x = new double[lo.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = lo[i] + (hi[i] - lo[i]) * rnd.nextDouble();
        }
        return x;
    }
}
