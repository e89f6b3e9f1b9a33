package org.odelump.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odelump.model.Diagnostic;
import org.odelump.model.InvalidModelException;
import org.odelump.model.OdeSystem;
import org.odelump.model.Provenance;
import org.odelump.model.Variable;

class SbmlReaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    /** Compares the imported drifts with independently written formulas at random positive points. */
    private static void assertDrifts(OdeSystem s, Function<double[], double[]> expected, long seed) {
        Random rnd = new Random(seed);
        for (int trial = 0; trial < 50; trial++) {
            double[] x = new double[s.dimension()];
            for (int i = 0; i < x.length; i++) {
                x[i] = 0.1 + 3 * rnd.nextDouble();
            }
            double[] got = s.evaluate(x);
            double[] want = expected.apply(x);
            for (int i = 0; i < x.length; i++) {
                assertThat(got[i]).as("drift of %s", s.variableNames().get(i))
                        .isCloseTo(want[i], within(1e-12 * (1 + Math.abs(want[i]))));
            }
        }
    }

    @Test
    void level2MassActionWithCompartmentFunctionLocalParameterRuleAndBoundarySpecies() throws IOException {
        Path f = write("l2.xml", SbmlFixtures.L2_MASS_ACTION);
        ImportedModel imp = SbmlReader.read(f);
        OdeSystem s = imp.system();
        assertThat(imp.warnings()).isEmpty();
        assertThat(s.name()).isEqualTo("fixture_l2");
        assertThat(s.variableNames()).containsExactly("A", "B", "C", "D");
        assertThat(s.variables().get(0)).isEqualTo(new Variable("A", "species A"));
        assertThat(s.variables().get(1).displayName()).isNull();
        // A, C concentrations as given; B = 4 (amount) / 2 (size); D (amount) from its initial assignment 0.5*6
        assertThat(s.initialValues()).containsExactly(1, 2, 5, 3);
        // v1 = 2*0.5*A*B, v2 = 2*3*C, v3 = 2*(4*0.5)*A^2; concentration drifts divide by the size 2
        assertDrifts(s, x -> {
            double a = x[0], b = x[1], c = x[2];
            double v1 = a * b, v2 = 6 * c, v3 = 4 * a * a;
            return new double[] {(-v1 + v2 - 2 * v3) / 2, (-v1 + v3) / 2, 0, v1};
        }, 1);
        assertThat(s.drift(2).isZero()).as("boundary species").isTrue();
        assertThat(s.isReactionNetwork()).isFalse();
        assertThat(s.parameters()).extracting(p -> p.name()).containsExactly("cell", "k1");
    }

    @Test
    void level3V1AmountsConcentrationsLocalParametersAndAnObservableRule() throws IOException {
        ImportedModel imp = SbmlReader.read(write("l3.xml", SbmlFixtures.L3V1_ENZYME));
        OdeSystem s = imp.system();
        assertThat(imp.warnings()).isEmpty();
        assertThat(s.variableNames()).containsExactly("E", "S", "ES", "P");
        assertThat(s.initialValues()).containsExactly(2, 3, 0, 0);
        double vol = 0.5;
        assertDrifts(s, x -> {
            double e = x[0], sub = x[1], es = x[2];
            double bind = 1.5 * e * sub - 0.3 * es, cat = 0.7 * es, in = 0.25 * (e + es) * vol;
            return new double[] {(-bind + cat) / vol, -bind + 2 * in, (bind - cat) / vol, cat / vol};
        }, 2);
        assertThat(s.maxDegree()).isEqualTo(2);
    }

    @Test
    void level3V2ConstantSpeciesRealExponentAndDivisionByAConstant() throws IOException {
        OdeSystem s = SbmlReader.read(write("l3v2.xml", SbmlFixtures.L3V2_SMALL)).system();
        assertThat(s.variableNames()).containsExactly("X", "K");
        assertDrifts(s, x -> new double[] {-2 * (3 * x[1] * x[0] * x[0] / 6), 0}, 3);
    }

    @Test
    void provenanceCarriesTheFileAndItsSha256() throws IOException {
        Path f = write("l2.xml", SbmlFixtures.L2_MASS_ACTION);
        Provenance p = SbmlReader.read(f).system().provenance();
        assertThat(p.format()).isEqualTo("sbml");
        assertThat(p.source()).isEqualTo(f.toString());
        assertThat(p.sha256()).isEqualTo(Provenance.sha256(Files.readAllBytes(f))).hasSize(64);
    }

    private Diagnostic rejected(String name, String text) throws IOException {
        Path f = write(name, text);
        try {
            SbmlReader.read(f);
        } catch (InvalidModelException e) {
            assertThat(e.diagnostics()).allSatisfy(d -> assertThat(d.file()).isEqualTo(f.toString()));
            return e.first();
        }
        throw new AssertionError("expected " + name + " to be rejected");
    }

    private static String located(Diagnostic d) {
        return d.toString().substring(d.file().length());
    }

    @Test
    void michaelisMentenIsRejectedNamingTheReactionAndTheDivision() throws IOException {
        Diagnostic d = rejected("mm.xml", SbmlFixtures.l2WithLaw("""
                <apply><divide/><apply><times/><ci>Vmax</ci><ci>S</ci></apply>
                  <apply><plus/><ci>Km</ci><ci>S</ci></apply></apply>
                """) + SbmlFixtures.close());
        assertThat(d.kind()).isEqualTo(Diagnostic.Kind.NOT_POLYNOMIAL);
        assertThat(located(d)).isEqualTo(":10:7: reaction 'R': kinetic law is not polynomial in the species: "
                + "'Vmax*S/(Km+S)' divides by 'Km+S', which depends on S");
    }

    @Test
    void hillTermIsRejected() throws IOException {
        Diagnostic d = rejected("hill.xml", SbmlFixtures.l2WithLaw("""
                <apply><divide/><apply><power/><ci>S</ci><ci>n</ci></apply>
                  <apply><plus/><apply><power/><ci>Km</ci><ci>n</ci></apply><apply><power/><ci>S</ci><ci>n</ci></apply></apply></apply>
                """) + SbmlFixtures.close());
        assertThat(d.kind()).isEqualTo(Diagnostic.Kind.NOT_POLYNOMIAL);
        assertThat(located(d)).isEqualTo(":10:7: reaction 'R': kinetic law is not polynomial in the species: "
                + "'S^n/(Km^n+S^n)' divides by 'Km^n+S^n', which depends on S");
    }

    @Test
    void fractionalPowerAndFunctionsOfSpeciesAreRejected() throws IOException {
        Diagnostic pow = rejected("pow.xml", SbmlFixtures.l2WithLaw(
                "<apply><power/><ci>S</ci><cn>0.5</cn></apply>") + SbmlFixtures.close());
        assertThat(located(pow)).isEqualTo(":10:7: reaction 'R': kinetic law is not polynomial in the species: "
                + "'S^0.5' raises an expression in S to the power 0.5 (not a non-negative integer)");
        Diagnostic exp = rejected("exp.xml", SbmlFixtures.l2WithLaw(
                "<apply><exp/><ci>S</ci></apply>") + SbmlFixtures.close());
        assertThat(exp.kind()).isEqualTo(Diagnostic.Kind.NOT_POLYNOMIAL);
        assertThat(exp.message()).isEqualTo("reaction 'R': kinetic law is not polynomial in the species: "
                + "'exp(S)' applies exp to an expression in S");
    }

    @Test
    void piecewiseDelayAndTimeAreUnsupported() throws IOException {
        Diagnostic pw = rejected("pw.xml", SbmlFixtures.l2WithLaw("""
                <piecewise><piece><ci>Vmax</ci><apply><gt/><ci>S</ci><cn>1</cn></apply></piece>
                  <otherwise><cn>0</cn></otherwise></piecewise>
                """) + SbmlFixtures.close());
        assertThat(pw.kind()).isEqualTo(Diagnostic.Kind.UNSUPPORTED);
        assertThat(pw.message()).startsWith("reaction 'R': kinetic law: piecewise is not supported: 'piecewise(");
        Diagnostic delay = rejected("delay.xml", SbmlFixtures.l2WithLaw("""
                <apply><csymbol encoding="text" definitionURL="http://www.sbml.org/sbml/symbols/delay">delay</csymbol>
                  <ci>S</ci><cn>1</cn></apply>
                """) + SbmlFixtures.close());
        assertThat(delay.kind()).isEqualTo(Diagnostic.Kind.UNSUPPORTED);
        assertThat(delay.message()).startsWith("reaction 'R': kinetic law: delay is not supported: ");
        Diagnostic time = rejected("time.xml", SbmlFixtures.l2WithLaw("""
                <apply><times/><ci>S</ci>
                  <csymbol encoding="text" definitionURL="http://www.sbml.org/sbml/symbols/time">t</csymbol></apply>
                """) + SbmlFixtures.close());
        assertThat(time.message()).isEqualTo("reaction 'R': kinetic law: the time symbol 't' is not supported "
                + "(drifts must not depend on time)");
    }

    @Test
    void nonPolynomialFunctionDefinitionIsNamed() throws IOException {
        String text = SbmlFixtures.l2WithLaw("<apply><ci>mm</ci><ci>Vmax</ci><ci>Km</ci><ci>S</ci></apply>")
                + SbmlFixtures.close();
        text = text.replace("<listOfCompartments>", """
                <listOfFunctionDefinitions><functionDefinition id="mm">
                  <math xmlns="http://www.w3.org/1998/Math/MathML"><lambda><bvar><ci>v</ci></bvar><bvar><ci>k</ci></bvar>
                    <bvar><ci>s</ci></bvar><apply><divide/><apply><times/><ci>v</ci><ci>s</ci></apply>
                    <apply><plus/><ci>k</ci><ci>s</ci></apply></apply></lambda></math>
                </functionDefinition></listOfFunctionDefinitions>
                <listOfCompartments>""");
        Diagnostic d = rejected("fd.xml", text);
        assertThat(d.message()).isEqualTo("reaction 'R': kinetic law is not polynomial in the species: "
                + "in function 'mm': 'v*s/(k+s)' divides by 'k+s', which depends on S");
    }

    @Test
    void eventIsRejected() throws IOException {
        String text = SbmlFixtures.l2WithLaw("<apply><times/><ci>Vmax</ci><ci>S</ci></apply>") + """
                    <listOfEvents>
                      <event id="pulse">
                        <trigger><math xmlns="http://www.w3.org/1998/Math/MathML"><apply><gt/><ci>S</ci><cn>2</cn></apply></math></trigger>
                        <listOfEventAssignments><eventAssignment variable="S">
                          <math xmlns="http://www.w3.org/1998/Math/MathML"><cn>0</cn></math></eventAssignment></listOfEventAssignments>
                      </event>
                    </listOfEvents>
                """ + SbmlFixtures.close();
        Diagnostic d = rejected("event.xml", text);
        assertThat(d.kind()).isEqualTo(Diagnostic.Kind.UNSUPPORTED);
        assertThat(located(d)).isEqualTo(
                ":19:7: event 'pulse': events are not supported (they change the state discontinuously)");
    }

    @Test
    void rateRuleOnASpeciesAndAlgebraicRulesAreRejected() throws IOException {
        String text = SbmlFixtures.l2WithLaw("<apply><times/><ci>Vmax</ci><ci>S</ci></apply>").replace(
                "<listOfReactions>", """
                <listOfRules>
                  <algebraicRule><math xmlns="http://www.w3.org/1998/Math/MathML"><apply><minus/><ci>Km</ci><ci>n</ci></apply></math></algebraicRule>
                  <rateRule variable="S"><math xmlns="http://www.w3.org/1998/Math/MathML"><ci>Vmax</ci></math></rateRule>
                </listOfRules>
                <listOfReactions>""") + SbmlFixtures.close();
        Path f = write("raterule.xml", text);
        assertThatThrownBy(() -> SbmlReader.read(f)).isInstanceOfSatisfying(InvalidModelException.class, e -> {
            assertThat(e.diagnostics()).extracting(SbmlReaderTest::located).containsExactly(
                    ":10:3: algebraic rule: algebraic rules are not supported",
                    ":11:3: rate rule for species 'S': the species is also a reactant or product of a reaction "
                            + "(only boundary species may be)");
            assertThat(e.diagnostics()).extracting(Diagnostic::kind).containsOnly(Diagnostic.Kind.UNSUPPORTED);
        });
    }

    @Test
    void rateRuleOnAParameterMakesItAVariable() throws IOException {
        String text = SbmlFixtures.l2WithLaw("<apply><times/><ci>Vmax</ci><ci>S</ci><ci>p</ci></apply>").replace(
                "<listOfReactions>", """
                <listOfRules>
                  <rateRule variable="p"><math xmlns="http://www.w3.org/1998/Math/MathML">
                    <apply><minus/><apply><times/><ci>Km</ci><ci>S</ci></apply><ci>p</ci></apply></math></rateRule>
                </listOfRules>
                <listOfReactions>""").replace("<parameter id=\"n\" value=\"4\"/>",
                "<parameter id=\"n\" value=\"4\"/><parameter id=\"p\" value=\"7\" constant=\"false\"/>")
                + SbmlFixtures.close();
        OdeSystem s = SbmlReader.read(write("pvar.xml", text)).system();
        assertThat(s.variableNames()).containsExactly("S", "p");
        assertThat(s.initialValues()).containsExactly(1, 7);
        assertDrifts(s, x -> new double[] {-2 * x[0] * x[1], 0.5 * x[0] - x[1]}, 4);
    }

    @Test
    void malformedXmlIsASyntaxErrorWithItsPosition() throws IOException {
        Diagnostic d = rejected("broken.xml", SbmlFixtures.L2_HEAD + "  <model id=\"m\">\n    <listOfSpecies>\n</sbml>\n");
        assertThat(d.kind()).isEqualTo(Diagnostic.Kind.SYNTAX);
        assertThat(d.line()).isEqualTo(5);
        assertThat(d.message()).startsWith("not readable as SBML: ");
    }

    @Test
    void missingFileIsAnIoError() {
        assertThatThrownBy(() -> SbmlReader.read(dir.resolve("absent.xml")))
                .isInstanceOfSatisfying(InvalidModelException.class,
                        e -> assertThat(e.first().kind()).isEqualTo(Diagnostic.Kind.IO));
    }

    /** Two compartments: transport A (in c1, size 2) -> B (in c2, size 0.5) at k*A*c1, and an amount species N. */
    private static final String TWO_COMPARTMENTS = SbmlFixtures.L3V1_HEAD + """
              <model id="transport">
                <listOfCompartments>
                  <compartment id="c1" size="2" constant="true"/>
                  <compartment id="c2" size="0.5" constant="true"/>
                </listOfCompartments>
                <listOfSpecies>
                  <species id="A" compartment="c1" initialAmount="3" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/>
                  <species id="B" compartment="c2" initialConcentration="1" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/>
                  <species id="N" compartment="c2" initialConcentration="4" hasOnlySubstanceUnits="true" boundaryCondition="false" constant="false"/>
                </listOfSpecies>
                <listOfParameters><parameter id="k" value="0.4" constant="true"/></listOfParameters>
                <listOfReactions>
                  <reaction id="move" reversible="false">
                    <listOfReactants><speciesReference species="A" stoichiometry="1" constant="true"/></listOfReactants>
                    <listOfProducts>
                      <speciesReference species="B" stoichiometry="1" constant="true"/>
                      <speciesReference species="N"/>
                    </listOfProducts>
                    <kineticLaw><math xmlns="http://www.w3.org/1998/Math/MathML">
                      <apply><times/><ci>k</ci><ci>A</ci><ci>c1</ci></apply></math></kineticLaw>
                  </reaction>
                </listOfReactions>
              </model>
            </sbml>
            """;

    @Test
    void transportBetweenCompartmentsDividesByEachSpeciesOwnCompartment() throws IOException {
        ImportedModel imp = SbmlReader.read(write("two.xml", TWO_COMPARTMENTS));
        OdeSystem s = imp.system();
        assertThat(s.variableNames()).containsExactly("A", "B", "N");
        // A: amount 3 in size 2 -> concentration 1.5; N: concentration 4 in size 0.5 -> amount 2
        assertThat(s.initialValues()).containsExactly(1.5, 1, 2);
        assertDrifts(s, x -> {
            double v = 0.4 * x[0] * 2;
            return new double[] {-v / 2, v / 0.5, v};
        }, 5);
        // the L3 species reference to N has no stoichiometry attribute: 1 is assumed, with a located warning
        assertThat(imp.warnings()).extracting(SbmlReaderTest::located).containsExactly(
                ":15:7: reaction 'move': species reference to 'N' has no stoichiometry; 1 assumed");
    }

    @Test
    void aNonPolynomialAssignmentRuleIsReportedWhereAReactionUsesIt() throws IOException {
        String text = SbmlFixtures.l2WithLaw("<apply><times/><ci>f</ci><ci>S</ci></apply>").replace(
                "<listOfReactions>", """
                <listOfRules>
                  <assignmentRule variable="f"><math xmlns="http://www.w3.org/1998/Math/MathML">
                    <apply><divide/><ci>Vmax</ci><apply><plus/><ci>Km</ci><ci>S</ci></apply></apply></math></assignmentRule>
                </listOfRules>
                <listOfReactions>""").replace("<parameter id=\"n\" value=\"4\"/>",
                "<parameter id=\"n\" value=\"4\"/><parameter id=\"f\" constant=\"false\"/>")
                + SbmlFixtures.close();
        Diagnostic d = rejected("rule.xml", text);
        assertThat(d.kind()).isEqualTo(Diagnostic.Kind.NOT_POLYNOMIAL);
        assertThat(d.message()).isEqualTo("reaction 'R': kinetic law is not polynomial in the species: "
                + "in assignment rule for 'f': 'Vmax/(Km+S)' divides by 'Km+S', which depends on S");
    }

    @Test
    void speciesReferenceIdsInMathAreUnsupported() throws IOException {
        String text = SbmlFixtures.L3V1_ENZYME.replace("<speciesReference species=\"ES\" stoichiometry=\"1\" constant=\"true\"/></listOfReactants>",
                "<speciesReference id=\"sr1\" species=\"ES\" stoichiometry=\"1\" constant=\"true\"/></listOfReactants>")
                .replace("<apply><times/><ci>kcat</ci><ci>ES</ci></apply>", "<apply><times/><ci>kcat</ci><ci>ES</ci><ci>sr1</ci></apply>");
        Diagnostic d = rejected("sr.xml", text);
        assertThat(d.kind()).isEqualTo(Diagnostic.Kind.UNSUPPORTED);
        assertThat(d.message()).isEqualTo(
                "reaction 'cat': kinetic law: refers to species reference 'sr1' (variable stoichiometry is not supported)");
    }

    @Test
    void numberFormsConstantsAndFunctionsOfConstantsAreEvaluated() throws IOException {
        // 2e-3 (e-notation) * 1/4 (rational) * exp(0) * (Km + n)^2 / root(4) * S * pi / pi
        Path f = write("numbers.xml", SbmlFixtures.l2WithLaw("""
                <apply><times/>
                  <cn type="e-notation"> 2 <sep/> -3 </cn>
                  <cn type="rational"> 1 <sep/> 4 </cn>
                  <apply><exp/><cn>0</cn></apply>
                  <apply><divide/><apply><power/><apply><plus/><ci>Km</ci><ci>n</ci></apply><cn>2</cn></apply>
                    <apply><root/><cn>4</cn></apply></apply>
                  <ci>S</ci>
                  <apply><divide/><pi/><pi/></apply>
                </apply>
                """) + SbmlFixtures.close());
        OdeSystem s = SbmlReader.read(f).system();
        double k = 2e-3 * 0.25 * 1 * (0.5 + 4) * (0.5 + 4) / 2;
        assertDrifts(s, x -> new double[] {-k * x[0]}, 6);
    }

    @Test
    void requiredLevel3PackagesAreRejectedAndConstraintsIgnoredWithAWarning() throws IOException {
        String comp = SbmlFixtures.L3V1_ENZYME.replace("level=\"3\" version=\"1\">",
                "xmlns:comp=\"http://www.sbml.org/sbml/level3/version1/comp/version1\" level=\"3\" version=\"1\" comp:required=\"true\">");
        Diagnostic d = rejected("comp.xml", comp);
        assertThat(located(d)).isEqualTo(":2:1: SBML Level 3 package 'comp' is required by this model but not "
                + "supported (only SBML core is read)");
        String constrained = SbmlFixtures.L3V1_ENZYME.replace("<listOfReactions>", """
                <listOfConstraints><constraint><math xmlns="http://www.w3.org/1998/Math/MathML">
                  <apply><geq/><ci>E</ci><cn>0</cn></apply></math></constraint></listOfConstraints>
                <listOfReactions>""");
        ImportedModel imp = SbmlReader.read(write("constraint.xml", constrained));
        assertThat(imp.warnings()).extracting(SbmlReaderTest::located)
                .containsExactly(":22:24: constraint ignored (odelump does not check constraints)");
        assertThat(imp.warnings().get(0).kind()).isEqualTo(Diagnostic.Kind.WARNING);
    }

    @Test
    void functionsInsideRulesAndRulesAsFunctionArgumentsAreInlined() throws IOException {
        // law sq(f) * S with the rule f = sq(Km) + n * S and sq(x) = x^2: rate (Km^2 + n S)^2 S
        String text = SbmlFixtures.l2WithLaw("<apply><times/><apply><ci>sq</ci><ci>f</ci></apply><ci>S</ci></apply>")
                .replace("<listOfCompartments>", """
                <listOfFunctionDefinitions><functionDefinition id="sq">
                  <math xmlns="http://www.w3.org/1998/Math/MathML"><lambda><bvar><ci>x</ci></bvar>
                    <apply><power/><ci>x</ci><cn>2</cn></apply></lambda></math>
                </functionDefinition></listOfFunctionDefinitions>
                <listOfCompartments>""").replace("<listOfReactions>", """
                <listOfRules>
                  <assignmentRule variable="f"><math xmlns="http://www.w3.org/1998/Math/MathML">
                    <apply><plus/><apply><ci>sq</ci><ci>Km</ci></apply><apply><times/><ci>n</ci><ci>S</ci></apply></apply>
                  </math></assignmentRule>
                </listOfRules>
                <listOfReactions>""").replace("<parameter id=\"n\" value=\"4\"/>",
                "<parameter id=\"n\" value=\"4\"/><parameter id=\"f\" constant=\"false\"/>") + SbmlFixtures.close();
        OdeSystem s = SbmlReader.read(write("nested.xml", text)).system();
        assertThat(s.maxDegree()).isEqualTo(3);
        assertDrifts(s, x -> {
            double f = 0.25 + 4 * x[0];
            return new double[] {-f * f * x[0]};
        }, 7);
    }
}
