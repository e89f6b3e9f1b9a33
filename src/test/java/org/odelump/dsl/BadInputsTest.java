package org.odelump.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.odelump.model.Diagnostic;
import org.odelump.model.Diagnostic.Kind;
import org.odelump.model.InvalidModelException;

/** A table of bad inputs with the exact first diagnostic each must produce: kind, line, column and message. */
class BadInputsTest {

    static Stream<Arguments> cases() {
        return Stream.of(
            row("begin model m\n begin init\n  x\n end init\n begin reactions\n  x -> 2*x k\n end reactions\nend model",
                    Kind.SYNTAX, 6, 12, "expected ',' before rate, found 'k'"),
            row("begin model m\n begin init\n  x\n end init\n begin ODE\n  d(x) = 1\n  foo\n end ODE\nend model",
                    Kind.SYNTAX, 7, 3, "unexpected 'foo', expected 'end ODE' or an equation d(x) = ..."),
            row("begin model m\n begin init\n  x\n end init\n begin ODE\n  d(x) = y\n end ODE\nend model",
                    Kind.SEMANTIC, 6, 10, "undeclared identifier 'y' (declare it as a parameter or species, or parse with undeclaredAsConstants to read it as a constant)"),
            row("begin model m\n begin parameters\n  a = 1\n  a = 2\n end parameters\n begin init\n  x\n end init\n begin ODE\n  d(x) = a\n end ODE\nend model",
                    Kind.SEMANTIC, 4, 3, "duplicate parameter 'a' (first defined at line 3)"),
            row("begin model m\n begin init\n  x\n  x\n end init\n begin ODE\n  d(x) = 1\n end ODE\nend model",
                    Kind.SEMANTIC, 4, 3, "duplicate species 'x' (first declared at line 3)"),
            row("begin model m\n begin init\n  x\n end init\n begin ODE\n  d(x) = 1\n  d(x) = 2\n end ODE\nend model",
                    Kind.SEMANTIC, 7, 3, "duplicate equation d(x) (the first is at line 6)"),
            row("begin model m\n begin init\n  x\n  y\n end init\n begin ODE\n  d(x) = 1\n end ODE\nend model",
                    Kind.SEMANTIC, 4, 3, "species 'y' has no equation d(y) = ... in the ODE section"),
            row("begin model m\n begin init\n  x\n end init\n begin ODE\n  d(x) = 1\n  d(z) = 2\n end ODE\nend model",
                    Kind.SEMANTIC, 7, 5, "d(z) names 'z', which the init section does not declare"),
            row("begin model m\n begin init\n  x\n end init\n begin reactions\n  x -> q , 1\n end reactions\nend model",
                    Kind.SEMANTIC, 6, 8, "species 'q' in a reaction is not declared in the init section"),
            row("begin model m\n begin init\n  x\n  y\n end init\n begin partition\n  {x, y}, {y}\n end partition\n begin ODE\n  d(x) = 1\n  d(y) = 1\n end ODE\nend model",
                    Kind.SEMANTIC, 7, 12, "species 'y' is in two partition blocks (first at line 7)"),
            row("begin model m\n begin init\n  x\n end init\n begin foo\n  bar\n end foo\n begin ODE\n  d(x) = 1\n end ODE\nend model",
                    Kind.SEMANTIC, 5, 2, "unknown section 'begin foo', expected parameters, init, partition, reactions, ODE or views"),
            row("begin model m\n begin init\n  x\n end init\n begin reactions\n  x -> , 1\n end reactions\n begin ODE\n  d(x) = 1\n end ODE\nend model",
                    Kind.SYNTAX, 6, 8, "unexpected ',', expected a species"),
            row("begin model m\n begin init\n  x\n end init\n begin reactions\n  x -> EmptySet , 1\n end reactions\n begin ODE\n  d(x) = 1\n end ODE\nend model",
                    Kind.SEMANTIC, 8, 2, "a model has either a reactions section or an ODE section, not both"),
            row("begin model m\n begin parameters\n  a = 1/0\n end parameters\n begin init\n  x\n end init\n begin ODE\n  d(x) = a\n end ODE\nend model",
                    Kind.SEMANTIC, 3, 9, "division by zero"),
            row("begin model m\n begin parameters\n  a = 1e400\n end parameters\n begin init\n  x\n end init\n begin ODE\n  d(x) = a\n end ODE\nend model",
                    Kind.SEMANTIC, 3, 7, "the value is not a finite number"),
            row("begin model m\n begin init\n  x\n end init\n begin ODE\n  d(x) = 2/x\n end ODE\nend model",
                    Kind.NOT_POLYNOMIAL, 6, 12, "a variable in a denominator is not polynomial: x"),
            row("begin model m\n begin init\n  x\n end init\n begin ODE\n  d(x) = x^0.5\n end ODE\nend model",
                    Kind.NOT_POLYNOMIAL, 6, 12, "the exponent 0.5 of a variable expression is not a non-negative integer: 0.5"),
            row("begin model m\n begin parameters\n  p = 2\n end parameters\n begin init\n  x\n end init\n begin ODE\n  d(x) = 2^x + p\n end ODE\nend model",
                    Kind.NOT_POLYNOMIAL, 9, 12, "an exponent that depends on a variable is not polynomial: x"),
            row("begin model m\n begin init\n  x\n end init\n begin ODE\n  d(x) = 1 + exp(x)\n end ODE\nend model",
                    Kind.NOT_POLYNOMIAL, 6, 14, "exp(...) of a variable expression is not polynomial: exp(x)"),
            row("begin model m\n begin init\n  x\n  y\n end init\n begin ODE\n  d(x) = min(x, y)\n  d(y) = 0\n end ODE\nend model",
                    Kind.NOT_POLYNOMIAL, 7, 10, "min(...) of a variable expression is not polynomial: min(x, y)"),
            row("begin model m\n begin parameters\n  a = b + 1\n  b = 2\n end parameters\n begin init\n  x\n end init\n begin ODE\n  d(x) = a\n end ODE\nend model",
                    Kind.SEMANTIC, 3, 7, "parameter 'b' is used before its definition at line 4"),
            row("begin model m\n begin init\n  x\n end init\n begin ODE\n  d(x) = 1 +\n end ODE\nend model",
                    Kind.SYNTAX, 7, 2, "unexpected 'end', expected an expression"),
            row("begin model m\n begin init\n  x @ \n end init\nend model",
                    Kind.LEXICAL, 3, 5, "unexpected character '@'"),
            row("begin model m\n begin init\n  x (\"unterminated)\n end init\nend model",
                    Kind.LEXICAL, 3, 6, "unterminated string (a string ends on its line)"),
            row("begin Boolean network b\n begin init\n  S_1\n end init\nend Boolean network",
                    Kind.UNSUPPORTED, 1, 1, "Boolean networks are not supported: odelump reads polynomial ODE models and reaction networks"),
            row("begin model m\n begin symbolic parameters\n  p\n end symbolic parameters\n begin init\n  x\n end init\n begin ODE\n  d(x) = 1\n end ODE\nend model",
                    Kind.UNSUPPORTED, 2, 2, "section 'begin symbolic parameters' is not supported: odelump reads numeric polynomial ODEs and reaction networks"),
            row("begin model m\n begin init\n  x\n  y\n end init\n begin reactions\n  x -> y , Hill h_K 1 h_R1 x h_R2 y h_n1 1 h_n2 2\n end reactions\nend model",
                    Kind.UNSUPPORTED, 7, 12, "Hill rates are not supported: they are not polynomial"),
            row("begin model m\n begin init\n  x\n end init\n begin ODE\n  d(x) = x^-1\n end ODE\nend model",
                    Kind.NOT_POLYNOMIAL, 6, 12, "the exponent -1 of a variable expression is not a non-negative integer: -1"),
            row("begin model m\n begin init\n  x\n end init\n begin ODE\n  d(x) = foo(2)\n end ODE\nend model",
                    Kind.SEMANTIC, 6, 10, "unknown function 'foo'"),
            row("begin model m\n begin init\n  x\n end init\n begin ODE\n  f(x) = 1\n end ODE\nend model",
                    Kind.SYNTAX, 6, 3, "unexpected 'f', expected an equation d(x) = ..."),
            row("begin model m\n begin init\n  x = y\n  y\n end init\n begin ODE\n  d(x) = 1\n  d(y) = 1\n end ODE\nend model",
                    Kind.SEMANTIC, 3, 7, "undeclared identifier 'y' (declare it as a parameter or species, or parse with undeclaredAsConstants to read it as a constant)"),
            row("begin model m\n begin init\n  x\n end init\n begin ODE\n  d(x) = 1\n end ODE\n begin views\n  v = x + w\n end views\nend model",
                    Kind.SEMANTIC, 9, 11, "undeclared identifier 'w' in a view"),
            row("begin model m\n begin init\n  x\n end init\n begin reactions\n  x -> x + x , 1\n end reactions\n begin partition\n  {x, q}\n end partition\nend model",
                    Kind.SEMANTIC, 9, 7, "species 'q' in the partition is not declared"),
            row("begin model m\n begin init\n  x\n end init\n begin reactions\n  1.5*x -> x , 1\n end reactions\nend model",
                    Kind.SEMANTIC, 6, 3, "the stoichiometry 1.5 is not a positive integer up to 1000"),
            row("begin model m\n begin init\n  x\n end init\n begin ODE\n  d(x) = var(x)\n end ODE\nend model",
                    Kind.SEMANTIC, 6, 10, "var(...) is only allowed in views"),
            row("begin model m\n begin init\n  x\n end init\n begin ODE\n  d(x) = 1\n end ODE",
                    Kind.SYNTAX, 7, 9, "unexpected end of file, expected a section 'begin ...', a command or 'end model'"),
            row("begin model m\n begin init\n  x\n end init\n begin ODE\n  d(x) = (x + 1\n end ODE\nend model",
                    Kind.SYNTAX, 7, 2, "unexpected 'end', expected ')'"),
            row("begin model m\n begin init\n  x\n end init\n begin reactions\n  x + -> x , 1\n end reactions\nend model",
                    Kind.SYNTAX, 6, 7, "unexpected '->', expected a species"),
            row("\nbegin init\n x\nend init",
                    Kind.SYNTAX, 2, 1, "unexpected 'begin init', expected 'begin model'"),
            row("begin model\n begin init\n  x\n end init\n begin ODE\n  d(x) = 1\n end ODE\nend model",
                    Kind.SEMANTIC, 1, 1, "missing model name after 'begin model'"),
            row("begin model m\n begin init\n  x\n end init\n begin ODE\n  d(x) = x / (x - x)\n end ODE\nend model",
                    Kind.SEMANTIC, 6, 15, "division by zero"),
            row("begin model m\n begin init\n  x\n end init\n begin ODE\n  d(x) = 1 / (2 - 2)\n end ODE\nend model\n",
                    Kind.SEMANTIC, 6, 15, "division by zero"));
    }

