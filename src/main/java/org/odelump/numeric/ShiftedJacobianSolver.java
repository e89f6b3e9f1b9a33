package org.odelump.numeric;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.interfaces.linsol.LinearSolverSparse;
import org.ejml.sparse.FillReducing;
import org.ejml.sparse.csc.factory.LinearSolverFactory_DSCC;

/**
 * Solves (σI − J)·x = b for the Jacobian J of a {@link SparseJacobian}, with EJML's sparse LU (up-looking,
 * partial pivoting). The sparsity pattern never changes, so the matrix is allocated once, its rows and columns
 * are renumbered once by a fill-reducing {@link MinimumDegreeOrdering} of the symmetrised pattern; that
 * ordering, the permuted pattern and the matrix storage are the symbolic work, done once and reused by every
 * factorisation. (EJML refuses {@code setStructureLocked} for LU because its pivots depend on the values; its
 * up-looking LU recomputes each column's reach during the numeric factorisation, as a pivoting sparse LU must.)
 * Only this class touches EJML. Not thread-safe.
 */
final class ShiftedJacobianSolver implements StageSolver {

    private final int n;
    private final int[] perm;
    private final int[] position;
    private final int[] diagonal;
    private final DMatrixSparseCSC matrix;
    private final LinearSolverSparse<DMatrixSparseCSC, DMatrixRMaj> lu;
    private final DMatrixRMaj rhs;
    private final DMatrixRMaj solution;
    private int factorizations;

    ShiftedJacobianSolver(SparseJacobian jacobian) {
        this(jacobian, MinimumDegreeOrdering.order(jacobian.dimension(), jacobian.columnStarts(),
                jacobian.rowIndices()));
    }

    /** With a given pivot order ({@code order[k]} = original index of the k-th pivot). */
    ShiftedJacobianSolver(SparseJacobian jacobian, int[] order) {
        this.n = jacobian.dimension();
        int[] colStart = jacobian.columnStarts();
        int[] rows = jacobian.rowIndices();
        this.perm = order.clone();
        int[] inverse = new int[n];
        for (int k = 0; k < n; k++) {
            inverse[perm[k]] = k;
        }
        int nnz = rows.length;
        // Permuted matrix P·A·Pᵀ: entry (i, j) of A goes to (inverse[i], inverse[j]).
        int[] newColStart = new int[n + 1];
        for (int j = 0; j < n; j++) {
            newColStart[inverse[j] + 1] = colStart[j + 1] - colStart[j];
        }
        for (int j = 0; j < n; j++) {
            newColStart[j + 1] += newColStart[j];
        }
        int[] newRows = new int[nnz];
        position = new int[nnz];
        diagonal = new int[n];
        for (int newJ = 0; newJ < n; newJ++) {
            int j = perm[newJ];
            int base = newColStart[newJ];
            int len = colStart[j + 1] - colStart[j];
            // insertion sort of this column's new row indices, carrying the original positions
            for (int k = 0; k < len; k++) {
                int p = colStart[j] + k;
                int r = inverse[rows[p]];
                int s = base + k;
                while (s > base && newRows[s - 1] > r) {
                    newRows[s] = newRows[s - 1];
                    s--;
                }
                newRows[s] = r;
            }
            for (int k = 0; k < len; k++) {
                int p = colStart[j] + k;
                int r = inverse[rows[p]];
                int s = java.util.Arrays.binarySearch(newRows, base, base + len, r);
                position[p] = s;
                if (r == newJ) {
                    diagonal[newJ] = s;
                }
            }
        }
        matrix = new DMatrixSparseCSC(n, n, nnz);
        System.arraycopy(newColStart, 0, matrix.col_idx, 0, n + 1);
        System.arraycopy(newRows, 0, matrix.nz_rows, 0, nnz);
        matrix.nz_length = nnz;
        matrix.indicesSorted = true;
        lu = LinearSolverFactory_DSCC.lu(FillReducing.NONE);
        rhs = new DMatrixRMaj(n, 1);
        solution = new DMatrixRMaj(n, 1);
    }

    /**
     * Factorises σI − J for the given Jacobian values (CSC order of the {@link SparseJacobian}).
     *
     * @return false when the matrix is numerically singular
     */
    @Override
    public boolean factor(double sigma, double[] jacobianValues) {
        double[] v = matrix.nz_values;
        for (int p = 0; p < jacobianValues.length; p++) {
            v[position[p]] = -jacobianValues[p];
        }
        for (int k = 0; k < n; k++) {
            v[diagonal[k]] += sigma;
        }
        factorizations++;
        return lu.setA(matrix);
    }

    /** x = (σI − J)^{-1}·b using the last factorisation; b and x may be the same array. */
    @Override
    public boolean solve(double[] b, double[] x) {
        double[] r = rhs.data;
        for (int k = 0; k < n; k++) {
            r[k] = b[perm[k]];
        }
        lu.solve(rhs, solution);
        double[] s = solution.data;
        for (int k = 0; k < n; k++) {
            x[perm[k]] = s[k];
        }
        return true;
    }

    @Override
    public int factorizations() {
        return factorizations;
    }

    @Override
    public String description() {
        return "sparse LU (EJML, minimum-degree order)";
    }
}
