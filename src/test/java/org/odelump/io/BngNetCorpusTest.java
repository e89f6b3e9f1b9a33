package org.odelump.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.odelump.model.Diagnostic.Kind;
import org.odelump.model.InvalidModelException;
import org.odelump.model.OdeSystem;
import org.odelump.model.Parameter;
import org.odelump.model.Polynomial;
import org.odelump.testutil.SharedCorpus;

/**
 * Every BioNetGen {@code .net} file of the shared corpus loads, or is rejected for a listed reason; loaded models
 * have the file's species, reaction and group counts, and drifts that agree with an evaluation computed here from
 * the raw reaction lines.
 */
class BngNetCorpusTest {

    /** File name -> kind and a fragment of the message, for the files that must be rejected. */
    private static final Map<String, Object[]> EXPECTED_REJECTIONS = Map.of(
            // Goldbeter-style calcium oscillator: functions k3/(K4+G) etc. are Michaelis–Menten rates.
            "CaOscillate_Func.net", new Object[] {Kind.NOT_POLYNOMIAL,
                "the rate '_rateLaw1' is not a polynomial in the species: in function '_rateLaw1' (line 22):"
                    + " division by '(K4+G)', which depends on the species"},
            // Michaelis–Menten kcat/(Km+S) as a functional rate.
            "michment.net", new Object[] {Kind.NOT_POLYNOMIAL,
                "the rate 'michment' is not a polynomial in the species: in function 'michment' (line 11):"
                    + " division by '(Km+Sa0)', which depends on the species"});

    private static final Pattern WS = Pattern.compile("\\s+");

    private static final Pattern PLAIN_RATE = Pattern.compile("(?:([0-9.eE+-]+)\\*)?([A-Za-z_][A-Za-z0-9_]*)|([0-9.eE+-]+)");

    @Test
    void everyNetFileLoadsOrIsRejectedForAListedReason() throws IOException {
        List<Path> files = SharedCorpus.corpusFiles(".net");
        assertThat(files).hasSizeGreaterThanOrEqualTo(30);
        int loaded = 0;
        int rawChecked = 0;
        List<String> rejected = new ArrayList<>();
        Random rnd = new Random(11);
        for (Path f : files) {
            String name = f.getFileName().toString();
            Object[] expected = EXPECTED_REJECTIONS.get(name);
            try {
                ImportedModel m = BngNetReader.read(f);
                assertThat(expected).as("%s should have been rejected", name).isNull();
                if (checkAgainstFile(f, m.system(), rnd)) {
                    rawChecked++;
                }
                loaded++;
            } catch (InvalidModelException e) {
                assertThat(expected).as("%s was rejected: %s", name, e.getMessage()).isNotNull();
                assertThat(e.first().kind()).isEqualTo(expected[0]);
                assertThat(e.first().message()).isEqualTo(expected[1]);
                rejected.add(name);
            }
        }
        assertThat(rejected).containsExactlyInAnyOrderElementsOf(EXPECTED_REJECTIONS.keySet());
        assertThat(loaded).isEqualTo(files.size() - EXPECTED_REJECTIONS.size());
        assertThat(rawChecked).as("files whose drifts were recomputed from the raw lines").isGreaterThanOrEqualTo(30);
    }

    /** Checks a loaded model against its file; true when the raw-line drift check applied (no functional rates). */
    private static boolean checkAgainstFile(Path f, OdeSystem s, Random rnd) throws IOException {
        Map<String, List<String[]>> blocks = blocks(Files.readAllLines(f));
        List<String[]> species = blocks.getOrDefault("species", List.of());
        List<String[]> reactions = blocks.getOrDefault("reactions", List.of());
        assertThat(s.dimension()).as("species of %s", f).isEqualTo(species.size());
        assertThat(s.reactions()).as("reactions of %s", f).hasSize(reactions.size());
        assertThat(s.views()).as("groups of %s", f).hasSize(blocks.getOrDefault("groups", List.of()).size());
        for (int i = 0; i < species.size(); i++) {
            if (!s.variables().get(i).displayName().equals(species.get(i)[1])) {
                assertThat(s.variables().get(i).displayName()).as("species %d of %s", i + 1, f)
                        .isEqualTo(species.get(i)[1]);
            }
        }
        BngNetReaderTest.assertDriftsMatchReactions(s, rnd, 2);
        if (s.reactions().size() < 5000) {
            List<Polynomial> viaModel = new ArrayList<>(OdeSystem.Builder.driftsOf(s.dimension(), s.reactions()));
            for (int i = 0; i < species.size(); i++) {
                if (BngNetReaderTest.isClamped(species.get(i)[1])) {
                    viaModel.set(i, Polynomial.ZERO);
                }
            }
            assertThat(s.drifts()).as("drifts of %s", f).isEqualTo(viaModel);
        }
        Map<String, Double> params = new HashMap<>();
        for (Parameter p : s.parameters()) {
            params.put(p.name(), p.value());
        }
        double[] k = new double[reactions.size()];
        for (int r = 0; r < k.length; r++) {
            Matcher m = PLAIN_RATE.matcher(reactions.get(r)[3]);
            if (!m.matches() || (m.group(2) != null && !params.containsKey(m.group(2)))) {
                return false; // functional rates: covered by the reaction-list check above
            }
            k[r] = m.group(3) != null ? Double.parseDouble(m.group(3))
                    : (m.group(1) == null ? 1.0 : Double.parseDouble(m.group(1))) * params.get(m.group(2));
        }
        for (int point = 0; point < 2; point++) {
            double[] x = new double[s.dimension()];
            for (int i = 0; i < x.length; i++) {
                x[i] = 0.5 + rnd.nextDouble();
            }
            double[] expected = new double[x.length];
            for (int r = 0; r < k.length; r++) {
                String[] fields = reactions.get(r);
                double rate = k[r];
                for (int sp : indices(fields[1])) {
                    rate *= x[sp];
                }
                for (int sp : indices(fields[1])) {
                    expected[sp] -= rate;
                }
                for (int sp : indices(fields[2])) {
                    expected[sp] += rate;
                }
            }
            double[] got = s.evaluate(x);
            for (int i = 0; i < x.length; i++) {
                double want = BngNetReaderTest.isClamped(species.get(i)[1]) ? 0.0 : expected[i];
                if (Math.abs(got[i] - want) > 1e-9 * (1 + Math.abs(want))) {
                    assertThat(got[i]).as("%s drift %d", f, i + 1).isCloseTo(want, within(1e-9 * (1 + Math.abs(want))));
                }
            }
        }
        return true;
    }

    private static int[] indices(String list) {
        if (list.equals("0")) {
            return new int[0];
        }
        String[] parts = list.split(",");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Integer.parseInt(parts[i]) - 1;
        }
        return out;
    }

    /** Whitespace-split, comment-stripped entry lines of each block. */
    private static Map<String, List<String[]>> blocks(List<String> lines) {
        Map<String, List<String[]>> out = new HashMap<>();
        List<String[]> current = null;
        for (String line : lines) {
            String t = line.trim();
            if (t.startsWith("begin ")) {
                current = new ArrayList<>();
                out.put(t.substring(6).trim(), current);
            } else if (t.startsWith("end ")) {
                current = null;
            } else if (current != null && !t.isEmpty() && !t.startsWith("#")) {
                int hash = t.indexOf('#');
                current.add(WS.split((hash >= 0 ? t.substring(0, hash) : t).trim()));
            }
        }
        return out;
    }
}
