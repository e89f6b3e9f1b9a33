package org.odelump.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.odelump.dsl.DslPrinter;
import org.odelump.io.AtomicFiles;
import org.odelump.io.LumpingHeader;
import org.odelump.lumping.ApproximateReduction;
import org.odelump.lumping.EpsilonMode;
import org.odelump.lumping.EpsilonSettings;
import org.odelump.lumping.LumpingCheck;
import org.odelump.lumping.Prepartition;
import org.odelump.lumping.Reduction;
import org.odelump.lumping.Tolerance;
import org.odelump.model.Diagnostic;
import org.odelump.model.LumpedSystem;
import org.odelump.model.OdeSystem;
import org.odelump.model.Partition;
import org.odelump.numeric.GridSimulation;
import org.odelump.numeric.IntegratorChoice;
import org.odelump.numeric.Simulator;
import org.odelump.numeric.Trajectory;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code odelump run FILE.ode}: executes the commands written in an ERODE/CLUE model file, in order. */
@CommandLine.Command(name = "run", mixinStandardHelpOptions = true,
        header = "Execute the commands written in an ERODE/CLUE .ode file (reduceFE, reduceBE, simulateODE, ...).",
        description = {
            "Runs the commands of a model file in the order written, through the same library calls as",
            "'odelump reduce' and 'odelump simulate'. Understood (ERODE names): reduceFE, reduceFDE, reduceBE,",
            "reduceBDE (exact FE/BE), reduceEpsNFB, reduceEpsNBB (epsilon-FE / epsilon-BE) with prePartition",
            "(NO, IC, USER, USER_and_IC), reducedFile and epsilon; simulateODE with tEnd, steps (default 200)",
            "and csvFile (the CSV has the model's linear views too), with the integrator of 'odelump simulate'",
            "(auto, tolerances 1e-10). Every command runs on the model of the file.",
            "A command or option that cannot be honoured is a warning with its file:line:column and is skipped;",
            "'odelump check FILE' lists what would run. Relative file names resolve against the model file's",
            "folder, as in ERODE (missing folders are created).",
        },
        footer = {
            "",
            "Examples:",
            "  odelump run ode-specs/binding_sites.ode",
            "  odelump run model.ode --dry-run      list the commands and what would run",
            "",
            "Exit codes: 0 ok (warnings may be printed), 2 invalid input, 3 a self-check or simulation failed,",
            "4 internal error.",
        })
final class RunCommand implements Callable<Integer> {

    @Mixin
    ModelOptions input;

    @Option(names = "--dry-run", description = "List the commands and what would run; run nothing.")
    boolean dryRun;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private double loadSeconds;

    /** Relative and absolute tolerance of simulateODE, the defaults of 'odelump simulate'. */
    private static final double SIMULATION_TOLERANCE = 1e-10;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long t0 = System.nanoTime();
        ModelLoader.Loaded loaded = input.load();
        loadSeconds = (System.nanoTime() - t0) / 1e9;
        OdeSystem m = loaded.system();
        for (Diagnostic w : loaded.warnings()) {
            err.println("warning: " + w);
        }
        List<RunPlan.Step> steps = RunPlan.of(m, input.file);
        out.printf(Locale.ROOT, "%s: model '%s', %d command%s%n", input.file, m.name(), steps.size(),
                steps.size() == 1 ? "" : "s");
        for (RunPlan.Step s : steps) {
            for (Diagnostic w : s.warnings()) {
                err.println("warning: " + w);
            }
        }
        CliOutput.of(spec).result("steps", steps.stream().map(RunPlan.Step::describe).toList());
        int code = Main.EXIT_OK;
        for (RunPlan.Step s : steps) {
            out.println("  " + s.describe());
            if (dryRun || s.action() == RunPlan.Action.SKIP) {
                continue;
            }
            int c = s.action() == RunPlan.Action.REDUCE ? reduce(m, s, out) : simulate(m, s, out, err);
            code = Math.max(code, c);
        }
        return code;
    }

    private int reduce(OdeSystem m, RunPlan.Step s, PrintWriter out) throws java.io.IOException {
        long t0 = System.nanoTime();
        Partition initial = Prepartition.combine(m, s.prepartition(), List.of());
        String description = s.prepartition().isEmpty() ? "NONE"
                : String.join("+", s.prepartition().stream().map(Enum::name).toList());
        LumpedSystem lumped;
        LumpingCheck.Result check = null;
        if (s.approximate()) {
            ApproximateReduction.Result r = ApproximateSupport.reduce(m, s.method(), initial, description,
                    EpsilonSettings.of(s.epsilon(), EpsilonMode.ABS), false, List.of());
            lumped = r.lumped();
        } else {
            lumped = new Reduction(m, s.method(), initial, description, Tolerance.DEFAULT).compute();
            check = LumpingCheck.ofDefaults(lumped).compute();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        StringWriter text = new StringWriter();
        ReductionSummary.print(new PrintWriter(text), s.command().name(), lumped, 20, loadSeconds, seconds, check);
        text.toString().lines().forEach(l -> out.println("    " + l));
        if (s.output() != null) {
            Path parent = s.output().toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            AtomicFiles.writeString(s.output(), DslPrinter.print(lumped.reduced(), LumpingHeader.lines(lumped)));
            out.println("      wrote      " + s.output());
        }
        return check != null && !check.passed() ? Main.EXIT_CHECK_FAILED : Main.EXIT_OK;
    }

    private int simulate(OdeSystem m, RunPlan.Step s, PrintWriter out, PrintWriter err) throws java.io.IOException {
        GridSimulation.Result r = new GridSimulation(m, null, Simulator.grid(s.tEnd(), s.steps()),
                new IntegratorChoice(IntegratorChoice.Mode.AUTO, SIMULATION_TOLERANCE, SIMULATION_TOLERANCE))
                .compute();
        Trajectory traj = r.trajectory();
        boolean completed = traj.status() == Trajectory.Status.COMPLETED;
        out.printf(Locale.ROOT, "      %s with %s: %s%n", completed ? "simulated" : "stopped",
                r.method() == null ? "-" : r.method().label(),
                completed ? traj.completedPoints() + " time points" : traj.message());
        if (s.output() != null) {
            Path parent = s.output().toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            TrajectoryTable.Written w = TrajectoryTable.write(s.output(), m, traj, 0, List.of());
            for (String v : w.skippedViews()) {
                err.println("warning: view " + v + " is not linear in the variables; it is not written to "
                        + s.output());
            }
            out.println("      wrote      " + s.output() + " (" + w.rows() + " rows"
                    + (w.extraColumns().isEmpty() ? "" : "; views " + String.join(", ", w.extraColumns())) + ")");
        }
        return completed ? Main.EXIT_OK : Main.EXIT_CHECK_FAILED;
    }
}
