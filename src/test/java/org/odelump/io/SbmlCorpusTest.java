package org.odelump.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.odelump.model.Diagnostic;
import org.odelump.model.InvalidModelException;
import org.odelump.model.OdeSystem;
import org.odelump.testutil.SharedCorpus;

/**
 * Every SBML file of the third-party corpus either loads (with its expected number of variables) or is rejected
 * with the expected reason. Skipped without {@code ../shared}.
 */
class SbmlCorpusTest {

    /** "load N" (N variables) or "reject KIND: message" for the first diagnostic, by path under the corpus. */
    private static final Map<String, String> EXPECTED = new TreeMap<>(Map.ofEntries(
            Map.entry("SciML_Catalyst_PLOS_COMPBIO_2023/sbml/egfr_net.xml", "load 356"),
            Map.entry("SciML_Catalyst_PLOS_COMPBIO_2023/sbml/multisite2.xml", "load 66"),
            // species u, v driven by rate rules, EmptySet constant; assignment rules z, alpha become views
            Map.entry("biomodels_sbml/BIOMD0000000006.xml", "load 3"),
            Map.entry("biomodels_sbml/BIOMD0000000009.xml", "load 22"),
            Map.entry("biomodels_sbml/BIOMD0000000011.xml", "load 22"),
            Map.entry("biomodels_sbml/BIOMD0000000026.xml", "load 11"),
            Map.entry("biomodels_sbml/BIOMD0000000050.xml", "load 14"),
            Map.entry("biomodels_sbml/BIOMD0000000187.xml", "reject UNSUPPORTED: event 'mt_attachment': "
                    + "events are not supported (they change the state discontinuously)"),
            Map.entry("biomodels_sbml/BIOMD0000000479.xml", "reject UNSUPPORTED: event 'Ligand_addition': "
                    + "events are not supported (they change the state discontinuously)"),
            Map.entry("biomodels_sbml/MODEL1012080000.xml", "load 18"),
            // 189 species, 3 of them (totals) defined by assignment rules
            Map.entry("biomodels_sbml/MODEL1101170000.xml", "load 186")));

    @Test
    void everyCorpusSbmlFileLoadsOrIsRejectedWithItsReason() {
        List<Path> files = SharedCorpus.corpusFiles(".xml");
        Path root = SharedCorpus.requireCorpus();
        Map<String, String> actual = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (Path f : files) {
            String rel = root.relativize(f).toString().replace('\\', '/');
            try {
                OdeSystem s = SbmlReader.read(f).system();
                actual.put(rel, "load " + s.dimension());
                double[] drift = s.evaluate(s.initialValues());
                for (int i = 0; i < drift.length; i++) {
                    if (!Double.isFinite(drift[i]) || !Double.isFinite(s.initialValue(i))) {
                        problems.add(rel + ": non-finite drift or initial value of " + s.variableNames().get(i));
                    }
                }
            } catch (InvalidModelException e) {
                Diagnostic d = e.first();
                assertThat(d.file()).isEqualTo(f.toString());
                assertThat(d.line()).as("located: %s", d).isPositive();
                actual.put(rel, "reject " + d.kind() + ": " + d.message());
            }
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
        assertThat(actual).isEqualTo(EXPECTED);
    }
}
