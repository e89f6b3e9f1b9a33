package org.odelump.numeric;

/**
 * Iterative stage solver for (σI − J)·x = b: restarted GMRES(m) (Saad and Schultz, SIAM J. Sci. Stat. Comput.
 * 7(3), 1986) with right preconditioning by an incomplete LU factorisation with no fill, ILU(0), on the pattern
 * of J plus the diagonal (Saad, <i>Iterative Methods for Sparse Linear Systems</i>, 2nd ed. 2003, §10.3). Used
 * when a direct sparse LU would fill in too much (reaction networks with hub species). The pattern is
 * renumbered to put hub species last and converted to compressed rows once; each {@link #factor} only recomputes the ILU values, O(Σ_i Σ_{k∈L_i}
 * |U_k|).
 *
 * <p>The solve stops when ‖b − Ax‖₂ ≤ tol·‖b‖₂; an unconverged solve returns false so that the integrator
 * rejects the step and retries with a smaller h (which makes σI − J more diagonally dominant). Not
 * thread-safe.
 */
final class IluGmresSolver implements StageSolver {

    private static final int RESTART = 40;
    private static final int MAX_RESTARTS = 8;

    private final int n;
    private final double tol;
    private final int[] colStart;
    private final int[] cscRow;
    private final int[] perm;
    private final int[] rowStart;
    private final double[] pv;
    private final int[] col;
    private final int[] cscPosition;
    private final int[] diag;
    private final double[] jac;
    private final double[] ilu;
    private final int[] where;
    private final double[][] v;
    private final double[][] h;
    private final double[] cs;
    private final double[] sn;
    private final double[] g;
    private final double[] w;
    private final double[] z;
    private final double[] r;
    private double sigma;
    private int factorizations;
    private long iterations;

    IluGmresSolver(SparseJacobian jacobian, double tol) {
        this.n = jacobian.dimension();
        this.tol = tol;
        this.colStart = jacobian.columnStarts();
        this.cscRow = jacobian.rowIndices();
        int nnz = cscRow.length;
        // Hub species (coupled to many others) are moved last, the others keep their order: a hub's long row
        // then never serves as a pivot row of the ILU elimination, which would cost O(n) per row below it.
        int[] degree = new int[n];
        for (int p = 0; p < nnz; p++) {
            degree[cscRow[p]]++;
        }
        long total = 0;
        for (int j = 0; j < n; j++) {
            degree[j] += colStart[j + 1] - colStart[j];
            total += degree[j];
        }
        double hub = Math.max(16.0, 8.0 * total / Math.max(1, n));
        Integer[] byDegree = new Integer[n];
        for (int i = 0; i < n; i++) {
            byDegree[i] = i;
        }
        java.util.Arrays.sort(byDegree, (a, b) -> {
            boolean ha = degree[a] > hub;
            boolean hb = degree[b] > hub;
            if (ha != hb) {
                return ha ? 1 : -1;
            }
            return ha ? (degree[a] != degree[b] ? Integer.compare(degree[a], degree[b]) : Integer.compare(a, b))
                    : Integer.compare(a, b);
        });
        perm = new int[n];
        int[] inverse = new int[n];
        for (int k = 0; k < n; k++) {
            perm[k] = byDegree[k];
            inverse[perm[k]] = k;
        }
        rowStart = new int[n + 1];
        for (int p = 0; p < nnz; p++) {
            rowStart[inverse[cscRow[p]] + 1]++;
        }
        for (int i = 0; i < n; i++) {
            rowStart[i + 1] += rowStart[i];
        }
        col = new int[nnz];
        cscPosition = new int[nnz];
        diag = new int[n];
        int[] next = java.util.Arrays.copyOf(rowStart, n);
        for (int newJ = 0; newJ < n; newJ++) {
            int j = perm[newJ];
            for (int p = colStart[j]; p < colStart[j + 1]; p++) {
                int i = inverse[cscRow[p]];
                int q = next[i]++;
                col[q] = newJ; // new columns arrive in increasing order, so rows come out sorted
                cscPosition[q] = p;
                if (i == newJ) {
                    diag[i] = q;
                }
            }
        }
        jac = new double[nnz];
        ilu = new double[nnz];
        where = new int[n];
        java.util.Arrays.fill(where, -1);
        v = new double[RESTART + 1][n];
        h = new double[RESTART + 1][RESTART];
        cs = new double[RESTART];
        sn = new double[RESTART];
        g = new double[RESTART + 1];
        w = new double[n];
        z = new double[n];
        r = new double[n];
        pv = new double[n];
    }

    @Override
    public boolean factor(double s, double[] jacobianValues) {
        factorizations++;
        sigma = s;
        System.arraycopy(jacobianValues, 0, jac, 0, jac.length);
        for (int q = 0; q < ilu.length; q++) {
            ilu[q] = -jac[cscPosition[q]];
        }
        for (int i = 0; i < n; i++) {
            ilu[diag[i]] += s;
        }
        for (int i = 0; i < n; i++) {
            for (int q = rowStart[i]; q < rowStart[i + 1]; q++) {
                where[col[q]] = q;
            }
            for (int q = rowStart[i]; q < diag[i]; q++) {
                int k = col[q];
                double lik = ilu[q] / ilu[diag[k]];
                ilu[q] = lik;
                if (lik != 0.0) {
                    for (int p = diag[k] + 1; p < rowStart[k + 1]; p++) {
                        int at = where[col[p]];
                        if (at >= 0) {
                            ilu[at] -= lik * ilu[p];
                        }
                    }
                }
            }
            for (int q = rowStart[i]; q < rowStart[i + 1]; q++) {
                where[col[q]] = -1;
            }
            double d = ilu[diag[i]];
            if (!Double.isFinite(d)) {
                return false;
            }
            if (Math.abs(d) < 1e-12 * Math.abs(s)) {
                ilu[diag[i]] = s; // breakdown guard: the preconditioner only needs to be nonsingular
            }
        }
        return true;
    }

