package org.odelump.lumping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.odelump.dsl.DslPrinter;
import org.odelump.dsl.OdeParser;
import org.odelump.dsl.ParameterValues;
import org.odelump.dsl.ParametricDrifts;
import org.odelump.model.LumpedSystem;
import org.odelump.model.LumpedSystem.Method;
import org.odelump.model.OdeSystem;
import org.odelump.model.Parameter;
import org.odelump.model.Partition;
import org.odelump.numeric.Simulator;
import org.odelump.numeric.Trajectory;
import org.odelump.testutil.LumpingDefinitions;

/**
 * Reduced drifts with parameter names ({@link ParametricQuotient} with {@link ParametricDrifts}) are right for
 * other parameter values: a parameter scan on the printed and re-read reduced model agrees with the same scan on
 * the original, checked against the FE/BE definitions by brute force and along trajectories.
 */
class ParametricQuotientTest {

    private static final String EQUAL_RATES = "src/test/resources/params/equal_rates.ode";

    /** The reduced model with parameter names, printed and read back, and what was kept. */
    private record Kept(OdeSystem original, LumpedSystem lumped, OdeSystem reread, List<String> kept,
                        List<String> substituted) {
    }

    private static Kept reduceKeeping(String file, Method method) {
        OdeSystem original = OdeParser.parse(Path.of(file)).system();
        LumpedSystem lumped = new Reduction(original, method, Prepartition.NONE, Tolerance.DEFAULT).compute();
        ParametricDrifts.Extended e = ParametricDrifts.extend(original);
        ParametricQuotient.Result r = new ParametricQuotient(lumped, e.system(), e.together()).compute();
        Set<String> substituted = new LinkedHashSet<>(e.substituted().keySet());
        r.substituted().forEach(j -> substituted.add(e.parameter(j)));
        OdeSystem reduced = ParametricDrifts.model(lumped.reduced(), original, r.drifts(), e.indeterminates(),
                substituted);
        String text = DslPrinter.print(reduced, List.of(), DslPrinter.Drifts.SOURCES);
        OdeSystem reread = OdeParser.parse("reduced.ode", text).system();
        assertThat(reread).as("printed and parsed again:%n%s", text).isEqualTo(reduced);
        Set<String> kept = new LinkedHashSet<>();
        r.kept().forEach(j -> kept.add(e.parameter(j)));
        return new Kept(original, lumped, reread, List.copyOf(kept), List.copyOf(substituted));
    }

    /** New values for the named parameters: each its value times a random factor in [0.3, 3]. */
    private static Map<String, Double> scan(OdeSystem m, List<String> names, SplittableRandom rnd) {
        Map<String, Double> values = new HashMap<>();
        for (Parameter p : m.parameters()) {
            if (names.contains(p.name())) {
                values.put(p.name(), p.value() * (0.3 + 2.7 * rnd.nextDouble()));
            }
        }
        return values;
    }

    @ParameterizedTest
    @CsvSource({
        "ode-specs/mixed_fe_be.ode, FE, 's,kAB,kBA,k,p,kf,kr,dM', ''",
        "ode-specs/mixed_fe_be.ode, BE, 's,kAB,kBA,k,p,kf,kr,dM', ''",
        "ode-specs/circuit_hub.ode, BE, 'C,Ch,g1,g3,G,gh', ''",
        "ode-specs/lotka_volterra_two_prey.ode, FE, 'r,K,a,c,m', ''",
        "ode-specs/lotka_volterra_two_prey.ode, BE, 'r,K,a,c,m', ''",
        "src/test/resources/params/derived.ode, FE, 'g,g2,V', 'k1,k2,mu,loss'",
        "src/test/resources/params/derived.ode, BE, 'g,g2,V', 'k1,k2,mu,loss'",
        "src/test/resources/params/equal_rates.ode, FE, 'g,mu', 'k1,k2'",
        "src/test/resources/params/equal_rates.ode, BE, 'g,mu', 'k1,k2'",
    })
    void aParameterScanOnTheReducedModelMatchesTheOriginal(String file, Method method, String kept,
                                                           String substituted) {
        Kept k = reduceKeeping(file, method);
        assertThat(k.kept()).containsExactlyInAnyOrder(kept.isEmpty() ? new String[0] : kept.split(","));
        assertThat(k.substituted()).containsExactlyInAnyOrder(substituted.isEmpty() ? new String[0]
                : substituted.split(","));
        SplittableRandom rnd = new SplittableRandom(11);
        for (int trial = 0; trial < 5; trial++) {
            Map<String, Double> values = scan(k.original(), k.kept(), rnd);
            OdeSystem original = ParameterValues.apply(k.original(), values);
            OdeSystem reduced = ParameterValues.apply(k.reread(), values);
            assertThat(maxDefect(original, reduced, k.lumped(), rnd)).as("%s at %s", file, values)
                    .isLessThan(1e-9);
        }
    }

