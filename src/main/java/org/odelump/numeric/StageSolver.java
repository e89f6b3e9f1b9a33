package org.odelump.numeric;

/**
 * Solver for the linear systems (σI − J)·x = b of the Rosenbrock stages, refactorised once per step.
 * Two implementations: {@link ShiftedJacobianSolver} (sparse direct LU) and {@link IluGmresSolver}
 * (ILU(0)-preconditioned GMRES), chosen by {@link #forJacobian}.
 */
interface StageSolver {

    /** Prepares for σI − J with the given Jacobian values; false when the matrix is numerically singular. */
    boolean factor(double sigma, double[] jacobianValues);

    /** x = (σI − J)^{-1}·b; false when an iterative solve did not converge. */
    boolean solve(double[] b, double[] x);

    int factorizations();

    /** Short description for statistics and reports. */
    String description();

    /**
     * A sparse direct LU when the minimum-degree elimination of the symmetrised pattern keeps the fill below
     * {@code fillFactor}·nnz(J) (then the ordering is reused by every factorisation), otherwise ILU(0)-GMRES.
     */
    static StageSolver forJacobian(SparseJacobian jacobian, double fillFactor, double gmresTolerance) {
        long budget = (long) (fillFactor * jacobian.nonZeros()) + 4L * jacobian.dimension();
        int[] order = MinimumDegreeOrdering.order(jacobian.dimension(), jacobian.columnStarts(),
                jacobian.rowIndices(), budget);
        if (order != null) {
            return new ShiftedJacobianSolver(jacobian, order);
        }
        return new IluGmresSolver(jacobian, gmresTolerance);
    }
}
