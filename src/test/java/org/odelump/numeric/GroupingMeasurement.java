package org.odelump.numeric;

import java.nio.file.Path;
import java.util.Locale;
import org.odelump.dsl.OdeParser;
import org.odelump.lumping.ApproximateReduction;
import org.odelump.lumping.EpsilonMode;
import org.odelump.lumping.EpsilonSettings;
import org.odelump.lumping.Grouping;
import org.odelump.lumping.PlantedFamily;
import org.odelump.lumping.Prepartition;
import org.odelump.lumping.Tolerance;
import org.odelump.model.LumpedSystem.Method;
import org.odelump.model.OdeSystem;
import org.odelump.model.Partition;

/**
 * Measurement (not a JUnit test) behind the default grouping rule: for several models, methods and ε, the number
 * of blocks and the verification error (max relative error of the direct quotient, t in [0, 10]) of the
 * {@code components} and {@code diameter} rules. Run with
 * {@code java -cp target/classes:target/test-classes:<deps> org.odelump.numeric.GroupingMeasurement}.
 */
public final class GroupingMeasurement {

    private GroupingMeasurement() {
    }

    public static void main(String[] args) {
        Verification.Options opts = new Verification.Options(10.0, 100,
                new Simulator.Options(1e-9, 1e-9, 2_000_000, 1e100), 0.0);
        OdeSystem ladder = PlantedFamily.model(10, 3, 1e-3, 3L);
        OdeSystem circuit = OdeParser.parse(Path.of("ode-specs/circuit_hub_tolerances.ode")).system();
        OdeSystem becker = OdeParser.parse(Path.of("ode-specs/becker_doring_tolerances.ode")).system();
        OdeSystem chain = OdeParser.parse(Path.of("ode-specs/linear_chain.ode")).system();
        Object[][] cases = {
            {"planted 10x3 (a_g = 1 + 0.7g), delta=1e-3", ladder, Partition.single(30)},
            {"circuit_hub_tolerances, ic", circuit, Prepartition.IC.initialPartition(circuit)},
            {"becker_doring_tolerances", becker, Partition.single(6)},
            {"linear_chain", chain, Partition.single(6)},
        };
        System.out.printf(Locale.ROOT, "%-45s %-3s %-7s %-10s %6s %12s%n", "model", "m", "eps", "grouping", "blocks",
                "max rel err");
        for (Object[] c : cases) {
            long t0 = System.nanoTime();
            OdeSystem s = (OdeSystem) c[1];
            for (Method m : Method.values()) {
                for (double eps : new double[] {0.01, 0.03, 0.1, 0.3, 1.0}) {
                    for (Grouping g : Grouping.values()) {
                        ApproximateReduction.Result r = new ApproximateReduction(s, m, (Partition) c[2], "x",
                                new EpsilonSettings(eps, EpsilonMode.REL, g, Tolerance.DEFAULT)).compute();
                        Verification.Report rep = Verification.of(s, r.lumped(), opts).compute();
                        System.out.printf(Locale.ROOT, "%-45s %-3s %-7s %-10s %6d %12.3e%s%n", c[0], m, eps,
                                g.name().toLowerCase(Locale.ROOT), r.lumped().partition().size(), rep.maxRel(),
                                rep.failure().isEmpty() ? "" : " FAILED " + rep.failure());
                    }
                }
            }
            System.out.printf(Locale.ROOT, "(%s: %.1f s)%n", c[0], (System.nanoTime() - t0) / 1e9);
        }
    }
}