    private static Arguments row(String text, Kind kind, int line, int column, String message) {
        return Arguments.of(text, kind, line, column, message);
    }

    @org.junit.jupiter.api.Test
    void collectsSeveralErrors() {
        String text = "begin model m\n begin init\n  x\n  y\n end init\n begin reactions\n  x -> y 2\n"
                + "  y -> x 3\n end reactions\nend model\n";
        InvalidModelException e = catchThrowableOfType(InvalidModelException.class,
                () -> OdeParser.parse("two.ode", text));
        assertThat(e.diagnostics()).extracting(Diagnostic::toString).containsExactly(
                "two.ode:7:10: expected ',' before rate, found '2'", "two.ode:8:10: expected ',' before rate, found '3'");
        String semantic = "begin model m\n begin parameters\n  a = q\n  b = r\n end parameters\n"
                + " begin init\n  x\n end init\n begin ODE\n  d(x) = 1\n end ODE\nend model\n";
        InvalidModelException s = catchThrowableOfType(InvalidModelException.class,
                () -> OdeParser.parse("two.ode", semantic));
        assertThat(s.diagnostics()).extracting(Diagnostic::line).containsExactly(3, 4);
    }

    @org.junit.jupiter.api.Test
    void unreadableFileIsAnIoDiagnostic() {
        InvalidModelException e = catchThrowableOfType(InvalidModelException.class,
                () -> OdeParser.parse(java.nio.file.Path.of("target", "no-such-model.ode")));
        assertThat(e.first().kind()).isEqualTo(Kind.IO);
        assertThat(e.first().file()).endsWith("no-such-model.ode");
    }

    @ParameterizedTest(name = "[{index}] {4}")
    @MethodSource("cases")
    void reportsExactDiagnostic(String text, Kind kind, int line, int column, String message) {
        InvalidModelException e = catchThrowableOfType(InvalidModelException.class,
                () -> OdeParser.parse("bad.ode", text));
        assertThat(e).as("no error for:%n%s", text).isNotNull();
        Diagnostic d = e.first();
        assertThat(d.message()).isEqualTo(message);
        assertThat(d.kind()).isEqualTo(kind);
        assertThat(List.of(d.line(), d.column())).isEqualTo(List.of(line, column));
        assertThat(d.file()).isEqualTo("bad.ode");
        assertThat(e.getMessage()).isEqualTo("bad.ode:" + line + ":" + column + ": " + message);
    }
}
