package org.odelump.lumping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.odelump.dsl.DslPrinter;
import org.odelump.dsl.OdeParser;
import org.odelump.io.BngNetReader;
import org.odelump.model.ExprPolynomials;
import org.odelump.model.LumpedSystem;
import org.odelump.model.LumpedSystem.Method;
import org.odelump.model.OdeSystem;
import org.odelump.model.Parameter;
import org.odelump.model.Partition;
import org.odelump.model.Polynomial;
import org.odelump.model.View;
import org.odelump.numeric.Simulator;
import org.odelump.numeric.Trajectory;
import org.odelump.testutil.SameDrifts;
import org.odelump.testutil.SharedCorpus;

/**
 * What a reduced model keeps of its origin: views (observables) rewritten on the reduced variables and equal to
 * the original's along trajectories, reduced reactions whose ODEs are the reduced drifts, and named parameters
 * that still give the quotient after a parameter changes.
 */
class ReducedModelKeepsTest {

    private static OdeSystem spec(String file) {
        return OdeParser.parse(Path.of("ode-specs", file)).system();
    }

    private static LumpedSystem reduce(OdeSystem m, Method method, Partition initial) {
        return new Reduction(m, method, initial, "TEST", Tolerance.DEFAULT).compute();
    }

    private static Polynomial polynomial(OdeSystem m, View v) {
        Map<String, Double> params = new HashMap<>();
        for (Parameter p : m.parameters()) {
            params.put(p.name(), p.value());
        }
        return ExprPolynomials.toPolynomial(v.expression(), m::indexOf, params);
    }

    private static View view(OdeSystem m, String name) {
        return m.views().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
    }

    /** Largest |view(original) − view(reduced)| over a trajectory, relative to the view's largest magnitude. */
    private static double viewMismatch(LumpedSystem l, String name, double tEnd) {
        double[] times = Simulator.grid(tEnd, 50);
        Trajectory a = new Simulator(l.origin(), times, Simulator.Options.DEFAULT).compute();
        Trajectory b = new Simulator(l.reduced(), times, Simulator.Options.DEFAULT).compute();
        assertThat(a.status()).isEqualTo(Trajectory.Status.COMPLETED);
        assertThat(b.status()).isEqualTo(Trajectory.Status.COMPLETED);
        Polynomial pa = polynomial(l.origin(), view(l.origin(), name));
        Polynomial pb = polynomial(l.reduced(), view(l.reduced(), name));
        double worst = 0.0;
        double scale = 1e-300;
        for (int k = 0; k < times.length; k++) {
            double va = pa.evaluate(a.state(k));
            worst = Math.max(worst, Math.abs(va - pb.evaluate(b.state(k))));
            scale = Math.max(scale, Math.abs(va));
        }
        return worst / scale;
    }

    @Test
    void feKeepsAViewOnlyWhenItIsASumOfWholeBlocksAndSaysHowToKeepIt() {
        OdeSystem m = spec("multisite2.ode");
        LumpedSystem plain = reduce(m, Method.FE, Partition.single(m.dimension()));
        assertThat(plain.reduced().views()).extracting(View::name).doesNotContain("onePhospho");
        assertThat(plain.warnings()).anySatisfy(w -> assertThat(w)
                .startsWith("view onePhospho is not kept in the reduced model: it weights the members of block")
                .endsWith("--observe onePhospho (prepartition observe) keeps it"));

        Partition observe = Prepartition.OBSERVE.initialPartition(m, List.of(Set.of("S01", "S10")));
        LumpedSystem kept = reduce(m, Method.FE, observe);
        assertThat(kept.isReduction()).isTrue();
        assertThat(kept.warnings()).noneMatch(w -> w.contains("onePhospho"));
        assertThat(viewMismatch(kept, "onePhospho", 5.0)).isLessThan(1e-7);
    }

    @Test
    void beKeepsPolynomialViewsOnRepresentatives() {
        OdeSystem m = spec("multisite2.ode");
        LumpedSystem be = reduce(m, Method.BE, Prepartition.IC.initialPartition(m));
        assertThat(be.isReduction()).isTrue();
        assertThat(view(be.reduced(), "onePhospho")).isNotNull();
        assertThat(viewMismatch(be, "onePhospho", 5.0)).isLessThan(1e-7);
    }

