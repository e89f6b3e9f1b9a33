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
 * ({@code nn.io} is {@code nn}) for that table; inside {@code nn} a second table layers the sub-packages by concept
 * (core types in {@code nn} itself, then data, training, network files, pruning, compression, experiments) and must
 * stay free of cycles.
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

    /**
     * Inside {@code nn}: which of its packages each may use. {@code nn} is the core (Mlp, DenseLayer, Activation,
     * Softmax); pruning never uses compression, and only the experiment uses training.
     */
    private static final Map<String, Set<String>> NN_MAY_USE = Map.of(
            "nn", Set.of(),
            "nn.data", Set.of("nn"),
            "nn.train", Set.of("nn", "nn.data"),
            "nn.io", Set.of("nn", "nn.data"),
            "nn.prune", Set.of("nn", "nn.data"),
            "nn.compress", Set.of("nn", "nn.data", "nn.io", "nn.prune"),
            "nn.experiment", Set.of("nn", "nn.data", "nn.train", "nn.io", "nn.prune", "nn.compress"));

    /** A reference to a class of {@code nn} or of one of its sub-packages. */
    private static final Pattern NN_REFERENCE = Pattern.compile("\\borg\\.odelump\\.(nn(?:\\.[a-z]+)*)\\.[A-Z]");

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

    @Test
    void theSubPackagesOfNnUseOnlyTheLayersBelowThem() throws IOException {
        Path root = Path.of("src/main/java/org/odelump/nn");
        List<String> violations = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path rel = root.relativize(f);
                String pkg = rel.getNameCount() == 1 ? "nn" : "nn." + rel.getName(0);
                seen.add(pkg);
                assertThat(NN_MAY_USE).as("package %s is missing from the nn table", pkg).containsKey(pkg);
                String text = COMMENT.matcher(Files.readString(f, StandardCharsets.UTF_8)).replaceAll(" ");
                Matcher m = NN_REFERENCE.matcher(text);
                Set<String> used = new TreeSet<>();
                while (m.find()) {
                    used.add(m.group(1));
                }
                used.remove(pkg);
                used.removeAll(NN_MAY_USE.get(pkg));
                if (!used.isEmpty()) {
                    violations.add(rel + " (" + pkg + ") uses " + used);
                }
            }
        }
        assertThat(seen).as("nn packages found").containsExactlyInAnyOrderElementsOf(NN_MAY_USE.keySet());
        assertThat(violations).isEmpty();
    }

    @Test
    void theNnTableHasNoCycles() {
        // repeatedly remove a package whose allowed uses are all removed already; a cycle leaves some behind
        Set<String> left = new TreeSet<>(NN_MAY_USE.keySet());
        boolean progress = true;
        while (progress) {
            progress = left.removeIf(p -> NN_MAY_USE.get(p).stream().noneMatch(left::contains));
        }
        assertThat(left).as("packages on a cycle").isEmpty();
        assertThat(NN_MAY_USE.get("nn.prune")).doesNotContain("nn.compress", "nn.train", "nn.experiment");
    }
}
