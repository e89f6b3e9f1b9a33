package org.odelump.lumping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.odelump.lumping.RandomSystems.Kind;
import org.odelump.lumping.RandomSystems.Term;
import org.odelump.model.LumpedSystem;
import org.odelump.model.LumpedSystem.Method;
import org.odelump.model.OdeSystem;
import org.odelump.model.Partition;
import org.odelump.testutil.LumpingDefinitions;
import org.odelump.numeric.Simulator;
import org.odelump.numeric.TrajectoryCheck;

/**
 * Compares the refinement algorithms with the definitions of FE and BE on hundreds of small random systems: all
 * set partitions refining the initial partition are enumerated, each is checked against the definition
 * numerically, and the coarsest passing one must be unique (every passing partition refines it) and equal to what
 * the algorithm returns.
 */
class BruteForceTest {

    private static final int SYSTEMS = 520;
    private static final double DEFINITION_TOL = 1e-9;

    @Test
    void coarsestEquivalencesMatchEnumeration() {
        SplittableRandom rnd = new SplittableRandom(20261125L);
        Kind[] kinds = Kind.values();
        int nonTrivialFe = 0;
        int nonTrivialBe = 0;
        int simulated = 0;
        for (int s = 0; s < SYSTEMS; s++) {
            int n = rnd.nextInt(2, 8);
            Kind kind = kinds[s % kinds.length];
            boolean constants = rnd.nextInt(3) == 0;
            List<Term> terms = RandomSystems.generate(rnd, kind, n, rnd.nextInt(1, 4), constants);
            double[] init = new double[n];
            for (int i = 0; i < n; i++) {
                init[i] = RandomSystems.INITIAL[rnd.nextInt(RandomSystems.INITIAL.length)];
            }
            OdeSystem sys = RandomSystems.build("r" + s, n, terms, init);
            int choice = rnd.nextInt(5);
            Partition h0 = choice <= 2 ? Partition.single(n)
                    : choice == 3 ? Partition.fromLabels(RandomSystems.randomLabels(rnd, n, 2))
                    : Prepartition.IC.initialPartition(sys);
            String what = "system " + s + " (" + kind + ", n=" + n + ", H0=" + h0 + "): " + sys.drifts();

            Partition fe = new ForwardEquivalence(sys, h0, Tolerance.DEFAULT).compute();
            Partition be = new BackwardEquivalence(sys, h0, Tolerance.DEFAULT).compute();
            Partition feBrute = coarsest(sys, h0, true, rnd, what);
            Partition beBrute = coarsest(sys, h0, false, rnd, what);
            assertThat(fe).as("FE of " + what).isEqualTo(feBrute);
            assertThat(be).as("BE of " + what).isEqualTo(beBrute);
            if (fe.size() < n) {
                nonTrivialFe++;
            }
            if (be.size() < n) {
                nonTrivialBe++;
            }

            for (Method m : Method.values()) {
                LumpedSystem l = new QuotientBuilder(sys, m, h0, "TEST", m == Method.FE ? fe : be,
                        Tolerance.DEFAULT).compute();
                LumpingCheck.Result check = new LumpingCheck(l, 4, s, 1e-9).compute();
                assertThat(check.passed()).as(check.detail() + " for " + what).isTrue();
                if (s % 8 == 0) {
                    TrajectoryCheck.Result r = new TrajectoryCheck(l, Simulator.grid(0.2, 4),
                            new Simulator.Options(1e-10, 1e-10, 200_000, 1e12), 1e-6).compute();
                    if (r.original().status() == org.odelump.numeric.Trajectory.Status.COMPLETED) {
                        assertThat(r.passed()).as(r.detail() + " for " + m + " of " + what).isTrue();
                        simulated++;
                    }
                }
            }
        }
        // the planted structures must make the comparison meaningful
        assertThat(nonTrivialFe).isGreaterThan(SYSTEMS / 5);
        assertThat(nonTrivialBe).isGreaterThan(SYSTEMS / 5);
        assertThat(simulated).isGreaterThan(SYSTEMS / 10);
    }

