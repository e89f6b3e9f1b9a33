package org.odelump.numeric;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.odelump.model.Monomial;
import org.odelump.model.OdeSystem;
import org.odelump.model.Polynomial;

/**
 * The exact Jacobian ∂f_i/∂x_j of a polynomial drift f, as a fixed sparse pattern in compressed-column (CSC)
 * form plus one polynomial per stored entry, compiled for fast evaluation.
 *
 * <p>The pattern is computed once from the drift terms: a term c·x^ρ of f_i contributes c·ρ_j·x^(ρ−e_j) to the
 * entry (i, j) for each variable j it contains. The diagonal is always stored (possibly as the zero
 * polynomial), so that {@code I/(hγ) − J} has the same pattern as J. Entries are evaluated by first evaluating
 * every distinct derivative monomial once, then summing coefficient × monomial per entry; the cost of one
 * evaluation is linear in the number of terms of the drift times its degree.
 *
 * <p>Immutable after construction; {@link #evaluate} uses a caller-supplied work array, so one instance may be
 * shared by threads that each bring their own {@link Workspace}.
 */
public final class SparseJacobian {

    private final int n;
    private final int[] colStart;
    private final int[] rowIndex;
    private final int[] diagonalPosition;
    private final MonomialTable table;
    private final int[] termStart;
    private final int[] termMonomial;
    private final double[] termCoefficient;

    /** Builds the pattern and the compiled entry polynomials of the Jacobian of {@code system}'s drift. */
    public SparseJacobian(OdeSystem system) {
        this(system.drifts(), system.dimension());
    }

    SparseJacobian(List<Polynomial> drifts, int n) {
        this.n = n;
        // Entry (i, j) is keyed i * n + j; each collects the terms of ∂f_i/∂x_j.
        Map<Long, Polynomial.Builder> entries = new HashMap<>();
        for (int i = 0; i < n; i++) {
            entries.put(key(i, i, n), Polynomial.builder());
            Polynomial f = drifts.get(i);
            for (int t = 0; t < f.size(); t++) {
                Monomial m = f.monomial(t);
                double c = f.coefficient(t);
                for (int k = 0; k < m.size(); k++) {
                    int j = m.var(k);
                    int e = m.exp(k);
                    entries.computeIfAbsent(key(i, j, n), x -> Polynomial.builder())
                            .add(lower(m, k), c * e);
                }
            }
        }
        long[] keys = new long[entries.size()];
        int q = 0;
        for (long key : entries.keySet()) {
            // sort column-major: column j first, then row i
            long i = key / n;
            long j = key % n;
            keys[q++] = j * n + i;
        }
        Arrays.sort(keys);
        int nnz = keys.length;
        colStart = new int[n + 1];
        rowIndex = new int[nnz];
        diagonalPosition = new int[n];
        table = new MonomialTable();
        termStart = new int[nnz + 1];
        int termCount = 0;
        Polynomial[] polys = new Polynomial[nnz];
        for (int p = 0; p < nnz; p++) {
            int j = (int) (keys[p] / n);
            int i = (int) (keys[p] % n);
            rowIndex[p] = i;
            colStart[j + 1]++;
            if (i == j) {
                diagonalPosition[j] = p;
            }
            polys[p] = entries.get(key(i, j, n)).build();
            termCount += polys[p].size();
        }
        for (int j = 0; j < n; j++) {
            colStart[j + 1] += colStart[j];
        }
        termMonomial = new int[termCount];
        termCoefficient = new double[termCount];
        int t = 0;
        for (int p = 0; p < nnz; p++) {
            termStart[p] = t;
            Polynomial e = polys[p];
            for (int k = 0; k < e.size(); k++) {
                termMonomial[t] = table.indexOf(e.monomial(k));
                termCoefficient[t++] = e.coefficient(k);
            }
        }
        termStart[nnz] = t;
        table.freeze();
    }

    private static long key(int i, int j, int n) {
        return (long) i * n + j;
    }

    /** m divided by its k-th variable. */
    private static Monomial lower(Monomial m, int k) {
        int[] vs = new int[m.size()];
        int[] es = new int[m.size()];
        for (int r = 0; r < m.size(); r++) {
            vs[r] = m.var(r);
            es[r] = r == k ? m.exp(r) - 1 : m.exp(r);
        }
        return Monomial.of(vs, es);
    }

    /** Number of variables (rows and columns). */
    public int dimension() {
        return n;
    }

    /** Number of stored entries, the diagonal included. */
    public int nonZeros() {
        return rowIndex.length;
    }

    /** CSC column pointers: the entries of column j are positions colStart[j] .. colStart[j+1]-1. */
    public int[] columnStarts() {
        return colStart.clone();
    }

    /** CSC row indices, increasing within each column. */
    public int[] rowIndices() {
        return rowIndex.clone();
    }

    /** Position of the diagonal entry (j, j) in the CSC arrays. */
    public int diagonalPosition(int j) {
        return diagonalPosition[j];
    }

    /** The value of entry (i, j) at x; 0 when (i, j) is outside the pattern. Slow path, for tests. */
    public double entry(double[] x, int i, int j) {
        for (int p = colStart[j]; p < colStart[j + 1]; p++) {
            if (rowIndex[p] == i) {
                double[] v = new double[nonZeros()];
                evaluate(x, v, newWorkspace());
                return v[p];
            }
        }
        return 0.0;
    }

    /** A work array for {@link #evaluate}. */
    public Workspace newWorkspace() {
        return new Workspace(table.size());
    }

    /** Writes the Jacobian entries at x into {@code values}, in CSC order (length {@link #nonZeros}). */
    public void evaluate(double[] x, double[] values, Workspace work) {
        double[] mv = work.monomialValues;
        table.evaluate(x, mv);
        for (int p = 0; p < values.length; p++) {
            double s = 0.0;
            for (int t = termStart[p], end = termStart[p + 1]; t < end; t++) {
                s += termCoefficient[t] * mv[termMonomial[t]];
            }
            values[p] = s;
        }
    }

    /** Scratch space for one evaluating thread. */
    public static final class Workspace {
        private final double[] monomialValues;

        private Workspace(int size) {
            this.monomialValues = new double[size];
        }
    }
}