    /**
     * The largest relative violation of the definition at random points: FE |L·f(x) − f̂(L·x)|, BE |f_i(x) −
     * f̂_B(i)(y)| with x_i = y_B(i).
     */
    private static double maxDefect(OdeSystem original, OdeSystem reduced, LumpedSystem lumped, SplittableRandom rnd) {
        Partition p = lumped.partition();
        double worst = 0;
        for (int point = 0; point < 20; point++) {
            double[] x = new double[original.dimension()];
            double[] y = new double[p.size()];
            for (int b = 0; b < y.length; b++) {
                y[b] = 0.2 + 2 * rnd.nextDouble();
            }
            for (int v = 0; v < x.length; v++) {
                x[v] = lumped.method() == Method.BE ? y[p.blockOf(v)] : 0.1 + rnd.nextDouble();
            }
            double[] f = original.evaluate(x);
            double[] fHat = reduced.evaluate(lumped.method() == Method.BE ? y : lumped.lump(x));
            for (int b = 0; b < p.size(); b++) {
                double scale = 1 + Math.abs(fHat[b]);
                if (lumped.method() == Method.FE) {
                    worst = Math.max(worst, Math.abs(lumped.lump(f)[b] - fHat[b]) / scale);
                } else {
                    for (int v : p.block(b)) {
                        worst = Math.max(worst, Math.abs(f[v] - fHat[b]) / scale);
                    }
                }
            }
        }
        return worst;
    }

    @Test
    void trajectoriesAtNewParameterValuesAgree() {
        Kept k = reduceKeeping("ode-specs/mixed_fe_be.ode", Method.FE);
        Map<String, Double> values = Map.of("s", 2.5, "k", 0.4, "p", 0.05, "kf", 0.03, "dM", 0.2);
        OdeSystem original = ParameterValues.apply(k.original(), values);
        OdeSystem reduced = ParameterValues.apply(k.reread(), values);
        double[] times = Simulator.grid(20, 40);
        Trajectory a = new Simulator(original, times, Simulator.Options.DEFAULT).compute();
        Trajectory b = new Simulator(reduced, times, Simulator.Options.DEFAULT).compute();
        double worst = 0;
        double scale = 0;
        for (int t = 0; t < times.length; t++) {
            double[] y = k.lumped().lump(a.state(t));
            for (int i = 0; i < y.length; i++) {
                worst = Math.max(worst, Math.abs(y[i] - b.state(t)[i]));
                scale = Math.max(scale, Math.abs(y[i]));
            }
        }
        assertThat(scale).isGreaterThan(1); // the factor A + B grows to s/k: the scan moved the dynamics
        assertThat(worst).isLessThan(1e-7 * scale);
    }

    @Test
    void parametersTheLumpingReliesOnAreReallyNeeded() {
        // keeping k1 or k2 as a name would claim the reduction for k1 != k2, where it is no lumping at all
        OdeSystem m = OdeParser.parse(Path.of(EQUAL_RATES)).system();
        Partition pairs = Partition.fromLabels(new int[] {0, 0, 1});
        OdeSystem unequal = ParameterValues.apply(m, Map.of("k1", 1.0, "k2", 2.0));
        assertThat(LumpingDefinitions.isForward(m, pairs, new SplittableRandom(1), 1e-9)).isTrue();
        assertThat(LumpingDefinitions.isForward(unequal, pairs, new SplittableRandom(1), 1e-9)).isFalse();
        assertThat(LumpingDefinitions.isBackward(unequal, pairs, new SplittableRandom(1), 1e-9)).isFalse();
        Kept k = reduceKeeping(EQUAL_RATES, Method.FE);
        assertThat(k.reread().parameters()).extracting(Parameter::name).containsExactly("g", "mu");
        assertThat(DslPrinter.print(k.reread(), List.of(), DslPrinter.Drifts.SOURCES))
                .contains("d(x1) = -1.5*x1 + 2*g*y").contains("d(y) = 1.5*x1 - 2*g*y - mu*y");
    }

