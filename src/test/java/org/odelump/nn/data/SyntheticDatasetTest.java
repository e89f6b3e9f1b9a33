package org.odelump.nn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealVector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.odelump.dsl.OdeParser;
import org.odelump.model.OdeSystem;

class SyntheticDatasetTest {

    private static final int ROWS = 600;
    private static final long SEED = 11L;
    private static final Map<SyntheticDataset, Dataset> DATA = new EnumMap<>(SyntheticDataset.class);

    @BeforeAll
    static void generateOnce() {
        for (SyntheticDataset d : SyntheticDataset.values()) {
            DATA.put(d, d.generate(ROWS, SEED));
        }
    }

    @ParameterizedTest
    @EnumSource(SyntheticDataset.class)
    void shapeNamesAndBoxAreAsDocumented(SyntheticDataset d) {
        Dataset data = DATA.get(d);
        assertThat(data.rows()).isEqualTo(ROWS);
        assertThat(data.outputs()).isEqualTo(1);
        assertThat(data.featureNames()).isEqualTo(d.inputNames());
        assertThat(data.targetNames()).containsExactly(d.targetName());
        OdeSystem m = d.model();
        assertThat(m.variableNames()).containsAll(d.inputNames()).containsAll(d.observable());
        double[] lo = d.lowerBounds();
        double[] hi = d.upperBounds();
        for (int r = 0; r < data.rows(); r++) {
            for (int c = 0; c < data.features(); c++) {
                assertThat(data.input(r, c)).isBetween(lo[c], hi[c]);
            }
        }
        String recipe = d.recipe();
        assertThat(recipe).contains("ode-specs/" + d.specFile()).contains(d.targetName()).contains("1.0E-9")
                .contains("SplittableRandom(seed)");
        for (String v : d.inputNames()) {
            assertThat(recipe).contains(v + " in [");
        }
    }

    @ParameterizedTest
    @EnumSource(SyntheticDataset.class)
    void sameSeedSameTableOtherSeedOtherTable(SyntheticDataset d) {
        Dataset a = d.generate(20, SEED);
        Dataset b = d.generate(20, SEED);
        Dataset c = d.generate(20, SEED + 1);
        assertThat(a.inputs()).isEqualTo(b.inputs());
        assertThat(a.targets()).isEqualTo(b.targets());
        assertThat(a.inputs()).isNotEqualTo(c.inputs());
        assertThat(Arrays.equals(a.targetRow(0), c.targetRow(0))).isFalse();
        // a prefix: row r depends only on the seed and r
        assertThat(a.inputs()).isEqualTo(DATA.get(d).select(range(20)).inputs());
    }

    @ParameterizedTest
    @EnumSource(SyntheticDataset.class)
    void targetsMatchAnIndependentTighterIntegration(SyntheticDataset d) {
        Dataset data = DATA.get(d);
        OdeSystem m = d.model();
        for (int r = 0; r < 8; r++) {
            double[] state = d.initialState(data.inputRow(r));
            double expected = 0;
            if (d == SyntheticDataset.GLYCOLYTIC) {
                // the rational model, not the recast file, so the w bookkeeping is checked too
                double[] s = GlycolysisReference.rationalAt(Arrays.copyOf(data.inputRow(r), 7), d.horizon());
                expected = s[m.indexOf("S6")];
            } else {
                double[] x = GlycolysisReference.systemAt(m, state, d.horizon());
                for (String v : d.observable()) {
                    expected += x[m.indexOf(v)];
                }
            }
            assertThat(data.target(r, 0)).as("%s row %d", d, r)
                    .isCloseTo(expected, within(1e-6 * Math.max(1, Math.abs(expected))));
        }
    }