    @Test
    void bioNetGenGroupsSurviveReductionAlongTrajectories() {
        Path f = SharedCorpus.requireCorpus().resolve("RuleWorld_bionetgen/net/toy-jim.net");
        OdeSystem m = BngNetReader.read(f).system();
        assertThat(m.views()).hasSizeGreaterThan(3);
        LumpedSystem fe = reduce(m, Method.FE, Partition.single(m.dimension()));
        assertThat(fe.isReduction()).isTrue();
        List<String> kept = fe.reduced().views().stream().map(View::name)
                .filter(n -> m.views().stream().anyMatch(v -> v.name().equals(n))).toList();
        List<String> dropped = m.views().stream().map(View::name).filter(n -> !kept.contains(n)).toList();
        assertThat(kept).isNotEmpty();
        assertThat(dropped).isNotEmpty();
        for (String name : kept) {
            assertThat(viewMismatch(fe, name, 10.0)).as(name).isLessThan(1e-6);
        }
        for (String name : dropped) {
            assertThat(fe.warnings()).as(name).anyMatch(w -> w.startsWith("view " + name + " is not kept"));
        }
        // an observe prepartition on the dropped groups (one set per weight) keeps them too
        List<Set<String>> sets = new ArrayList<>();
        for (String name : dropped) {
            Polynomial p = polynomial(m, view(m, name));
            Map<Double, Set<String>> byWeight = new TreeMap<>();
            for (int t = 0; t < p.size(); t++) {
                byWeight.computeIfAbsent(p.coefficient(t), w -> new LinkedHashSet<>())
                        .add(m.variableNames().get(p.monomial(t).var(0)));
            }
            sets.addAll(byWeight.values());
        }
        LumpedSystem observed = reduce(m, Method.FE, Prepartition.OBSERVE.initialPartition(m, sets));
        for (String name : dropped) {
            assertThat(viewMismatch(observed, name, 10.0)).as(name).isLessThan(1e-6);
        }
    }

    @Test
    void reducedReactionsGiveTheReducedDrifts() throws IOException {
        List<OdeSystem> models = new ArrayList<>();
        for (String f : List.of("multisite2.ode", "multisite2_complexes.ode", "multisite4.ode", "binding_sites.ode",
                "homodimer_be_only.ode", "random_network_planted.ode", "becker_doring.ode", "sir.ode")) {
            models.add(spec(f));
        }
        Path net = SharedCorpus.rootOrNull() == null ? null
                : SharedCorpus.requireCorpus().resolve("RuleWorld_bionetgen/net/toy-jim.net");
        if (net != null && Files.exists(net)) {
            models.add(BngNetReader.read(net).system());
        }
        int reduced = 0;
        for (OdeSystem m : models) {
            assertThat(ReducedReactions.applies(m)).as(m.name()).isTrue();
            for (Method method : Method.values()) {
                Partition initial = method == Method.BE ? Prepartition.IC.initialPartition(m)
                        : Partition.single(m.dimension());
                LumpedSystem l = reduce(m, method, initial);
                OdeSystem r = l.reduced();
                assertThat(r.isReactionNetwork()).isTrue();
                List<Polynomial> fromReactions = OdeSystem.Builder.driftsOf(r.dimension(), r.reactions());
                assertThat(SameDrifts.differences(fromReactions, r.drifts(), r.variableNames(), 4, 7L, 1e-12))
                        .as(m.name() + " " + method).isEmpty();
                assertThat(r.reactions().size()).isLessThanOrEqualTo(m.reactions().size());
                if (l.isReduction()) {
                    reduced++;
                }
            }
        }
        assertThat(reduced).isGreaterThanOrEqualTo(8);
    }

    @Test
    void keptParameterNamesStillGiveTheQuotientAfterAParameterChange() {
        OdeSystem m = spec("multisite2_complexes.ode");
        for (Method method : Method.values()) {
            Partition initial = Prepartition.combine(m, List.of(Prepartition.USER, Prepartition.IC), List.of());
            LumpedSystem l = reduce(m, method, initial);
            assertThat(l.isReduction()).isTrue();
            String original = DslPrinter.print(m);
            String reducedText = DslPrinter.print(l.reduced());
            assertThat(reducedText).contains("kon = 0.02").containsPattern(", kon\\b");
            OdeSystem scanned = OdeParser.parse("o.ode", original.replace("kon = 0.02", "kon = 0.37")).system();
            OdeSystem reducedScanned = OdeParser.parse("r.ode", reducedText.replace("kon = 0.02", "kon = 0.37"))
                    .system();
            // the same partition is still an equivalence of the changed model, and the changed reduced model is
            // its quotient
            OdeSystem expected = new QuotientBuilder(scanned, method, initial, "TEST", l.partition(), Tolerance.DEFAULT)
                    .compute().reduced();
            assertThat(SameDrifts.differences(reducedScanned.drifts(), expected.drifts(), expected.variableNames(), 4,
                    11L, 1e-12)).as(method.name()).isEmpty();
            assertThat(SameDrifts.differences(reducedScanned.drifts(), l.reduced().drifts(),
                    expected.variableNames(), 1, 11L, 1e-12)).as("the change matters").isNotEmpty();
        }
    }
}
