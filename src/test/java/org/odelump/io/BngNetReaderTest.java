package org.odelump.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.odelump.model.Diagnostic;
import org.odelump.model.Diagnostic.Kind;
import org.odelump.model.Expr;
import org.odelump.model.InvalidModelException;
import org.odelump.model.Monomial;
import org.odelump.model.OdeSystem;
import org.odelump.model.Parameter;
import org.odelump.model.Polynomial;
import org.odelump.model.Reaction;
import org.odelump.model.View;

class BngNetReaderTest {

    static String resource(String name) {
        try (InputStream in = BngNetReaderTest.class.getResourceAsStream("/io/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static ImportedModel features() {
        return BngNetReader.read("features.net", resource("features.net"));
    }

    private static double param(OdeSystem s, String name) {
        return s.parameters().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().value();
    }

    @Test
    void parametersAreEvaluatedInDependencyOrderAndKeepTheirSource() {
        OdeSystem s = features().system();
        assertThat(s.parameters()).extracting(Parameter::name)
                .containsExactly("k_on", "k_base", "k_off", "L0", "kdeg", "ksyn", "kcat");
        assertThat(param(s, "k_base")).isEqualTo(0.5);
        assertThat(param(s, "k_on")).isEqualTo(1.0);
        assertThat(param(s, "k_off")).isEqualTo(0.375);
        assertThat(param(s, "L0")).isEqualTo(100.0);
        assertThat(param(s, "kdeg")).isEqualTo(0.1);
        Parameter kOn = s.parameters().get(0);
        assertThat(kOn.source()).isEqualTo(new Expr.Binary(Expr.Op.MUL, new Expr.Num(2), new Expr.Ref("k_base")));
        assertThat(s.parameters().get(1).source()).isNull();
    }

    @Test
    void speciesBecomeNumberedVariablesWithTheirPatternAndInitialAmount() {
        OdeSystem s = features().system();
        assertThat(s.variableNames()).containsExactly("s1", "s2", "s3", "s4", "s5", "s6", "s7");
        assertThat(s.variables().get(2).displayName()).isEqualTo("L(r!1).R(l!1)");
        assertThat(s.variables().get(3).displayName()).isEqualTo("$Src()");
        assertThat(s.initialValues()).containsExactly(100, 50, 0, 1, 0, 3.5, 0);
        assertThat(s.initialSources().get(0)).isEqualTo(new Expr.Ref("L0"));
        assertThat(s.initialSources().get(2)).isNull();
        assertThat(s.provenance().format()).isEqualTo("net");
        assertThat(s.name()).isEqualTo("features");
    }

    @Test
    void reactionsHaveMassActionPropensitiesStoichiometryAndLabels() {
        List<Reaction> rs = features().system().reactions();
        assertThat(rs).hasSize(8);
        assertThat(rs).extracting(Reaction::label).containsExactly("Rule1", "Rule1r", "Synth", "Degrade", "Source",
                "Dimerise", "Dimerise", "Catalysis");
        Reaction sink = rs.get(3);
        assertThat(sink.reagents()).isEqualTo(Monomial.of(4));
        assertThat(sink.products()).isEqualTo(Monomial.ONE);
        assertThat(sink.rateConstant()).isEqualTo(0.1);
        Reaction source = rs.get(4);
        assertThat(source.reagents()).isEqualTo(Monomial.ONE);
        assertThat(source.propensity()).isEqualTo(Polynomial.constant(1.5));
        assertThat(source.rateSource()).isEqualTo(new Expr.Binary(Expr.Op.MUL, new Expr.Num(0.5), new Expr.Ref("ksyn")));
        Reaction dimer = rs.get(5);
        assertThat(dimer.reagents()).isEqualTo(Monomial.of(5, 2));
        assertThat(dimer.netStoichiometry(5)).isEqualTo(-2);
        assertThat(dimer.propensity()).isEqualTo(Polynomial.term(0.5, Monomial.of(5, 2)));
        assertThat(rs.get(6).products()).isEqualTo(Monomial.of(5, 2));
        assertThat(rs.subList(0, 7)).allMatch(Reaction::massAction);
    }

    @Test
    void aPolynomialFunctionRateIsMultipliedByTheReactants() {
        Reaction cat = features().system().reactions().get(7);
        assertThat(cat.massAction()).isFalse();
        // kcat * R_tot * L = 1.5 * (s2 + s3) * s1
        Polynomial expected = Polynomial.builder().add(Monomial.ofMultiset(0, 1), 1.5)
                .add(Monomial.ofMultiset(0, 2), 1.5).build();
        assertThat(cat.propensity()).isEqualTo(expected);
    }

    @Test
    void driftsMatchTheHandDerivedOdes() {
        OdeSystem s = features().system();
        Polynomial d1 = Polynomial.builder().add(Monomial.ofMultiset(0, 1), -2.5).add(Monomial.of(2), 0.375)
                .add(Monomial.ofMultiset(0, 2), -1.5).build();
        Polynomial d6 = Polynomial.builder().add(Monomial.ONE, 1.5).add(Monomial.of(5, 2), -1.0)
                .add(Monomial.of(6), 0.75).build();
        Polynomial d5 = Polynomial.builder().add(Monomial.of(3), 3).add(Monomial.of(4), -0.1)
                .add(Monomial.ofMultiset(0, 1), 1.5).add(Monomial.ofMultiset(0, 2), 1.5).build();
        assertThat(s.drift(0)).isEqualTo(d1);
        assertThat(s.drift(4)).isEqualTo(d5);
        assertThat(s.drift(5)).isEqualTo(d6);
    }

    @Test
    void fixedSpeciesKeepTheirReactionsButHaveZeroDriftAndAWarning() {
        ImportedModel m = features();
        assertThat(m.system().drift(3)).isEqualTo(Polynomial.ZERO);
        assertThat(m.system().reactions().get(2).propensity()).isEqualTo(Polynomial.term(3, Monomial.of(3)));
        assertThat(m.warnings()).extracting(Diagnostic::toString)
                .contains("features.net:24:7: species 4 '$Src()' is fixed ('$'): its reactions keep it as a catalyst, so the drift of s4 is 0");
        assertThat(m.warnings()).allMatch(d -> d.kind() == Kind.WARNING);
    }

    @Test
    void driftsEqualTheModelBuildersDriftsOfWithFixedSpeciesZeroed() {
        OdeSystem s = features().system();
        List<Polynomial> expected = new java.util.ArrayList<>(OdeSystem.Builder.driftsOf(s.dimension(), s.reactions()));
        expected.set(3, Polynomial.ZERO);
        assertThat(s.drifts()).isEqualTo(expected);
    }

    @Test
    void aFixedSpeciesInACompartmentIsRecognised() {
        ImportedModel m = BngNetReader.read("c.net", "begin species\n 1 @EC::$A() 1\n 2 @EC::B() 0\nend species\n"
                + "begin reactions\n 1 1 2 3\nend reactions\n");
        assertThat(m.system().drift(0)).isEqualTo(Polynomial.ZERO);
        assertThat(m.system().drift(1)).isEqualTo(Polynomial.term(3, Monomial.of(0)));
        assertThat(m.warnings()).hasSize(1);
    }

    @Test
    void groupsBecomeWeightedSumViews() {
        List<View> views = features().system().views();
        assertThat(views).extracting(View::name).containsExactly("R_tot", "D_tot", "Empty");
        assertThat(views.get(1).expression()).isEqualTo(new Expr.Binary(Expr.Op.ADD, new Expr.Ref("s6"),
                new Expr.Binary(Expr.Op.MUL, new Expr.Num(2), new Expr.Ref("s7"))));
        assertThat(views.get(2).expression()).isEqualTo(new Expr.Num(0));
    }

    @Test
    void unknownBlocksAndDirectivesAreSkippedSilentlyWhenKnownToBeIrrelevant() {
        assertThat(features().warnings()).hasSize(1);
        ImportedModel m = BngNetReader.read("x.net", "begin species\n 1 A() 1\nend species\n"
                + "begin mystery things\n anything at all\n begin nested\n end nested\nend  mystery   things \n");
        assertThat(m.warnings()).extracting(Diagnostic::toString)
                .containsExactly("x.net:4:1: skipped the unknown block 'mystery things'");
    }

    @Test
    void driftsAgreeWithAnIndependentMassActionEvaluation() {
        OdeSystem s = features().system();
        assertDriftsMatchReactions(s, new Random(7), 20);
    }

    /** Recomputes f(x) from the reaction list (k·Πx^ρ times net stoichiometry) and compares with the drifts. */
    static void assertDriftsMatchReactions(OdeSystem s, Random rnd, int points) {
        int n = s.dimension();
        for (int p = 0; p < points; p++) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = rnd.nextDouble() * 2;
            }
            double[] expected = new double[n];
            for (Reaction r : s.reactions()) {
                double rate;
                if (r.massAction()) {
                    rate = r.rateConstant();
                    for (int v : r.reagents().toMultiset()) {
                        rate *= x[v];
                    }
                } else {
                    rate = r.propensity().evaluate(x);
                }
                for (int v : r.reagents().toMultiset()) {
                    expected[v] -= rate;
                }
                for (int v : r.products().toMultiset()) {
                    expected[v] += rate;
                }
            }
            for (int i = 0; i < n; i++) {
                String display = s.variables().get(i).displayName();
                if (display != null && isClamped(display)) {
                    expected[i] = 0;
                }
            }
            double[] got = s.evaluate(x);
            for (int i = 0; i < n; i++) {
                if (Math.abs(got[i] - expected[i]) > 1e-9 * (1 + Math.abs(expected[i]))) {
                    assertThat(got[i]).as("drift of s%d at point %d", i + 1, p)
                            .isCloseTo(expected[i], within(1e-9 * (1 + Math.abs(expected[i]))));
                }
            }
        }
    }

