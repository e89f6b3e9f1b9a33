package org.odelump.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.odelump.dsl.DslPrinter;
import org.odelump.io.AtomicFiles;
import org.odelump.io.LumpingHeader;
import org.odelump.lumping.ApproximateReduction;
import org.odelump.lumping.LumpingCheck;
import org.odelump.lumping.Prepartition;
import org.odelump.lumping.Reduction;
import org.odelump.model.LumpedSystem;
import org.odelump.model.LumpedSystem.Method;
import org.odelump.model.OdeSystem;
import org.odelump.model.Partition;
import org.odelump.numeric.Verification;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code odelump reduce FILE --method fe|be}: the coarsest exact lumping and the reduced model. */
@CommandLine.Command(name = "reduce", mixinStandardHelpOptions = true,
        header = "Coarsest exact (FE/BE) or approximate (efe/ebe) lumping of a model.",
        description = {
            "Computes the coarsest exact forward (FE) or backward (BE) differential equivalence that refines an",
            "initial partition, builds the reduced model and checks it (FE: L*f(x) = f^(L*x) at random points;",
            "BE: equal drifts on block-constant points).",
            "",
            "FE: each reduced variable is the SUM of a block, exact for every initial state.",
            "BE: each reduced variable is the common VALUE of a block, exact when initial values are constant on",
            "    blocks (use --prepartition ic, or user,ic, to guarantee that). The default prepartition stays none",
            "    (as ERODE's reduceBE); --verify refuses a BE partition whose blocks mix initial values.",
            "EFE/EBE: approximate versions (epsilon-FE = AFDE, epsilon-BE; Cardelli et al., QEST 2018): same-block",
            "    variables need only epsilon-close aggregated coefficient vectors (L1 distance). The reduced model",
            "    is the direct quotient, or with --nearest-exact / --perturb the exact quotient of the nearest model",
            "    for which the partition is exact. At --epsilon 0 the partitions are exactly FE / BE.",
            "",
            "--keep-parameters (fe/be): the reduced drifts of a model given as ODEs or SBML are written with",
            "    the parameter names, so a parameter scan still works on the reduced model. The lumping was found",
            "    at the numeric values; a parameter stays a name only if the FE/BE identity holds for every value",
            "    of it (checked as a polynomial identity in the variables and the parameters); one that divides",
            "    as a factor is written as a division (G*v1/C). Any other parameter (the lumping relies on its",
            "    value, e.g. k1 = k2; or it occurs in a function, an exponent or a divisor that is no product of",
            "    parameters) is replaced by its value and named with the reason on the terminal, in --json and in",
            "    the file's header.",
            "    A mass-action network reduces to reactions whose rates name only the parameters that pass this",
            "    check (without the option they keep every name, unchecked).",
            "    -o OUT.xml writes SBML with the kept parameters as constant <parameter>s named in the kinetic",
            "    laws / rate rules; -o OUT.net a BioNetGen network with them in its parameters block and rates",
            "    (a drift term that is no number times parameters times species is an error there).",
        },
        footer = {
            "",
            "Examples:",
            "  odelump reduce model.ode --method fe",
            "  odelump reduce model.ode --method be --prepartition ic -o reduced.ode",
            "  odelump reduce egfr.net --method fe --observe s1,s2 --report egfr_fe.json",
            "  odelump reduce model.ode --method fe --prepartition user,ic",
            "  odelump reduce model.ode --method ebe --epsilon 0.05 --verify -o approx.ode",
            "  odelump reduce model.ode --method efe --epsilon 0.05 --epsilon-mode rel",
            "  odelump reduce model.ode --method ebe --epsilon 0.05 --nearest-exact",
            "  odelump reduce model.ode --method ebe --epsilon 0.05 --perturb r1,r2",
            "  odelump reduce model.ode --method fe --keep-parameters -o reduced.ode",
            "  odelump reduce model.xml --method fe --keep-parameters -o reduced.xml   SBML for a parameter scan",
            "",
            "Exit codes: 0 ok, 2 invalid input or options, 3 a self-check failed, 4 internal error.",
        })
final class ReduceCommand implements Callable<Integer> {

    @Mixin
    ModelOptions input;

