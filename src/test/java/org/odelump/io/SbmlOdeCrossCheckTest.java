package org.odelump.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.odelump.dsl.OdeParser;
import org.odelump.lumping.BackwardEquivalence;
import org.odelump.lumping.ForwardEquivalence;
import org.odelump.lumping.Tolerance;
import org.odelump.model.InvalidModelException;
import org.odelump.model.Monomial;
import org.odelump.model.OdeSystem;
import org.odelump.model.Partition;
import org.odelump.model.Polynomial;
import org.odelump.testutil.SharedCorpus;

/**
 * Cross-format check (research/model-corpus.md §1): each BioModels SBML file that also exists as an ERODE
 * {@code .ode} in the ExactODEReduction.jl corpus gives the same drifts and the same FE/BE partitions.
 *
 * <p>How the two sides are matched. The {@code .ode} files were written by an SBML→ERODE converter that
 * <ul>
 *   <li>renames identifiers: {@code E1} becomes {@code E1AuX} inside names ({@code E1_KKK → E1AuX_KKK}), and
 *       names that ERODE cannot take get an {@code s} prefix ({@code D → sD}, {@code _3DG → s_3DG}); an SBML
 *       variable {@code x} therefore matches the {@code .ode} variable {@code x}, or one whose name without
 *       {@code AuX} is {@code x}, or {@code s}+{@code x};</li>
 *   <li>lists assignment-rule parameters as extra species with zero drift that occur in no drift: they are
 *       dropped (and the test checks they are inert);</li>
 *   <li>writes rates of change of amounts: the kinetic law is not divided by the compartment size, so its drifts
 *       equal SBML's concentration drifts times the size (a single compartment in every agreeing pair: one
 *       factor per model, listed below). A uniform factor does not change FE or BE partitions.</li>
 * </ul>
 * Polynomials are compared coefficient by coefficient with relative tolerance 1e-9 (the {@code .ode} side
 * multiplies constants the SBML side folded differently).
 */
class SbmlOdeCrossCheckTest {

    /** Pair → expected outcome: "agree FACTOR" (ode drift = FACTOR × SBML drift) or why they differ. */
    private static final Map<String, String> EXPECTED = new LinkedHashMap<>();

    static {
        // the converter made the assignment rule z = v - u a reaction-driven variable; SBML keeps it as a view
        EXPECTED.put("BIOMD0000000006", "extra .ode variable with a drift: z");
        EXPECTED.put("BIOMD0000000009", "agree 4e-12"); // compartment size 4e-12
        EXPECTED.put("BIOMD0000000011", "agree 1");
        EXPECTED.put("BIOMD0000000026", "agree 1");
        EXPECTED.put("BIOMD0000000050", "agree 1");
        EXPECTED.put("BIOMD0000000187", "sbml rejected (event)");
        EXPECTED.put("BIOMD0000000479", "sbml rejected (event)");
        EXPECTED.put("MODEL1012080000", "agree 1");
        // The uncurated .ode is not faithful to the SBML file: it inlines kf_enz(kcat, KM) = 5*kcat/KM as
        // 5*kcat*KM (e.g. reaction PKA_act_D_formation), lets the boundary species DA change, keeps the three
        // species defined by assignment rules as reaction-driven state variables, and uses two compartment sizes.
        EXPECTED.put("MODEL1101170000", "differ");
    }

