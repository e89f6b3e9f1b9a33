package org.odelump.numeric;

import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * A fill-reducing ordering for sparse LU: the classical minimum-degree heuristic on the elimination graph of the
 * symmetrised pattern A + Aᵀ (Tinney and Walker 1967; see George and Liu, "The evolution of the minimum degree
 * ordering algorithm", SIAM Review 31(1), 1989). At each step the node of least current degree is eliminated
 * and its neighbours become a clique. Ties go to the smaller index, so the ordering is deterministic.
 *
 * <p>This plain version (no supervariables, exact degrees, lazy priority queue) costs O(Σ d_v²) for the
 * degrees d_v at elimination, which is small for reaction-network Jacobians after ordering.
 */
final class MinimumDegreeOrdering {

    private MinimumDegreeOrdering() {
    }

    /**
     * The elimination order for an n×n CSC pattern: {@code result[k]} is the original index of the k-th pivot.
     */
    static int[] order(int n, int[] colStart, int[] rowIndex) {
        return order(n, colStart, rowIndex, Long.MAX_VALUE);
    }

    /**
     * As {@link #order(int, int[], int[])}, but gives up and returns null as soon as the number of stored
     * off-diagonal entries of the filled graph (edges counted in both directions) exceeds {@code maxEntries}.
     */
    static int[] order(int n, int[] colStart, int[] rowIndex, long maxEntries) {
        int[][] adj = new int[n][];
        int[] size = new int[n];
        for (int j = 0; j < n; j++) {
            adj[j] = new int[4];
        }
        for (int j = 0; j < n; j++) {
            for (int p = colStart[j]; p < colStart[j + 1]; p++) {
                int i = rowIndex[p];
                if (i != j) {
                    add(adj, size, i, j);
                    add(adj, size, j, i);
                }
            }
        }
        for (int v = 0; v < n; v++) {
            int[] a = Arrays.copyOf(adj[v], size[v]);
            Arrays.sort(a);
            int m = 0;
            for (int k = 0; k < a.length; k++) {
                if (k == 0 || a[k] != a[k - 1]) {
                    a[m++] = a[k];
                }
            }
            adj[v] = Arrays.copyOf(a, Math.max(4, m));
            size[v] = m;
        }
        long entries = 0;
        for (int v = 0; v < n; v++) {
            entries += size[v];
        }
        boolean[] eliminated = new boolean[n];
        int[] mark = new int[n];
        Arrays.fill(mark, -1);
        PriorityQueue<long[]> queue = new PriorityQueue<>((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0])
                : Long.compare(x[1], y[1]));
        for (int v = 0; v < n; v++) {
            queue.add(new long[] {size[v], v});
        }
        int[] result = new int[n];
        int k = 0;
        int stamp = 0;
        while (k < n) {
            long[] top = queue.poll();
            int v = (int) top[1];
            if (eliminated[v] || top[0] != size[v]) {
                continue; // stale entry
            }
            eliminated[v] = true;
            result[k++] = v;
            int[] nb = Arrays.copyOf(adj[v], size[v]);
            // neighbours of v become a clique; v leaves their lists
            for (int u : nb) {
                int[] au = adj[u];
                int m = 0;
                for (int t = 0; t < size[u]; t++) {
                    if (au[t] != v) {
                        au[m++] = au[t];
                    }
                }
                size[u] = m;
            }
            for (int u : nb) {
                stamp++;
                for (int t = 0; t < size[u]; t++) {
                    mark[adj[u][t]] = stamp;
                }
                mark[u] = stamp;
                for (int w : nb) {
                    if (mark[w] != stamp) {
                        if (++entries > maxEntries) {
                            return null;
                        }
                        add(adj, size, u, w);
                        mark[w] = stamp;
                    }
                }
                queue.add(new long[] {size[u], u});
            }
            adj[v] = null;
        }
        return result;
    }

    private static void add(int[][] adj, int[] size, int v, int w) {
        if (size[v] == adj[v].length) {
            adj[v] = Arrays.copyOf(adj[v], adj[v].length * 2);
        }
        adj[v][size[v]++] = w;
    }
}
