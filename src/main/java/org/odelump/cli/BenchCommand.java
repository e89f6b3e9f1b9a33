package org.odelump.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.odelump.io.AtomicFiles;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code odelump bench}: the one benchmark entry point. Measures parse + normalise of a large generated DSL file,
 * loading and FE/BE refinement of the largest corpus networks, and FE/BE refinement of generated systems of
 * growing size; writes {@code bench.json} and {@code bench.md}.
 */
@CommandLine.Command(name = "bench", mixinStandardHelpOptions = true,
        header = "Measure parse, load and FE/BE speed and peak heap; write JSON and Markdown.",
        description = {
            "Measures odelump's speed and memory; writes DIR/bench.json and DIR/bench.md.",
            "Each case runs --repeat times; reported: median wall time and peak heap.",
            "",
            "  parse      parse + normalise a generated DSL file",
            "             (default 1,000,000 terms over 100,000 variables)",
            "  nets       load, FE and BE (from one block) of the five largest corpus",
            "             networks; needs --shared DIR, skipped with a message if absent",
            "  synthetic  FE and BE on generated degree-2 systems with planted blocks",
            "             of --sizes monomials (10 per variable); fitted growth exponent",
            "  epsilon    eps-FE and eps-BE on fceri_fyn.net at eps 0, 0.001, 0.1, 1, 10",
            "  stiff      RODAS4 on fceri_gamma2.net and on its FE reduction, t = 0..10",
            "  nn         encode + AFDE of a 3x256 tanh MLP; a 20-point AFDE sweep with",
            "             magnitude and Wanda at the same parameter counts",
            "  train      Adam training of an 8-64-64-1 tanh MLP, 4,000 rows x 200 epochs",
            "  grouping   blocks and verification error of the components and diameter",
            "             rules on three ode-specs models at relative eps 0.01 .. 1",
            "             (run from the repository root)",
            "  cli        whole-process check and reduce (fe/be, with and without -o)",
            "             in a fresh JVM per run, with and without the launcher's CDS",
            "             archive, on ode-specs and corpus models; phase table of one",
            "             cold reduce and of each library's first use",
            "  compression  time per compressed network: a 8-64-64-64-1 tanh MLP to half",
            "             its parameters plus refit by lsq, dynamics, afde (weights),",
            "             magnitude, wanda and structured",
            "",
            "Give the JVM enough heap, e.g. ODELUMP_JAVA_OPTS=-Xmx4g.",
        },
        footer = {
            "",
            "Examples:",
            "  odelump bench                    everything, 3 runs per case, target/bench/",
            "  odelump bench --cases nets --repeat 5 --shared ../shared",
            "  odelump bench --cases synthetic --sizes 10000,100000 -o /tmp/bench",
            "  odelump bench --cases cli --repeat 5   whole-process times and phase table",
            "",
            "Exit codes: 0 ok, 2 invalid options, 4 internal error.",
        })
final class BenchCommand implements Callable<Integer> {

    /** Groups of cases. */
    enum CaseGroup {
        parse, nets, synthetic, epsilon, stiff, nn, train, grouping, cli, compression
    }

    /** The network of the epsilon cases (1,281 species / 15,256 reactions). */
    static final String EPSILON_NET = "RuleWorld_bionetgen/net/fceri_fyn.net";

    /** The network of the stiff cases (3,744 species / 58,276 reactions) and its BioNetGen horizon. */
    static final String STIFF_NET = "SciML_Catalyst_PLOS_COMPBIO_2023/net/fceri_gamma2.net";

    @Option(names = "--repeat", converter = Ranges.PositiveInt.class, defaultValue = "3", paramLabel = "N",
            description = "Runs per case (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = {"-o", "--output"}, defaultValue = "target/bench", paramLabel = "DIR",
            description = "Directory for bench.json and bench.md (default: ${DEFAULT-VALUE}).")
    Path outputDir;

    @Option(names = "--shared", defaultValue = "../shared", paramLabel = "DIR",
            description = "Folder holding corpus/ with the BioNetGen networks (default: ${DEFAULT-VALUE}).")
    Path shared;

    @Option(names = "--cases", split = ",", paramLabel = "GROUP",
            description = "Which groups to run: ${COMPLETION-CANDIDATES} (default: all).")
    List<CaseGroup> cases = new ArrayList<>();

    @Option(names = "--parse-terms", converter = Ranges.PositiveLong.class,
            defaultValue = "1000000", paramLabel = "N",
            description = "Terms in the generated parse file (default: ${DEFAULT-VALUE}).")
    long parseTerms;

