package org.odelump.lumping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Groups the members of one block by ε-closeness of their sparse vectors (labels sorted increasingly), for
 * {@link EpsilonEquivalence}. Identical vectors are collapsed by sorting; the distinct ones are ordered by a signed
 * random projection k with |k(a) − k(b)| ≤ ‖a − b‖₁, so only pairs within a window of the threshold are compared;
 * a second projection and the L1 norms (|‖a‖ − ‖b‖| ≤ ‖a − b‖) prune further and L1 sums stop early.
 */
final class VectorGrouper {

    private final double epsilon;
    private final EpsilonMode mode;
    private final Grouping grouping;
    private final double tol;
    private final IntSorter sorter = new IntSorter();
    private long distances;

    // arrays of the block being grouped
    private int[] vs;
    private int[] ve;
    private long[] lab;
    private double[] val;

    VectorGrouper(double epsilon, EpsilonMode mode, Grouping grouping, Tolerance tolerance) {
        this.epsilon = epsilon;
        this.mode = mode;
        this.grouping = grouping;
        this.tol = tolerance.relative();
    }

    long distances() {
        return distances;
    }

    /**
     * Returns, for every member of the block (in the given order), a group number 0..g-1; the group of the first
     * member is 0 and numbers follow first appearance.
     */
    int[] group(int[] block, int[] vStart, int[] vEnd, long[] vLabel, double[] vValue, double[] vAbs) {
        this.vs = vStart;
        this.ve = vEnd;
        this.lab = vLabel;
        this.val = vValue;
        int m = block.length;
        int[] order = block.clone();
        sorter.sort(order, 0, m, this::compareVectors);
        // distinct vectors: reps[u] is a member, classOf maps members (by position in order) to u
        int[] reps = new int[m];
        int[] classOfSorted = new int[m];
        int d = 0;
        for (int k = 0; k < m; k++) {
            if (k == 0 || compareVectors(order[k - 1], order[k]) != 0) {
                reps[d++] = order[k];
            }
            classOfSorted[k] = d - 1;
        }
        int[] distinctGroup;
        if (d == 1) {
            distinctGroup = new int[1];
        } else {
            double[] key1 = new double[d];
            double[] key2 = new double[d];
            double[] norm = new double[d];
            double[] absNorm = new double[d];
            double maxNorm = 0.0;
            double maxAbs = 0.0;
            for (int u = 0; u < d; u++) {
                int x = reps[u];
                for (int p = vStart[x]; p < vEnd[x]; p++) {
                    key1[u] += weight(vLabel[p], 0x9E3779B97F4A7C15L) * vValue[p];
                    key2[u] += weight(vLabel[p], 0xC2B2AE3D27D4EB4FL) * vValue[p];
                    norm[u] += Math.abs(vValue[p]);
                    absNorm[u] += vAbs[p];
                }
                maxNorm = Math.max(maxNorm, norm[u]);
                maxAbs = Math.max(maxAbs, absNorm[u]);
            }
            double window = (mode == EpsilonMode.ABS ? epsilon : epsilon * maxNorm) + tol * maxAbs;
            int[] byKey = new int[d];
            for (int u = 0; u < d; u++) {
                byKey[u] = u;
            }
            sorter.sort(byKey, 0, d, (a, b) -> Double.compare(key1[a], key1[b]));
            Pairs pairs = new Pairs(reps, key1, key2, norm, absNorm, window);
            distinctGroup = grouping == Grouping.COMPONENTS ? pairs.components(byKey) : pairs.diameter(byKey);
        }
        // map back to the block's order, renumbering groups by first appearance
        int[] result = new int[m];
        int[] sortedIndexOfMember = indexIn(block, order);
        int[] renumber = new int[m + 1];
        Arrays.fill(renumber, -1);
        int next = 0;
        for (int k = 0; k < m; k++) {
            int g = distinctGroup[classOfSorted[sortedIndexOfMember[k]]];
            if (renumber[g] < 0) {
                renumber[g] = next++;
            }
            result[k] = renumber[g];
        }
        return result;
    }

    /** For every position k of block, the position of block[k] in order. */
    private static int[] indexIn(int[] block, int[] order) {
        int m = block.length;
        int[] sortedMembers = block.clone();
        Arrays.sort(sortedMembers);
        int[] posInOrder = new int[m];
        for (int k = 0; k < m; k++) {
            posInOrder[Arrays.binarySearch(sortedMembers, order[k])] = k;
        }
        int[] out = new int[m];
        for (int k = 0; k < m; k++) {
            out[k] = posInOrder[Arrays.binarySearch(sortedMembers, block[k])];
        }
        return out;
    }

