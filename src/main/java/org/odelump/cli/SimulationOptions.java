package org.odelump.cli;

import org.odelump.numeric.IntegratorChoice;
import org.odelump.numeric.Simulator;
import org.odelump.numeric.Verification;
import picocli.CommandLine.Option;

/** The simulation options shared by verify, reduce --verify and sweep. */
final class SimulationOptions {

    @Option(names = "--t-end", converter = Ranges.Positive.class, defaultValue = "10", paramLabel = "T",
            description = "End time of the simulations, in the model's time unit; the start is 0 "
                    + "(default: ${DEFAULT-VALUE}).")
    double tEnd;

    @Option(names = "--points", converter = Ranges.GridPoints.class, defaultValue = "200", paramLabel = "N",
            description = "Grid intervals between 0 and T: states are computed (and compared) at N+1 "
                    + "evenly spaced times (default: ${DEFAULT-VALUE}).")
    int points;

    @Option(names = "--abs-tol", converter = Ranges.Positive.class, defaultValue = "1e-10", paramLabel = "A",
            description = "Absolute local error tolerance of the integrator (default: ${DEFAULT-VALUE}).")
    double absTol;

    @Option(names = "--rel-tol", converter = Ranges.Positive.class, defaultValue = "1e-10", paramLabel = "R",
            description = "Relative local error tolerance of the integrator (default: ${DEFAULT-VALUE}).")
    double relTol;

    @Option(names = "--integrator", defaultValue = "auto", paramLabel = "KIND",
            description = "auto (default: Dormand-Prince 8(5,3), switching to the stiff RODAS4 method when it "
                    + "detects stiffness), stiff, or explicit.")
    SimulateCommand.IntegratorOption integrator;

    @Option(names = "--max-evaluations", converter = Ranges.PositiveInt.class,
            defaultValue = "2000000", paramLabel = "N",
            description = "Budget of derivative evaluations per simulation (default: ${DEFAULT-VALUE}); when it "
                    + "runs out the run stops with a diagnosis instead of hanging.")
    int maxEvaluations;

    // the ranges of the numeric options are checked while parsing (Ranges converters)

    /** The integrator selection these options describe. */
    IntegratorChoice integratorChoice() {
        return new IntegratorChoice(integrator.mode, relTol, absTol,
                Math.min(IntegratorChoice.DEFAULT_EXPLICIT_BUDGET, maxEvaluations), maxEvaluations);
    }

    /** Simulation and comparison options; {@code tolerance} is the largest acceptable relative error (&gt;= 0). */
    Verification.Options options(double tolerance) {
        return options(tolerance, 0.0);
    }

    /** Verification settings: a variable passes when its error is at most absTolerance + tolerance * its scale. */
    Verification.Options options(double tolerance, double absTolerance) {
        return new Verification.Options(tEnd, points, new Simulator.Options(absTol, relTol, maxEvaluations, 1e100,
                integrator.mode), tolerance, absTolerance);
    }
}