    @Option(names = "--parse-variables", converter = Ranges.PositiveInt.class,
            defaultValue = "100000", paramLabel = "N",
            description = "Variables in the generated parse file (default: ${DEFAULT-VALUE}).")
    int parseVariables;

    @Option(names = "--sizes", converter = Ranges.AtLeastTenLong.class,
            split = ",", paramLabel = "N", defaultValue = "10000,100000,1000000",
            description = "Monomial counts of the generated systems (default: ${DEFAULT-VALUE}).")
    long[] sizes;

    @Option(names = "--net", paramLabel = "PATH",
            description = "Network under DIR/corpus to measure instead of the five largest (repeatable).")
    List<String> nets = new ArrayList<>();

    @Option(names = "--libraries", split = ",", paramLabel = "LIB",
            description = "cli: libraries whose first use is timed (default: all of "
                    + "picocli,jackson,symja,jsbml,xchart,hipparchus).")
    List<String> libraries = new ArrayList<>(CliBench.LIBRARIES);

    @Option(names = "--seed", converter = Ranges.Seed.class,
            defaultValue = "42", description = "Seed of the generators (default: ${DEFAULT-VALUE}).")
    long seed;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (parseTerms < parseVariables) {
            throw new Main.UsageException("--parse-terms must be at least --parse-variables (>= 1)");
        }
        if (!CliBench.LIBRARIES.containsAll(libraries)) {
            throw new Main.UsageException("--libraries must be among " + String.join(",", CliBench.LIBRARIES));
        }
        Set<CaseGroup> groups = cases.isEmpty() ? EnumSet.allOf(CaseGroup.class) : EnumSet.copyOf(cases);
        PrintWriter out = spec.commandLine().getOut();
        Files.createDirectories(outputDir);
        Map<String, Object> machine = machine();
        PrintWriter progress = CliOutput.of(spec).progress();
        BenchCases bench = new BenchCases(repeat, seed, line -> {
            progress.println("bench: " + line);
            progress.flush();
        });
        if (groups.contains(CaseGroup.parse)) {
            bench.parse(outputDir, parseVariables, parseTerms);
        }
        if (groups.contains(CaseGroup.nets)) {
            bench.nets(shared, nets.isEmpty() ? BenchCases.LARGEST_NETS : nets);
        }
        if (groups.contains(CaseGroup.synthetic)) {
            bench.synthetic(sizes);
        }
        if (groups.contains(CaseGroup.epsilon)) {
            bench.epsilon(shared, EPSILON_NET, new double[] {0, 1e-3, 0.1, 1, 10});
        }
        if (groups.contains(CaseGroup.stiff)) {
            // t_end = 10 is the horizon of simulate() in the corpus's fceri_gamma2.bngl
            bench.stiff(shared, STIFF_NET, 10.0, 1e-6, 1e-9);
        }
        if (groups.contains(CaseGroup.nn)) {
            bench.nn();
        }
        if (groups.contains(CaseGroup.train)) {
            bench.training(4000, 200);
        }
        if (groups.contains(CaseGroup.grouping)) {
            bench.grouping(Path.of("ode-specs"), new double[] {0.01, 0.03, 0.1, 0.3, 1.0});
        }
        if (groups.contains(CaseGroup.cli)) {
            bench.cli(shared, outputDir, libraries);
        }
        if (groups.contains(CaseGroup.compression)) {
            bench.compressionMethods();
        }
        machine.put("load average (1 min) at the end", loadAverage());
        BenchReport report = new BenchReport(machine, bench.results(), bench.notes(), repeat);
        Path json = outputDir.resolve("bench.json");
        Path md = outputDir.resolve("bench.md");
        String reportJson = report.json();
        AtomicFiles.writeString(json, reportJson);
        CliOutput.of(spec).resultJson("bench", reportJson);
        AtomicFiles.writeString(md, report.markdown());
        out.println(report.markdown());
        out.println("wrote " + json + " and " + md);
        return Main.EXIT_OK;
    }

    private static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", Instant.now().toString());
        m.put("processors", Runtime.getRuntime().availableProcessors());
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("JVM options", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        m.put("max heap MB", Runtime.getRuntime().maxMemory() >> 20);
        m.put("garbage collectors", String.join(", ", ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(java.lang.management.GarbageCollectorMXBean::getName).toList()));
        m.put("load average (1 min) at the start", loadAverage());
        return m;
    }

    private static String loadAverage() {
        double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return l < 0 ? "unavailable" : String.format(Locale.ROOT, "%.2f", l);
    }
}
