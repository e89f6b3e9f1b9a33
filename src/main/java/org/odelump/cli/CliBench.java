package org.odelump.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The {@code cli} cases of {@code odelump bench}: whole-process times of {@code check} and {@code reduce} as a user
 * runs them (one fresh JVM per run, as the launcher starts it: with its class-data-sharing archive, C1 only and,
 * where the kernel gives them on request, transparent huge pages;
 * the command also without either and with the archive only),
 * and the phase table: each phase of one cold {@code reduce} timed inside a fresh JVM by {@link PhaseProbe}, and
 * the first use of each large library.
 *
 * <p>Process CPU time (user + system, all threads) comes from {@code /usr/bin/time} when it exists; it is much
 * less disturbed than wall time by other processes on a shared machine.
 */
final class CliBench {

    /** A model of the whole-process cases: a short label, its file and its number of variables. */
    record Model(String label, Path file, int variables) {
    }

    /** One way of starting the JVM. */
    private record Jvm(String label, List<String> options) {
    }

    private static final Path TIME = Path.of("/usr/bin/time");
    private static final String C1 = "-XX:TieredStopAtLevel=1";
    /** The launcher's flag for transparent huge pages, which it gives when {@link #hugePagesOnRequest()}. */
    private static final String THP = "-XX:+UseTransparentHugePages";
    private static final Path THP_MODE = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
    /** The libraries whose first use {@link PhaseProbe} can time. */
    static final List<String> LIBRARIES = List.of("picocli", "jackson", "symja", "jsbml", "xchart", "hipparchus");

    private final int repeat;
    private final Consumer<String> progress;
    private final List<BenchCases.Result> results = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Path workDir;
    private final List<String> launch;
    private final List<Jvm> jvms = new ArrayList<>();

    /**
     * @param repeat   runs per case
     * @param workDir  where reduced models and timing files are written (deleted afterwards)
     * @param progress progress lines
     */
    CliBench(int repeat, Path workDir, Consumer<String> progress) {
        this.repeat = repeat;
        this.workDir = workDir;
        this.progress = progress;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        Path jar = cp.endsWith(".jar") && !cp.contains(File.pathSeparator) ? Path.of(cp) : null;
        launch = List.of(java, "-Djava.awt.headless=true", "-cp", cp);
        // as before issue 14, then the launcher's additions one by one: its CDS archive, and C1 only (the
        // launcher's flag for check, print and reduce)
        jvms.add(new Jvm("plain", List.of()));
        Path jsa = jar == null ? null : jar.resolveSibling("odelump.jsa");
        if (jsa != null && Files.isRegularFile(jsa) && jsa.toFile().lastModified() >= jar.toFile().lastModified()) {
            List<String> cds = List.of("-XX:SharedArchiveFile=" + jsa, "-Xlog:cds=off,cds+dynamic=off");
            jvms.add(new Jvm("CDS", cds));
            jvms.add(launcherJvm("CDS+C1", concat(cds, List.of(C1))));
        } else {
            note("cli: no class-data-sharing archive next to " + (jar == null ? "the class path (not a jar)" : jar)
                    + " or it is older than the jar (./odelump makes it); measured without CDS");
            jvms.add(launcherJvm("C1", List.of(C1)));
        }
        if (!Files.isExecutable(TIME)) {
            note("cli: " + TIME + " not found: process CPU time not measured");
        }
    }

    /** The launcher's configuration: {@code options}, and huge pages where the launcher asks for them. */
    private static Jvm launcherJvm(String label, List<String> options) {
        return hugePagesOnRequest() ? new Jvm(label + "+THP", concat(options, List.of(THP))) : new Jvm(label, options);
    }

