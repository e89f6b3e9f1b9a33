package org.odelump.lumping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.odelump.dsl.OdeParser;
import org.odelump.lumping.RandomSystems.Kind;
import org.odelump.model.LumpedSystem.Method;
import org.odelump.model.OdeSystem;
import org.odelump.model.Partition;

/** At ε = 0 both grouping rules return exactly the coarsest FE/BE, on every ode-specs model and random systems. */
class EpsilonZeroTest {

    @Test
    void everyOdeSpecModelEveryPrepartition() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("ode-specs"))) {
            files = s.filter(p -> p.toString().endsWith(".ode")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(22);
        int compared = 0;
        for (Path file : files) {
            OdeSystem sys = OdeParser.parse(file).system();
            for (Prepartition pre : List.of(Prepartition.NONE, Prepartition.IC, Prepartition.USER_IC)) {
                Partition h0 = pre.initialPartition(sys);
                compared += compareAll(sys, h0, file + " " + pre);
            }
        }
        assertThat(compared).isGreaterThan(100);
    }

    @Test
    void randomSystems() {
        SplittableRandom rnd = new SplittableRandom(4242L);
        Kind[] kinds = Kind.values();
        for (int s = 0; s < 400; s++) {
            int n = rnd.nextInt(2, 12);
            List<RandomSystems.Term> terms = RandomSystems.generate(rnd, kinds[s % kinds.length], n,
                    rnd.nextInt(1, 4), rnd.nextInt(3) == 0);
            double[] init = new double[n];
            for (int i = 0; i < n; i++) {
                init[i] = RandomSystems.INITIAL[rnd.nextInt(RandomSystems.INITIAL.length)];
            }
            OdeSystem sys = RandomSystems.build("r" + s, n, terms, init);
            Partition h0 = rnd.nextBoolean() ? Partition.single(n)
                    : Partition.fromLabels(RandomSystems.randomLabels(rnd, n, 2));
            compareAll(sys, h0, "random system " + s + " " + sys.drifts());
        }
    }

    private static int compareAll(OdeSystem sys, Partition h0, String what) {
        Partition fe = new ForwardEquivalence(sys, h0, Tolerance.DEFAULT).compute();
        Partition be = new BackwardEquivalence(sys, h0, Tolerance.DEFAULT).compute();
        for (EpsilonMode mode : EpsilonMode.values()) {
            for (Grouping g : Grouping.values()) {
                assertThat(new EpsilonEquivalence(sys, Method.FE, h0, 0.0, mode, g, Tolerance.DEFAULT).compute()
                        .partition()).as("ε-FE %s %s of %s", mode, g, what).isEqualTo(fe);
                assertThat(new EpsilonEquivalence(sys, Method.BE, h0, 0.0, mode, g, Tolerance.DEFAULT).compute()
                        .partition()).as("ε-BE %s %s of %s", mode, g, what).isEqualTo(be);
            }
        }
        return 8;
    }
}
