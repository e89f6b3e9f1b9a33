package org.odelump.numeric;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.odelump.dsl.OdeParser;
import org.odelump.lumping.ApproximateReduction;
import org.odelump.lumping.EpsilonMode;
import org.odelump.lumping.EpsilonSettings;
import org.odelump.lumping.Grouping;
import org.odelump.lumping.PlantedFamily;
import org.odelump.lumping.Prepartition;
import org.odelump.lumping.Reduction;
import org.odelump.lumping.Tolerance;
import org.odelump.model.LumpedSystem;
import org.odelump.model.LumpedSystem.Method;
import org.odelump.model.OdeSystem;
import org.odelump.model.Partition;

class VerificationTest {

    private static final Verification.Options OPTS = new Verification.Options(5.0, 50,
            new Simulator.Options(1e-10, 1e-10, 500_000, 1e100), 1e-6);

    @Test
    void errorShrinksWithTheNoise() {
        for (Method method : Method.values()) {
            double previous = Double.POSITIVE_INFINITY;
            for (double delta : new double[] {1e-2, 1e-3, 1e-4}) {
                OdeSystem s = PlantedFamily.model(3, 4, delta, 5L);
                ApproximateReduction.Result r = new ApproximateReduction(s, method, Partition.single(12), "NONE",
                        new EpsilonSettings(0.3, EpsilonMode.ABS, Grouping.DIAMETER, Tolerance.DEFAULT)).compute();
                assertThat(r.lumped().partition()).isEqualTo(PlantedFamily.planted(3, 4));
                Verification.Report rep = Verification.of(s, r.lumped(), OPTS).compute();
                assertThat(rep.failure()).isEmpty();
                assertThat(rep.maxRel()).as(method + " δ=" + delta).isGreaterThan(0).isLessThan(previous / 3);
                assertThat(rep.maxRel()).isLessThan(20 * delta);
                previous = rep.maxRel();
            }
            assertThat(previous).isLessThan(OPTS.tolerance() * 1e3);
        }
    }

    @Test
    void exactReductionPassesAndMapsBlocks() {
        OdeSystem s = OdeParser.parse(Path.of("ode-specs/multisite2.ode")).system();
        LumpedSystem l = new Reduction(s, Method.FE, Prepartition.USER, Tolerance.DEFAULT).compute();
        Verification.Report r = Verification.of(s, l, OPTS).compute();
        assertThat(r.passed()).isTrue();
        assertThat(r.maxRel()).isLessThan(1e-8);
        int b = l.reduced().indexOf("S01");
        assertThat(r.blockSizes()[b]).isEqualTo(2);
        double[] x = new Simulator(s, new double[] {0, 0.1}, OPTS.integration()).compute().state(1);
        assertThat(r.mapped()[1][b]).isEqualTo(x[s.indexOf("S01")] + x[s.indexOf("S10")]);
    }

    @Test
    void robertsonIsReportedAsStiff() {
        OdeSystem s = OdeParser.parse(Path.of("ode-specs/robertson.ode")).system();
        LumpedSystem l = new Reduction(s, Method.FE, Prepartition.NONE, Tolerance.DEFAULT).compute();
        Verification.Options o = new Verification.Options(1e4, 20, new Simulator.Options(1e-8, 1e-8, 100_000, 1e100),
                1e-6);
        Verification.Report r = Verification.of(s, l, o).compute();
        assertThat(r.passed()).isFalse();
        assertThat(r.failure()).contains("the original model: the model looks stiff (Robertson-like); the explicit "
                + "Dormand–Prince method would need more than 100,000 evaluations");
    }

    @Test
    void aLongNonStiffRunIsNotCalledStiff() {
        OdeSystem s = OdeParser.parse(Path.of("ode-specs/lotka_volterra.ode")).system();
        LumpedSystem l = new Reduction(s, Method.FE, Prepartition.NONE, Tolerance.DEFAULT).compute();
        Verification.Options o = new Verification.Options(1e4, 20, new Simulator.Options(1e-8, 1e-8, 100_000, 1e100),
                1e-6);
        Verification.Report r = Verification.of(s, l, o).compute();
        assertThat(r.passed()).isFalse();
        assertThat(r.failure()).contains("the evaluation budget of 100000 was used up").doesNotContain("stiff");
    }

    @Test
    void blowUpIsReportedNotHung() {
        OdeSystem s = OdeParser.parse("blow.ode", """
                begin model blow
                 begin init
                  x = 1
                  y = 1
                 end init
                 begin ODE
                  d(x) = x^2
                  d(y) = y^2
                 end ODE
                end model
                """).system();
        LumpedSystem l = new Reduction(s, Method.FE, Prepartition.NONE, Tolerance.DEFAULT).compute();
        Verification.Report r = Verification.of(s, l, OPTS).compute();
        assertThat(r.passed()).isFalse();
        assertThat(r.failure()).contains("step size underflow (the solution probably blows up");
    }
}
