package org.odelump.numeric;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.odelump.dsl.OdeParser;
import org.odelump.model.LumpedSystem.Method;
import org.odelump.model.OdeSystem;

/** The mixed absolute/relative verification tolerance: no false alarm at 1e-100 scales, real errors still fail. */
class VerificationToleranceTest {

    private static final Simulator.Options INTEGRATION = new Simulator.Options(1e-12, 1e-12, 500_000, 1e100);

    /** a decays, tiny is produced from a at a rate that keeps it near 1e-100. */
    private static OdeSystem model(double tinyRate, double aRate) {
        return OdeParser.parse("tiny.ode", """
                begin model tiny
                 begin init
                  a = 1
                  tiny = 1e-100
                 end init
                 begin ODE
                  d(a) = -%s*a
                  d(tiny) = %s*a
                 end ODE
                end model
                """.formatted(aRate, tinyRate)).system();
    }

    private static Verification.Report verify(OdeSystem original, OdeSystem reduced, double rel, double abs) {
        return new Verification(original, reduced, Method.FE, new int[][] {{0}, {1}},
                new Verification.Options(2.0, 20, INTEGRATION, rel, abs)).compute();
    }

    @Test
    void aOnePercentErrorOfASpeciesAt1eMinus100FailsOnlyARelativeOnlyTest() {
        Verification.Report relOnly = verify(model(1e-100, 1), model(1.01e-100, 1), 1e-6, 0.0);
        assertThat(relOnly.passed()).isFalse();
        assertThat(relOnly.failedVariables()).isEqualTo(1);
        assertThat(relOnly.errors().get(1).passed()).isFalse();
        assertThat(relOnly.errors().get(1).maxRel()).isGreaterThan(1e-3);

        Verification.Report mixed = verify(model(1e-100, 1), model(1.01e-100, 1), 1e-6, 1e-9);
        assertThat(mixed.passed()).isTrue();
        assertThat(mixed.errors().get(1).maxAbs()).isLessThan(1e-100);
        assertThat(mixed.summary()).contains("ok").contains("abs 1.0E-9");
    }

    @Test
    void aRealErrorFailsDespiteTheAbsolutePart() {
        Verification.Report r = verify(model(1e-100, 1), model(1e-100, 1.01), 1e-6, 1e-9);
        assertThat(r.passed()).isFalse();
        assertThat(r.errors().get(0).passed()).isFalse();
        assertThat(r.errors().get(1).passed()).isTrue();
        assertThat(r.summary()).contains("1 of 2 variables EXCEED");
    }

    @Test
    void theFourArgumentOptionsAreRelativeOnly() {
        Verification.Options o = new Verification.Options(1.0, 10, INTEGRATION, 1e-6);
        assertThat(o.absTolerance()).isZero();
    }
}