    /** out = (σI − J)·x. */
    private void multiply(double[] x, double[] out) {
        for (int i = 0; i < n; i++) {
            out[i] = sigma * x[i];
        }
        for (int j = 0; j < n; j++) {
            double xj = x[j];
            if (xj != 0.0) {
                for (int p = colStart[j]; p < colStart[j + 1]; p++) {
                    out[cscRow[p]] -= jac[p] * xj;
                }
            }
        }
    }

    /** x = Pᵀ(LU)^{-1}P·b for the degree ordering P; b and x must differ. */
    private void precondition(double[] b, double[] x) {
        for (int k = 0; k < n; k++) {
            pv[k] = b[perm[k]];
        }
        double[] y = pv;
        for (int i = 0; i < n; i++) {
            double s = y[i];
            for (int q = rowStart[i]; q < diag[i]; q++) {
                s -= ilu[q] * y[col[q]];
            }
            y[i] = s;
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int q = diag[i] + 1; q < rowStart[i + 1]; q++) {
                s -= ilu[q] * y[col[q]];
            }
            y[i] = s / ilu[diag[i]];
        }
        for (int k = 0; k < n; k++) {
            x[perm[k]] = y[k];
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Override
    public boolean solve(double[] b, double[] x) {
        double bnorm = Math.sqrt(dot(b, b));
        java.util.Arrays.fill(x, 0.0);
        if (bnorm == 0.0) {
            return true;
        }
        double target = tol * bnorm;
        for (int restart = 0; restart < MAX_RESTARTS; restart++) {
            multiply(x, r);
            for (int i = 0; i < n; i++) {
                r[i] = b[i] - r[i];
            }
            double beta = Math.sqrt(dot(r, r));
            if (beta <= target) {
                return true;
            }
            if (!Double.isFinite(beta)) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                v[0][i] = r[i] / beta;
            }
            java.util.Arrays.fill(g, 0.0);
            g[0] = beta;
            int m = 0;
            boolean converged = false;
            for (int j = 0; j < RESTART; j++) {
                iterations++;
                precondition(v[j], z);
                multiply(z, w);
                for (int i = 0; i <= j; i++) {
                    double hij = dot(w, v[i]);
                    h[i][j] = hij;
                    double[] vi = v[i];
                    for (int t = 0; t < n; t++) {
                        w[t] -= hij * vi[t];
                    }
                }
                double hn = Math.sqrt(dot(w, w));
                h[j + 1][j] = hn;
                if (hn > 0) {
                    for (int t = 0; t < n; t++) {
                        v[j + 1][t] = w[t] / hn;
                    }
                }
                for (int i = 0; i < j; i++) {
                    double a = h[i][j];
                    double c = h[i + 1][j];
                    h[i][j] = cs[i] * a + sn[i] * c;
                    h[i + 1][j] = -sn[i] * a + cs[i] * c;
                }
                double a = h[j][j];
                double c = h[j + 1][j];
                double rho = Math.hypot(a, c);
                cs[j] = rho == 0 ? 1 : a / rho;
                sn[j] = rho == 0 ? 0 : c / rho;
                h[j][j] = rho;
                h[j + 1][j] = 0;
                g[j + 1] = -sn[j] * g[j];
                g[j] = cs[j] * g[j];
                m = j + 1;
                if (Math.abs(g[j + 1]) <= target || hn == 0) {
                    converged = true;
                    break;
                }
            }
            // y = H^{-1} g (upper triangular m×m), u = V y, x += M^{-1} u
            double[] y = new double[m];
            for (int i = m - 1; i >= 0; i--) {
                double s = g[i];
                for (int k = i + 1; k < m; k++) {
                    s -= h[i][k] * y[k];
                }
                y[i] = s / h[i][i];
            }
            java.util.Arrays.fill(w, 0.0);
            for (int k = 0; k < m; k++) {
                double yk = y[k];
                double[] vk = v[k];
                for (int t = 0; t < n; t++) {
                    w[t] += yk * vk[t];
                }
            }
            precondition(w, z);
            for (int t = 0; t < n; t++) {
                x[t] += z[t];
            }
            if (converged) {
                // confirm with the true residual (the recurrence can drift in finite precision)
                multiply(x, r);
                double s = 0;
                for (int i = 0; i < n; i++) {
                    double d = b[i] - r[i];
                    s += d * d;
                }
                if (Math.sqrt(s) <= 10 * target) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public int factorizations() {
        return factorizations;
    }

    long iterations() {
        return iterations;
    }

    @Override
    public String description() {
        return "ILU(0)-preconditioned GMRES(" + RESTART + ")";
    }
}
