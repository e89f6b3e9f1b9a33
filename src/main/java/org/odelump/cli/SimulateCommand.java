package org.odelump.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
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
            "it says which integrator it used and why. The CSV also has one column per",
            "linear view of the model and per --observe. --times replaces the even grid",
            "by the listed times (the model's initial values are at t = 0).",
        },
        footer = {
            "",
            "Examples:",
            "  odelump simulate ode-specs/lotka_volterra.ode --t-end 20 -o lv.csv",
            "  odelump simulate ode-specs/robertson.ode --t-end 1e11 --points 50",
            "  odelump simulate network.net --t-end 10 --integrator stiff --rel-tol 1e-8",
            "  odelump simulate model.ode --times 0,0.5,1,2,5 --observe 'A1P+Rfree;S' -o t.csv",
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

    @Option(names = "--times", split = ",", converter = Ranges.NonNegative.class, paramLabel = "T1,T2,...",
            description = "Write the state at exactly these times (increasing, >= 0) instead of the even grid of "
                    + "--t-end/--points.")
    List<Double> times = new ArrayList<>();

    @Option(names = "--observe", split = ";", paramLabel = "OBS",
            description = "Also write this observable: a variable, a sum A+B, or a linear view; repeat the option "
                    + "or separate with ';' for several.")
    List<String> observe = new ArrayList<>();

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
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        if (!times.isEmpty() && (parsed.hasMatchedOption("--t-end") || parsed.hasMatchedOption("--points"))) {
            throw new Main.UsageException("--times replaces --t-end and --points; give either");
        }
        double[] grid = times.isEmpty() ? Simulator.grid(simulation.tEnd, simulation.points) : grid(times);
        int firstRow = times.isEmpty() || times.get(0) == 0.0 ? 0 : 1;
        double tEnd = grid[grid.length - 1];
        int points = grid.length - 1;
        PrintWriter out = spec.commandLine().getOut();
        ModelLoader.Loaded loaded = input.load();
        OdeSystem m = loaded.system();
        for (var w : loaded.warnings()) {
            spec.commandLine().getErr().println("warning: " + w);
        }
        List<Observables.Column> observed = Observables.columns(m, observe);
        GridSimulation.Result r = new GridSimulation(m, null, grid, choice).compute();
        Trajectory traj = r.trajectory();
        if (traj.status() != Trajectory.Status.COMPLETED) {
            out.printf(Locale.ROOT, "%s: simulation of '%s' stopped after %d of %d grid points: %s%n", input.file,
                    m.name(), traj.completedPoints(), points + 1, traj.message());
            writeCsv(m, traj, firstRow, observed, out);
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
        java.util.Map<String, Object> finals = new java.util.LinkedHashMap<>();
        for (int i = 0; i < last.length; i++) {
            finals.put(names.get(i), last[i]);
        }
        for (Observables.Column c : observed) {
            out.printf(Locale.ROOT, "  observe    %s = %s%n", c.name(), fmt(c.value(last)));
            finals.put(c.name(), c.value(last));
        }
        java.util.Map<String, Object> result = new java.util.LinkedHashMap<>();
        result.put("model", m.name());
        result.put("tEnd", tEnd);
        result.put("timePoints", traj.completedPoints());
        result.put("integrator", r.method() == null ? null : r.method().label());
        result.put("evaluations", r.evaluations());
        result.put("final", finals);
        CliOutput.of(spec).result("simulation", result);
        writeCsv(m, traj, firstRow, observed, out);
        return Main.EXIT_OK;
    }

    /** The user's times as a grid from 0: checked (finite, >= 0, increasing), with 0 added in front if missing. */
    static double[] grid(List<Double> times) {
        List<Double> g = new ArrayList<>();
        if (times.get(0) != 0.0) {
            g.add(0.0);
        }
        double previous = -1.0;
        for (double t : times) {
            if (!Double.isFinite(t) || t < 0 || t <= previous) {
                throw new Main.UsageException("--times must be finite, >= 0 and strictly increasing: " + times);
            }
            previous = t;
            g.add(t);
        }
        if (g.size() < 2) {
            throw new Main.UsageException("--times needs at least one time > 0: " + times);
        }
        return g.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private void writeCsv(OdeSystem m, Trajectory traj, int firstRow, List<Observables.Column> observed,
                          PrintWriter out) throws java.io.IOException {
        if (output == null) {
            return;
        }
        TrajectoryTable.Written w = TrajectoryTable.write(output, m, traj, firstRow, observed);
        for (String v : w.skippedViews()) {
            spec.commandLine().getErr().println("warning: view " + v + " is not linear in the variables; it is not "
                    + "written to " + output);
        }
        out.println("  wrote      " + output + " (" + w.rows() + " rows"
                + (w.extraColumns().isEmpty() ? "" : "; views/observables " + String.join(", ", w.extraColumns()))
                + ")");
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