    /**
     * True when the kernel gives transparent huge pages on request (its {@code madvise} mode), the case where the
     * launcher starts Java with {@value #THP}.
     */
    static boolean hugePagesOnRequest() {
        try {
            return Files.readString(THP_MODE).contains("[madvise]");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    List<BenchCases.Result> results() {
        return List.copyOf(results);
    }

    List<String> notes() {
        return List.copyOf(notes);
    }

    /**
     * Whole-process times: per model {@code check}, {@code reduce --method fe|be} without and with {@code -o},
     * with the launcher's archive (when present), and {@code reduce --method be -o} without it. Rounds run the
     * cases in turn, so that a change of load hits every case alike.
     */
    void wholeProcess(List<Model> models) throws IOException, InterruptedException {
        Jvm preferred = jvms.get(jvms.size() - 1);
        Path out = workDir.resolve("cli-reduced.ode");
        Map<String, List<double[]>> runs = new LinkedHashMap<>();
        Map<String, Map<String, Object>> facts = new LinkedHashMap<>();
        for (int r = 0; r < repeat; r++) {
            for (Model m : models) {
                List<List<String>> commands = List.of(
                        List.of("check", m.file().toString()),
                        List.of("reduce", m.file().toString(), "--method", "fe"),
                        List.of("reduce", m.file().toString(), "--method", "fe", "-o", out.toString()),
                        List.of("reduce", m.file().toString(), "--method", "be"),
                        List.of("reduce", m.file().toString(), "--method", "be", "-o", out.toString()));
                for (Jvm jvm : jvms) {
                    for (List<String> args : commands) {
                        boolean main = args.size() == 6 && args.get(3).equals("be");
                        if (jvm != preferred && !main) {
                            continue; // in the other configurations only the command, for the ratios
                        }
                        String name = m.label() + " " + describe(args) + " [" + jvm.label() + "]";
                        double[] t = run(jvm, Main.class.getName(), args);
                        runs.computeIfAbsent(name, k -> new ArrayList<>()).add(t);
                        Map<String, Object> f = new LinkedHashMap<>();
                        f.put("model", m.label());
                        f.put("variables", m.variables());
                        f.put("command", describe(args));
                        f.put("JVM", jvm.label());
                        f.put("launcher", jvm == preferred);
                        facts.put(name, f);
                    }
                }
            }
            progress.accept("cli: round " + (r + 1) + " of " + repeat + " done");
        }
        Files.deleteIfExists(out);
        for (Map.Entry<String, List<double[]>> e : runs.entrySet()) {
            add("cli", e.getKey(), facts.get(e.getKey()), e.getValue());
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static String describe(List<String> args) {
        if (args.get(0).equals("check")) {
            return "check";
        }
        return "reduce --method " + args.get(3) + (args.size() > 4 ? " -o" : "");
    }

    /**
     * The phase table: {@link PhaseProbe} in a fresh JVM per run for each {@code (model, method)}, a JVM that
     * only starts and exits, and the first use of each of {@code libraries}; all with the archive when present.
     */
    void phases(List<Model> models, List<String> methods, List<String> libraries)
            throws IOException, InterruptedException {
        Jvm jvm = jvms.get(jvms.size() - 1);
        Path out = workDir.resolve("phase-reduced.ode");
        Map<String, List<double[]>> runs = new LinkedHashMap<>();
        Map<String, Map<String, Object>> facts = new LinkedHashMap<>();
        for (int r = 0; r < repeat; r++) {
            for (Model m : models) {
                for (String method : methods) {
                    probe(jvm, List.of("reduce", m.file().toString(), method, out.toString()),
                            m.label() + " " + method.toUpperCase(java.util.Locale.ROOT), runs, facts);
                }
            }
            probe(jvm, List.of("noop"), "JVM only", runs, facts);
            for (String lib : libraries) {
                probe(jvm, List.of("init", lib), "library " + lib, runs, facts);
            }
            progress.accept("phases: round " + (r + 1) + " of " + repeat + " done");
        }
        Files.deleteIfExists(out);
        for (Map.Entry<String, List<double[]>> e : runs.entrySet()) {
            add("phases", e.getKey(), facts.get(e.getKey()), e.getValue());
        }
    }

    /** One probe run: the whole process, then each phase line it printed, as runs of (wall, CPU). */
    private void probe(Jvm jvm, List<String> args, String label, Map<String, List<double[]>> runs,
                       Map<String, Map<String, Object>> facts) throws IOException, InterruptedException {
        Path stdout = workDir.resolve("probe.out");
        double[] whole = run(jvm, PhaseProbe.class.getName(), args, stdout);
        String wholeName = label + ": whole process";
        runs.computeIfAbsent(wholeName, k -> new ArrayList<>()).add(whole);
        facts.putIfAbsent(wholeName, Map.of("run", label, "phase", "whole process"));
        for (String line : Files.readAllLines(stdout, StandardCharsets.UTF_8)) {
            String[] p = line.split("\t", -1);
            if (p.length < 2) {
                continue;
            }
            double cpu = p.length > 2 && !p[2].isEmpty() ? Double.parseDouble(p[2]) : Double.NaN;
            String name = label + ": " + p[0];
            runs.computeIfAbsent(name, k -> new ArrayList<>()).add(new double[] {Double.parseDouble(p[1]), cpu});
            facts.putIfAbsent(name, Map.of("run", label, "phase", p[0]));
        }
        Files.deleteIfExists(stdout);
    }

    private double[] run(Jvm jvm, String mainClass, List<String> args) throws IOException, InterruptedException {
        Path stdout = workDir.resolve("cli.out");
        try {
            return run(jvm, mainClass, args, stdout);
        } finally {
            Files.deleteIfExists(stdout);
        }
    }

    /** Runs one child JVM; returns {wall seconds, process CPU seconds or NaN}. */
    private double[] run(Jvm jvm, String mainClass, List<String> args, Path stdout)
            throws IOException, InterruptedException {
        Path times = workDir.resolve("cli.time");
        List<String> cmd = new ArrayList<>();
        boolean timed = Files.isExecutable(TIME);
        if (timed) {
            cmd.addAll(List.of(TIME.toString(), "-f", "%U %S", "-o", times.toString()));
        }
        cmd.add(launch.get(0));
        cmd.addAll(jvm.options());
        cmd.addAll(launch.subList(1, launch.size()));
        cmd.add(mainClass);
        cmd.addAll(args);
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(stdout.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + String.join(" ", cmd));
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        if (p.exitValue() != 0) {
            throw new IllegalStateException("exit code " + p.exitValue() + " from " + String.join(" ", cmd) + ":\n"
                    + Files.readString(stdout, StandardCharsets.UTF_8));
        }
        double cpu = Double.NaN;
        if (timed) {
            String[] f = Files.readString(times, StandardCharsets.UTF_8).trim().split("\\s+");
            cpu = Double.parseDouble(f[f.length - 2]) + Double.parseDouble(f[f.length - 1]);
            Files.deleteIfExists(times);
        }
        return new double[] {wall, cpu};
    }

    private void add(String group, String name, Map<String, Object> facts, List<double[]> runs) {
        double[] wall = runs.stream().mapToDouble(r -> r[0]).toArray();
        double[] cpu = runs.stream().mapToDouble(r -> r[1]).toArray();
        BenchRunner.Measurement m = new BenchRunner.Measurement(wall, cpu, 0, new double[wall.length]);
        results.add(new BenchCases.Result(group, name, facts, m));
        progress.accept(String.format(java.util.Locale.ROOT, "%s: %s: median %.3f s (cpu %.3f s)", group, name,
                m.medianWall(), m.medianCpu()));
    }

    private void note(String note) {
        notes.add(note);
        progress.accept(note);
    }
}
