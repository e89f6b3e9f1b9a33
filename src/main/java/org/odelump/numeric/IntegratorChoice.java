package org.odelump.numeric;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.hipparchus.exception.LocalizedCoreFormats;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.ode.AbstractIntegrator;
import org.hipparchus.ode.LocalizedODEFormats;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.ode.sampling.ODEStepHandler;
import org.odelump.model.OdeSystem;

/**
 * Chooses between the explicit Dormand–Prince 8(5,3) integrator and the stiff {@link RosenbrockIntegrator}
 * and says which one it used and why — the hook behind {@code simulate}/{@code verify --integrator}.
 *
 * <p>{@link Mode#AUTO} first runs Dormand–Prince with a {@link StiffnessDetector} and a drift-evaluation budget.
 * If the detector fires, or the budget runs out, it integrates again from the start with Rodas4; step handlers
 * then see {@code init} a second time and the whole trajectory again (handlers that reset in {@code init},
 * like samplers onto a grid, need nothing special). {@link Mode#STIFF} and {@link Mode#EXPLICIT} use one method.
 *
 * <p>Immutable; each {@link #integrate} call creates fresh integrators.
 */
public final class IntegratorChoice {

    /** Which integrator to use. */
    public enum Mode {
        /** Explicit first; switch to the stiff method when stiffness is detected. */
        AUTO,
        /** The stiff Rosenbrock method only. */
        STIFF,
        /** Dormand–Prince 8(5,3) only. */
        EXPLICIT
    }

    /** The integrator that produced a result. */
    public enum Method {
        DORMAND_PRINCE_853("Dormand-Prince 8(5,3)"),
        RODAS4(RosenbrockIntegrator.NAME);

        private final String label;

