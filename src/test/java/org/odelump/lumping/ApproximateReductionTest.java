package org.odelump.lumping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.odelump.dsl.OdeParser;
import org.odelump.dsl.ParameterValues;
import org.odelump.model.LumpedSystem;
import org.odelump.model.LumpedSystem.Method;
import org.odelump.model.OdeSystem;
import org.odelump.model.Partition;
import org.odelump.model.Polynomial;

/** The approximate reduction records its settings, and says in a typed failure why a nearest model is impossible. */
class ApproximateReductionTest {

    private static final OdeSystem HUB = OdeParser.parse(Path.of("ode-specs/circuit_hub_tolerances.ode")).system();

    private static ApproximateReduction hub(double epsilon) {
        Partition ic = Prepartition.combine(HUB, java.util.Set.of(Prepartition.IC), List.of());
        return new ApproximateReduction(HUB, Method.BE, ic, "IC",
                new EpsilonSettings(epsilon, EpsilonMode.ABS, Grouping.COMPONENTS, Tolerance.DEFAULT));
    }

    @Test
    void theLumpedSystemCarriesTheSettingsAndTheChange() {
        LumpedSystem direct = hub(0.3).compute().lumped();
        LumpedSystem.Approximation a = direct.approximation().orElseThrow();
        assertThat(a.epsilon()).isEqualTo(0.3);
        assertThat(a.mode()).isEqualTo("abs");
        assertThat(a.grouping()).isEqualTo("components");
        assertThat(a.direct()).isTrue();
        assertThat(direct.tolerance()).isEqualTo(1e-12);

        ApproximateReduction.Result near = hub(0.3).computeNearestByParameters(
                ApproximateReduction.parameterNames(HUB, List.of("all")), v -> ParameterValues.apply(HUB, v));
        LumpedSystem.NearestChange c = near.lumped().approximation().orElseThrow().nearest();
        assertThat(c.perturbed()).isEqualTo(near.nearest().what());
        assertThat(c.newValues()).hasSize(HUB.parameters().size());
        assertThat(c.changeNorm2()).isPositive().isEqualTo(near.nearest().changeNorm2());
        assertThat(LumpingCheck.ofDefaults(near.lumped()).compute().passed()).isTrue();
    }

    @Test
    void parametersThatCannotMakeThePartitionExactAreATypedFailure() {
        assertThatThrownBy(() -> hub(0.3).computeNearestByParameters(List.of("gh"),
                v -> ParameterValues.apply(HUB, v)))
                .isInstanceOfSatisfying(ReductionException.class,
                        e -> assertThat(e.kind()).isEqualTo(ReductionException.Kind.NOT_EXACT_BY_PARAMETERS))
                .hasMessageContaining("perturbing gh cannot make the partition an exact BE");
    }

    @Test
    void unknownParametersAndModelsWithoutExpressionsAreTypedFailures() {
        assertThatThrownBy(() -> ApproximateReduction.parameterNames(HUB, List.of("nope")))
                .isInstanceOfSatisfying(ReductionException.class,
                        e -> assertThat(e.kind()).isEqualTo(ReductionException.Kind.UNKNOWN_PARAMETER))
                .hasMessage("'nope' is no parameter of the model");
        OdeSystem generated = OdeSystem.builder("g").variables("x", "y")
                .drifts(List.of(Polynomial.variable(1), Polynomial.variable(0))).build();
        assertThatThrownBy(() -> ApproximateReduction.parameterNames(generated, List.of("all")))
                .isInstanceOfSatisfying(ReductionException.class,
                        e -> assertThat(e.kind()).isEqualTo(ReductionException.Kind.UNKNOWN_PARAMETER));
        ApproximateReduction ar = new ApproximateReduction(generated, Method.FE, Partition.single(2), "NONE",
                EpsilonSettings.of(0.1, EpsilonMode.ABS));
        assertThatThrownBy(() -> ar.computeNearestByParameters(List.of("k"), v -> generated))
                .isInstanceOfSatisfying(ReductionException.class,
                        e -> assertThat(e.kind()).isEqualTo(ReductionException.Kind.NO_RATE_EXPRESSIONS));
    }

    @Test
    void settingsRejectANegativeOrInfiniteEpsilon() {
        assertThatThrownBy(() -> EpsilonSettings.of(-1, EpsilonMode.ABS)).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> EpsilonSettings.of(Double.NaN, EpsilonMode.REL)).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> EpsilonSettings.of(Double.POSITIVE_INFINITY, EpsilonMode.REL))
                .hasMessageContaining("finite");
        assertThat(EpsilonSettings.of(0.5, EpsilonMode.REL).withEpsilon(0.25))
                .isEqualTo(new EpsilonSettings(0.25, EpsilonMode.REL, Grouping.COMPONENTS, Tolerance.DEFAULT));
    }
}