    @Test
    void divisorsAndDefinitionsKeepTheirMeaning() {
        Kept k = reduceKeeping("src/test/resources/params/derived.ode", Method.FE);
        String text = DslPrinter.print(k.reread(), List.of(), DslPrinter.Drifts.SOURCES);
        // g2 keeps its definition: changing g in the reduced file changes g2, as in the original
        assertThat(text).contains("  g2 = 2*g\n").contains("  V = 2\n")
                .contains("  d(x1) = -1.5*x1 + 2*g*y/V\n")
                .contains("  d(y) = 1.5*x1 - 0.2*y - g2*y/V - 0.9523809523809523*y^2\n");
        assertThat(k.reread().parameters()).extracting(Parameter::name).containsExactly("g", "g2", "V");
    }

    @Test
    void theKeptSetIsMaximalAndFoundWithFewRefinements() {
        // 20 pairs of twin pools: 17 share their rate a_i, 3 have two rates p_i, q_i that are merely equal
        StringBuilder params = new StringBuilder(" begin parameters\n  s = 0.5\n  m = 0.3\n");
        StringBuilder odes = new StringBuilder(" begin ODE\n");
        StringBuilder y = new StringBuilder("  d(y) = -m*y");
        for (int i = 0; i < 20; i++) {
            double rate = 1 + 0.1 * i;
            String r1 = i < 17 ? "a" + i : "p" + i;
            String r2 = i < 17 ? "a" + i : "q" + i;
            params.append("  ").append(r1).append(" = ").append(rate).append('\n');
            if (i >= 17) {
                params.append("  ").append(r2).append(" = ").append(rate).append('\n');
            }
            odes.append("  d(x").append(i).append(") = -").append(r1).append("*x").append(i).append(" + s*y\n");
            odes.append("  d(z").append(i).append(") = -").append(r2).append("*z").append(i).append(" + s*y\n");
            y.append(" + ").append(r1).append("*x").append(i).append(" + ").append(r2).append("*z").append(i);
        }
        String text = "begin model pairs\n" + params + " end parameters\n" + odes + y + "\n end ODE\nend model\n";
        OdeSystem m = OdeParser.parse("pairs.ode", text).system();
        LumpedSystem lumped = new Reduction(m, Method.FE, Prepartition.NONE, Tolerance.DEFAULT).compute();
        assertThat(lumped.partition().size()).isEqualTo(21);
        ParametricDrifts.Extended e = ParametricDrifts.extend(m);
        ParametricQuotient.Result r = new ParametricQuotient(lumped, e.system(), e.together()).compute();
        List<String> substituted = r.substituted().stream().map(e::parameter).toList();
        assertThat(substituted).containsExactly("p17", "q17", "p18", "q18", "p19", "q19");
        assertThat(r.kept()).hasSize(19);
        // one refinement per kept/refused decision would be 25; halving the groups needs fewer
        assertThat(r.checks()).isLessThan(25);
        // maximal: each substituted parameter alone at another value destroys the lumping, so none can be a name
        for (String name : substituted) {
            OdeSystem moved = ParameterValues.apply(m, Map.of(name, 3.0));
            assertThat(LumpingDefinitions.isForward(moved, lumped.partition(), new SplittableRandom(3), 1e-9))
                    .as(name).isFalse();
        }
    }

    @Test
    void anApproximateQuotientIsRefused() {
        OdeSystem m = OdeParser.parse(Path.of("ode-specs/circuit_hub_tolerances.ode")).system();
        LumpedSystem direct = new ApproximateReduction(m, Method.BE, Prepartition.NONE.initialPartition(m), "NONE",
                EpsilonSettings.of(0.2, EpsilonMode.ABS)).compute().lumped();
        assertThatThrownBy(() -> new ParametricQuotient(direct, ParametricDrifts.extend(m).system()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not exact");
    }
}