        Method(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * The outcome of {@link #integrate}.
     *
     * @param finalState state and derivative at the end time
     * @param method the integrator that produced finalState
     * @param reason why that integrator was used, in words
     * @param evaluations drift evaluations of all attempts together
     * @param explicitEvaluations drift evaluations spent by the explicit attempt (0 when none)
     * @param stiffStatistics counters of the stiff run, or null when the explicit method finished
     */
    public record Result(ODEStateAndDerivative finalState, Method method, String reason, int evaluations,
            int explicitEvaluations, RosenbrockIntegrator.Statistics stiffStatistics) {
    }

    /** Default evaluation budget of the explicit attempt in AUTO mode. */
    public static final int DEFAULT_EXPLICIT_BUDGET = 200_000;

    private final Mode mode;
    private final double relTol;
    private final double absTol;
    private final int explicitBudget;
    private final int maxEvaluations;

    /** With the default explicit budget and {@link RosenbrockIntegrator#DEFAULT_MAX_EVALUATIONS}. */
    public IntegratorChoice(Mode mode, double relTol, double absTol) {
        this(mode, relTol, absTol, DEFAULT_EXPLICIT_BUDGET, RosenbrockIntegrator.DEFAULT_MAX_EVALUATIONS);
    }

    /**
     * @param explicitBudget drift evaluations the explicit attempt of AUTO may spend before it counts as stiff
     * @param maxEvaluations drift evaluations allowed to the integrator that must finish (EXPLICIT or STIFF,
     *     and the stiff run of AUTO)
     */
    public IntegratorChoice(Mode mode, double relTol, double absTol, int explicitBudget, int maxEvaluations) {
        this.mode = Objects.requireNonNull(mode, "mode");
        if (!(relTol > 0) || !(absTol > 0)) {
            throw new IllegalArgumentException("tolerances must be positive: " + relTol + ", " + absTol);
        }
        if (explicitBudget < 1 || maxEvaluations < 1) {
            throw new IllegalArgumentException("evaluation budgets must be positive");
        }
        this.relTol = relTol;
        this.absTol = absTol;
        this.explicitBudget = explicitBudget;
        this.maxEvaluations = maxEvaluations;
    }

    public Mode mode() {
        return mode;
    }

    /**
     * Integrates {@code system} from (t0, y0) to tEnd, passing every accepted step to the handlers.
     *
     * @throws IntegrationFailureException when the chosen integrator cannot reach tEnd
     */
    public Result integrate(OdeSystem system, double t0, double[] y0, double tEnd, List<ODEStepHandler> handlers) {
        PolynomialOde ode = new PolynomialOde(system);
        ODEState start = new ODEState(t0, y0.clone());
        switch (mode) {
            case STIFF:
                return stiff(ode, start, tEnd, handlers, "requested (--integrator stiff)", 0);
            case EXPLICIT: {
                DormandPrince853Integrator dp = explicit(tEnd - t0, maxEvaluations, handlers);
                ODEStateAndDerivative end = runExplicit(dp, ode, start, tEnd);
                return new Result(end, Method.DORMAND_PRINCE_853, "requested (--integrator explicit)",
                        dp.getEvaluations(), dp.getEvaluations(), null);
            }
            default:
                break;
        }
        DormandPrince853Integrator dp = explicit(tEnd - t0, explicitBudget, handlers);
        StiffnessDetector detector = new StiffnessDetector(ode.jacobian());
        dp.addStepHandler(detector);
        String why;
        try {
            ODEStateAndDerivative end = runExplicit(dp, ode, start, tEnd);
            return new Result(end, Method.DORMAND_PRINCE_853, String.format(Locale.ROOT,
                    "auto: no stiffness detected in %d explicit steps", detector.steps()), dp.getEvaluations(),
                    dp.getEvaluations(), null);
        } catch (StiffnessDetector.StiffnessDetectedException e) {
            why = "auto: stiffness detected by the explicit method (" + e.getMessage() + ")";
        } catch (IntegrationFailureException e) {
            if (e.kind() == IntegrationFailureException.Kind.EVALUATION_LIMIT) {
                why = String.format(Locale.ROOT, "auto: the explicit method used its budget of %d evaluations by "
                        + "t = %.6g of %.6g (last h*rho %.3g)", explicitBudget, e.time(), tEnd, detector.lastHRho());
            } else if (e.kind() == IntegrationFailureException.Kind.NON_FINITE
                    || e.kind() == IntegrationFailureException.Kind.STEP_SIZE_UNDERFLOW) {
                // An explicit method going unstable is the classic sign of stiffness; a genuine blow-up fails
                // again in the stiff run and is reported from there.
                why = "auto: the explicit method became unstable (" + e.getMessage() + "), a sign of stiffness";
            } else {
                throw e;
            }
        }
        return stiff(ode, start, tEnd, handlers, why, dp.getEvaluations());
    }

    private Result stiff(PolynomialOde ode, ODEState start, double tEnd, List<ODEStepHandler> handlers,
            String why, int explicitEvaluations) {
        RosenbrockIntegrator r = new RosenbrockIntegrator(relTol, absTol);
        r.setMaxEvaluations(maxEvaluations);
        handlers.forEach(r::addStepHandler);
        ODEStateAndDerivative end = r.integrate(ode, start, tEnd);
        return new Result(end, Method.RODAS4, why, explicitEvaluations + r.getEvaluations(), explicitEvaluations,
                r.statistics());
    }

    private DormandPrince853Integrator explicit(double span, int budget, List<ODEStepHandler> handlers) {
        DormandPrince853Integrator dp = new DormandPrince853Integrator(0.0, Math.abs(span), absTol, relTol);
        dp.setMaxEvaluations(budget);
        handlers.forEach(dp::addStepHandler);
        return dp;
    }

    /** Runs an explicit integrator, translating Hipparchus' failures into typed ones. */
    static ODEStateAndDerivative runExplicit(AbstractIntegrator integrator, PolynomialOde ode, ODEState start,
            double tEnd) {
        try {
            ODEStateAndDerivative end = integrator.integrate(ode, start, tEnd);
            for (double v : end.getPrimaryState()) {
                if (!Double.isFinite(v)) {
                    throw new IntegrationFailureException(IntegrationFailureException.Kind.NON_FINITE,
                            end.getTime(), integrator.getName() + ": the solution is not finite at t = "
                                    + end.getTime());
                }
            }
            return end;
        } catch (MathIllegalStateException e) {
            if (e instanceof IntegrationFailureException) {
                throw e;
            }
            double t = integrator.getStepStart() == null ? start.getTime() : integrator.getStepStart().getTime();
            if (e.getSpecifier() == LocalizedCoreFormats.MAX_COUNT_EXCEEDED) {
                throw new IntegrationFailureException(IntegrationFailureException.Kind.EVALUATION_LIMIT, t,
                        integrator.getName() + ": drift evaluation budget of " + integrator.getMaxEvaluations()
                                + " exhausted at t = " + t + " (integrating to " + tEnd + ")");
            }
            if (e.getSpecifier() == LocalizedODEFormats.NAN_APPEARING_DURING_INTEGRATION) {
                throw new IntegrationFailureException(IntegrationFailureException.Kind.NON_FINITE, t,
                        integrator.getName() + ": NaN appeared at t = " + t);
            }
            throw e;
        } catch (MathIllegalArgumentException e) {
            double t = integrator.getStepStart() == null ? start.getTime() : integrator.getStepStart().getTime();
            if (e.getSpecifier() == LocalizedODEFormats.MINIMAL_STEPSIZE_REACHED_DURING_INTEGRATION) {
                throw new IntegrationFailureException(IntegrationFailureException.Kind.STEP_SIZE_UNDERFLOW, t,
                        integrator.getName() + ": step size underflow at t = " + t);
            }
            throw e;
        }
    }
}
