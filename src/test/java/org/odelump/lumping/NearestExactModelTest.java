package org.odelump.lumping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.odelump.model.LumpedSystem;
import org.odelump.model.LumpedSystem.Method;
import org.odelump.model.OdeSystem;
import org.odelump.model.Partition;
import org.odelump.model.Polynomial;

class NearestExactModelTest {

    @Test
    void makesTheEpsilonPartitionExactWithNoMoreChangeThanTheNoise() {
        for (Method method : Method.values()) {
            for (double delta : new double[] {1e-2, 1e-3}) {
                OdeSystem noisy = PlantedFamily.model(3, 4, delta, 11L);
                OdeSystem clean = PlantedFamily.model(3, 4, 0.0, 11L);
                Partition h0 = Partition.single(noisy.dimension());
                Partition eps = new EpsilonEquivalence(noisy, method, h0, 0.2, EpsilonMode.ABS, Grouping.DIAMETER,
                        Tolerance.DEFAULT).compute().partition();
                assertThat(eps).isEqualTo(PlantedFamily.planted(3, 4));
                NearestExactModel.Result r = NearestExactModel.coefficients(noisy, method, eps);
                Partition exact = method == Method.FE
                        ? new ForwardEquivalence(r.model(), h0, Tolerance.DEFAULT).compute()
                        : new BackwardEquivalence(r.model(), h0, Tolerance.DEFAULT).compute();
                assertThat(eps.refines(exact)).as(method + " δ=" + delta).isTrue();
                // the clean model is one exact model with the same monomials, so the nearest is no farther
                double noise = distance(noisy, clean);
                assertThat(r.changeNorm2()).isGreaterThan(0).isLessThanOrEqualTo(noise * (1 + 1e-9));
                assertThat(r.changeMax()).isLessThanOrEqualTo(r.changeNorm2());
                // and its exact reduction passes the algebraic self-check
                LumpedSystem l = new QuotientBuilder(r.model(), method, h0, "NONE", eps, Tolerance.DEFAULT).compute();
                assertThat(new LumpingCheck(l, 16, 3L, 1e-9).compute().passed()).isTrue();
            }
        }
    }

    @Test
    void forcedZeroWhenAMemberLacksATerm() {
        // x0' = -x0 + 0.1, x1' = -1.05 x1: BE of {x0, x1} needs equal constants, x1 has none, so 0.1 goes
        OdeSystem s = OdeSystem.builder("z").variables("x0", "x1").initialValues(new double[] {1, 1})
                .drifts(java.util.List.of(Polynomial.variable(0).negate().plus(Polynomial.constant(0.1)),
                        Polynomial.variable(1).scale(-1.05)))
                .build();
        Partition p = Partition.single(2);
        NearestExactModel.Result r = NearestExactModel.coefficients(s, Method.BE, p);
        assertThat(r.model().drift(0).size()).isEqualTo(1);
        assertThat(r.model().drift(0).coefficient(0)).isCloseTo(-1.025, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(r.model().drift(1).coefficient(0)).isCloseTo(-1.025, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(r.changeNorm2()).isCloseTo(Math.sqrt(0.01 + 2 * 0.025 * 0.025),
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(new BackwardEquivalence(r.model(), p, Tolerance.DEFAULT).compute()).isEqualTo(p);
    }

    @Test
    void backwardNearestModelAlsoEqualisesInitialValues() {
        OdeSystem s = org.odelump.dsl.OdeParser.parse(java.nio.file.Path.of("ode-specs/circuit_hub_tolerances.ode"))
                .system();
        Partition p = Partition.fromLabels(new int[] {0, 1, 1, 1, 1});
        NearestExactModel.Result r = NearestExactModel.coefficients(s, Method.BE, p);
        // v1 = v2 = 0.5 and v3 = v4 = -0.2 all move to the mean 0.15
        assertThat(r.model().initialValues()).containsExactly(new double[] {0, 0.15, 0.15, 0.15, 0.15},
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(r.initialChangeNorm2()).isCloseTo(0.7, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(r.initialChangeMax()).isCloseTo(0.35, org.assertj.core.data.Offset.offset(1e-12));
        LumpedSystem l = new QuotientBuilder(r.model(), Method.BE, Partition.single(5), "NONE", p,
                Tolerance.DEFAULT).compute();
        assertThat(l.warnings()).isEmpty();
        assertThat(NearestExactModel.coefficients(s, Method.FE, Partition.single(5)).initialChangeMax()).isZero();
    }

    private static double distance(OdeSystem a, OdeSystem b) {
        double s = 0.0;
        for (int i = 0; i < a.dimension(); i++) {
            Polynomial d = a.drift(i).minus(b.drift(i));
            for (int t = 0; t < d.size(); t++) {
                s += d.coefficient(t) * d.coefficient(t);
            }
        }
        return Math.sqrt(s);
    }
}
