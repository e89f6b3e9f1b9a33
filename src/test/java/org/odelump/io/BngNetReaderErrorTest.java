package org.odelump.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.odelump.model.Diagnostic.Kind;
import org.odelump.model.InvalidModelException;

/** Bad inputs with their exact diagnostics, and a fuzz test that only InvalidModelException escapes. */
class BngNetReaderErrorTest {

    private static final String PARAMS = "begin parameters\n    1 k 1\nend parameters\n";
    private static final String SPECIES = "begin species\n    1 A() 1\n    2 B() 0\nend species\n";

    private static String net(String params, String species, String reactions, String rest) {
        return params + species + "begin reactions\n" + reactions + "end reactions\n" + rest;
    }

    private static String withReaction(String line) {
        return net(PARAMS, SPECIES, line + "\n", "");
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of(withReaction("    x 1 2 k"), Kind.SYNTAX,
                        "bad.net:9:5: expected a reaction index (an integer)"),
                Arguments.of(withReaction("    1 1 3 k"), Kind.SEMANTIC,
                        "bad.net:9:9: species index 3 in the products is out of range (species are 1..2)"),
                Arguments.of(withReaction("    1 1,,2 2 k"), Kind.SYNTAX,
                        "bad.net:9:9: expected a species index in the reactants but found ','"),
                Arguments.of(withReaction("    1 0,1 2 k"), Kind.SEMANTIC,
                        "bad.net:9:7: species index 0 in the reactants is out of range (species are 1..2)"),
                Arguments.of(withReaction("    1 1 2"), Kind.SYNTAX,
                        "bad.net:9:10: expected a rate after the products"),
                Arguments.of(withReaction("    1 1 2 k extra"), Kind.SYNTAX,
                        "bad.net:9:13: expected '#' or the end of the line after the rate but found 'extra'"),
                Arguments.of(withReaction("    1 1 2 kk #R"), Kind.SEMANTIC,
                        "bad.net:9:11: unknown name 'kk' (not a parameter, a group or a function)"),
                Arguments.of(withReaction("    1 1 2 2*(k #R"), Kind.SYNTAX,
                        "bad.net:9:15: expected ')' to close the '(' at column 3 in the rate '2*(k'"),
                Arguments.of(withReaction("    1 1 2, k"), Kind.SYNTAX,
                        "bad.net:9:11: expected a species index after ','"),
                Arguments.of(net("begin parameters\n    1 a 2*b\n    2 b a+1\nend parameters\n", SPECIES, "", ""),
                        Kind.SEMANTIC, "bad.net:3:9: parameter 'a' depends on itself: a -> b -> a"),
                Arguments.of(net("begin parameters\n    1 k 1\n    2 k 2\nend parameters\n", SPECIES, "", ""),
                        Kind.SEMANTIC, "bad.net:3:7: parameter 'k' is defined twice (first at line 2)"),
                Arguments.of(net("begin parameters\n    1 k (1+2\nend parameters\n", SPECIES, "", ""),
                        Kind.SYNTAX, "bad.net:2:13: expected ')' to close the '(' at column 9"),
                Arguments.of(net("begin parameters\n    1 k 1/(2-2)\nend parameters\n", SPECIES, "", ""),
                        Kind.SEMANTIC, "bad.net:2:10: division by zero"),
                Arguments.of(net("begin parameters\n    1 k mratio(1,2)\nend parameters\n", SPECIES, "", ""),
                        Kind.UNSUPPORTED, "bad.net:2:9: unknown function 'mratio'"),
                Arguments.of(net("begin parameters\n    1 2k 1\nend parameters\n", SPECIES, "", ""),
                        Kind.SYNTAX, "bad.net:2:7: expected a parameter name (letters, digits, '_') but found '2k'"),
                Arguments.of(net(PARAMS, "begin species\n    1 A() 1\n    3 B() 0\nend species\n", "", ""),
                        Kind.SEMANTIC, "bad.net:6:5: expected species index 2 but found 3"),
                Arguments.of(net(PARAMS, "begin species\n    1 A()\nend species\n", "", ""),
                        Kind.SYNTAX, "bad.net:5:10: expected an initial amount after species 'A()'"),
                Arguments.of(net(PARAMS, "begin species\n    1 A() q\nend species\n", "", ""),
                        Kind.SEMANTIC, "bad.net:5:11: unknown parameter 'q'"),
                Arguments.of(PARAMS + SPECIES + "begin reactions\n    1 1 2 k\n", Kind.SYNTAX,
                        "bad.net:8:1: 'begin reactions' is never closed by 'end reactions'"),
                Arguments.of("begin parameters\n    1 k 1\nend species\n", Kind.SYNTAX,
                        "bad.net:3:1: expected 'end parameters' but found 'end species'"),
                Arguments.of("hello world\n" + SPECIES, Kind.SYNTAX, "bad.net:1:1: expected 'begin <block>' or a"
                        + " directive such as substanceUnits(\"Number\") but found 'hello'"),
                Arguments.of("begin reactions\nend reactions\n" + SPECIES, Kind.SEMANTIC,
                        "bad.net:1:1: the reactions block must come after the species block"),
                Arguments.of(PARAMS, Kind.SEMANTIC, "bad.net:3:1: no 'begin species' block"),
                Arguments.of(net(PARAMS, SPECIES, "", "begin groups\n    1 G 1,2*7\nend groups\n"), Kind.SEMANTIC,
                        "bad.net:11:13: species index 7 in group 'G' is out of range (species are 1..2)"),
                Arguments.of(net(PARAMS, SPECIES, "", "begin groups\n    1 G 1,x*2\nend groups\n"), Kind.SYNTAX,
                        "bad.net:11:11: expected a weight (a number) before '*' but found 'x'"),
                Arguments.of(net(PARAMS, SPECIES, "    1 1 2 f #R\n",
                                "begin functions\n    1 f(x) k*x\nend functions\n"), Kind.UNSUPPORTED,
                        "bad.net:9:11: the rate 'f' is not supported: in function 'f' (line 12):"
                                + " local function arguments (x) are not supported"),
                Arguments.of(net(PARAMS, SPECIES, "    1 1 2 f #R\n",
                                "begin functions\n    1 f() exp(G)\nend functions\nbegin groups\n 1 G 1\nend groups\n"),
                        Kind.NOT_POLYNOMIAL, "bad.net:9:11: the rate 'f' is not a polynomial in the species:"
                                + " in function 'f' (line 12): 'exp' of an expression that depends on the species"),
                Arguments.of(net(PARAMS, SPECIES, "    1 1 2 k*G^0.5 #R\n", "begin groups\n 1 G 1,2\nend groups\n"),
                        Kind.NOT_POLYNOMIAL, "bad.net:9:14: the rate 'k*G^0.5' is not a polynomial in the species:"
                                + " the power 0.5 of an expression of the species (only integer powers 0..32 are"
                                + " polynomial)"),
                Arguments.of(net(PARAMS, SPECIES, "    1 1 2 1e308*G^2 #R\n",
                                "begin groups\n 1 G 1,1\nend groups\n"), Kind.SEMANTIC,
                        "bad.net:9:11: the expression overflows: coefficient is not finite: Infinity"),
                Arguments.of(net("begin parameters\n    1 k " + "(".repeat(300) + "1" + ")".repeat(300)
                                + "\nend parameters\n", SPECIES, "", ""), Kind.SYNTAX,
                        "bad.net:2:210: expression nested more than 200 levels deep"),
                Arguments.of(net(PARAMS, SPECIES, "    1 1 2 f #R\n",
                                "begin functions\n    1 f() k*zz\nend functions\n"), Kind.SEMANTIC,
                        "bad.net:12:13: unknown name 'zz' (not a parameter, a group or a function)"),
                Arguments.of(net(PARAMS, SPECIES, "    1 1 2 f #R\n",
                                "begin functions\n    1 f() 2*g\n    2 g() f\nend functions\n"), Kind.SEMANTIC,
                        "bad.net:13:11: function 'f' depends on itself: f -> g -> f"));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void badInputIsReportedWithItsExactPositionAndMessage(String text, Kind kind, String message) {
        Throwable t = catchThrowable(() -> BngNetReader.read("bad.net", text));
        assertThat(t).isInstanceOf(InvalidModelException.class);
        InvalidModelException e = (InvalidModelException) t;
        assertThat(e.first().toString()).isEqualTo(message);
        assertThat(e.first().kind()).isEqualTo(kind);
        assertThat(e.getMessage()).isEqualTo(message);
    }

