package org.odelump.numeric;

/**
 * Coefficients of RODAS4, the stiffly accurate, L-stable Rosenbrock method of order 4 with six stages and an
 * embedded method of order 3, from Hairer's code RODAS (E. Hairer and G. Wanner, <i>Solving Ordinary
 * Differential Equations II: Stiff and Differential-Algebraic Problems</i>, 2nd ed., Springer 1996; §IV.7 for
 * Rosenbrock methods and their transformed form, §VI.4 for RODAS). They are used in the transformed variables
 * that avoid matrix–vector products with the Jacobian:
 *
 * <pre>
 *   (I/(hγ) − J) k_i = f(y + Σ_{j&lt;i} a_ij k_j) + Σ_{j&lt;i} (c_ij / h) k_j,      i = 1..6
 *   y_1 = y + Σ m_i k_i,      err = Σ e_i k_i
 * </pre>
 *
 * <p>The numbers are transcribed from the tabulation of Hairer's RODAS coefficients in this form by A. Sandu
 * et al., "Benchmarking stiff ODE solvers for atmospheric chemistry problems II: Rosenbrock solvers",
 * Atmospheric Environment 31(20), 1997 (as used in the KPP and FATODE Rosenbrock integrators). The method is
 * stiffly accurate: y_1 is the sixth stage value plus k_6 and the order-3 embedded solution is the sixth stage
 * value, so the error estimate is k_6. The orders are verified empirically in {@code RosenbrockIntegratorTest}
 * (global order 4, local orders 5 and 4). The drift is autonomous, so the γ_i·h·∂f/∂t terms vanish.
 */
final class Rodas4Tableau {

    static final int STAGES = 6;
    /** Diagonal coefficient γ. */
    static final double GAMMA = 0.25;
    /** Order used in the step-size controller: min(order, embedded order) + 1. */
    static final double ERROR_ORDER = 4.0;

    /** a[i][j], strictly lower triangular. */
    static final double[][] A = new double[STAGES][STAGES];
    /** c[i][j], strictly lower triangular. */
    static final double[][] C = new double[STAGES][STAGES];
    static final double[] M = new double[STAGES];
    static final double[] E = new double[STAGES];

    static {
        double[] a = {
            1.544, // a21
            0.9466785280815826, 0.2557011698983284, // a31 a32
            3.314825187068521, 2.896124015972201, 0.9986419139977817, // a41..a43
            1.221224509226641, 6.019134481288629, 12.53708332932087, -0.6878860361058950, // a51..a54
            1.221224509226641, 6.019134481288629, 12.53708332932087, -0.6878860361058950, 1.0 // a61..a65
        };
        double[] c = {
            -5.6688,
            -2.430093356833875, -0.2063599157091915,
            -0.1073529058151375, -9.594562251023355, -20.47028614809616,
            7.496443313967647, -10.24680431464352, -33.99990352819905, 11.70890893206160,
            8.083246795921522, -7.981132988064893, -31.52159432874371, 16.31930543123136, -6.058818238834054
        };
        int q = 0;
        for (int i = 1; i < STAGES; i++) {
            for (int j = 0; j < i; j++) {
                A[i][j] = a[q];
                C[i][j] = c[q++];
            }
        }
        System.arraycopy(new double[] {1.221224509226641, 6.019134481288629, 12.53708332932087,
            -0.6878860361058950, 1.0, 1.0}, 0, M, 0, STAGES);
        E[STAGES - 1] = 1.0;
    }

    private Rodas4Tableau() {
    }
}