    @Test
    void sameInputGivesSamePartitionAndRelabellingCommutes() {
        SplittableRandom rnd = new SplittableRandom(7L);
        Kind[] kinds = Kind.values();
        for (int s = 0; s < 200; s++) {
            int n = rnd.nextInt(2, 8);
            List<Term> terms = RandomSystems.generate(rnd, kinds[s % kinds.length], n, 3, s % 3 == 0);
            double[] init = new double[n];
            OdeSystem a = RandomSystems.build("a", n, terms, init);
            List<Term> shuffledTerms = new ArrayList<>(terms);
            Collections.shuffle(shuffledTerms, new Random(s));
            OdeSystem b = RandomSystems.build("b", n, shuffledTerms, init);
            int[] perm = RandomSystems.shuffled(rnd, n);
            OdeSystem c = RandomSystems.build("c", n, RandomSystems.relabel(terms, perm), init);
            Partition single = Partition.single(n);
            for (boolean forward : new boolean[] {true, false}) {
                Partition pa = run(a, single, forward);
                assertThat(run(a, single, forward)).isEqualTo(pa);
                assertThat(run(b, single, forward)).isEqualTo(pa);
                int[] labels = new int[n];
                for (int i = 0; i < n; i++) {
                    labels[perm[i]] = pa.blockOf(i);
                }
                assertThat(run(c, single, forward)).isEqualTo(Partition.fromLabels(labels));
            }
        }
    }

    private static Partition run(OdeSystem sys, Partition h0, boolean forward) {
        return forward ? new ForwardEquivalence(sys, h0, Tolerance.DEFAULT).compute()
                : new BackwardEquivalence(sys, h0, Tolerance.DEFAULT).compute();
    }

    /** The coarsest partition refining h0 that satisfies the definition, asserting it is unique. */
    static Partition coarsest(OdeSystem sys, Partition h0, boolean forward, SplittableRandom rnd, String what) {
        int n = sys.dimension();
        List<Partition> passing = new ArrayList<>();
        for (Partition p : refinements(h0)) {
            if (forward ? LumpingDefinitions.isForward(sys, p, rnd, DEFINITION_TOL)
                    : LumpingDefinitions.isBackward(sys, p, rnd, DEFINITION_TOL)) {
                passing.add(p);
            }
        }
        assertThat(passing).as("the discrete partition always qualifies").contains(Partition.discrete(n));
        Partition best = passing.get(0);
        for (Partition p : passing) {
            if (p.size() < best.size()) {
                best = p;
            }
        }
        for (Partition p : passing) {
            assertThat(p.refines(best)).as((forward ? "FE" : "BE") + " partitions are closed under join: " + p
                    + " should refine " + best + " in " + what).isTrue();
        }
        return best;
    }

    /** Every set partition of 0..n-1 that refines h0 (restricted growth strings). */
    static List<Partition> refinements(Partition h0) {
        int n = h0.variableCount();
        List<Partition> out = new ArrayList<>();
        int[] labels = new int[n];
        int[] blockH0 = new int[n];
        enumerate(0, 0, labels, blockH0, h0, out);
        return out;
    }

    private static void enumerate(int i, int blocks, int[] labels, int[] blockH0, Partition h0, List<Partition> out) {
        int n = labels.length;
        if (i == n) {
            out.add(Partition.fromLabels(labels));
            return;
        }
        for (int b = 0; b < blocks; b++) {
            if (blockH0[b] == h0.blockOf(i)) {
                labels[i] = b;
                enumerate(i + 1, blocks, labels, blockH0, h0, out);
            }
        }
        labels[i] = blocks;
        blockH0[blocks] = h0.blockOf(i);
        enumerate(i + 1, blocks + 1, labels, blockH0, h0, out);
    }
}
