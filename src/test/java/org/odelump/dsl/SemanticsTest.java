package org.odelump.dsl;

import org.odelump.testutil.ExprEvaluator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.odelump.model.Command;
import org.odelump.model.Diagnostic;
import org.odelump.model.Monomial;
import org.odelump.model.OdeSystem;
import org.odelump.model.Parameter;
import org.odelump.model.Polynomial;
import org.odelump.model.Reaction;

/** The meaning of models: drifts, names, stoichiometry, numbers, dialects, precedence quirks, commands. */
class SemanticsTest {

    private static OdeSystem parse(String text) {
        return OdeParser.parse("t.ode", text).system();
    }

    private static Polynomial poly(Object... coefficientAndVars) {
        Polynomial.Builder b = Polynomial.builder();
        for (int i = 0; i < coefficientAndVars.length; i += 2) {
            b.add(Monomial.ofMultiset((int[]) coefficientAndVars[i + 1]), (double) coefficientAndVars[i]);
        }
        return b.build();
    }

    private static int[] v(int... vars) {
        return vars;
    }

    @Test
    void example1ReactionNetworkHasMassActionDrifts() {
        OdeSystem m = OdeParser.parse(Path.of("src/test/resources/dsl/sites.ode")).system();
        assertThat(m.variableNames()).containsExactly("S", "A1", "A2", "B1", "B2");
        assertThat(m.isReactionNetwork()).isTrue();
        // S + A1 -> B1 (2), S + A2 -> B2 (2), B1 -> S + A1 (0.5), B2 -> S + A2 (0.5)
        assertThat(m.drift(0)).isEqualTo(poly(-2.0, v(0, 1), -2.0, v(0, 2), 0.5, v(3), 0.5, v(4)));
        assertThat(m.drift(1)).isEqualTo(poly(-2.0, v(0, 1), 0.5, v(3)));
        assertThat(m.drift(3)).isEqualTo(poly(2.0, v(0, 1), -0.5, v(3)));
        assertThat(m.initialValues()).containsExactly(10, 1, 1, 0, 0);
        assertThat(m.partitionBlocks()).containsExactly(List.of(0));
        assertThat(m.reactions().get(0).label()).isEqualTo("bind1");
        assertThat(m.reactions().get(2).label()).isNull();
        assertThat(m.reactions().get(0).rateConstant()).isEqualTo(2.0);
        assertThat(m.views()).hasSize(1);
        assertThat(m.commands()).extracting(Command::name).containsExactly("reduceFE", "reduceBE");
        assertThat(m.commands().get(0).options()).containsEntry("reducedFile", "sites_fe.ode")
                .containsEntry("prePartition", "USER");
    }

    @Test
    void example2OdeIsExpandedNatively() {
        OdeSystem m = OdeParser.parse(Path.of("src/test/resources/dsl/lv2.ode")).system();
        assertThat(m.drift(0)).isEqualTo(poly(1.0, v(0), -0.5, v(0, 2)));
        assertThat(m.drift(2)).isEqualTo(poly(-1.0, v(2), 0.5, v(0, 2), 0.5, v(1, 2)));
        assertThat(m.driftSources()).doesNotContainNull();
        assertThat(m.commands()).hasSize(3);
    }

    @Test
    void mathematicalNamesStayPlainNames() {
        OdeSystem m = parse("""
                begin model names
                 begin parameters
                  gamma = 2
                  pi = 3
                 end parameters
                 begin init
                  x_1 = 1
                  E
                  I
                  D
                 end init
                 begin ODE
                  d(x_1) = gamma*E
                  d(E) = pi*I
                  d(I) = D
                  d(D) = 0
                 end ODE
                end model
                """);
        assertThat(m.variableNames()).containsExactly("x_1", "E", "I", "D");
        assertThat(m.parameters()).extracting(Parameter::name).containsExactly("gamma", "pi");
        assertThat(m.drift(0)).isEqualTo(poly(2.0, v(1)));
        assertThat(m.drift(1)).isEqualTo(poly(3.0, v(2)));
        assertThat(m.drift(2)).isEqualTo(poly(1.0, v(3)));
        assertThat(m.drift(3).isZero()).isTrue();
    }

    @Test
    void stoichiometryGivesSignsAndPowers() {
        OdeSystem m = parse("""
                begin model stoich
                 begin parameters
                  k = 3
                 end parameters
                 begin init
                  A
                  B
                  C
                 end init
                 begin reactions
                  2*A + B -> C , k
                  C -> EmptySet, 0.5
                  EmptySet -> A , 1.5
                 end reactions
                end model
                """);
        assertThat(m.drift(0)).isEqualTo(poly(-6.0, v(0, 0, 1), 1.5, v()));
        assertThat(m.drift(1)).isEqualTo(poly(-3.0, v(0, 0, 1)));
        assertThat(m.drift(2)).isEqualTo(poly(3.0, v(0, 0, 1), -0.5, v(2)));
        Reaction source = m.reactions().get(2);
        assertThat(source.reagents().isConstant()).isTrue();
        assertThat(source.propensity()).isEqualTo(Polynomial.constant(1.5));
    }

