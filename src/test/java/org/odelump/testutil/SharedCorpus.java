package org.odelump.testutil;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

/**
 * Access to the third-party model corpus and datasets in {@code ../shared}, which a user's fresh clone does not
 * have. Tests that need it call {@link #requireRoot()}, which skips the test with a clear message when it is
 * absent, or fails it when the corpus is required ({@code mvn verify -Pcorpus} sets
 * {@code -Dodelump.corpus.required=true}). The location can be overridden with {@code -Dodelump.shared=DIR}.
 */
public final class SharedCorpus {

    private SharedCorpus() {
    }

    /** True when a missing corpus fails the test instead of skipping it (the Maven profile {@code corpus}). */
    public static boolean required() {
        return Boolean.getBoolean("odelump.corpus.required");
    }

    /**
     * Skips the calling test when {@code present} is false, or fails it when the corpus is {@link #required()}.
     *
     * @param message what is absent
     */
    public static void require(boolean present, String message) {
        if (!present && required()) {
            throw new AssertionError(message + ", but -Pcorpus (odelump.corpus.required) requires it");
        }
        assumeTrue(present, message + ": skipping this test");
    }

    /** The shared folder, or null when it does not exist. */
    public static Path rootOrNull() {
        String prop = System.getProperty("odelump.shared");
        Path p = prop != null ? Paths.get(prop) : Paths.get("").toAbsolutePath().resolveSibling("shared");
        return Files.isDirectory(p) ? p : null;
    }

    /** The shared folder; skips the calling test when it is absent. */
    public static Path requireRoot() {
        Path p = rootOrNull();
        require(p != null, "../shared is absent (a fresh clone has no third-party corpus)");
        return p;
    }

    /** {@code ../shared/corpus}; skips the calling test when it is absent. */
    public static Path requireCorpus() {
        Path p = requireRoot().resolve("corpus");
        require(Files.isDirectory(p), "../shared/corpus is absent");
        return p;
    }

    /** Every file under the corpus whose name ends with {@code suffix}, sorted; skips when absent. */
    public static List<Path> corpusFiles(String suffix) {
        Path root = requireCorpus();
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith(suffix))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
