package org.odelump.lumping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The pruned grouping against brute force over all pairs, on random sparse vectors. */
class VectorGrouperTest {

    @Test
    void prunedGroupingMatchesBruteForce() {
        SplittableRandom rnd = new SplittableRandom(99L);
        for (int trial = 0; trial < 300; trial++) {
            int m = rnd.nextInt(2, 40);
            int labels = rnd.nextInt(1, 6);
            int[] start = new int[m];
            int[] end = new int[m];
            long[] lab = new long[m * labels];
            double[] val = new double[m * labels];
            double[] abs = new double[m * labels];
            int p = 0;
            for (int i = 0; i < m; i++) {
                start[i] = p;
                for (int l = 0; l < labels; l++) {
                    if (rnd.nextInt(4) > 0) {
                        lab[p] = l * 7L + 1;
                        // few distinct values so that ties and near ties occur
                        val[p] = rnd.nextInt(1, 5) * 0.25 + (rnd.nextBoolean() ? 0 : rnd.nextDouble() * 0.1);
                        abs[p] = Math.abs(val[p]);
                        p++;
                    }
                }
                end[i] = p;
            }
            double eps = rnd.nextDouble() * 0.6;
            EpsilonMode mode = rnd.nextBoolean() ? EpsilonMode.ABS : EpsilonMode.REL;
            int[] block = new int[m];
            for (int i = 0; i < m; i++) {
                block[i] = i;
            }
            double[][] dist = new double[m][m];
            double[][] thr = new double[m][m];
            for (int a = 0; a < m; a++) {
                for (int b = 0; b < m; b++) {
                    dist[a][b] = l1(a, b, start, end, lab, val);
                    double na = norm(a, start, end, val);
                    double nb = norm(b, start, end, val);
                    thr[a][b] = (mode == EpsilonMode.ABS ? eps : eps * Math.max(na, nb))
                            + 1e-12 * Math.max(1.0, Math.max(na, nb));
                }
            }
            String what = "trial " + trial + " eps=" + eps + " " + mode;
            int[] comp = new VectorGrouper(eps, mode, Grouping.COMPONENTS, Tolerance.DEFAULT)
                    .group(block, start, end, lab, val, abs);
            int[] brute = components(dist, thr);
            for (int a = 0; a < m; a++) {
                for (int b = 0; b < m; b++) {
                    assertThat(comp[a] == comp[b]).as(what).isEqualTo(brute[a] == brute[b]);
                }
            }
            int[] diam = new VectorGrouper(eps, mode, Grouping.DIAMETER, Tolerance.DEFAULT)
                    .group(block, start, end, lab, val, abs);
            for (int a = 0; a < m; a++) {
                for (int b = 0; b < m; b++) {
                    if (diam[a] == diam[b]) {
                        assertThat(dist[a][b]).as(what).isLessThanOrEqualTo(thr[a][b] * (1 + 1e-12));
                    }
                    // diameter groups refine the components
                    if (diam[a] == diam[b]) {
                        assertThat(comp[a]).isEqualTo(comp[b]);
                    }
                }
            }
        }
    }

    private static int[] components(double[][] dist, double[][] thr) {
        int m = dist.length;
        int[] label = new int[m];
        java.util.Arrays.fill(label, -1);
        int next = 0;
        for (int s = 0; s < m; s++) {
            if (label[s] >= 0) {
                continue;
            }
            java.util.ArrayDeque<Integer> q = new java.util.ArrayDeque<>();
            q.add(s);
            label[s] = next;
            while (!q.isEmpty()) {
                int a = q.poll();
                for (int b = 0; b < m; b++) {
                    if (label[b] < 0 && dist[a][b] <= thr[a][b]) {
                        label[b] = next;
                        q.add(b);
                    }
                }
            }
            next++;
        }
        return label;
    }

    private static double norm(int a, int[] start, int[] end, double[] val) {
        double s = 0;
        for (int p = start[a]; p < end[a]; p++) {
            s += Math.abs(val[p]);
        }
        return s;
    }

    private static double l1(int a, int b, int[] start, int[] end, long[] lab, double[] val) {
        java.util.Map<Long, Double> diff = new java.util.HashMap<>();
        for (int p = start[a]; p < end[a]; p++) {
            diff.merge(lab[p], val[p], Double::sum);
        }
        for (int p = start[b]; p < end[b]; p++) {
            diff.merge(lab[p], -val[p], Double::sum);
        }
        double s = 0;
        for (double d : diff.values()) {
            s += Math.abs(d);
        }
        return s;
    }
}