    @ParameterizedTest
    @EnumSource(SyntheticDataset.class)
    void theMapIsClearlyNonlinearAndNotDegenerate(SyntheticDataset d) {
        Dataset data = DATA.get(d);
        double[] y = column(data);
        double mean = Arrays.stream(y).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(y).map(v -> (v - mean) * (v - mean)).sum() / y.length);
        double maxAbs = Arrays.stream(y).map(Math::abs).max().orElseThrow();
        assertThat(sd).as("spread of the target of %s", d).isGreaterThan(0.05 * maxAbs);
        double r2 = linearFitR2(data.inputs(), y);
        assertThat(r2).as("R² of the least-squares linear fit on %s", d).isLessThan(0.9).isGreaterThan(0.0);
    }

    @Test
    void glycolyticInitialStateSetsTheAuxiliaryVariableFromS6() {
        SyntheticDataset d = SyntheticDataset.GLYCOLYTIC;
        OdeSystem m = d.model();
        double[] in = {1.0, 1.0, 0.1, 0.2, 0.2, 0.9, 0.07};
        double[] state = d.initialState(in);
        assertThat(state[m.indexOf("w")]).isCloseTo(1 / (1 + Math.pow(0.9 / 0.52, 4)),
                within(1e-15));
        assertThat(d.inputNames()).doesNotContain("w");
        assertThat(d.recipe()).contains("w").contains("K1");
    }

    @Test
    void keysRoundTripAndUnknownKeysListTheValidOnes() {
        assertThat(Arrays.stream(SyntheticDataset.values()).map(SyntheticDataset::key))
                .containsExactly("glycolytic", "electrical", "polymerisation", "rn");
        for (SyntheticDataset d : SyntheticDataset.values()) {
            assertThat(SyntheticDataset.byKey(d.key())).isSameAs(d);
        }
        assertThatThrownBy(() -> SyntheticDataset.byKey("polymerization"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("polymerization")
                .hasMessageContaining("glycolytic, electrical, polymerisation, rn");
        assertThatThrownBy(() -> SyntheticDataset.GLYCOLYTIC.generate(0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(SyntheticDataset.DEFAULT_ROWS).isEqualTo(4000);
    }

    @Test
    void specFilesAreTheShippedOnes() {
        assertThat(Arrays.stream(SyntheticDataset.values()).map(SyntheticDataset::specFile)).containsExactly(
                "glycolytic_oscillator.ode", "circuit_hub_tolerances.ode", "becker_doring.ode",
                "random_network_planted.ode");
        for (SyntheticDataset d : SyntheticDataset.values()) {
            // the classpath copy is the ode-specs file
            OdeSystem fromDisk = OdeParser.parse(Path.of("ode-specs", d.specFile())).system();
            assertThat(d.model().drifts()).isEqualTo(fromDisk.drifts());
            assertThat(d.model().initialValues()).isEqualTo(fromDisk.initialValues());
        }
    }

    private static int[] range(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }

    private static double[] column(Dataset data) {
        double[] y = new double[data.rows()];
        for (int r = 0; r < y.length; r++) {
            y[r] = data.target(r, 0);
        }
        return y;
    }

    /** R² of ordinary least squares of y on [1, x]. */
    static double linearFitR2(double[][] x, double[] y) {
        int n = y.length;
        int p = x[0].length + 1;
        double[][] design = new double[n][p];
        for (int r = 0; r < n; r++) {
            design[r][0] = 1;
            System.arraycopy(x[r], 0, design[r], 1, p - 1);
        }
        RealVector beta = new QRDecomposition(new Array2DRowRealMatrix(design, false)).getSolver()
                .solve(new ArrayRealVector(y, false));
        double mean = Arrays.stream(y).average().orElseThrow();
        double residual = 0;
        double total = 0;
        for (int r = 0; r < n; r++) {
            double fit = 0;
            for (int c = 0; c < p; c++) {
                fit += design[r][c] * beta.getEntry(c);
            }
            residual += (y[r] - fit) * (y[r] - fit);
            total += (y[r] - mean) * (y[r] - mean);
        }
        return 1 - residual / total;
    }

    @Test
    void theLinearFitRecoversAnExactlyLinearTarget() {
        double[][] x = {{0, 1}, {1, 0}, {2, 3}, {3, 1}, {4, 4}};
        double[] y = new double[x.length];
        for (int r = 0; r < x.length; r++) {
            y[r] = 2 + 3 * x[r][0] - x[r][1];
        }
        assertThat(linearFitR2(x, y)).isCloseTo(1.0, within(1e-12));
        assertThat(List.of(linearFitR2(new double[][] {{-1}, {0}, {1}}, new double[] {1, 0, 1})))
                .allSatisfy(v -> assertThat(v).isCloseTo(0.0, within(1e-12)));
    }
}
