package org.odelump.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.odelump.nn.data.CsvDatasets;
import org.odelump.nn.data.Dataset;
import org.odelump.nn.data.RegressionMetrics;
import org.odelump.nn.io.NetworkFile;
import org.odelump.nn.io.NetworkFiles;

/** The files shipped in models/ are what {@link DemoNetwork} produces, and the network fits its data. */
class DemoNetworkTest {

    private static final Path DIR = Path.of("models");

    /** Rewrites the shipped files: {@code mvn test -Dtest=DemoNetworkTest -Dodelump.regenerate=true}. */
    @Test
    @EnabledIfSystemProperty(named = "odelump.regenerate", matches = "true")
    void regenerateTheShippedFiles() throws Exception {
        DemoNetwork.write(DIR);
    }

    @Test
    void shippedCsvFilesAreRegeneratedByteForByte() throws Exception {
        String[] csv = DemoNetwork.csv();
        assertThat(Files.readString(DIR.resolve(DemoNetwork.NAME + ".train.csv"), StandardCharsets.UTF_8))
                .isEqualTo(csv[0]);
        assertThat(Files.readString(DIR.resolve(DemoNetwork.NAME + ".test.csv"), StandardCharsets.UTF_8))
                .isEqualTo(csv[1]);
        assertThat(csv[0].lines().count()).isEqualTo(321);
        assertThat(csv[1].lines().count()).isEqualTo(81);
    }

    @Test
    void shippedNetworkIsRetrainedAndFitsTheTestData() throws Exception {
        NetworkFile shipped = NetworkFiles.read(DIR.resolve(DemoNetwork.NAME + ".json"));
        Mlp again = DemoNetwork.train(DemoNetwork.csv()[0]);
        assertThat(shipped.mlp().widths()).containsExactly(2, 16, 16, 1);
        Random rnd = new Random(5);
        for (int k = 0; k < 50; k++) {
            double[] x = {-2 + 4 * rnd.nextDouble(), -2 + 4 * rnd.nextDouble()};
            assertThat(shipped.mlp().apply(x)[0]).isCloseTo(again.apply(x)[0], org.assertj.core.data.Offset.offset(1e-9));
        }
        Dataset test = CsvDatasets.read(DIR.resolve(DemoNetwork.NAME + ".test.csv"), List.of("y"));
        assertThat(RegressionMetrics.of(shipped.mlp(), test).r2()).isGreaterThan(0.99);
    }
}
