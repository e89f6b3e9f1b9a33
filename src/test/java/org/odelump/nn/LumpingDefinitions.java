package org.odelump.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.odelump.model.OdeSystem;
import org.odelump.model.Partition;

/**
 * The FE and BE definitions (Cardelli, Tribastone, Tschaikowski, Vandin, PNAS 2017) checked numerically at random
 * points, written for these tests without any of odelump's lumping code, plus an enumeration of set partitions.
 */
final class LumpingDefinitions {

    private static final int POINTS = 4;
    private static final double TOLERANCE = 1e-9;

    private LumpingDefinitions() {
    }

    /** BE: variables of a block have equal drifts at random block-constant points (values in [0.2, 2.2)). */
    static boolean isBackward(OdeSystem m, Partition p, SplittableRandom rnd) {
        for (int pt = 0; pt < POINTS; pt++) {
            double[] y = new double[p.size()];
            for (int b = 0; b < y.length; b++) {
                y[b] = 0.2 + 2 * rnd.nextDouble();
            }
            double[] x = new double[m.dimension()];
            for (int i = 0; i < x.length; i++) {
                x[i] = y[p.blockOf(i)];
            }
            double[] f = m.evaluate(x);
            for (int b = 0; b < p.size(); b++) {
                int[] members = p.block(b);
                for (int k = 1; k < members.length; k++) {
                    double a = f[members[0]];
                    double c = f[members[k]];
                    if (Math.abs(a - c) > TOLERANCE * Math.max(1, Math.max(Math.abs(a), Math.abs(c)))) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /**
     * FE: every block's summed drift is a function of the block sums, tested as equal values at two random splits
     * x_i = w_i·y_B (positive weights summing to 1 in each block) of the same random block sums y.
     */
    static boolean isForward(OdeSystem m, Partition p, SplittableRandom rnd) {
        for (int pt = 0; pt < POINTS; pt++) {
            double[] y = new double[p.size()];
            for (int b = 0; b < y.length; b++) {
                y[b] = 0.2 + 2 * rnd.nextDouble();
            }
            double[] f1 = m.evaluate(split(p, y, rnd));
            double[] f2 = m.evaluate(split(p, y, rnd));
            for (int b = 0; b < p.size(); b++) {
                double s1 = 0;
                double s2 = 0;
                double scale = 1;
                for (int v : p.block(b)) {
                    s1 += f1[v];
                    s2 += f2[v];
                    scale = Math.max(scale, Math.max(Math.abs(f1[v]), Math.abs(f2[v])));
                }
                if (Math.abs(s1 - s2) > TOLERANCE * scale) {
                    return false;
                }
            }
        }
        return true;
    }

    private static double[] split(Partition p, double[] y, SplittableRandom rnd) {
        double[] x = new double[p.variableCount()];
        for (int b = 0; b < p.size(); b++) {
            int[] members = p.block(b);
            double[] w = new double[members.length];
            double total = 0;
            for (int k = 0; k < w.length; k++) {
                w[k] = 0.1 + rnd.nextDouble();
                total += w[k];
            }
            for (int k = 0; k < w.length; k++) {
                x[members[k]] = y[b] * w[k] / total;
            }
        }
        return x;
    }

    /** Calls {@code action} with every set partition of {@code n} elements (restricted growth strings). */
    static void forEachPartition(int n, Consumer<Partition> action) {
        int[] labels = new int[n];
        int[] max = new int[n];
        while (true) {
            action.accept(Partition.fromLabels(labels.clone()));
            int i = n - 1;
            while (i > 0 && labels[i] == max[i - 1] + 1) {
                i--;
            }
            if (i <= 0) {
                return;
            }
            labels[i]++;
            max[i] = Math.max(max[i - 1], labels[i]);
            for (int j = i + 1; j < n; j++) {
                labels[j] = 0;
                max[j] = max[i];
            }
        }
    }

    /** Every coarsening of {@code p} (including p itself): set partitions of its blocks. */
    static List<Partition> coarsenings(Partition p) {
        List<Partition> out = new ArrayList<>();
        forEachPartition(p.size(), q -> {
            int[] labels = new int[p.variableCount()];
            for (int v = 0; v < labels.length; v++) {
                labels[v] = q.blockOf(p.blockOf(v));
            }
            out.add(Partition.fromLabels(labels));
        });
        return out;
    }

    /** The join (finest common coarsening) of two partitions of the same variables. */
    static Partition join(Partition a, Partition b) {
        int n = a.variableCount();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (Partition p : List.of(a, b)) {
            for (int blk = 0; blk < p.size(); blk++) {
                int[] members = p.block(blk);
                for (int k = 1; k < members.length; k++) {
                    parent[find(parent, members[k])] = find(parent, members[0]);
                }
            }
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = find(parent, i);
        }
        return Partition.fromLabels(labels);
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
