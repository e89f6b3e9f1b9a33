package org.odelump.nn.prune;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.odelump.nn.DenseLayer;
import org.odelump.nn.Mlp;
import org.odelump.nn.Nets;

/** Properties that must hold for any network and target, checked on seeded random networks. */
class PruningPropertiesTest {

    @Test
    void globalMagnitudeKeepsEveryWeightAtLeastAsLargeAsEveryPrunedOne() {
        Random rnd = new Random(81);
        for (int trial = 0; trial < 20; trial++) {
            Mlp n = Nets.random(100 + trial, 2 + rnd.nextInt(4), 2 + rnd.nextInt(7), 2 + rnd.nextInt(7),
                    1 + rnd.nextInt(3));
            long floor = n.nonZeroCount() - (n.parameterCount() - biasCount(n));
            long target = floor + rnd.nextInt((int) (n.nonZeroCount() - floor + 1));
            Mlp p = new GlobalMagnitudePruning(n, target).compute().network();
            assertThat(p.nonZeroCount()).isEqualTo(target);
            double maxPruned = 0;
            double minKept = Double.POSITIVE_INFINITY;
            for (int l = 0; l < n.layers().size(); l++) {
                for (int j = 0; j < n.layer(l).outputs(); j++) {
                    for (int i = 0; i < n.layer(l).inputs(); i++) {
                        double w = p.layer(l).weight(j, i);
                        if (w == 0.0) {
                            maxPruned = Math.max(maxPruned, Math.abs(n.layer(l).weight(j, i)));
                        } else {
                            assertThat(w).isEqualTo(n.layer(l).weight(j, i));
                            minKept = Math.min(minKept, Math.abs(w));
                        }
                    }
                }
                assertThat(p.layer(l).bias()).containsExactly(n.layer(l).bias());
            }
            assertThat(maxPruned).isLessThanOrEqualTo(minKept);
        }
    }

    @Test
    void wandaPrunesTheLowestScoresOfEveryRowWithRowSparsitiesWithinOne() {
        Random rnd = new Random(82);
        for (int trial = 0; trial < 10; trial++) {
            Mlp n = Nets.random(200 + trial, 3, 4 + rnd.nextInt(5), 2);
            double[][] x = Nets.inputs(300 + trial, 30, 3);
            long weights = n.parameterCount() - biasCount(n);
            long target = n.nonZeroCount() - 1 - rnd.nextInt((int) weights - 1);
            Mlp p = new WandaPruning(n, x, target).compute().network();
            assertThat(p.nonZeroCount()).isEqualTo(target);
            // layer 0 sees the raw calibration inputs
            double[] norm = WandaPruning.columnNorms(x);
            DenseLayer before = n.layer(0);
            DenseLayer after = p.layer(0);
            int minPruned = Integer.MAX_VALUE;
            int maxPruned = 0;
            for (int j = 0; j < before.outputs(); j++) {
                double maxPrunedScore = 0;
                double minKeptScore = Double.POSITIVE_INFINITY;
                int pruned = 0;
                for (int i = 0; i < before.inputs(); i++) {
                    double score = Math.abs(before.weight(j, i)) * norm[i];
                    if (after.weight(j, i) == 0.0) {
                        pruned++;
                        maxPrunedScore = Math.max(maxPrunedScore, score);
                    } else {
                        minKeptScore = Math.min(minKeptScore, score);
                    }
                }
                assertThat(maxPrunedScore).isLessThanOrEqualTo(minKeptScore);
                minPruned = Math.min(minPruned, pruned);
                maxPruned = Math.max(maxPruned, pruned);
            }
            assertThat(maxPruned - minPruned).isLessThanOrEqualTo(1);
        }
    }

    private static long biasCount(Mlp n) {
        long b = 0;
        for (DenseLayer l : n.layers()) {
            b += l.outputs();
        }
        return b;
    }
}