    @Test
    void numbersAndConstantExpressions() {
        OdeSystem m = parse("""
                begin model numbers
                 begin parameters
                  a = 216/25
                  b = 3.0E-5
                  c = 1e-3
                  d = 2.5E+3
                  e = 12
                  f = 1/10000000000000000
                  g = sqrt(16) + exp(0) + max(1, 2) + abs(-2) + floor(2.5) + log(1) + pow(2, 3)
                  h = -a^2
                  i = 2^3^2
                 end parameters
                 begin init
                  x = a * 2
                 end init
                 begin ODE
                  d(x) = (x + 1)^2 / 4 - x*(x - 1) * c
                 end ODE
                end model
                """);
        Map<String, Double> p = new HashMap<>();
        for (Parameter q : m.parameters()) {
            p.put(q.name(), q.value());
        }
        assertThat(p.get("a")).isEqualTo(216.0 / 25.0);
        assertThat(p.get("b")).isEqualTo(3.0E-5);
        assertThat(p.get("c")).isEqualTo(0.001);
        assertThat(p.get("d")).isEqualTo(2500.0);
        assertThat(p.get("e")).isEqualTo(12.0);
        assertThat(p.get("f")).isEqualTo(1e-16);
        assertThat(p.get("g")).isEqualTo(4 + 1 + 2 + 2 + 2 + 0 + 8.0);
        assertThat(p.get("h")).as("ERODE reads -a^2 as (-a)^2").isEqualTo(Math.pow(-216.0 / 25.0, 2));
        assertThat(p.get("i")).as("ERODE reads 2^3^2 as (2^3)^2").isEqualTo(64.0);
        assertThat(m.initialValue(0)).isEqualTo(2 * 216.0 / 25.0);
        assertThat(m.parameters().get(0).source()).isNotNull();
        // (x+1)^2/4 - (x^2 - x)*0.001
        assertThat(m.drift(0)).isEqualTo(poly(0.25, v(0, 0), 0.5, v(0), 0.25, v(), -0.001, v(0, 0), 0.001, v(0)));
    }

    @Test
    void windowsLineEndsCommentsAndByteOrderMark() {
        OdeSystem m = parse("\uFEFF# hash comment\r\nbegin model  win model \r\n begin init\r\n  x = 2 // c\r\n"
                + " end init /* block\r\n comment */\r\n begin ODE\r\n  d(x) = -x\r\n end ODE\r\nend model\r\n");
        assertThat(m.name()).isEqualTo("win model");
        assertThat(m.drift(0)).isEqualTo(poly(-1.0, v(0)));
        assertThat(m.initialValue(0)).isEqualTo(2.0);
    }

    @Test
    void precedenceQuirksAreWarned() {
        ParsedModel pm = OdeParser.parse("q.ode", """
                begin model quirks
                 begin init
                  x
                 end init
                 begin ODE
                  d(x) = -x^2 + x^3^2
                 end ODE
                end model
                """);
        assertThat(pm.system().drift(0)).isEqualTo(poly(1.0, v(0, 0), 1.0, v(0, 0, 0, 0, 0, 0)));
        assertThat(pm.warnings()).extracting(Diagnostic::toString).containsExactly(
                "q.ode:6:10: ERODE reads '-x^...' as '(-x)^...' (unary minus binds tighter than ^); write parentheses to make this explicit",
                "q.ode:6:20: ERODE reads 'a^b^c' as '(a^b)^c' (^ is left-associative); write parentheses to make this explicit");
    }

    @Test
    void arbitraryAndClueDialectRates() {
        ParsedModel pm = OdeParser.parse("c.ode", """
                begin model clue
                 begin parameters
                  k = 2
                 end parameters
                 begin init
                  A = 1
                  B
                 end init
                 begin reactions
                  A -> B , arbitrary k*A*B + 1
                  B -> A , k*B*B
                 end reactions
                end model
                """);
        OdeSystem m = pm.system();
        Reaction r0 = m.reactions().get(0);
        assertThat(r0.massAction()).isFalse();
        assertThat(r0.propensity()).isEqualTo(poly(2.0, v(0, 1), 1.0, v()));
        Reaction r1 = m.reactions().get(1);
        assertThat(r1.massAction()).isFalse();
        assertThat(r1.propensity()).isEqualTo(poly(2.0, v(1, 1)));
        assertThat(m.drift(0)).isEqualTo(poly(-2.0, v(0, 1), -1.0, v(), 2.0, v(1, 1)));
        assertThat(pm.warnings()).extracting(Diagnostic::kind).containsExactly(Diagnostic.Kind.WARNING);
        assertThat(pm.warnings().get(0).line()).isEqualTo(11);
    }

