package org.odelump.numeric;

import org.hipparchus.exception.LocalizedCoreFormats;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.ode.AbstractIntegrator;
import org.hipparchus.ode.ExpandableODE;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;

/**
 * An adaptive Rosenbrock (linearly implicit) integrator for stiff polynomial ODE systems, on Hipparchus'
 * integrator interfaces: step handlers receive a {@link org.hipparchus.ode.sampling.ODEStateInterpolator}
 * (cubic Hermite dense output), event detectors work as for Hipparchus' own integrators, and the evaluation
 * budget is {@link #setMaxEvaluations}.
 *
 * <p><b>Method.</b> RODAS4 (Hairer and Wanner, <i>Solving ODEs II</i>, 2nd ed. 1996, §IV.7 and §VI.4;
 * coefficients in {@link Rodas4Tableau}): six stages, order 4, embedded order 3, L-stable and stiffly accurate. Each step costs
 * one Jacobian evaluation, one sparse LU factorisation of I/(hγ) − J and six drift evaluations (the first is
 * shared with the previous step's end). The Jacobian is the exact one of the polynomial drift
 * ({@link SparseJacobian}). The stage systems are solved by EJML's sparse LU on a minimum-degree ordering
 * computed once, or, when that ordering predicts more than 4·nnz(J) fill (reaction networks with hub species),
 * by ILU(0)-preconditioned GMRES ({@link LinearAlgebra}).
 *
 * <p><b>Step control</b> (the standard controller of HW I, 2nd ed. 1993, §II.4): the error
 * ‖err‖ = sqrt(mean((err_i / (atol + rtol·max(|y_i|, |y1_i|)))²)) is accepted when ≤ 1; the next step is
 * h·min(6, max(0.2, 0.9·‖err‖^(−1/4))), never growing right after a rejection. A stage that produces NaN or
 * infinity, or a singular matrix, rejects the step and quarters (halves) h.
 *
 * <p><b>Failures</b> are {@link IntegrationFailureException}s with a kind: NON_FINITE, STEP_SIZE_UNDERFLOW,
 * EVALUATION_LIMIT, SINGULAR_MATRIX. Every loop is bounded by the evaluation budget, so it cannot hang.
 *
 * <p>Only {@link PolynomialOde} problems are accepted (their Jacobian is needed), without secondary equations.
 */
public final class RosenbrockIntegrator extends AbstractIntegrator {

    /** Name reported by {@link #getName()}. */
    public static final String NAME = "Rodas4 (sparse Rosenbrock)";
    /** Default drift-evaluation budget. */
    public static final int DEFAULT_MAX_EVALUATIONS = 2_000_000;

    private static final double SAFETY = 0.9;
    private static final double FAC_MIN = 0.2;
    private static final double FAC_MAX = 6.0;
    private static final int MAX_SINGULAR_RETRIES = 20;
    private static final int STAGES_OK = 0;
    private static final int STAGES_NON_FINITE = 1;
    private static final int STAGES_SOLVE_FAILED = 2;

    /** Fill allowed for the direct LU, as a multiple of nnz(J), before switching to ILU(0)-GMRES. */
    private static final double FILL_FACTOR = 4.0;
    /** Relative residual at which GMRES stops. */
    private static final double GMRES_TOLERANCE = 1e-10;

    /** How the stage linear systems are solved. */
    public enum LinearAlgebra {
        /** Sparse direct LU unless its predicted fill exceeds 4 × nnz(J); then ILU(0)-GMRES. */
        AUTO,
        /** EJML sparse LU on a minimum-degree ordering. */
        DIRECT,
        /** Restarted GMRES preconditioned by ILU(0). */
        ITERATIVE
    }

    private final double relTol;
    private final double absTol;
    private final double initialStep;
    private LinearAlgebra linearAlgebra = LinearAlgebra.AUTO;
    private Statistics statistics = new Statistics(0, 0, 0, 0, 0, 0, "none", 0);

    /**
     * @param relTol relative tolerance (&gt; 0)
     * @param absTol absolute tolerance (&gt; 0)
     */
    public RosenbrockIntegrator(double relTol, double absTol) {
        this(relTol, absTol, Double.NaN);
    }

    /**
     * @param initialStep first step size, or NaN to let the integrator choose (HW I §II.4 starting-step
     *     heuristic)
     */
    public RosenbrockIntegrator(double relTol, double absTol, double initialStep) {
        super(NAME);
        if (!(relTol > 0) || !(absTol > 0) || Double.isInfinite(relTol) || Double.isInfinite(absTol)) {
            throw new IllegalArgumentException("tolerances must be positive and finite: rtol=" + relTol
                    + ", atol=" + absTol);
        }
        this.relTol = relTol;
        this.absTol = absTol;
        this.initialStep = initialStep;
        setMaxEvaluations(DEFAULT_MAX_EVALUATIONS);
    }