    @Option(names = {"-m", "--method"}, required = true, paramLabel = "METHOD",
            description = "fe (forward: block sums) or be (backward: block values); efe / ebe for the approximate "
                    + "versions (epsilon-FE = AFDE, epsilon-BE) with --epsilon.")
    MethodOption method;

    @Option(names = "--epsilon", converter = Ranges.NonNegative.class, defaultValue = "0", paramLabel = "EPS",
            description = "Tolerance of efe/ebe: variables whose aggregated coefficient vectors are within EPS in "
                    + "L1 distance may share a block (default: ${DEFAULT-VALUE}, which gives the exact FE/BE).")
    double epsilon;

    @Mixin
    EpsilonOptions epsilonOptions;

    @Option(names = "--nearest-exact",
            description = "efe/ebe: reduce the nearest model for which the epsilon-partition is exact (smallest "
                    + "change of the drift coefficients) instead of the original as if it were exact.")
    boolean nearestExact;

    @Option(names = "--perturb", split = ",", paramLabel = "PARAMS",
            description = "efe/ebe: as --nearest-exact, but change only these parameters (comma-separated, or "
                    + "'all'), by the least 2-norm.")
    List<String> perturb = new ArrayList<>();

    @Option(names = "--verify",
            description = "Simulate the original and the reduced model and compare them (see 'odelump verify'); "
                    + "exit code 3 when a variable's error exceeds --verify-abs-tolerance + --verify-tolerance "
                    + "times its scale; exit code 2 for a BE partition whose blocks mix initial values (use -p ic).")
    boolean verify;

    @Option(names = "--verify-tolerance", converter = Ranges.NonNegative.class,
            defaultValue = "1e-6", paramLabel = "TOL",
            description = "Relative part of the acceptable error of --verify (default: ${DEFAULT-VALUE}).")
    double verifyTolerance;

    @Option(names = "--verify-abs-tolerance", converter = Ranges.NonNegative.class,
            defaultValue = VerifyCommand.DEFAULT_ABS_TOLERANCE, paramLabel = "ABS",
            description = "Absolute part of the acceptable error of --verify (default: ${DEFAULT-VALUE}, ten times "
                    + "the integrator's default --abs-tol).")
    double verifyAbsTolerance;

    @Mixin
    SimulationOptions simulation;

    @Option(names = {"-p", "--prepartition"}, split = ",", paramLabel = "KIND",
            description = "Initial partition, combinable with commas: none (default), user (the model's "
                    + "partition section; unlisted variables form one block), ic (equal initial values), "
                    + "observe (keep each --observe set apart).")
    List<PrepartitionOption> prepartition = new ArrayList<>();

