package org.odelump.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of the command line in a fresh {@code java} process with the test class path and
 * {@code -Xlog:class+load}: exit code, standard output and error, and the names of the classes it loaded. A fresh
 * process because inside the test JVM other tests have loaded (and started) everything.
 */
record ClassLoadingRun(int code, String out, String err, List<String> loaded) {

    /** Runs {@code odelump ARGS}, with its log and output files in {@code dir}. */
    static ClassLoadingRun of(Path dir, String... args) throws IOException, InterruptedException {
        Path log = Files.createTempFile(dir, "classes", ".log");
        Path stdout = Files.createTempFile(dir, "stdout", ".txt");
        Path stderr = Files.createTempFile(dir, "stderr", ".txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xlog:class+load=info:file=" + log, "-cp",
                System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        Process proc = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!proc.waitFor(120, TimeUnit.SECONDS)) {
            proc.destroyForcibly();
            throw new AssertionError("odelump " + String.join(" ", args) + " did not finish within 120 s");
        }
        List<String> loaded = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            // [0.123s][info][class,load] org.example.Name source: ...
            int at = line.indexOf("] ", line.indexOf("class,load"));
            if (at > 0) {
                String rest = line.substring(at + 2);
                int space = rest.indexOf(' ');
                loaded.add(space < 0 ? rest : rest.substring(0, space));
            }
        }
        assertThat(loaded).as("class loading log").isNotEmpty();
        return new ClassLoadingRun(proc.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8), loaded);
    }

    /** The loaded classes whose names start with one of these package prefixes. */
    List<String> loadedFrom(List<String> prefixes) {
        return loaded.stream().filter(c -> prefixes.stream().anyMatch(c::startsWith)).toList();
    }
}