    private int compareVectors(int a, int b) {
        int la = ve[a] - vs[a];
        int lb = ve[b] - vs[b];
        if (la != lb) {
            return Integer.compare(la, lb);
        }
        for (int k = 0; k < la; k++) {
            int c = Long.compare(lab[vs[a] + k], lab[vs[b] + k]);
            if (c != 0) {
                return c;
            }
        }
        for (int k = 0; k < la; k++) {
            int c = Double.compare(val[vs[a] + k], val[vs[b] + k]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** A deterministic pseudo-random weight in [−1, 1] for a label (SplitMix64 finaliser). */
    static double weight(long label, long salt) {
        long z = label * 0xBF58476D1CE4E5B9L + salt;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53 * 2.0 - 1.0;
    }

    /** Candidate-pair logic over the distinct vectors of one block. */
    private final class Pairs {
        private final int[] reps;
        private final double[] key1;
        private final double[] key2;
        private final double[] norm;
        private final double[] absNorm;
        private final double window;

        Pairs(int[] reps, double[] key1, double[] key2, double[] norm, double[] absNorm, double window) {
            this.reps = reps;
            this.key1 = key1;
            this.key2 = key2;
            this.norm = norm;
            this.absNorm = absNorm;
            this.window = window;
        }

        double threshold(int a, int b) {
            double base = mode == EpsilonMode.ABS ? epsilon : epsilon * Math.max(norm[a], norm[b]);
            return base + tol * Math.max(absNorm[a], absNorm[b]);
        }

        boolean close(int a, int b) {
            return distance(a, b) <= threshold(a, b);
        }

        /** d(a, b) when it is within threshold(a, b), otherwise +∞ (pruned or stopped early). */
        double distance(int a, int b) {
            double thr = threshold(a, b);
            if (Math.abs(key1[a] - key1[b]) > thr || Math.abs(key2[a] - key2[b]) > thr
                    || Math.abs(norm[a] - norm[b]) > thr) {
                return Double.POSITIVE_INFINITY;
            }
            distances++;
            return l1Within(reps[a], reps[b], thr);
        }

        /** A lower bound of threshold(b, m) over every m. */
        double lowestThreshold(int b) {
            return (mode == EpsilonMode.ABS ? epsilon : epsilon * norm[b]) + tol * absNorm[b];
        }

        private double l1Within(int x, int y, double thr) {
            int p = vs[x];
            int q = vs[y];
            int pe = ve[x];
            int qe = ve[y];
            double sum = 0.0;
            while (p < pe || q < qe) {
                if (q >= qe || (p < pe && lab[p] < lab[q])) {
                    sum += Math.abs(val[p++]);
                } else if (p >= pe || lab[q] < lab[p]) {
                    sum += Math.abs(val[q++]);
                } else {
                    sum += Math.abs(val[p++] - val[q++]);
                }
                if (sum > thr) {
                    return Double.POSITIVE_INFINITY;
                }
            }
            return sum;
        }

        int[] components(int[] byKey) {
            int d = byKey.length;
            int[] parent = new int[d];
            for (int u = 0; u < d; u++) {
                parent[u] = u;
            }
            for (int i = 0; i < d; i++) {
                int a = byKey[i];
                for (int j = i + 1; j < d && key1[byKey[j]] - key1[a] <= window; j++) {
                    int b = byKey[j];
                    int ra = find(parent, a);
                    int rb = find(parent, b);
                    if (ra != rb && close(a, b)) {
                        parent[Math.max(ra, rb)] = Math.min(ra, rb);
                    }
                }
            }
            int[] group = new int[d];
            for (int u = 0; u < d; u++) {
                group[u] = find(parent, u);
            }
            return group;
        }

        /**
         * Greedy complete linkage in key order. A group keeps its first member f and its radius r = max d(f, m);
         * by the triangle inequality a candidate b with d(b, f) + r within b's lowest threshold fits without
         * comparing it with every member, so tight groups cost one distance per member.
         */
        int[] diameter(int[] byKey) {
            int d = byKey.length;
            int[] group = new int[d];
            List<int[]> open = new ArrayList<>(); // {groupId, key index of the first member}
            List<List<Integer>> members = new ArrayList<>();
            List<double[]> radius = new ArrayList<>();
            for (int i = 0; i < d; i++) {
                int b = byKey[i];
                int chosen = -1;
                double chosenDistance = 0.0;
                for (int g = 0; g < open.size(); g++) {
                    int[] og = open.get(g);
                    int first = byKey[og[1]];
                    if (key1[b] - key1[first] > window) {
                        open.remove(g--);
                        continue;
                    }
                    double dbf = distance(b, first);
                    if (!(dbf <= threshold(b, first))) {
                        continue;
                    }
                    boolean fits = dbf + radius.get(og[0])[0] <= lowestThreshold(b);
                    if (!fits) {
                        fits = true;
                        for (int a : members.get(og[0])) {
                            if (a != first && !close(a, b)) {
                                fits = false;
                                break;
                            }
                        }
                    }
                    if (fits) {
                        chosen = og[0];
                        chosenDistance = dbf;
                        break;
                    }
                }
                if (chosen < 0) {
                    chosen = members.size();
                    members.add(new ArrayList<>());
                    radius.add(new double[1]);
                    open.add(new int[] {chosen, i});
                }
                members.get(chosen).add(b);
                radius.get(chosen)[0] = Math.max(radius.get(chosen)[0], chosenDistance);
                group[b] = chosen;
            }
            return group;
        }
    }

    private static int find(int[] parent, int u) {
        while (parent[u] != u) {
            parent[u] = parent[parent[u]];
            u = parent[u];
        }
        return u;
    }
}
