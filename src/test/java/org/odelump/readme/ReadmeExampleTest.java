package org.odelump.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's Java example is {@link UseFromJava} word for word, and it runs. */
class ReadmeExampleTest {

    private static final Path SOURCE = Path.of("src/test/java/org/odelump/readme/UseFromJava.java");

    @Test
    void readmeQuotesTheCompiledExample() throws IOException {
        List<String> lines = Files.readAllLines(SOURCE);
        List<String> expected = new ArrayList<>();
        for (String l : lines) {
            if (l.startsWith("import ") && !l.startsWith("import java.io.PrintStream")) {
                expected.add(l);
            }
        }
        expected.add("");
        int start = lines.indexOf("        // README example start");
        int end = lines.indexOf("        // README example end");
        assertThat(start).isPositive();
        for (String l : lines.subList(start + 1, end)) {
            expected.add(l.isBlank() ? "" : l.substring(8).replace("out.", "System.out."));
        }
        assertThat(readmeBlock()).isEqualTo(String.join("\n", expected));
    }

    @Test
    void theExampleReducesAndPrints() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        UseFromJava.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("6 -> 5 variables, self-check ok\n").contains("// odelump-lumping: method=FE")
                .contains("begin model multisite2_fe").contains("end model");
    }

    private static String readmeBlock() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int section = readme.indexOf("### Use it from Java");
        assertThat(section).as("README section 'Use it from Java'").isNotNegative();
        int open = readme.indexOf("```java\n", section) + "```java\n".length();
        int close = readme.indexOf("```", open);
        return readme.substring(open, close).stripTrailing();
    }
}
