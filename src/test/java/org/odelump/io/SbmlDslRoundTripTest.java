package org.odelump.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odelump.dsl.DslPrinter;
import org.odelump.dsl.OdeParser;
import org.odelump.model.InvalidModelException;
import org.odelump.model.OdeSystem;
import org.odelump.testutil.SharedCorpus;

/** An imported SBML model printed as DSL text parses back to the same variables, initial values and drifts. */
class SbmlDslRoundTripTest {

    @TempDir
    Path dir;

    private static void assertRoundTrip(OdeSystem s) {
        OdeSystem back = OdeParser.parse(s.name() + ".ode", DslPrinter.print(s)).system();
        assertThat(back.variableNames()).isEqualTo(s.variableNames());
        assertThat(back.initialValues()).containsExactly(s.initialValues());
        Random rnd = new Random(11);
        double[] x = new double[s.dimension()];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextDouble();
        }
        double[] a = s.evaluate(x);
        double[] b = back.evaluate(x);
        for (int i = 0; i < x.length; i++) {
            assertThat(b[i]).as("%s: drift of %s", s.name(), s.variableNames().get(i))
                    .isCloseTo(a[i], within(1e-12 * Math.abs(a[i])));
        }
    }

    @Test
    void fixturesRoundTripThroughTheDsl() throws IOException {
        for (String text : List.of(SbmlFixtures.L2_MASS_ACTION, SbmlFixtures.L3V1_ENZYME, SbmlFixtures.L3V2_SMALL)) {
            Path f = dir.resolve("m.xml");
            Files.writeString(f, text);
            assertRoundTrip(SbmlReader.read(f).system());
        }
    }

    @Test
    void corpusModelsRoundTripThroughTheDsl() {
        List<String> loaded = new ArrayList<>();
        for (Path f : SharedCorpus.corpusFiles(".xml")) {
            if (f.toFile().length() > 1_000_000) {
                continue; // egfr_net.xml (2.3 MB, 6 s to read) is covered by SbmlCorpusTest; keeps this test fast
            }
            OdeSystem s;
            try {
                s = SbmlReader.read(f).system();
            } catch (InvalidModelException rejected) {
                continue; // SbmlCorpusTest checks why
            }
            assertRoundTrip(s);
            loaded.add(f.getFileName().toString());
        }
        assertThat(loaded).hasSize(8);
    }
}
