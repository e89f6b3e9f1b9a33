package org.odelump.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.odelump.dsl.DslPrinter;
import org.odelump.dsl.OdeParser;
import org.odelump.io.AtomicFiles;
import org.odelump.io.LumpingHeader;
import org.odelump.io.Plots;
import org.odelump.io.SbmlReader;
import org.odelump.lumping.LumpingCheck;
import org.odelump.lumping.Prepartition;
import org.odelump.lumping.Reduction;
import org.odelump.lumping.Tolerance;
import org.odelump.model.LumpedSystem;
import org.odelump.model.OdeSystem;
import org.odelump.model.Provenance;
import org.odelump.numeric.Simulator;

/**
 * The child process of {@code odelump bench --cases cli}: times the phases of one cold {@code reduce} (each phase
 * once, in a fresh JVM, in the order the command runs them), or the first use of one library, and prints one
 * {@code phase<TAB>wall seconds<TAB>thread CPU seconds} line per phase. Not a user command; {@link BenchCases#cli} starts it with
 * {@code java -cp odelump.jar}.
 *
 * <p>Usage: {@code reduce FILE fe|be OUT}, {@code init picocli|jackson|symja|jsbml|xchart|hipparchus}, or
 * {@code noop} (JVM start and exit only).
 */
final class PhaseProbe {

    private final List<String> lines = new ArrayList<>();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long last = System.nanoTime();
    private long lastCpu = threads.getCurrentThreadCpuTime();

    private PhaseProbe() {
    }

    public static void main(String[] args) throws Exception {
        long mainMillis = System.currentTimeMillis();
        long start = ManagementFactory.getRuntimeMXBean().getStartTime();
        // the management classes (for the thread CPU clock) load before the first phase, outside every phase
        PhaseProbe p = new PhaseProbe();
        long mainNanos = System.nanoTime();
        long mainCpu = p.threads.getCurrentThreadCpuTime();
        switch (args.length == 0 ? "" : args[0]) {
            case "reduce" -> p.reduce(Path.of(args[1]), args[2], Path.of(args[3]));
            case "init" -> p.init(args[1]);
            case "noop" -> { }
            default -> throw new IllegalArgumentException("usage: reduce FILE fe|be OUT | init LIB | noop");
        }
        p.record("main, total", System.nanoTime() - mainNanos, p.threads.getCurrentThreadCpuTime() - mainCpu);
        p.lines.add(0, String.format(Locale.ROOT, "JVM start until main\t%.4f\t", (mainMillis - start) / 1e3));
        PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
        p.lines.forEach(out::println);
        out.flush();
    }

    /** Ends a phase that started at the previous lap: its wall time and this thread's CPU time. */
    private void lap(String phase) {
        long now = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
        record(phase, now - last, cpu - lastCpu);
        last = now;
        lastCpu = cpu;
    }

    private void restart() {
        last = System.nanoTime();
        lastCpu = threads.getCurrentThreadCpuTime();
    }

    private void record(String phase, long nanos, long cpuNanos) {
        lines.add(String.format(Locale.ROOT, "%s\t%.4f\t%.4f", phase, nanos / 1e9, cpuNanos / 1e9));
    }

    /** The phases of {@code odelump reduce FILE --method fe|be -o OUT}, as {@link ReduceCommand} runs them. */
    private void reduce(Path file, String method, Path out) throws Exception {
        restart();
        String[] args = {"reduce", file.toString(), "--method", method, "-o", out.toString()};
        Main.commandLine(args).parseArgs(args);
        lap("picocli (command model, parse arguments)");
        Provenance.sha256(Files.readAllBytes(file));
        lap("input hashing (SHA-256, cold)");
        ModelLoader.Loaded loaded = ModelLoader.load(file, ModelLoader.Format.AUTO, false);
        lap("loading (read, parse, build model; includes its own hash)");
        OdeSystem m = loaded.system();
        LumpedSystem.Method mth = method.equals("fe") ? LumpedSystem.Method.FE : LumpedSystem.Method.BE;
        LumpedSystem lumped = new Reduction(m, mth, Prepartition.NONE, Tolerance.of(1e-12))
                .compute((phase, nanos) -> lap(phase));
        LumpingCheck.Result check = LumpingCheck.ofDefaults(lumped).compute();
        lap("self-check (32 points)");
        StringWriter summary = new StringWriter();
        ReductionSummary.print(new PrintWriter(summary), file.toString(), lumped, 20, 0, 0, check);
        lap("summary text");
        String text = DslPrinter.print(lumped.reduced(), LumpingHeader.lines(lumped));
        lap("printing the reduced model");
        AtomicFiles.writeString(out, text);
        lap("writing (atomic)");
    }

    /** The first use of one library in this process, as odelump uses it. */
    private void init(String library) throws Exception {
        restart();
        switch (library) {
            case "picocli" -> Main.commandLine("reduce");
            case "jackson" -> new ObjectMapper().writeValueAsString(Map.of("k", 1));
            // a drift with a function call is expanded by Symja when the model is read
            case "symja" -> OdeParser.parse("probe.ode", "begin model probe\n begin init\n  x = 1\n end init\n"
                    + " begin ODE\n  d(x) = exp(1)*x\n end ODE\nend model\n");
            case "jsbml" -> {
                Path f = Files.createTempFile("odelump-probe", ".xml");
                try {
                    Files.writeString(f, TINY_SBML);
                    SbmlReader.read(f);
                } finally {
                    Files.deleteIfExists(f);
                }
            }
            case "xchart" -> Plots.curves("probe", "x", "y",
                    List.of(new Plots.Curve("c", new double[] {1, 2}, new double[] {1, 2})));
            case "hipparchus" -> {
                OdeSystem s = OdeParser.parse("probe.ode", "begin model p\n begin init\n  x = 1\n end init\n"
                        + " begin ODE\n  d(x) = -x\n end ODE\nend model\n").system();
                new Simulator(s, Simulator.grid(1, 10), Simulator.Options.DEFAULT).compute();
            }
            default -> throw new IllegalArgumentException("unknown library " + library);
        }
        lap(library + " first use");
    }

    private static final String TINY_SBML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <sbml xmlns="http://www.sbml.org/sbml/level3/version1/core" level="3" version="1">
              <model id="probe">
                <listOfCompartments>
                  <compartment id="c" size="1" constant="true"/>
                </listOfCompartments>
                <listOfSpecies>
                  <species id="x" compartment="c" initialConcentration="1" hasOnlySubstanceUnits="false"
                           boundaryCondition="false" constant="false"/>
                </listOfSpecies>
              </model>
            </sbml>
            """;
}