    /** BioNetGen's {@code $} marks a clamped species, also after a compartment prefix ({@code @CP::$Sink()}). */
    static boolean isClamped(String pattern) {
        return pattern.startsWith("$") || pattern.contains("::$");
    }

    @Test
    void aRationalFunctionRateIsRejectedAtTheReactionNamingTheFunction() {
        InvalidModelException e = catchThrowableOfType(InvalidModelException.class,
                () -> BngNetReader.read("michaelis.net", resource("michaelis.net")));
        assertThat(e.first().kind()).isEqualTo(Kind.NOT_POLYNOMIAL);
        assertThat(e.first().toString()).isEqualTo("michaelis.net:15:15: the rate 'mm' is not a polynomial in the"
                + " species: in function 'mm' (line 7): division by '(Km+S_tot)', which depends on the species");
    }

    @Test
    void readsFromAPathAndReportsUnreadableFilesAsIo(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path f = dir.resolve("m.net");
        java.nio.file.Files.writeString(f, resource("features.net"));
        OdeSystem s = BngNetReader.read(f).system();
        assertThat(s).isEqualTo(features().system().toBuilder().name("m").build());
        assertThat(s.provenance().sha256()).hasSize(64);
        InvalidModelException e = catchThrowableOfType(InvalidModelException.class,
                () -> BngNetReader.read(dir.resolve("missing.net")));
        assertThat(e.first().kind()).isEqualTo(Kind.IO);
        assertThat(e.first().file()).endsWith("missing.net");
    }

