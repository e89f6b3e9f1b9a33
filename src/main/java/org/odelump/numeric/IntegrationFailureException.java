package org.odelump.numeric;

import org.hipparchus.exception.LocalizedCoreFormats;
import org.hipparchus.exception.MathIllegalStateException;

/**
 * A numerical integration that could not reach its end time, with the reason as a {@link Kind} and the time it
 * had reached. It is a Hipparchus {@link MathIllegalStateException}, so code written against
 * {@link org.hipparchus.ode.ODEIntegrator} handles it like any other integrator failure.
 */
public final class IntegrationFailureException extends MathIllegalStateException {

    private static final long serialVersionUID = 1L;

    /** Why an integration stopped. */
    public enum Kind {
        /** The state or its derivative became NaN or infinite (blow-up). */
        NON_FINITE,
        /** The step size fell below the resolution of the time variable. */
        STEP_SIZE_UNDERFLOW,
        /** The evaluation budget of the drift was exhausted. */
        EVALUATION_LIMIT,
        /** The linear system of an implicit stage stayed singular after step reductions. */
        SINGULAR_MATRIX
    }

    private final Kind kind;
    private final double time;

    public IntegrationFailureException(Kind kind, double time, String message) {
        super(LocalizedCoreFormats.SIMPLE_MESSAGE, message);
        this.kind = kind;
        this.time = time;
    }

    public Kind kind() {
        return kind;
    }

    /** The time the integration had reached when it failed. */
    public double time() {
        return time;
    }
}
