package org.odelump.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.odelump.dsl.DslPrinter;
import org.odelump.dsl.OdeParser;
import org.odelump.model.InvalidModelException;
import org.odelump.model.OdeSystem;
import org.odelump.testutil.SharedCorpus;

/**
 * A BioNetGen network converted to the DSL ({@code odelump print net -o m.ode}) must be the same model when read
 * back: same species, parameters, initial values, reactions, drifts and groups. Fixed ({@code $}) species and
 * rule names that are not identifiers are the cases that needed care.
 */
class NetToDslRoundTripTest {

    @Test
    void everyCorpusNetworkSurvivesPrintingAsDsl() throws IOException {
        List<String> checked = new ArrayList<>();
        for (Path file : SharedCorpus.corpusFiles(".net")) {
            if (Files.size(file) > 3_000_000) {
                continue;
            }
            OdeSystem m;
            try {
                m = BngNetReader.read(file).system();
            } catch (InvalidModelException rejected) {
                continue;
            }
            String text = DslPrinter.print(m);
            OdeSystem back = OdeParser.parse(file.getFileName() + ".ode", text).system();
            assertThat(back).as(file.toString()).isEqualTo(m);
            checked.add(file.getFileName().toString());
        }
        assertThat(checked).as("networks checked").hasSizeGreaterThanOrEqualTo(30)
                .contains("test_fixed.net", "Motivating_example.net", "compartments.net");
    }
}