    @Test
    void aParameterNamedLikeASpeciesVariableIsRenamed() {
        ImportedModel m = BngNetReader.read("r.net", "begin parameters\n 1 s1 2\n 2 k 3*s1\nend parameters\n"
                + "begin species\n 1 A() s1\nend species\nbegin reactions\n 1 1 0 s1\nend reactions\n");
        OdeSystem s = m.system();
        assertThat(s.parameters()).extracting(Parameter::name).containsExactly("s1_p", "k");
        assertThat(s.parameters().get(1).source()).isEqualTo(new Expr.Binary(Expr.Op.MUL, new Expr.Num(3),
                new Expr.Ref("s1_p")));
        assertThat(s.initialSources().get(0)).isEqualTo(new Expr.Ref("s1_p"));
        assertThat(s.reactions().get(0).rateSource()).isEqualTo(new Expr.Ref("s1_p"));
        assertThat(s.drift(0)).isEqualTo(Polynomial.term(-2, Monomial.of(0)));
        assertThat(m.warnings()).extracting(Diagnostic::toString)
                .containsExactly("r.net:2:4: parameter 's1' is renamed to 's1_p' because species are named s1..s1");
    }

    @Test
    void functionsMayUseOtherFunctionsAndBuiltinsOfConstants() {
        OdeSystem s = BngNetReader.read("f.net", "begin parameters\n 1 k 4\nend parameters\n"
                + "begin functions\n 1 g() sqrt(k)*Tot^2\n 2 f() 0.5*g()+k\nend functions\n"
                + "begin species\n 1 A() 1\n 2 B() 1\nend species\nbegin reactions\n 1 1 2 f\nend reactions\n"
                + "begin groups\n 1 Tot 1,2\nend groups\n").system();
        // f = 0.5*2*(A+B)^2 + 4, propensity f*A
        Polynomial expected = Polynomial.builder().add(Monomial.of(0, 3), 1).add(Monomial.ofMultiset(0, 0, 1), 2)
                .add(Monomial.ofMultiset(0, 1, 1), 1).add(Monomial.of(0), 4).build();
        assertThat(s.reactions().get(0).propensity()).isEqualTo(expected);
        assertThat(s.drift(1)).isEqualTo(expected);
    }
}
