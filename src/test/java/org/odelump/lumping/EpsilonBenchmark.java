package org.odelump.lumping;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.odelump.io.BngNetReader;
import org.odelump.model.LumpedSystem.Method;
import org.odelump.model.OdeSystem;
import org.odelump.model.Partition;

/**
 * Benchmark (not a JUnit test): ε-FE and ε-BE on a BioNetGen network, by default the shared corpus'
 * {@code fceri_fyn.net} (1,281 species, 15,256 reactions), for several ε, both grouping rules, starting from one
 * block. Prints the time (best of three runs after one warm-up), rounds, L1 distances computed and block counts.
 * Run with
 * {@code java -cp target/classes:target/test-classes:<deps> org.odelump.lumping.EpsilonBenchmark [file.net]}.
 */
public final class EpsilonBenchmark {

    private EpsilonBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "../shared/corpus/RuleWorld_bionetgen/net/fceri_fyn.net");
        long t0 = System.nanoTime();
        OdeSystem sys = BngNetReader.read(file).system();
        System.out.printf(Locale.ROOT, "%s: %d variables, %d terms, loaded in %.2f s%n", file, sys.dimension(),
                sys.termCount(), (System.nanoTime() - t0) / 1e9);
        Partition h0 = Partition.single(sys.dimension());
        for (Method method : Method.values()) {
            long e0 = System.nanoTime();
            Partition exact = method == Method.FE ? new ForwardEquivalence(sys, h0, Tolerance.DEFAULT).compute()
                    : new BackwardEquivalence(sys, h0, Tolerance.DEFAULT).compute();
            System.out.printf(Locale.ROOT, "exact %s: %d blocks in %.3f s (first run)%n", method, exact.size(),
                    (System.nanoTime() - e0) / 1e9);
            for (Grouping g : Grouping.values()) {
                for (double eps : new double[] {0.0, 1e-3, 1e-1, 1.0, 10.0}) {
                    EpsilonEquivalence alg = new EpsilonEquivalence(sys, method, h0, eps, EpsilonMode.ABS, g,
                            Tolerance.DEFAULT);
                    alg.compute();
                    double best = Double.MAX_VALUE;
                    EpsilonEquivalence.Result r = null;
                    for (int rep = 0; rep < 3; rep++) {
                        long s = System.nanoTime();
                        r = alg.compute();
                        best = Math.min(best, (System.nanoTime() - s) / 1e9);
                    }
                    System.out.printf(Locale.ROOT,
                            "eps-%s %-10s eps=%-6s: %5d blocks, %3d rounds, %9d distances, %.3f s%s%n", method,
                            g.name().toLowerCase(Locale.ROOT), eps, r.partition().size(), r.rounds(), r.distances(),
                            best, eps == 0.0 ? (r.partition().equals(exact) ? " (= exact)" : " (DIFFERS from exact)")
                                    : "");
                }
            }
            EpsilonEquivalence.Result r = new EpsilonEquivalence(sys, method, h0, 1.0, EpsilonMode.ABS,
                    Grouping.COMPONENTS, Tolerance.DEFAULT).compute();
            long n0 = System.nanoTime();
            NearestExactModel.Result near = NearestExactModel.coefficients(sys, method, r.partition());
            double nearSeconds = (System.nanoTime() - n0) / 1e9;
            Partition check = method == Method.FE ? new ForwardEquivalence(near.model(), h0, Tolerance.DEFAULT)
                    .compute() : new BackwardEquivalence(near.model(), h0, Tolerance.DEFAULT).compute();
            System.out.printf(Locale.ROOT, "nearest exact %s model (coefficients) for eps=1 components (%d blocks): "
                            + "%.3f s, %d coefficients changed, 2-norm %.4g, max %.4g; partition exact: %s%n", method,
                    r.partition().size(), nearSeconds, near.changed(), near.changeNorm2(), near.changeMax(),
                    r.partition().refines(check));
        }
    }
}