    @Test
    void truncationsAndByteFlipsOnlyEverRaiseInvalidModelException() {
        byte[] original = BngNetReaderTest.resource("features.net").getBytes(StandardCharsets.UTF_8);
        int loaded = 0;
        int rejected = 0;
        for (int len = 0; len <= original.length; len++) {
            if (tryRead(new String(original, 0, len, StandardCharsets.UTF_8))) {
                loaded++;
            } else {
                rejected++;
            }
        }
        Random rnd = new Random(20260125L);
        byte[] alphabet = " \t\n#,*()/^+-.0123456789eE$abk_".getBytes(StandardCharsets.US_ASCII);
        for (int trial = 0; trial < 2000; trial++) {
            byte[] b = original.clone();
            int flips = 1 + rnd.nextInt(4);
            for (int f = 0; f < flips; f++) {
                int at = rnd.nextInt(b.length);
                b[at] = rnd.nextBoolean() ? alphabet[rnd.nextInt(alphabet.length)] : (byte) rnd.nextInt(256);
            }
            if (tryRead(new String(b, StandardCharsets.UTF_8))) {
                loaded++;
            } else {
                rejected++;
            }
        }
        assertThat(loaded).isPositive();
        assertThat(rejected).isPositive();
    }

    /** True when the text loads, false when it is rejected; anything other than InvalidModelException fails. */
    private static boolean tryRead(String text) {
        try {
            BngNetReader.read("fuzz.net", text);
            return true;
        } catch (InvalidModelException e) {
            assertThat(e.diagnostics()).isNotEmpty();
            assertThat(e.first().kind()).isNotEqualTo(Kind.WARNING);
            return false;
        }
    }
}
