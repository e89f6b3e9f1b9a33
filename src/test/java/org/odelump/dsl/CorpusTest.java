package org.odelump.dsl;

import org.odelump.testutil.ExprEvaluator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.odelump.model.Diagnostic.Kind;
import org.odelump.model.InvalidModelException;
import org.odelump.model.OdeSystem;
import org.odelump.model.Parameter;
import org.odelump.model.Reaction;
import org.odelump.testutil.CorpusExpectations;
import org.odelump.testutil.SharedCorpus;

/**
 * Every {@code .ode} file of the shared third-party corpus either parses or is one of the listed rejections with
 * its kind. Parsed drifts are checked against a direct evaluation of the expressions they were written as.
 */
class CorpusTest {

    /** Files that need undeclaredAsConstants, with the names they leave undeclared. */
    private static final Map<String, String> NEEDS_UNDECLARED_AS_CONSTANTS = Map.of(
            "SIR_VAXonGraph3.ode", "rate constant b is used but never defined",
            "model_example.ode", "CLUE example with undeclared rate constants r1, r2 and no init section",
            "BIOMD0000000040.ode", "parameter x5 is listed without a value");

    /** Expected rejections: path suffix -> kind (the reasons are in {@link CorpusExpectations}). */
    private static final Map<String, Kind> REJECTED = CorpusExpectations.REJECTED_ODE;

    @Test
    void everyCorpusModelParsesOrIsAnExpectedRejection() {
        List<Path> files = SharedCorpus.corpusFiles(".ode");
        List<String> parsed = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        Random rnd = new Random(11);
        for (Path f : files) {
            String name = f.getFileName().toString();
            String rel = f.getParent().getFileName() + "/" + name;
            if (REJECTED.containsKey(rel)) {
                try {
                    OdeParser.parse(f, new ParseOptions(true));
                    throw new AssertionError(rel + " was expected to be rejected");
                } catch (InvalidModelException e) {
                    assertThat(e.first().kind()).as(rel + ": " + e.getMessage()).isEqualTo(REJECTED.get(rel));
                    assertThat(e.first().line()).isPositive();
                }
                rejected.add(rel);
                continue;
            }
            boolean needs = NEEDS_UNDECLARED_AS_CONSTANTS.containsKey(name);
            if (needs) {
                try {
                    OdeParser.parse(f);
                    throw new AssertionError(rel + " parsed without undeclaredAsConstants");
                } catch (InvalidModelException e) {
                    assertThat(e.first().kind()).isEqualTo(Kind.SEMANTIC);
                    assertThat(e.first().message()).contains("undeclaredAsConstants");
                }
            }
            OdeSystem m;
            try {
                m = OdeParser.parse(f, new ParseOptions(needs)).system();
            } catch (InvalidModelException e) {
                throw new AssertionError(rel + " failed: " + e.diagnostics(), e);
            }
            assertThat(m.dimension()).as(rel).isPositive();
            assertThat(RoundTripTest.roundTrip(m)).as("round trip of " + rel).isEqualTo(m);
            if (!(needs && m.isReactionNetwork())) {
                // (with undeclared constants a plain rate names extra variables: that case is in SemanticsTest)
                checkAgainstSources(m, rnd, rel);
            }
            parsed.add(rel);
        }
        assertThat(rejected).hasSameSizeAs(REJECTED.keySet());
        assertThat(parsed.size() + rejected.size()).isEqualTo(files.size());
    }

    /** f(x) at a random point equals the written drifts, or the reaction rates times net stoichiometry. */
    private static void checkAgainstSources(OdeSystem m, Random rnd, String rel) {
        int n = m.dimension();
        double[] x = new double[n];
        Map<String, Double> values = new HashMap<>();
        for (Parameter p : m.parameters()) {
            values.put(p.name(), p.value());
        }
        for (int i = 0; i < n; i++) {
            x[i] = 0.5 + rnd.nextDouble();
            values.put(m.variables().get(i).name(), x[i]);
        }
        double[] f = m.evaluate(x);
        double[] expected = new double[n];
        double[] scale = new double[n];
        if (m.isReactionNetwork()) {
            for (Reaction r : m.reactions()) {
                double rate = ExprEvaluator.eval(r.rateSource(), values);
                if (r.massAction()) {
                    rate *= r.reagents().evaluate(x);
                }
                for (int s = 0; s < n; s++) {
                    int net = r.netStoichiometry(s);
                    expected[s] += net * rate;
                    scale[s] += Math.abs(net * rate);
                }
            }
        } else {
            for (int i = 0; i < n; i++) {
                if (m.driftSources().get(i) != null) {
                    expected[i] = ExprEvaluator.eval(m.driftSources().get(i), values);
                    scale[i] = Math.abs(expected[i]);
                } else {
                    expected[i] = f[i]; // an undeclared constant: zero drift, nothing written
                    assertThat(f[i]).isZero();
                }
            }
        }
        for (int i = 0; i < n; i++) {
            assertThat(f[i]).as("%s: drift of %s", rel, m.variables().get(i).name())
                    .isCloseTo(expected[i], within(1e-9 * (1 + scale[i])));
        }
    }
}
