package org.odelump.numeric;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.odelump.model.Monomial;
import org.odelump.model.OdeSystem;
import org.odelump.model.Polynomial;

class SparseJacobianTest {

    /** A random polynomial system of degree ≤ 3 with a few terms per drift (fixed seed). */
    private static OdeSystem random(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        OdeSystem.Builder b = OdeSystem.builder("random");
        List<Polynomial> fs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            b.variables("x" + i);
            Polynomial.Builder p = Polynomial.builder();
            int terms = 1 + rnd.nextInt(5);
            for (int t = 0; t < terms; t++) {
                int deg = rnd.nextInt(4);
                int[] vs = new int[deg];
                for (int d = 0; d < deg; d++) {
                    vs[d] = rnd.nextInt(n);
                }
                p.add(Monomial.ofMultiset(vs), rnd.nextDouble(-2, 2));
            }
            fs.add(p.build());
        }
        return b.initialValues(new double[n]).drifts(fs).build();
    }

    @Test
    void entriesAreTheExactPartialDerivatives() {
        OdeSystem s = random(12, 3);
        SparseJacobian jac = new SparseJacobian(s);
        SplittableRandom rnd = new SplittableRandom(5);
        double[] x = new double[12];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextDouble(-1.5, 1.5);
        }
        double[] values = new double[jac.nonZeros()];
        jac.evaluate(x, values, jac.newWorkspace());
        int[] colStart = jac.columnStarts();
        int[] rows = jac.rowIndices();
        double[][] dense = new double[12][12];
        for (int j = 0; j < 12; j++) {
            for (int p = colStart[j]; p < colStart[j + 1]; p++) {
                dense[rows[p]][j] = values[p];
            }
            assertThat(rows[jac.diagonalPosition(j)]).isEqualTo(j);
        }
        for (int i = 0; i < 12; i++) {
            for (int j = 0; j < 12; j++) {
                double symbolic = s.drift(i).derivative(j).evaluate(x);
                assertThat(dense[i][j]).as("(%d,%d)", i, j).isCloseTo(symbolic,
                        org.assertj.core.data.Offset.offset(1e-12 * (1 + Math.abs(symbolic))));
                // central finite difference as an independent check
                double h = 1e-6;
                double[] xp = x.clone();
                double[] xm = x.clone();
                xp[j] += h;
                xm[j] -= h;
                double fd = (s.drift(i).evaluate(xp) - s.drift(i).evaluate(xm)) / (2 * h);
                assertThat(dense[i][j]).isCloseTo(fd, org.assertj.core.data.Offset.offset(1e-6));
            }
        }
    }

    @Test
    void compiledDriftEqualsTheModelsEvaluation() {
        OdeSystem s = random(30, 11);
        PolynomialOde ode = new PolynomialOde(s);
        double[] x = new double[30];
        for (int i = 0; i < 30; i++) {
            x[i] = 0.1 * i - 1;
        }
        double[] expected = s.evaluate(x);
        double[] got = ode.computeDerivatives(0, x);
        for (int i = 0; i < 30; i++) {
            assertThat(got[i]).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    @Test
    void bothStageSolversSolveTheShiftedSystem() {
        OdeSystem s = TestSystems.synthetic(60, 180, 2);
        SparseJacobian jac = new SparseJacobian(s);
        double[] x = s.initialValues();
        double[] values = new double[jac.nonZeros()];
        jac.evaluate(x, values, jac.newWorkspace());
        double sigma = 50;
        double[] b = new double[60];
        for (int i = 0; i < 60; i++) {
            b[i] = Math.sin(i + 1.0);
        }
        for (StageSolver solver : List.of(new ShiftedJacobianSolver(jac), new IluGmresSolver(jac, 1e-12))) {
            assertThat(solver.factor(sigma, values)).isTrue();
            double[] sol = new double[60];
            assertThat(solver.solve(b, sol)).isTrue();
            // residual of (σI − J) sol − b, computed from the CSC arrays
            double[] r = new double[60];
            int[] colStart = jac.columnStarts();
            int[] rows = jac.rowIndices();
            for (int j = 0; j < 60; j++) {
                r[j] += sigma * sol[j];
                for (int p = colStart[j]; p < colStart[j + 1]; p++) {
                    r[rows[p]] -= values[p] * sol[j];
                }
            }
            for (int i = 0; i < 60; i++) {
                assertThat(r[i]).as(solver.description()).isCloseTo(b[i],
                        org.assertj.core.data.Offset.offset(1e-9));
            }
        }
    }

    @Test
    void minimumDegreeOrderingIsAPermutationAndGivesUpBeyondItsBudget() {
        SparseJacobian jac = new SparseJacobian(TestSystems.synthetic(200, 800, 4));
        int[] order = MinimumDegreeOrdering.order(jac.dimension(), jac.columnStarts(), jac.rowIndices());
        assertThat(order).hasSize(200);
        assertThat(java.util.Arrays.stream(order).sorted().toArray())
                .isEqualTo(java.util.stream.IntStream.range(0, 200).toArray());
        assertThat(MinimumDegreeOrdering.order(jac.dimension(), jac.columnStarts(), jac.rowIndices(), 10))
                .isNull();
    }
}
