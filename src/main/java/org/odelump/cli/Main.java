package org.odelump.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Set;
import org.odelump.lumping.ReductionException;
import org.odelump.model.Diagnostic;
import org.odelump.model.InvalidModelException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code odelump} command line. Run without a subcommand it reduces an embedded example model, so a first
 * run shows what the tool does.
 *
 * <p>The subcommands are registered in code ({@link #COMMANDS}), not in the annotation: picocli builds the model
 * of every registered command (reflection over all options) before it parses anything, and for a small model that
 * was most of {@code main}'s time (docs/benchmarks.md). A command line that names a subcommand gets only that one
 * ({@link #commandLine(String...)}); help, errors that suggest a command, and code that inspects all commands use
 * {@link #commandLine()}.
 *
 * <p>Exit codes: 0 success, 2 invalid input or usage, 3 a check failed, 4 internal error.
 */
@Command(name = "odelump", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {
            "Reduces polynomial ODE systems and chemical reaction networks by differential equivalence.",
            "",
            "Run without a command to reduce an embedded example model",
            "(two-site phosphorylation).",
        },
        footer = {
            "",
            "Examples:",
            "  odelump                      reduce the embedded example and show the result",
            "  odelump check model.ode      summarise a model, or report every problem in it",
            "  odelump reduce model.ode --method fe -o reduced.ode",
            "                               coarsest forward equivalence, reduced model",
            "  odelump print model.net -o m.ode",
            "                               convert a BioNetGen (or SBML) model to the DSL",
            "  odelump simulate model.ode --t-end 100 -o traj.csv",
            "  odelump run model.ode          execute the reduceFE/reduceBE/simulateODE commands in the file",
            "  odelump verify model.ode reduced.ode",
            "                               simulate both and compare them",
            "  odelump sweep model.ode --method ebe --epsilon-range 1e-4:1:9",
            "                               reduction size and error against epsilon",
            "  odelump encode net.json -o net.ode",
            "                               a neural network as a polynomial ODE",
            "  odelump convert net.onnx -o net.json",
            "                               a network in the other format (ONNX <-> odelump JSON)",
            "  odelump predict net.onnx --data x.csv -o y.csv",
            "                               a network's outputs for every row of a table",
            "  odelump experiment --data-dir DIR -o results/",
            "                               train, compress and compare networks on eight datasets",
            "  odelump bench                measure speed and memory (into target/bench/)",
            "",
            "Exit codes: 0 ok, 2 invalid input or usage, 3 a check failed, 4 internal error.",
        })
public final class Main implements java.util.concurrent.Callable<Integer> {

    /** Width of {@code --help} text; every description and footer line is at most this long. */
    static final int HELP_WIDTH = 106;

    /** Success. */
    public static final int EXIT_OK = 0;
    /** The input file or the command line is invalid. */
    public static final int EXIT_INVALID_INPUT = 2;
    /** A verification or self-check failed. */
    public static final int EXIT_CHECK_FAILED = 3;
    /** A bug: an unexpected exception. */
    public static final int EXIT_INTERNAL = 4;

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of internal errors.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, scope = CommandLine.ScopeType.INHERIT,
            description = "Print only errors and the number of warnings, no progress (files are still written; "
                    + "print, encode and predict without -o still print the model or table).")
    boolean quiet;

    @Option(names = "--json", scope = CommandLine.ScopeType.INHERIT,
            description = "Print one JSON object instead of the text: command, exitCode, results, output lines, "
                    + "warnings (all of them), notes and errors; no progress on the error stream.")
    boolean json;

    /** The output of the running command, set up from --quiet / --json before it runs. */
    CliOutput output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The subcommands, in the order {@code --help} lists them. */
    static final List<String> COMMANDS = List.of("check", "print", "reduce", "simulate", "run", "encode", "convert",
            "predict", "compress", "experiment", "dataset", "verify", "sweep", "bench", "help");

    /** Root options that take no value and can stand before the subcommand's name. */
    private static final Set<String> LEADING_OPTIONS = Set.of("--verbose", "-q", "--quiet", "--json");

    /** A new instance of the subcommand called {@code name} (one of {@link #COMMANDS}). */
    private static Object newCommand(String name) {
        return switch (name) {
            case "check" -> new CheckCommand();
            case "print" -> new PrintCommand();
            case "reduce" -> new ReduceCommand();
            case "simulate" -> new SimulateCommand();
            case "run" -> new RunCommand();
            case "encode" -> new EncodeCommand();
            case "convert" -> new ConvertCommand();
            case "predict" -> new PredictCommand();
            case "compress" -> new CompressCommand();
            case "experiment" -> new ExperimentCommand();
            case "dataset" -> new DatasetCommand();
            case "verify" -> new VerifyCommand();
            case "sweep" -> new SweepCommand();
            case "bench" -> new BenchCommand();
            case "help" -> new CommandLine.HelpCommand();
            default -> throw new IllegalArgumentException("no command " + name);
        };
    }

    /** The whole command line, every subcommand registered: for help, and for code that inspects all commands. */
    public static CommandLine commandLine() {
        return withCommands(COMMANDS);
    }

    /**
     * The command line for these arguments: when they name a subcommand (after at most the root's options
     * {@code --verbose}, {@code --quiet}, {@code --json}) only that subcommand is registered, otherwise all of them
     * ({@link #commandLine()}), so that {@code --help}, {@code help} and misspelt commands behave as with the full
     * model. The help subcommand always gets the full model since it describes the others.
     */
    static CommandLine commandLine(String... args) {
        int c = commandIndex(args);
        return c >= 0 && !args[c].equals("help") ? withCommands(List.of(args[c])) : commandLine();
    }

    /** Where the subcommand's name stands in {@code args} (after at most the root's options), or -1. */
    private static int commandIndex(String... args) {
        for (int i = 0; i < args.length; i++) {
            if (!LEADING_OPTIONS.contains(args[i])) {
                return COMMANDS.contains(args[i]) ? i : -1;
            }
        }
        return -1;
    }

    private static CommandLine withCommands(List<String> names) {
        CommandLine cl = new CommandLine(new Main());
        for (String name : names) {
            cl.addSubcommand(name, newCommand(name));
        }
        // set after the subcommands are added, so that it reaches them
        return cl.setUsageHelpWidth(HELP_WIDTH);
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code (for tests and embedding). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        // the model file is read on a second thread while picocli builds and parses the command line
        ModelPrefetch.start(List.of(args), commandIndex(args));
        try {
            CommandLine cl = commandLine(args);
            cl.setOut(out);
            cl.setErr(err);
            cl.setExecutionExceptionHandler((ex, line, parseResult) -> handle(ex, line, line.getErr()));
            cl.setExecutionStrategy(parseResult -> execute(cl, parseResult, out, err));
            cl.setParameterExceptionHandler((ex, ignored) -> usageError(ex, args, out, err));
            int code = cl.execute(args);
            out.flush();
            err.flush();
            return code;
        } finally {
            ModelPrefetch.clear();
        }
    }

    /** Runs the parsed command behind the shared output of --quiet / --json, which ends with a warning summary. */
    private static int execute(CommandLine cl, CommandLine.ParseResult parseResult, PrintWriter out, PrintWriter err) {
        Main main = cl.getCommand();
        if (main.quiet && main.json) {
            err.println("odelump: --quiet and --json exclude each other");
            return EXIT_INVALID_INPUT;
        }
        CliOutput o = new CliOutput(main.json ? CliOutput.Mode.JSON : main.quiet ? CliOutput.Mode.QUIET
                : CliOutput.Mode.NORMAL, out, err);
        main.output = o;
        cl.setOut(o.out());
        cl.setErr(o.err());
        List<CommandLine> commands = parseResult.asCommandLineList();
        CommandLine last = commands.get(commands.size() - 1);
        int code;
        try {
            code = new CommandLine.RunLast().execute(parseResult);
        } catch (CommandLine.ExecutionException ex) {
            if (!(ex.getCause() instanceof Exception cause)) {
                throw ex;
            }
            code = handle(cause, ex.getCommandLine(), o.err());
        }
        o.finish(last == cl ? "odelump" : last.getCommandName(), code);
        return code;
    }

    /**
     * A command line picocli could not parse (unknown option, bad value, ...): the message, picocli's suggestions
     * for a misspelt option or command, and where to find the usage; with {@code --json} also as the JSON document.
     */
    private static int usageError(CommandLine.ParameterException ex, String[] args, PrintWriter out, PrintWriter err) {
        CliOutput o = new CliOutput(jsonRequested(args) ? CliOutput.Mode.JSON : CliOutput.Mode.NORMAL, out, err);
        CommandLine line = ex.getCommandLine();
        o.err().println("odelump: " + ex.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, o.err());
        o.err().println("Try '" + line.getCommandSpec().qualifiedName() + " --help'.");
        o.finish(line.getCommandSpec().parent() == null ? "odelump" : line.getCommandName(), EXIT_INVALID_INPUT);
        return EXIT_INVALID_INPUT;
    }

    /** Whether the arguments ask for --json (before an end-of-options {@code --}), also when they failed to parse. */
    private static boolean jsonRequested(String[] args) {
        for (String a : args) {
            if (a.equals("--")) {
                return false;
            }
            if (a.equals("--json")) {
                return true;
            }
        }
        return false;
    }

    private static int handle(Exception ex, CommandLine line, PrintWriter err) {
        boolean verbose = false;
        Object root = line.getCommandSpec().root().userObject();
        if (root instanceof Main m) {
            verbose = m.verbose;
        }
        if (ex instanceof InvalidModelException ime) {
            for (Diagnostic d : ime.diagnostics()) {
                err.println(d);
            }
            return EXIT_INVALID_INPUT;
        }
        if (ex instanceof NoSuchFileException nsf) {
            err.println("odelump: no such file: " + nsf.getFile());
            return EXIT_INVALID_INPUT;
        }
        if (ex instanceof ReductionException re) {
            err.println("odelump: " + re.getMessage());
            return EXIT_INVALID_INPUT;
        }
        if (ex instanceof UsageException ue) {
            err.println("odelump: " + ue.getMessage());
            return EXIT_INVALID_INPUT;
        }
        if (ex instanceof java.io.IOException || ex instanceof UncheckedIOException) {
            err.println("odelump: " + ex.getMessage());
            return EXIT_INVALID_INPUT;
        }
        err.println("odelump: internal error: " + ex + (verbose ? "" : " (run with --verbose for the stack trace)"));
        if (verbose) {
            ex.printStackTrace(err);
        }
        return EXIT_INTERNAL;
    }

    @Override
    public Integer call() throws Exception {
        return new DemoCommand(spec.commandLine().getOut()).call();
    }

    /** A mistake in how the command was called, reported in one line with exit code 2. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** Version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"odelump " + (v == null ? "(development build)" : v)};
        }
    }
}