    public double relativeTolerance() {
        return relTol;
    }

    public double absoluteTolerance() {
        return absTol;
    }

    /** Chooses how stage systems are solved (default {@link LinearAlgebra#AUTO}). */
    public void setLinearAlgebra(LinearAlgebra choice) {
        this.linearAlgebra = java.util.Objects.requireNonNull(choice);
    }

    /** Counters of the last {@code integrate} call. */
    public Statistics statistics() {
        return statistics;
    }

    /**
     * Work counters of one integration.
     *
     * @param acceptedSteps accepted steps
     * @param rejectedSteps steps rejected by the error test, a non-finite stage or a singular matrix
     * @param driftEvaluations evaluations of f (the same count as {@link #getEvaluations()})
     * @param jacobianEvaluations evaluations of the sparse Jacobian
     * @param factorizations sparse LU factorisations
     * @param linearSolves stage solves
     * @param linearSolver which stage solver was used
     * @param gmresIterations GMRES iterations in total (0 for the direct solver)
     */
    public record Statistics(int acceptedSteps, int rejectedSteps, int driftEvaluations, int jacobianEvaluations,
            int factorizations, int linearSolves, String linearSolver, long gmresIterations) {
    }

    @Override
    public ODEStateAndDerivative integrate(ExpandableODE equations, ODEState initialState, double finalTime)
            throws MathIllegalArgumentException, MathIllegalStateException {
        if (!(equations.getPrimary() instanceof PolynomialOde ode)) {
            throw new IllegalArgumentException(NAME + " needs a PolynomialOde (for its exact Jacobian), got "
                    + equations.getPrimary().getClass().getName());
        }
        if (equations.getMapper().getNumberOfEquations() != 1) {
            throw new IllegalArgumentException(NAME + " does not support secondary equations");
        }
        sanityChecks(initialState, finalTime);
        checkFinite(initialState.getPrimaryState(), initialState.getTime(), "initial state");
        Run run = new Run(ode, true);
        try {
            return run.integrate(equations, initialState, finalTime);
        } catch (MathIllegalStateException e) {
            if (e instanceof IntegrationFailureException) {
                throw e;
            }
            if (e.getSpecifier() == LocalizedCoreFormats.MAX_COUNT_EXCEEDED) {
                double t = getStepStart() == null ? initialState.getTime() : getStepStart().getTime();
                throw new IntegrationFailureException(IntegrationFailureException.Kind.EVALUATION_LIMIT, t,
                        NAME + ": drift evaluation budget of " + getMaxEvaluations() + " exhausted at t = " + t
                                + " (integrating to " + finalTime + ")");
            }
            throw e;
        } finally {
            statistics = run.statistics();
        }
    }

    /**
     * Integrates with {@code steps} equal steps and no error control (for convergence-order tests).
     *
     * @return the state at tEnd
     */
    double[] fixedSteps(PolynomialOde ode, double[] y0, double t0, double tEnd, int steps) {
        Run run = new Run(ode, false);
        double hs = (tEnd - t0) / steps;
        double[] y = y0.clone();
        for (int s = 0; s < steps; s++) {
            double t = t0 + s * hs;
            run.jacobian.evaluate(y, run.jacobianValues, run.jacobianWork);
            if (!run.solver.factor(1.0 / (hs * Rodas4Tableau.GAMMA), run.jacobianValues)) {
                throw new IllegalStateException("singular matrix at t = " + t);
            }
            run.stages(y, ode.computeDerivatives(t, y), hs, t);
            System.arraycopy(run.yNew, 0, y, 0, y.length);
        }
        return y;
    }

    /** Like {@link #fixedSteps} but returns the embedded (order-3) solution of the last step instead. */
    double[] fixedStepsEmbedded(PolynomialOde ode, double[] y0, double t0, double tEnd, int steps) {
        Run run = new Run(ode, false);
        double hs = (tEnd - t0) / steps;
        double[] y = y0.clone();
        double[] emb = null;
        for (int s = 0; s < steps; s++) {
            double t = t0 + s * hs;
            run.jacobian.evaluate(y, run.jacobianValues, run.jacobianWork);
            run.solver.factor(1.0 / (hs * Rodas4Tableau.GAMMA), run.jacobianValues);
            run.stages(y, ode.computeDerivatives(t, y), hs, t);
            emb = run.yNew.clone();
            for (int i = 0; i < y.length; i++) {
                emb[i] -= run.k[Rodas4Tableau.STAGES - 1][i];
            }
            System.arraycopy(run.yNew, 0, y, 0, y.length);
        }
        return emb;
    }

