package org.odelump.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.odelump.io.AtomicFiles;
import org.odelump.io.CsvTables;
import org.odelump.model.OdeSystem;
import org.odelump.numeric.GridSimulation;
import org.odelump.numeric.IntegratorChoice;
import org.odelump.numeric.RosenbrockIntegrator;
import org.odelump.numeric.Simulator;
import org.odelump.numeric.Trajectory;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code odelump simulate FILE}: integrates a model on a time grid, stiff or not. */
@CommandLine.Command(name = "simulate", mixinStandardHelpOptions = true,
        header = "Integrate a model on a time grid, switching to a stiff method when needed.",
        description = {
            "Integrates a model from its initial values on an even time grid and writes",
            "the trajectory as CSV. With --integrator auto (the default) it starts with",
            "the explicit Dormand-Prince 8(5,3) method and switches to the stiff",
            "Rosenbrock method RODAS4 (exact sparse Jacobian) when it detects stiffness;",
            "it says which integrator it used and why.",
        },
        footer = {
            "",
            "Examples:",
            "  odelump simulate ode-specs/lotka_volterra.ode --t-end 20 -o lv.csv",
            "  odelump simulate ode-specs/robertson.ode --t-end 1e11 --points 50",
            "  odelump simulate network.net --t-end 10 --integrator stiff --rel-tol 1e-8",
            "",
            "Exit codes: 0 ok, 2 invalid input, 3 the integration failed (blow-up,",
            "step size underflow, evaluation cap), 4 internal error.",
        })
final class SimulateCommand implements Callable<Integer> {

    @Mixin
    ModelOptions input;

    @Mixin
    SimulationOptions simulation;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.csv",
            description = "Write the trajectory here: a column 'time' and one per variable.")
    Path output;

    @Option(names = "--show", converter = Ranges.NonNegativeInt.class, defaultValue = "8", paramLabel = "K",
            description = "Print the final values of at most K variables (default: ${DEFAULT-VALUE}).")
    int show;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Integrators as typed on the command line (shared with verify, reduce --verify and sweep). */
    enum IntegratorOption {
        auto(IntegratorChoice.Mode.AUTO), stiff(IntegratorChoice.Mode.STIFF), explicit(IntegratorChoice.Mode.EXPLICIT);

        final IntegratorChoice.Mode mode;

        IntegratorOption(IntegratorChoice.Mode m) {
            this.mode = m;
        }
    }

    @Override
    public Integer call() throws Exception {
        IntegratorChoice choice = simulation.integratorChoice();
        double tEnd = simulation.tEnd;
        int points = simulation.points;
        PrintWriter out = spec.commandLine().getOut();
        OdeSystem m = input.load().system();
        GridSimulation.Result r = new GridSimulation(m, null, Simulator.grid(tEnd, points), choice).compute();
        Trajectory traj = r.trajectory();
        if (traj.status() != Trajectory.Status.COMPLETED) {
            out.printf(Locale.ROOT, "%s: simulation of '%s' stopped after %d of %d grid points: %s%n", input.file,
                    m.name(), traj.completedPoints(), points + 1, traj.message());
            writeCsv(m, traj, out);
            return Main.EXIT_CHECK_FAILED;
        }
        out.printf(Locale.ROOT, "%s: simulated '%s' (%d variables) to t = %s with %s%n", input.file, m.name(),
                m.dimension(), fmt(tEnd), r.method() == null ? "-" : r.method().label());
        out.println("  integrator " + r.reason());
        RosenbrockIntegrator.Statistics s = r.stiffStatistics();
        if (s != null) {
            out.printf(Locale.ROOT, "  steps      %d accepted, %d rejected; %d Jacobian evaluations, %d factorizations (%s)%n",
                    s.acceptedSteps(), s.rejectedSteps(), s.jacobianEvaluations(), s.factorizations(), s.linearSolver());
        }
        out.printf(Locale.ROOT, "  work       %d drift evaluations in %.3f s%n", r.evaluations(), r.seconds());
        double[] last = traj.state(traj.completedPoints() - 1);
        StringBuilder sb = new StringBuilder();
        List<String> names = m.variableNames();
        for (int i = 0; i < last.length && i < show; i++) {
            sb.append(i > 0 ? "  " : "").append(names.get(i)).append(" = ").append(fmt(last[i]));
        }
        if (last.length > show) {
            sb.append("  ... (").append(last.length - show).append(" more in the CSV)");
        }
        out.printf(Locale.ROOT, "  final      %s%n", sb);
        writeCsv(m, traj, out);
        return Main.EXIT_OK;
    }

    private void writeCsv(OdeSystem m, Trajectory traj, PrintWriter out) throws java.io.IOException {
        if (output == null) {
            return;
        }
        List<String> header = new ArrayList<>();
        header.add("time");
        header.addAll(m.variableNames());
        List<List<Double>> rows = new ArrayList<>();
        double[] times = traj.times();
        for (int k = 0; k < traj.completedPoints(); k++) {
            List<Double> row = new ArrayList<>(m.dimension() + 1);
            row.add(times[k]);
            for (double v : traj.state(k)) {
                row.add(v);
            }
            rows.add(row);
        }
        AtomicFiles.writeString(output, CsvTables.table(header, rows));
        out.println("  wrote      " + output + " (" + rows.size() + " rows)");
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
