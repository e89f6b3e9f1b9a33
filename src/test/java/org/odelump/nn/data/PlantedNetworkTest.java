package org.odelump.nn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.odelump.dsl.OdeParser;
import org.odelump.lumping.Reduction;
import org.odelump.lumping.Tolerance;
import org.odelump.model.LumpedSystem;
import org.odelump.model.OdeSystem;
import org.odelump.model.Partition;
import org.odelump.testutil.LumpingDefinitions;

/** {@code ode-specs/random_network_planted.ode}: produced by {@link PlantedNetworkSpec}, and its planted BE holds. */
class PlantedNetworkTest {

    /** Relative tolerance of the numeric FE/BE definition checks. */
    private static final double DEFINITION_TOLERANCE = 1e-9;

    private static final Path FILE = Path.of("ode-specs", PlantedNetworkSpec.FILE);

    private static OdeSystem model() {
        return OdeParser.parse(FILE).system();
    }

    private static Partition planted(OdeSystem m) {
        int[] labels = new int[m.dimension()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = m.variableNames().get(i).charAt(0);
        }
        return Partition.fromLabels(labels);
    }

    /** Rewrites the file: {@code mvn test -Dtest=PlantedNetworkTest -Dodelump.regenerate=true}. */
    @Test
    @EnabledIfSystemProperty(named = "odelump.regenerate", matches = "true")
    void regenerateTheFile() throws IOException {
        Files.writeString(FILE, PlantedNetworkSpec.text(), StandardCharsets.UTF_8);
    }

    @Test
    void theCommittedFileIsTheGeneratorsOutput() throws IOException {
        assertThat(Files.readString(FILE, StandardCharsets.UTF_8)).isEqualTo(PlantedNetworkSpec.text());
    }

    @Test
    void theNetworkHasTwelveSpeciesAndIsAReactionNetwork() {
        OdeSystem m = model();
        assertThat(m.isReactionNetwork()).isTrue();
        assertThat(m.dimension()).isEqualTo(12);
        assertThat(planted(m).format(m.variableNames())).isEqualTo(PlantedNetworkSpec.plantedBlocks());
        assertThat(m.maxDegree()).isEqualTo(2);
    }

    @Test
    void theCyclicShiftIsASymmetryOfTheVectorField() {
        OdeSystem m = model();
        int n = m.dimension();
        int[] shift = new int[n];
        for (int i = 0; i < n; i++) {
            String v = m.variableNames().get(i);
            int copy = v.charAt(1) - '0';
            shift[i] = m.indexOf(v.charAt(0) + Integer.toString((copy + 1) % PlantedNetworkSpec.COPIES));
        }
        SplittableRandom rnd = new SplittableRandom(9);
        for (int pt = 0; pt < 5; pt++) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = 3 * rnd.nextDouble();
            }
            double[] sx = new double[n];
            for (int i = 0; i < n; i++) {
                sx[shift[i]] = x[i];
            }
            double[] f = m.evaluate(x);
            double[] fs = m.evaluate(sx);
            for (int i = 0; i < n; i++) {
                assertThat(fs[shift[i]]).isCloseTo(f[i], within(1e-12));
            }
        }
    }

    @Test
    void thePlantedPartitionIsTheCoarsestBackwardEquivalenceAndNoForwardOne() {
        OdeSystem m = model();
        Partition planted = planted(m);
        SplittableRandom rnd = new SplittableRandom(17);
        assertThat(LumpingDefinitions.isBackward(m, planted, rnd, DEFINITION_TOLERANCE)).isTrue();
        assertThat(LumpingDefinitions.isForward(m, planted, rnd, DEFINITION_TOLERANCE)).isFalse();
        // every strict coarsening of the planted partition (set partitions of its 4 blocks) fails; since a coarsest
        // BE exists, a BE with no valid strict coarsening is that coarsest one
        List<Partition> coarser = LumpingDefinitions.coarsenings(planted);
        assertThat(coarser).hasSize(15);
        for (Partition p : coarser) {
            if (!p.equals(planted)) {
                assertThat(LumpingDefinitions.isBackward(m, p, rnd, DEFINITION_TOLERANCE))
                        .as(p.format(m.variableNames())).isFalse();
            }
        }
        LumpedSystem be = new Reduction(m, LumpedSystem.Method.BE, Partition.single(m.dimension()), "none",
                Tolerance.DEFAULT).compute();
        assertThat(planted.refines(be.partition())).isTrue();
        assertThat(LumpingDefinitions.isBackward(m, be.partition(), rnd, DEFINITION_TOLERANCE)).isTrue();
        assertThat(be.partition()).isEqualTo(planted);
        // the FE odelump finds is valid by definition
        LumpedSystem fe = new Reduction(m, LumpedSystem.Method.FE, Partition.single(m.dimension()), "none",
                Tolerance.DEFAULT).compute();
        assertThat(LumpingDefinitions.isForward(m, fe.partition(), rnd, DEFINITION_TOLERANCE)).isTrue();
    }

    @Test
    void trajectoriesStayBoundedAndBlockConstantStartsStayBlockConstant() {
        OdeSystem m = model();
        // from the file's block-constant initial state, copies of a type stay equal (the BE in action)
        double[] x = GlycolysisReference.systemAt(m, m.initialValues(), 5.0);
        for (int t = 0; t < PlantedNetworkSpec.TYPES.length; t++) {
            double a = x[3 * t];
            assertThat(x[3 * t + 1]).isCloseTo(a, within(1e-9));
            assertThat(x[3 * t + 2]).isCloseTo(a, within(1e-9));
        }
        // from the corner of the sampling box, the state stays bounded and non-negative
        double[] corner = new double[m.dimension()];
        Arrays.fill(corner, 4.0);
        double[] far = GlycolysisReference.systemAt(m, corner, 20.0);
        for (double v : far) {
            assertThat(v).isBetween(-1e-9, 20.0);
        }
    }
}