    private static Optional<Path> odeFile(Path corpus, String model) {
        try (Stream<Path> s = Files.walk(corpus.resolve("x3042_ExactODEReduction.jl"))) {
            return s.filter(p -> p.getFileName().toString().equals(model + ".ode")).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Index in {@code ode} of each SBML variable (by the converter's renaming rules), -1 when absent. */
    static int[] match(OdeSystem sbml, OdeSystem ode) {
        Map<String, Integer> byName = new HashMap<>();
        for (int j = 0; j < ode.dimension(); j++) {
            byName.put(ode.variableNames().get(j), j);
        }
        Map<String, Integer> byStripped = new HashMap<>();
        for (int j = 0; j < ode.dimension(); j++) {
            byStripped.putIfAbsent(ode.variableNames().get(j).replace("AuX", ""), j);
        }
        int[] m = new int[sbml.dimension()];
        for (int i = 0; i < m.length; i++) {
            String x = sbml.variableNames().get(i);
            Integer j = byName.get(x);
            if (j == null) {
                j = byStripped.get(x);
            }
            if (j == null) {
                j = byName.get("s" + x);
            }
            m[i] = j == null ? -1 : j;
        }
        return m;
    }

    /** The .ode drifts of the matched variables, rewritten over the SBML variable indices and divided by factor. */
    static List<Polynomial> rewrite(OdeSystem ode, int[] match, double factor) {
        int[] back = new int[ode.dimension()];
        java.util.Arrays.fill(back, -1);
        for (int i = 0; i < match.length; i++) {
            back[match[i]] = i;
        }
        List<Polynomial> out = new ArrayList<>();
        for (int i = 0; i < match.length; i++) {
            Polynomial f = ode.drift(match[i]);
            Polynomial.Builder b = Polynomial.builder();
            for (int t = 0; t < f.size(); t++) {
                Monomial mono = f.monomial(t);
                int[] vars = new int[mono.size()];
                int[] exps = new int[mono.size()];
                for (int k = 0; k < mono.size(); k++) {
                    vars[k] = back[mono.var(k)];
                    assertThat(vars[k]).as("drift of %s uses unmatched %s", ode.variableNames().get(match[i]),
                            ode.variableNames().get(mono.var(k))).isGreaterThanOrEqualTo(0);
                    exps[k] = mono.exp(k);
                }
                b.add(Monomial.of(vars, exps), f.coefficient(t) / factor);
            }
            out.add(b.build());
        }
        return out;
    }

    /** True when p and q have the same monomials with coefficients equal up to relative 1e-9 of the larger. */
    static boolean samePolynomial(Polynomial p, Polynomial q) {
        Map<Monomial, double[]> both = new HashMap<>();
        double scale = 0;
        for (int t = 0; t < p.size(); t++) {
            both.computeIfAbsent(p.monomial(t), k -> new double[2])[0] = p.coefficient(t);
            scale = Math.max(scale, Math.abs(p.coefficient(t)));
        }
        for (int t = 0; t < q.size(); t++) {
            both.computeIfAbsent(q.monomial(t), k -> new double[2])[1] = q.coefficient(t);
            scale = Math.max(scale, Math.abs(q.coefficient(t)));
        }
        for (double[] c : both.values()) {
            if (Math.abs(c[0] - c[1]) > 1e-9 * Math.max(Math.abs(c[0]), Math.abs(c[1])) + 1e-14 * scale) {
                return false;
            }
        }
        return true;
    }

    @Test
    void sbmlAndOdeVersionsOfTheSameModelAgree() {
        Path corpus = SharedCorpus.requireCorpus();
        Map<String, String> actual = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : EXPECTED.entrySet()) {
            String model = e.getKey();
            Path xml = corpus.resolve("biomodels_sbml/" + model + ".xml");
            Path odePath = odeFile(corpus, model).orElseThrow(() -> new AssertionError("no .ode for " + model));
            assertThat(xml).exists();
            OdeSystem sbml;
            try {
                sbml = SbmlReader.read(xml).system();
            } catch (InvalidModelException ex) {
                actual.put(model, e.getValue().startsWith("sbml rejected") ? e.getValue() : "rejected: " + ex.first());
                continue;
            }
            OdeSystem ode = OdeParser.parse(odePath).system();
            actual.put(model, compare(model, sbml, ode, e.getValue()));
        }
        assertThat(actual).isEqualTo(EXPECTED);
    }

    private static String compare(String model, OdeSystem sbml, OdeSystem ode, String expected) {
        int[] m = match(sbml, ode);
        BitSet matched = new BitSet();
        for (int i = 0; i < m.length; i++) {
            if (m[i] < 0) {
                return "unmatched SBML variable " + sbml.variableNames().get(i);
            }
            matched.set(m[i]);
        }
        // the .ode variables without SBML counterpart must be inert (zero drift)
        for (int j = 0; j < ode.dimension(); j++) {
            if (!matched.get(j) && !ode.drift(j).isZero()) {
                return expected.equals("differ") ? "differ" : "extra .ode variable with a drift: "
                        + ode.variableNames().get(j);
            }
        }
        double factor = expected.startsWith("agree ") ? Double.parseDouble(expected.substring(6)) : 1;
        List<Polynomial> odeDrifts;
        try {
            odeDrifts = rewrite(ode, m, factor);
        } catch (AssertionError usesUnmatched) {
            return "differ";
        }
        for (int i = 0; i < m.length; i++) {
            if (!samePolynomial(sbml.drift(i), odeDrifts.get(i))) {
                return expected.equals("differ") ? "differ" : "drift of " + sbml.variableNames().get(i)
                        + " differs: " + sbml.drift(i).format(sbml.variableNames()) + " vs "
                        + odeDrifts.get(i).format(sbml.variableNames());
            }
        }
        // same drifts at random points too (independent of the coefficient comparison above)
        OdeSystem rewritten = OdeSystem.builder(model + "_ode").variables(sbml.variables()).drifts(odeDrifts).build();
        Random rnd = new Random(7);
        double[] x = new double[sbml.dimension()];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextDouble();
        }
        double[] a = sbml.evaluate(x);
        double[] b = rewritten.evaluate(x);
        for (int i = 0; i < x.length; i++) {
            assertThat(b[i]).as("%s: drift of %s", model, sbml.variableNames().get(i))
                    .isCloseTo(a[i], org.assertj.core.api.Assertions.within(1e-8 * (1 + Math.abs(a[i]))));
        }
        // FE/BE from the coarsest partition: the .ode side is lumped with its own (scaled) coefficients
        OdeSystem odeOnly = OdeSystem.builder(model + "_ode").variables(sbml.variables())
                .drifts(rewrite(ode, m, 1)).build();
        Partition top = Partition.single(sbml.dimension());
        Partition feS = new ForwardEquivalence(sbml, top, Tolerance.DEFAULT).compute();
        Partition feO = new ForwardEquivalence(odeOnly, top, Tolerance.DEFAULT).compute();
        Partition beS = new BackwardEquivalence(sbml, top, Tolerance.DEFAULT).compute();
        Partition beO = new BackwardEquivalence(odeOnly, top, Tolerance.DEFAULT).compute();
        if (feS.size() != feO.size() || beS.size() != beO.size()) {
            return "partition sizes differ: FE " + feS.size() + " vs " + feO.size() + ", BE " + beS.size() + " vs "
                    + beO.size();
        }
        assertThat(feO).as("%s FE", model).isEqualTo(feS);
        assertThat(beO).as("%s BE", model).isEqualTo(beS);
        return expected.equals("differ") ? "agree (expected to differ)" : expected;
    }
}