    @Option(names = "--observe", paramLabel = "NAMES", split = ";",
            description = "Observable to preserve: a variable, a sum of variables (A+B, or A,B) that must stay "
                    + "exactly computable, or the name of a linear view of the model. Repeat the option (or "
                    + "separate with ';') for several observables. Implies --prepartition observe.")
    List<String> observe = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.ode",
            description = "Write the reduced model here: OUT.xml / OUT.sbml as SBML, OUT.net as a BioNetGen network, "
                    + "anything else as DSL text with the reduction in its header (what 'odelump verify' reads).")
    Path output;

    @Option(names = "--keep-parameters",
            description = "fe/be: write the reduced drifts with the parameter names where the lumping holds for "
                    + "all their values (see above); DSL, SBML or .net output.")
    boolean keepParameters;

    @Option(names = "--report", paramLabel = "OUT.json", description = "Write a JSON report here.")
    Path report;

    @Option(names = "--no-check", description = "Skip the algebraic self-check of the reduced model.")
    boolean noCheck;

    @Option(names = "--show-blocks", converter = Ranges.NonNegativeInt.class, defaultValue = "20", paramLabel = "N",
            description = "Print at most N non-singleton blocks (default: ${DEFAULT-VALUE}; all are in --report).")
    int showBlocks;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Methods as typed on the command line. */
    enum MethodOption {
        fe(Method.FE, false), be(Method.BE, false), efe(Method.FE, true), ebe(Method.BE, true);

        final Method method;
        final boolean approximate;

        MethodOption(Method m, boolean approximate) {
            this.method = m;
            this.approximate = approximate;
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
        if (!method.approximate && (epsilon != 0 || nearestExact || !perturb.isEmpty()
                || spec.findOption("--grouping").originalStringValues().size() > 0)) {
            throw new Main.UsageException("--epsilon, --grouping, --nearest-exact and --perturb need --method efe or ebe");
        }
        ApproximateReduction.Result approx = !method.approximate ? null
                : ApproximateSupport.reduce(m, method.method, initial, initialDescription,
                        epsilonOptions.at(epsilon), nearestExact, perturb);
        LumpedSystem lumped = approx != null ? approx.lumped() : new Reduction(m, method.method, initial,
                initialDescription, epsilonOptions.tolerance).compute();
        KeptParameters.Outcome kept = null;
        if (keepParameters) {
            if (method.approximate) {
                throw new Main.UsageException("--keep-parameters needs --method fe or be: an approximate lumping "
                        + "is not exact for any parameter values");
            }
            kept = KeptParameters.apply(lumped, loaded.format() == ModelLoader.Format.SBML ? input.file : null);
            lumped = kept.lumped();
        }
        long t3 = System.nanoTime();
        // a direct quotient of an epsilon-partition is not exact by construction: only --verify judges it
        boolean skipCheck = noCheck || (approx != null && approx.nearest() == null);
        LumpingCheck.Result check = skipCheck ? null : LumpingCheck.ofDefaults(lumped).compute();

        ReductionSummary.print(out, input.file.toString(), lumped, showBlocks, (t1 - t0) / 1e9, (t3 - t2) / 1e9, check);
        if (approx != null) {
            ApproximateSupport.printApproximation(out, approx);
        }
        if (kept != null) {
            KeptParameters.print(out, kept);
        }
        for (var w : loaded.warnings()) {
            spec.commandLine().getErr().println("warning: " + w);
        }
        if (CliOutput.of(spec).mode() == CliOutput.Mode.JSON) {
            CliOutput.of(spec).result("reduction", ReductionSummary.map(lumped, loaded, (t1 - t0) / 1e9,
                    (t3 - t2) / 1e9, check));
            if (kept != null) {
                CliOutput.of(spec).result("parameters", KeptParameters.map(kept));
            }
        }
        if (output != null) {
            List<String> header = new ArrayList<>(LumpingHeader.lines(lumped));
            if (kept != null) {
                header.addAll(KeptParameters.lines(kept));
            }
            AtomicFiles.writeString(output, ModelFormat.of(null, output).write(lumped.reduced(), header,
                    spec.commandLine().getErr(), kept != null ? DslPrinter.Drifts.SOURCES : DslPrinter.Drifts.EXPANDED));
            out.println("  wrote      " + output);
        }
        if (report != null) {
            Map<String, Object> fields = ReductionSummary.map(lumped, loaded, (t1 - t0) / 1e9, (t3 - t2) / 1e9, check);
            if (kept != null) {
                fields.put("parameters", KeptParameters.map(kept));
            }
            AtomicFiles.writeString(report, ReductionSummary.json(fields));
            out.println("  report     " + report);
        }
        String unequal = lumped.method() == Method.BE ? BackwardInitialValues.firstUnequalBlock(m, blocks(lumped))
                : null;
        if (unequal != null && verify) {
            throw new Main.UsageException(BackwardInitialValues.refusal(unequal));
        }
        if (verify) {
            Verification.Report r = Verification.of(m, lumped,
                    simulation.options(verifyTolerance, verifyAbsTolerance)).compute();
            VerificationOutput.print(out, r, 15);
            CliOutput.of(spec).result("verification", VerificationOutput.map(r));
            if (output != null) {
                VerificationOutput.write(out, r, lumped.method().name(), VerifyCommand.sibling(output, ".verify.csv"),
                        VerifyCommand.sibling(output, ".verify.png"));
            }
            if (!r.passed()) {
                spec.commandLine().getErr().println("odelump: " + r.summary());
                return Main.EXIT_CHECK_FAILED;
            }
        }
        return check != null && !check.passed() ? Main.EXIT_CHECK_FAILED : Main.EXIT_OK;
    }

    private static int[][] blocks(LumpedSystem lumped) {
        int[][] members = new int[lumped.partition().size()][];
        for (int b = 0; b < members.length; b++) {
            members[b] = lumped.partition().block(b);
        }
        return members;
    }
}