    private static void checkFinite(double[] y, double t, String what) {
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                throw new IntegrationFailureException(IntegrationFailureException.Kind.NON_FINITE, t,
                        what + " component " + i + " is " + y[i] + " at t = " + t);
            }
        }
    }

    /** The working arrays of one integration. */
    private final class Run {
        private final int n;
        private final SparseJacobian jacobian;
        private final SparseJacobian.Workspace jacobianWork;
        private final double[] jacobianValues;
        private final StageSolver solver;
        private final double[][] k;
        private final double[] yStage;
        private final double[] rhs;
        private final double[] yNew;
        private int accepted;
        private int rejected;
        private int jacobianEvaluations;
        private int solves;

        private final PolynomialOde ode;
        private final boolean counted;

        Run(PolynomialOde ode, boolean counted) {
            this.ode = ode;
            this.counted = counted;
            n = ode.getDimension();
            jacobian = ode.jacobian();
            jacobianWork = jacobian.newWorkspace();
            jacobianValues = new double[jacobian.nonZeros()];
            solver = switch (linearAlgebra) {
                case AUTO -> StageSolver.forJacobian(jacobian, FILL_FACTOR, GMRES_TOLERANCE);
                case DIRECT -> new ShiftedJacobianSolver(jacobian);
                case ITERATIVE -> new IluGmresSolver(jacobian, GMRES_TOLERANCE);
            };
            k = new double[Rodas4Tableau.STAGES][n];
            yStage = new double[n];
            rhs = new double[n];
            yNew = new double[n];
        }

        Statistics statistics() {
            return new Statistics(accepted, rejected, counted ? getEvaluations() : 0, jacobianEvaluations,
                    solver.factorizations(), solves, solver.description(),
                    solver instanceof IluGmresSolver g ? g.iterations() : 0);
        }

        ODEStateAndDerivative integrate(ExpandableODE equations, ODEState initialState, double finalTime) {
            setStepStart(initIntegration(equations, initialState, finalTime));
            boolean forward = finalTime > initialState.getTime();
            double span = Math.abs(finalTime - initialState.getTime());
            double h = Double.isNaN(initialStep) ? startingStep(getStepStart()) : Math.abs(initialStep);
            h = Math.min(h, span);
            setIsLastStep(span == 0);
            boolean previousRejected = false;
            int singularRetries = 0;
            boolean lastRejectionNonFinite = false;
            while (!isLastStep()) {
                ODEStateAndDerivative start = getStepStart();
                double t = start.getTime();
                double[] y = start.getPrimaryState();
                double[] f0 = start.getPrimaryDerivative();
                double remaining = Math.abs(finalTime - t);
                boolean last = h >= remaining * (1 - 1e-12);
                if (last) {
                    h = remaining;
                }
                double minStep = 16 * Math.ulp(t);
                if (h < minStep) {
                    IntegrationFailureException.Kind kind = lastRejectionNonFinite
                            ? IntegrationFailureException.Kind.NON_FINITE
                            : IntegrationFailureException.Kind.STEP_SIZE_UNDERFLOW;
                    throw new IntegrationFailureException(kind, t, NAME + ": step size " + h
                            + " underflowed at t = " + t + (lastRejectionNonFinite
                                    ? " after the solution became NaN or infinite (blow-up?)" : ""));
                }
                double hs = forward ? h : -h;
                setStepSize(hs);
                jacobian.evaluate(y, jacobianValues, jacobianWork);
                jacobianEvaluations++;
                if (!solver.factor(1.0 / (hs * Rodas4Tableau.GAMMA), jacobianValues)) {
                    rejected++;
                    if (++singularRetries > MAX_SINGULAR_RETRIES) {
                        throw new IntegrationFailureException(IntegrationFailureException.Kind.SINGULAR_MATRIX,
                                t, NAME + ": I/(h*gamma) - J stayed singular at t = " + t + " after "
                                        + MAX_SINGULAR_RETRIES + " step reductions");
                    }
                    h *= 0.5;
                    previousRejected = true;
                    continue;
                }
                singularRetries = 0;
                int outcome = stages(y, f0, hs, t);
                if (outcome != STAGES_OK) {
                    rejected++;
                    lastRejectionNonFinite = outcome == STAGES_NON_FINITE;
                    if (outcome == STAGES_SOLVE_FAILED && ++singularRetries > MAX_SINGULAR_RETRIES) {
                        throw new IntegrationFailureException(IntegrationFailureException.Kind.SINGULAR_MATRIX,
                                t, NAME + ": " + solver.description() + " did not converge at t = " + t
                                        + " after " + MAX_SINGULAR_RETRIES + " step reductions");
                    }
                    h *= outcome == STAGES_NON_FINITE ? 0.25 : 0.5;
                    previousRejected = true;
                    continue;
                }
                double err = errorNorm(y);
                if (!(err <= 1.0)) {
                    rejected++;
                    lastRejectionNonFinite = Double.isNaN(err);
                    double fac = Double.isNaN(err) ? 0.25
                            : Math.max(FAC_MIN, SAFETY * Math.pow(err, -1.0 / Rodas4Tableau.ERROR_ORDER));
                    h *= fac;
                    previousRejected = true;
                    continue;
                }
                lastRejectionNonFinite = false;
                accepted++;
                double tNew = last ? finalTime : t + hs;
                double[] fNew = computeDerivatives(tNew, yNew);
                checkFinite(fNew, tNew, "drift");
                ODEStateAndDerivative end = new ODEStateAndDerivative(tNew, yNew.clone(), fNew);
                HermiteStateInterpolator interpolator = new HermiteStateInterpolator(forward, start, end, start,
                        end, equations.getMapper());
                if (last) {
                    setIsLastStep(true);
                }
                ODEStateAndDerivative next = acceptStep(interpolator, finalTime);
                if (next.getTime() != tNew || resetOccurred()) {
                    // an event truncated the step or reset the state: restart from exact derivative values
                    next = new ODEStateAndDerivative(next.getTime(), next.getPrimaryState(),
                            computeDerivatives(next.getTime(), next.getPrimaryState()));
                }
                setStepStart(next);
                double fac = err == 0 ? FAC_MAX
                        : Math.min(FAC_MAX, Math.max(FAC_MIN,
                                SAFETY * Math.pow(err, -1.0 / Rodas4Tableau.ERROR_ORDER)));
                if (previousRejected) {
                    fac = Math.min(fac, 1.0);
                }
                previousRejected = false;
                h *= fac;
            }
            return getStepStart();
        }

        /** Computes the stages and yNew; k[5] is the error estimate. Returns a STAGES_* outcome. */
        private int stages(double[] y, double[] f0, double hs, double t) {
            for (int s = 0; s < Rodas4Tableau.STAGES; s++) {
                double[] fs;
                if (s == 0) {
                    fs = f0;
                } else {
                    double[] a = Rodas4Tableau.A[s];
                    for (int i = 0; i < n; i++) {
                        double v = y[i];
                        for (int j = 0; j < s; j++) {
                            v += a[j] * k[j][i];
                        }
                        yStage[i] = v;
                    }
                    fs = counted ? computeDerivatives(t + hs, yStage) : ode.computeDerivatives(t + hs, yStage);
                }
                double[] c = Rodas4Tableau.C[s];
                boolean finite = true;
                for (int i = 0; i < n; i++) {
                    double v = fs[i];
                    for (int j = 0; j < s; j++) {
                        v += c[j] / hs * k[j][i];
                    }
                    rhs[i] = v;
                    finite &= Double.isFinite(v);
                }
                if (!finite) {
                    return STAGES_NON_FINITE;
                }
                solves++;
                if (!solver.solve(rhs, k[s])) {
                    return STAGES_SOLVE_FAILED;
                }
            }
            boolean finite = true;
            for (int i = 0; i < n; i++) {
                double v = y[i];
                for (int s = 0; s < Rodas4Tableau.STAGES; s++) {
                    v += Rodas4Tableau.M[s] * k[s][i];
                }
                yNew[i] = v;
                finite &= Double.isFinite(v);
            }
            return finite ? STAGES_OK : STAGES_NON_FINITE;
        }

        /** Scaled RMS norm of the embedded error estimate Σ e_i k_i (= k_6 for RODAS4). */
        private double errorNorm(double[] y) {
            double sum = 0.0;
            double[] e = Rodas4Tableau.E;
            for (int i = 0; i < n; i++) {
                double v = 0.0;
                for (int s = 0; s < Rodas4Tableau.STAGES; s++) {
                    if (e[s] != 0.0) {
                        v += e[s] * k[s][i];
                    }
                }
                double sc = absTol + relTol * Math.max(Math.abs(y[i]), Math.abs(yNew[i]));
                double r = v / sc;
                sum += r * r;
            }
            return n == 0 ? 0.0 : Math.sqrt(sum / n);
        }

        /** Starting step heuristic of HW I §II.4 (first part): 0.01·‖y0‖/‖f0‖ in the scaled norm. */
        private double startingStep(ODEStateAndDerivative s) {
            double[] y = s.getPrimaryState();
            double[] f = s.getPrimaryDerivative();
            double d0 = 0;
            double d1 = 0;
            for (int i = 0; i < n; i++) {
                double sc = absTol + relTol * Math.abs(y[i]);
                d0 += (y[i] / sc) * (y[i] / sc);
                d1 += (f[i] / sc) * (f[i] / sc);
            }
            d0 = Math.sqrt(d0 / Math.max(1, n));
            d1 = Math.sqrt(d1 / Math.max(1, n));
            return d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : 0.01 * d0 / d1;
        }
    }
}
