package org.odelump;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package dependency table of the architecture (ARCHITECTURE.md, "Packages"): which of odelump's top-level
 * packages each package may use. Every reference to {@code org.odelump.<package>} in the code of the main sources
 * counts, in an import or written out; comments do not. Sub-packages belong to their top-level package
 * ({@code nn.io} is {@code nn}).
 */
class PackageDependenciesTest {

    private static final Map<String, Set<String>> MAY_USE = Map.of(
            "model", Set.of(),
            "dsl", Set.of("model", "symbolic"),
            "symbolic", Set.of("model"),
            "lumping", Set.of("model"),
            "numeric", Set.of("model"),
            "io", Set.of("model"),
            "nn", Set.of("model", "dsl", "lumping", "numeric", "io"),
            "cli", Set.of("model", "dsl", "lumping", "numeric", "io", "nn"));

    private static final Pattern REFERENCE = Pattern.compile("\\borg\\.odelump\\.([a-z]+)\\b");

    /** Block and line comments: a package named in documentation is not a dependency. */
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    @Test
    void everyPackageUsesOnlyWhatTheArchitectureAllows() throws IOException {
        Path root = Path.of("src/main/java/org/odelump");
        List<String> violations = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = root.relativize(f).getName(0).toString();
                seen.add(pkg);
                assertThat(MAY_USE).as("package %s is missing from the dependency table", pkg).containsKey(pkg);
                String text = COMMENT.matcher(Files.readString(f, StandardCharsets.UTF_8)).replaceAll(" ");
                Matcher m = REFERENCE.matcher(text);
                Set<String> used = new TreeSet<>();
                while (m.find()) {
                    used.add(m.group(1));
                }
                used.remove(pkg);
                used.removeAll(MAY_USE.get(pkg));
                if (!used.isEmpty()) {
                    violations.add(root.relativize(f) + " (" + pkg + ") uses " + used);
                }
            }
        }
        assertThat(seen).as("packages found").containsAll(MAY_USE.keySet());
        assertThat(violations).isEmpty();
    }
}
