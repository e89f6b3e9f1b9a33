package org.odelump.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.odelump.dsl.OdeParser;
import org.odelump.io.LumpingHeader;
import org.odelump.model.OdeSystem;
import org.odelump.numeric.Verification;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code odelump verify ORIGINAL REDUCED}: simulates both and compares them. */
@CommandLine.Command(name = "verify", mixinStandardHelpOptions = true,
        header = "Simulate an original and a reduced model side by side and compare them.",
        description = {
            "Integrates an original model and a reduced model written by",
            "'odelump reduce -o' with Dormand-Prince 8(5,3), each from its own initial",
            "values, maps the original onto the reduced variables (block sums for FE,",
            "the block representative for BE, as the reduced file's '// odelump-lumping'",
            "and '// odelump-block' header lines say) and reports the maximum absolute",
            "and relative error per reduced variable and overall. The relative error of",
            "a variable is its maximum absolute error divided by its scale max_t |original|.",
            "A variable passes when its maximum absolute error is at most",
            "--abs-tolerance + --tolerance * scale, so species that stay near 1e-100 do not",
            "fail on relative noise.",
            "Writes both trajectories as CSV and a PNG of original against lumped for",
            "the largest blocks. Simulations that blow up, underflow their step size or",
            "exhaust the evaluation budget fail with a diagnosis (stiff models are",
            "recognised as such) instead of hanging.",
        },
        footer = {
            "",
            "Examples:",
            "  odelump reduce ode-specs/multisite2.ode --method fe -p user -o ms2_fe.ode",
            "  odelump verify ode-specs/multisite2.ode ms2_fe.ode",
            "  odelump verify model.ode reduced.ode --t-end 50 --points 500 \\",
            "      --tolerance 1e-3 --abs-tolerance 1e-12 --csv r.csv --plot r.png",
            "",
            "Exit codes: 0 ok, 2 invalid input (also: a BE reduction whose blocks join",
            "variables with different initial values; reduce with -p ic), 3 error above",
            "the tolerance or a simulation failed, 4 internal error.",
        })
final class VerifyCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ORIGINAL", description = "The original model (.ode or BioNetGen .net).")
    Path originalFile;

    @Parameters(index = "1", paramLabel = "REDUCED", description = "The reduced model written by odelump reduce -o.")
    Path reducedFile;

    @Mixin
    SimulationOptions simulation;

    /** Default absolute part of the verification tolerance: ten times the integrator's default --abs-tol. */
    static final String DEFAULT_ABS_TOLERANCE = "1e-9";

    @Option(names = {"--tolerance", "--rel-tolerance"}, converter = Ranges.NonNegative.class, defaultValue = "1e-6",
            paramLabel = "TOL",
            description = "Relative part of the acceptable error of a variable, times its scale "
                    + "(default: ${DEFAULT-VALUE}); exit code 3 above.")
    double tolerance;

    @Option(names = "--abs-tolerance", converter = Ranges.NonNegative.class, defaultValue = DEFAULT_ABS_TOLERANCE,
            paramLabel = "ABS",
            description = "Absolute part of the acceptable error of a variable (default: ${DEFAULT-VALUE}, ten times "
                    + "the integrator's default --abs-tol).")
    double absTolerance;

    @Option(names = "--csv", paramLabel = "OUT.csv",
            description = "Trajectory CSV (default: REDUCED with extension .verify.csv).")
    Path csv;

    @Option(names = "--plot", paramLabel = "OUT.png",
            description = "Plot of original vs lumped (default: REDUCED with extension .verify.png).")
    Path plot;

    @Option(names = "--no-files", description = "Write neither the CSV nor the plot.")
    boolean noFiles;

    @Option(names = "--show", converter = Ranges.NonNegativeInt.class, defaultValue = "15", paramLabel = "N",
            description = "Print the N variables with the largest relative errors (default: ${DEFAULT-VALUE}).")
    int show;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Verification.Options opts = simulation.options(tolerance, absTolerance);
        OdeSystem original = ModelLoader.load(originalFile, ModelLoader.Format.AUTO, false).system();
        if (!Files.exists(reducedFile)) {
            throw new NoSuchFileException(reducedFile.toString());
        }
        String text = Files.readString(reducedFile, StandardCharsets.UTF_8);
        OdeSystem reduced = OdeParser.parse(reducedFile.toString(), text).system();
        LumpingHeader header;
        try {
            header = LumpingHeader.read(reducedFile.toString(), text);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException(e.getMessage());
        }
        int[][] members = members(original, reduced, header);
        String unequal = header.method() == org.odelump.model.LumpedSystem.Method.BE
                ? BackwardInitialValues.firstUnequalBlock(original, members) : null;
        if (unequal != null) {
            throw new Main.UsageException(BackwardInitialValues.refusal(unequal));
        }
        Verification.Report r = new Verification(original, reduced, header.method(), members, opts).compute();
        out.printf("%s vs %s: %s lumping, %d -> %d variables%n", originalFile, reducedFile, header.method(),
                original.dimension(), reduced.dimension());
        VerificationOutput.print(out, r, show);
        CliOutput.of(spec).result("verification", VerificationOutput.map(r));
        if (!noFiles) {
            VerificationOutput.write(out, r, header.method().name(),
                    csv != null ? csv : sibling(reducedFile, ".verify.csv"),
                    plot != null ? plot : sibling(reducedFile, ".verify.png"));
        }
        if (!r.failure().isEmpty()) {
            err.println("odelump: verification failed: " + r.failure());
            return Main.EXIT_CHECK_FAILED;
        }
        if (!r.passed()) {
            err.println("odelump: the reduced model deviates from the original: " + r.summary());
            return Main.EXIT_CHECK_FAILED;
        }
        return Main.EXIT_OK;
    }

    /** For every reduced variable, the original variables of its block (from the header, or the same name). */
    static int[][] members(OdeSystem original, OdeSystem reduced, LumpingHeader header) {
        List<String> names = reduced.variableNames();
        int[][] members = new int[names.size()][];
        for (int b = 0; b < names.size(); b++) {
            String r = names.get(b);
            List<String> block = header.blocks().getOrDefault(r, List.of(r));
            members[b] = new int[block.size()];
            for (int k = 0; k < block.size(); k++) {
                int i = original.indexOf(block.get(k));
                if (i < 0) {
                    throw new Main.UsageException(header.blocks().containsKey(r)
                            ? "the block of reduced variable " + r + " names '" + block.get(k)
                                    + "', which is no variable of the original model"
                            : "reduced variable " + r + " has no '// odelump-block' line and the original model has "
                                    + "no variable of that name");
                }
                members[b][k] = i;
            }
        }
        for (String r : header.blocks().keySet()) {
            if (reduced.indexOf(r) < 0) {
                throw new Main.UsageException("the header has a block for '" + r
                        + "', which is no variable of the reduced model");
            }
        }
        return members;
    }

    static Path sibling(Path file, String suffix) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return file.resolveSibling(base + suffix);
    }
}
