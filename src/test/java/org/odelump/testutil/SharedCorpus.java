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
 * absent. The location can be overridden with {@code -Dodelump.shared=DIR}.
 */
public final class SharedCorpus {

    private SharedCorpus() {
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
        assumeTrue(p != null, "../shared is absent (a fresh clone has no third-party corpus): skipping this test");
        return p;
    }

    /** {@code ../shared/corpus}; skips the calling test when it is absent. */
    public static Path requireCorpus() {
        Path p = requireRoot().resolve("corpus");
        assumeTrue(Files.isDirectory(p), "../shared/corpus is absent: skipping this test");
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