    @Test
    void undeclaredNamesBecomeConstantsWhenAsked() {
        String text = """
                begin model Example
                 begin ODE
                  d(Au)\t\t= -r1*Au + r2*Ap
                  d(Ap)\t\t=  r1*Au - r2*Ap
                 end ODE
                end model
                """;
        ParsedModel pm = OdeParser.parse("ex.ode", text, new ParseOptions(true));
        OdeSystem m = pm.system();
        assertThat(m.variableNames()).containsExactly("Au", "Ap", "r1", "r2");
        assertThat(m.drift(2).isZero()).isTrue();
        assertThat(m.drift(0)).isEqualTo(poly(-1.0, v(0, 2), 1.0, v(1, 3)));
        assertThat(pm.warnings()).extracting(Diagnostic::toString).containsExactly(
                "ex.ode:3:13: undeclared identifier 'r1' is read as a constant: an extra variable with zero drift and initial value 0",
                "ex.ode:3:21: undeclared identifier 'r2' is read as a constant: an extra variable with zero drift and initial value 0");
        assertThat(ParseOptions.defaults().undeclaredAsConstants()).isFalse();
    }

    @Test
    void anUndeclaredRateConstantKeepsMassActionShape() {
        ParsedModel pm = OdeParser.parse("sir.ode", """
                begin model sir
                 begin init
                  S = 1
                  I = 1
                 end init
                 begin reactions
                  S + I -> 2*I , b [infection]
                 end reactions
                end model
                """, new ParseOptions(true));
        OdeSystem m = pm.system();
        assertThat(m.variableNames()).containsExactly("S", "I", "b");
        Reaction r = m.reactions().get(0);
        assertThat(r.massAction()).isFalse();
        assertThat(r.propensity()).isEqualTo(poly(1.0, v(0, 1, 2)));
        assertThat(m.drift(1)).isEqualTo(poly(1.0, v(0, 1, 2)));
        assertThat(m.drift(2).isZero()).isTrue();
        assertThat(pm.warnings()).hasSize(1);
    }

    @Test
    void commandsInBothSyntaxesAndUnknownOnesWarn() {
        ParsedModel pm = OdeParser.parse(Path.of("src/test/resources/dsl/enzyme.ode"));
        OdeSystem m = pm.system();
        assertThat(m.name()).isEqualTo("enzyme kinetics (two substrates)");
        assertThat(m.commands()).extracting(Command::name).containsExactly("reduceBE", "approximateBDE", "reduceFE");
        assertThat(m.commands().get(0).options()).containsEntry("=", "this");
        assertThat(m.commands().get(1).options()).containsEntry("paramsToPerturb", "[k1, k2]")
                .containsEntry("matlabScript", "e.m").containsEntry("epsilon", "0.05");
        assertThat(m.commands().get(2).options()).containsEntry("reducedFile", "enzyme_fe.ode");
        assertThat(m.commands().get(2).line()).isEqualTo(45);
        assertThat(m.variables().get(0).displayName()).isEqualTo("enzyme");
        assertThat(m.partitionBlocks()).hasSize(3);
        assertThat(pm.warnings()).isEmpty();
        ParsedModel unknown = OdeParser.parse("u.ode", """
                begin model u
                 begin init
                  x
                 end init
                 begin ODE
                  d(x) = 0
                 end ODE
                 fancyCommand(a=1, b="two words", perturbation absolute=0.1,)
                end model
                """);
        assertThat(unknown.warnings()).extracting(Diagnostic::toString)
                .containsExactly("u.ode:8:2: unknown command 'fancyCommand' is kept but not interpreted");
        assertThat(unknown.system().commands().get(0).options()).containsEntry("b", "two words")
                .containsEntry("perturbation absolute", "0.1");
    }

    @Test
    void driftsAgreeWithDirectEvaluationOfTheirSources() {
        OdeSystem m = OdeParser.parse(Path.of("src/test/resources/dsl/oscillator.ode")).system();
        assertDriftsMatchSources(m, new Random(7));
    }

    /** Compares OdeSystem.evaluate with a direct double evaluation of each drift source at random points. */
    static void assertDriftsMatchSources(OdeSystem m, Random rnd) {
        for (int trial = 0; trial < 3; trial++) {
            double[] x = new double[m.dimension()];
            Map<String, Double> values = new HashMap<>();
            for (Parameter p : m.parameters()) {
                values.put(p.name(), p.value());
            }
            for (int i = 0; i < x.length; i++) {
                x[i] = 0.5 + rnd.nextDouble();
                values.put(m.variables().get(i).name(), x[i]);
            }
            double[] f = m.evaluate(x);
            for (int i = 0; i < x.length; i++) {
                if (m.driftSources().get(i) == null) {
                    continue;
                }
                double direct = ExprEvaluator.eval(m.driftSources().get(i), values);
                assertThat(f[i]).as("drift of %s", m.variables().get(i).name())
                        .isCloseTo(direct, within(1e-9 * (1 + Math.abs(direct))));
            }
        }
    }
}
