package org.odelump.symbolic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.odelump.symbolic.TestExprs.call;
import static org.odelump.symbolic.TestExprs.mul;
import static org.odelump.symbolic.TestExprs.num;
import static org.odelump.symbolic.TestExprs.ref;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.odelump.model.Monomial;
import org.odelump.model.Polynomial;

/**
 * Symja starts on the first expansion that needs it and records how long its start took. That nothing before such
 * an expansion starts it (native formatting, derivatives, function-free expansion, a whole numeric {@code reduce})
 * is checked on the classes a fresh JVM loads, in {@code cli.ReduceClassLoadingTest}; inside this JVM other tests
 * may have started Symja already.
 */
class LazinessTest {

    private static final List<String> XYZ = List.of("x", "y", "z");

    @Test
    void nativeFormattingNeedsNoSymjaAndAFunctionCallStartsIt() {
        Polynomial p = Polynomial.builder().add(Monomial.of(0), 2).add(Monomial.of(1, 2), -1).build();
        assertThat(SymbolicPolynomial.of(p).format(XYZ)).isEqualTo("2*x - y^2");
        assertThat(p.derivative(1).format(XYZ)).isEqualTo("-2*y");

        Polynomial e = Symbolic.expand(mul(call("exp", num(1)), ref("x")), TestExprs.resolver(XYZ, Map.of()));
        assertThat(e.format(XYZ)).isEqualTo(Math.E + "*x");
        assertThat(Symbolic.isInitialised()).isTrue();
        assertThat(Symbolic.startupTime()).hasValueSatisfying(d -> assertThat(d).isGreaterThan(Duration.ZERO));
    }
}
