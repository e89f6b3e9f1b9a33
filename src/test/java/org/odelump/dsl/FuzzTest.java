package org.odelump.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.odelump.model.InvalidModelException;

/**
 * Mutates realistic models (truncations, byte flips, duplicated and deleted lines, swapped tokens) and checks that
 * parsing either succeeds or throws {@link InvalidModelException} with a located first diagnostic, never anything
 * else, and never hangs.
 */
class FuzzTest {

    private static final int CASES = 10_000;

    @Test
    void mutatedModelsFailOnlyWithInvalidModelException() throws IOException {
        List<String> seeds = seeds();
        assertThat(seeds).isNotEmpty();
        Random rnd = new Random(0xF022L);
        int[] outcome = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (int k = 0; k < CASES; k++) {
                String base = seeds.get(k % seeds.size());
                String text = mutate(base, rnd);
                try {
                    OdeParser.parse("fuzz.ode", text, new ParseOptions(rnd.nextBoolean()));
                    outcome[0]++;
                } catch (InvalidModelException e) {
                    outcome[1]++;
                    assertThat(e.first().toString()).startsWith("fuzz.ode");
                } catch (Throwable t) {
                    throw new AssertionError("case " + k + " threw " + t + " for input:\n" + text, t);
                }
            }
        });
        assertThat(outcome[0] + outcome[1]).isEqualTo(CASES);
        assertThat(outcome[1]).as("most mutations break a model").isGreaterThan(CASES / 10);
    }

    @Test
    void pathologicalNestingIsReportedNotThrown() {
        String deep = "(".repeat(50_000) + "x" + ")".repeat(50_000);
        String text = "begin model deep\n begin init\n  x\n end init\n begin ODE\n  d(x) = " + deep
                + "\n end ODE\nend model\n";
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            try {
                OdeParser.parse("deep.ode", text);
            } catch (InvalidModelException e) {
                assertThat(e.first().file()).isEqualTo("deep.ode");
            }
        });
        String negs = "-".repeat(100_000) + "x";
        try {
            OdeParser.parse("negs.ode", text.replace(deep, negs));
        } catch (InvalidModelException e) {
            assertThat(e.first().toString()).isEqualTo("negs.ode: the input is nested too deeply to read");
        }
    }

    static List<String> seeds() throws IOException {
        List<String> out = new ArrayList<>();
        Path specs = Path.of("ode-specs");
        if (Files.isDirectory(specs)) {
            try (Stream<Path> s = Files.walk(specs)) {
                for (Path p : s.filter(f -> f.toString().endsWith(".ode")).sorted().toList()) {
                    out.add(Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        }
        for (Path p : RoundTripTest.resourceModels()) {
            out.add(Files.readString(p, StandardCharsets.UTF_8));
        }
        return out;
    }

    static String mutate(String text, Random rnd) {
        int kind = rnd.nextInt(6);
        switch (kind) {
            case 0: // truncation
                return text.substring(0, rnd.nextInt(text.length() + 1));
            case 1: { // random byte flips
                byte[] b = text.getBytes(StandardCharsets.UTF_8);
                for (int i = 1 + rnd.nextInt(4); i > 0; i--) {
                    b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
                }
                return new String(b, StandardCharsets.UTF_8);
            }
            case 2: { // duplicated line
                List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
                int i = rnd.nextInt(lines.size());
                lines.add(i, lines.get(i));
                return String.join("\n", lines);
            }
            case 3: { // deleted line
                List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
                lines.remove(rnd.nextInt(lines.size()));
                return String.join("\n", lines);
            }
            case 4: { // a character of the language inserted somewhere
                String chars = "(){}[],=+-*/^>\"'#.0e";
                int at = rnd.nextInt(text.length() + 1);
                return text.substring(0, at) + chars.charAt(rnd.nextInt(chars.length())) + text.substring(at);
            }
            default: { // two lines swapped
                List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
                int i = rnd.nextInt(lines.size());
                int j = rnd.nextInt(lines.size());
                String t = lines.get(i);
                lines.set(i, lines.get(j));
                lines.set(j, t);
                return String.join("\n", lines);
            }
        }
    }
}
