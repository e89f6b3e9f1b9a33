package org.odelump.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.odelump.dsl.DslPrinter;
import org.odelump.lumping.LumpingCheck;
import org.odelump.lumping.Prepartition;
import org.odelump.lumping.Reduction;
import org.odelump.lumping.Tolerance;
import org.odelump.model.LumpedSystem;
import org.odelump.model.LumpedSystem.Method;
import org.odelump.model.OdeSystem;
import org.odelump.model.Partition;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code odelump reduce FILE --method fe|be}: the coarsest exact lumping and the reduced model. */
@CommandLine.Command(name = "reduce", mixinStandardHelpOptions = true,
        description = {
            "Computes the coarsest exact forward (FE) or backward (BE) differential equivalence that refines an",
            "initial partition, builds the reduced model and checks it (FE: L*f(x) = f^(L*x) at random points;",
            "BE: equal drifts on block-constant points).",
            "",
            "FE: each reduced variable is the SUM of a block, exact for every initial state.",
            "BE: each reduced variable is the common VALUE of a block, exact when initial values are constant on",
            "    blocks (use --prepartition ic, or user,ic, to guarantee that).",
        },
        footer = {
            "",
            "Examples:",
            "  odelump reduce model.ode --method fe",
            "  odelump reduce model.ode --method be --prepartition ic -o reduced.ode",
            "  odelump reduce egfr.net --method fe --observe s1,s2 --report egfr_fe.json",
            "  odelump reduce model.ode --method fe --prepartition user,ic",
            "",
            "Exit codes: 0 ok, 2 invalid input or options, 3 a self-check failed, 4 internal error.",
        })
final class ReduceCommand implements Callable<Integer> {

    @Mixin
    ModelOptions input;

    @Option(names = {"-m", "--method"}, required = true, paramLabel = "METHOD",
            description = "fe (forward: block sums) or be (backward: block values).")
    MethodOption method;

    @Option(names = {"-p", "--prepartition"}, split = ",", paramLabel = "KIND",
            description = "Initial partition, combinable with commas: none (default), user (the model's "
                    + "partition section; unlisted variables form one block), ic (equal initial values), "
                    + "observe (keep each --observe set apart).")
    List<PrepartitionOption> prepartition = new ArrayList<>();

    @Option(names = "--observe", paramLabel = "NAMES", split = ";",
            description = "Observable to preserve: comma-separated variable names whose sum must stay exactly "
                    + "computable, or the name of a view of the model. Repeat the option (or separate with ';') "
                    + "for several observables. Implies --prepartition observe.")
    List<String> observe = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.ode", description = "Write the reduced model here.")
    Path output;

    @Option(names = "--report", paramLabel = "OUT.json", description = "Write a JSON report here.")
    Path report;

    @Option(names = "--tolerance", defaultValue = "1e-12", paramLabel = "REL",
            description = "Relative tolerance when comparing coefficients (default: ${DEFAULT-VALUE}); "
                    + "0.1 + 0.2 and 0.3 compare equal.")
    double tolerance;

    @Option(names = "--no-check", description = "Skip the algebraic self-check of the reduced model.")
    boolean noCheck;

    @Option(names = "--show-blocks", defaultValue = "20", paramLabel = "N",
            description = "Print at most N non-singleton blocks (default: ${DEFAULT-VALUE}; all are in --report).")
    int showBlocks;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Methods as typed on the command line. */
    enum MethodOption {
        fe(Method.FE), be(Method.BE);

        final Method method;

        MethodOption(Method m) {
            this.method = m;
        }
    }

    /** Prepartition kinds as typed on the command line. */
    enum PrepartitionOption {
        none(Prepartition.NONE), user(Prepartition.USER), ic(Prepartition.IC), observe(Prepartition.OBSERVE);

        final Prepartition kind;

        PrepartitionOption(Prepartition k) {
            this.kind = k;
        }
    }

    @Override
    public Integer call() throws Exception {
        if (!(tolerance >= 0) || tolerance >= 1) {
            throw new Main.UsageException("--tolerance must be in [0, 1): " + tolerance);
        }
        PrintWriter out = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        ModelLoader.Loaded loaded = input.load();
        long t1 = System.nanoTime();
        OdeSystem m = loaded.system();
        Set<Prepartition> kinds = new LinkedHashSet<>();
        for (PrepartitionOption p : prepartition) {
            kinds.add(p.kind);
        }
        List<Set<String>> observables = Observables.resolve(m, observe);
        if (!observables.isEmpty()) {
            kinds.add(Prepartition.OBSERVE);
        } else if (kinds.contains(Prepartition.OBSERVE)) {
            throw new Main.UsageException("--prepartition observe needs at least one --observe");
        }
        kinds.remove(Prepartition.NONE);
        Partition initial = Prepartition.combine(m, kinds, observables);
        String initialDescription = kinds.isEmpty() ? "NONE" : String.join("+", kinds.stream().map(Enum::name).toList());

        long t2 = System.nanoTime();
        LumpedSystem lumped = new Reduction(m, method.method, initial, initialDescription,
                Tolerance.of(tolerance)).compute();
        long t3 = System.nanoTime();
        LumpingCheck.Result check = noCheck ? null : new LumpingCheck(lumped, 32, 1L, 1e-9).compute();

        ReductionSummary.print(out, input.file.toString(), lumped, showBlocks, (t1 - t0) / 1e9, (t3 - t2) / 1e9, check);
        for (var w : loaded.warnings()) {
            spec.commandLine().getErr().println("warning: " + w);
        }
        if (output != null) {
            AtomicFiles.writeString(output, DslPrinter.print(lumped.reduced(), lumped.header()));
            out.println("  wrote      " + output);
        }
        if (report != null) {
            AtomicFiles.writeString(report, ReductionSummary.json(lumped, loaded, (t1 - t0) / 1e9, (t3 - t2) / 1e9, check));
            out.println("  report     " + report);
        }
        return check != null && !check.passed() ? Main.EXIT_CHECK_FAILED : Main.EXIT_OK;
    }
}
