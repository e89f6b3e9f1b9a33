package org.odelump.cli;

import org.odelump.numeric.IntegratorChoice;
import org.odelump.numeric.Simulator;
import org.odelump.numeric.Verification;
import picocli.CommandLine.Option;

/** The simulation options shared by verify, reduce --verify and sweep. */
final class SimulationOptions {

    @Option(names = "--t-end", defaultValue = "10", paramLabel = "T",
            description = "End time of the simulations, in the model's time unit; the start is 0 "
                    + "(default: ${DEFAULT-VALUE}).")
    double tEnd;

    @Option(names = "--points", defaultValue = "200", paramLabel = "N",
            description = "Grid intervals between 0 and T: states are computed (and compared) at N+1 "
                    + "evenly spaced times (default: ${DEFAULT-VALUE}).")
    int points;

    @Option(names = "--abs-tol", defaultValue = "1e-10", paramLabel = "A",
            description = "Absolute local error tolerance of the integrator (default: ${DEFAULT-VALUE}).")
    double absTol;

    @Option(names = "--rel-tol", defaultValue = "1e-10", paramLabel = "R",
            description = "Relative local error tolerance of the integrator (default: ${DEFAULT-VALUE}).")
    double relTol;

    @Option(names = "--integrator", defaultValue = "auto", paramLabel = "KIND",
            description = "auto (default: Dormand-Prince 8(5,3), switching to the stiff RODAS4 method when it "
                    + "detects stiffness), stiff, or explicit.")
    SimulateCommand.IntegratorOption integrator;

    @Option(names = "--max-evaluations", defaultValue = "2000000", paramLabel = "N",
            description = "Budget of derivative evaluations per simulation (default: ${DEFAULT-VALUE}); when it "
                    + "runs out the run stops with a diagnosis instead of hanging.")
    int maxEvaluations;

    /** Checks the options; a mistake is a one-line usage error. */
    void validate() {
        if (!(tEnd > 0) || Double.isInfinite(tEnd)) {
            throw new Main.UsageException("--t-end must be a positive number: " + tEnd);
        }
        if (points < 1 || points > 10_000_000) {
            throw new Main.UsageException("--points must be between 1 and 10,000,000: " + points);
        }
        if (!(absTol > 0) || !(relTol > 0) || maxEvaluations < 1) {
            throw new Main.UsageException("--abs-tol, --rel-tol and --max-evaluations must be positive");
        }
    }

    /** The integrator selection these options describe. */
    IntegratorChoice integratorChoice() {
        validate();
        return new IntegratorChoice(integrator.mode, relTol, absTol,
                Math.min(IntegratorChoice.DEFAULT_EXPLICIT_BUDGET, maxEvaluations), maxEvaluations);
    }

    Verification.Options options(double tolerance) {
        return options(tolerance, 0.0);
    }

    /** Verification settings: a variable passes when its error is at most absTolerance + tolerance * its scale. */
    Verification.Options options(double tolerance, double absTolerance) {
        validate();
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new Main.UsageException("the relative verification tolerance must be a number >= 0: " + tolerance);
        }
        if (!(absTolerance >= 0) || Double.isInfinite(absTolerance)) {
            throw new Main.UsageException("the absolute verification tolerance must be a number >= 0: " + absTolerance);
        }
        return new Verification.Options(tEnd, points, new Simulator.Options(absTol, relTol, maxEvaluations, 1e100,
                integrator.mode), tolerance, absTolerance);
    }
}
