package org.odelump.testutil;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.odelump.model.OdeSystem;
import org.odelump.model.Partition;
import org.odelump.model.Polynomial;

/**
 * The definitions of FE and BE (Cardelli, Tribastone, Tschaikowski, Vandin, PNAS 2017) checked numerically at random
 * points, independently of odelump's lumping algorithms, and enumerations of set partitions for brute-force tests.
 */
public final class LumpingDefinitions {


    private static final int POINTS = 3;

    private LumpingDefinitions() {
    }

    /**
     * FE: every block's summed drift, at x_i = y_{B(i)}·w_i with random positive weights summing to 1 per block,
     * takes the same value for two independent weight choices at several random y (it is a function of the block
     * sums y).
     */
    public static boolean isForward(OdeSystem sys, Partition p, SplittableRandom rnd, double tol) {
        int n = sys.dimension();
        for (int pt = 0; pt < POINTS; pt++) {
            double[] y = new double[p.size()];
            for (int b = 0; b < y.length; b++) {
                y[b] = 0.5 + rnd.nextDouble();
            }
            double[] x1 = split(p, y, rnd);
            double[] x2 = split(p, y, rnd);
            for (int b = 0; b < p.size(); b++) {
                double s1 = 0.0;
                double s2 = 0.0;
                double scale = 0.0;
                for (int v : p.block(b)) {
                    Polynomial f = sys.drift(v);
                    s1 += f.evaluate(x1);
                    s2 += f.evaluate(x2);
                    scale += absEval(f, x1) + absEval(f, x2);
                }
                if (Math.abs(s1 - s2) > tol * Math.max(1.0, scale)) {
                    return false;
                }
            }
        }
        assert n == p.variableCount();
        return true;
    }

    /** BE: same-block drifts are equal at random block-constant points. */
    public static boolean isBackward(OdeSystem sys, Partition p, SplittableRandom rnd, double tol) {
        int n = sys.dimension();
        for (int pt = 0; pt < POINTS; pt++) {
            double[] x = new double[n];
            double[] y = new double[p.size()];
            for (int b = 0; b < y.length; b++) {
                y[b] = 0.5 + rnd.nextDouble();
            }
            for (int i = 0; i < n; i++) {
                x[i] = y[p.blockOf(i)];
            }
            for (int b = 0; b < p.size(); b++) {
                int[] members = p.block(b);
                double ref = sys.drift(members[0]).evaluate(x);
                double refScale = absEval(sys.drift(members[0]), x);
                for (int k = 1; k < members.length; k++) {
                    Polynomial f = sys.drift(members[k]);
                    double scale = Math.max(refScale, absEval(f, x));
                    if (Math.abs(f.evaluate(x) - ref) > tol * Math.max(1.0, scale)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static double[] split(Partition p, double[] y, SplittableRandom rnd) {
        int n = p.variableCount();
        double[] x = new double[n];
        for (int b = 0; b < p.size(); b++) {
            int[] members = p.block(b);
            double[] w = new double[members.length];
            double sum = 0.0;
            for (int k = 0; k < w.length; k++) {
                w[k] = 0.2 + rnd.nextDouble();
                sum += w[k];
            }
            for (int k = 0; k < w.length; k++) {
                x[members[k]] = y[b] * w[k] / sum;
            }
        }
        return x;
    }

    /** Σ |c_t·m_t(x)| over the terms of f: the scale against which cancellation is judged. */
    static double absEval(Polynomial f, double[] x) {
        double s = 0.0;
        for (int t = 0; t < f.size(); t++) {
            s += Math.abs(f.coefficient(t) * f.monomial(t).evaluate(x));
        }
        return s;
    }

    /** Calls {@code action} with every set partition of {@code n} elements (restricted growth strings). */
    public static void forEachPartition(int n, Consumer<Partition> action) {
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
    public static List<Partition> coarsenings(Partition p) {
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
    public static Partition join(Partition a, Partition b) {
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
