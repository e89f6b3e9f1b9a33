package org.odelump.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Every numeric option of every command, found through picocli's model (so options added later are covered
 * without touching this test): it must declare its range with a {@link Ranges.Range} converter, every value
 * outside that range (NaN, infinities, negative, just past an end, huge, not a number) must give exit code 2 with
 * a message naming the option and the expected range, and on the cheap commands the values just inside a
 * bounded end must never give exit code 4 (an internal error).
 */
class NumericOptionsTest {

    @TempDir
    Path tmp;

    /** Arguments that make a fast, complete run, for the commands cheap enough to run at in-range edge values. */
    private Map<String, List<String>> runnable() {
        String out = tmp.toString();
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("reduce", List.of("ode-specs/sir.ode", "-m", "efe", "--epsilon", "0.01", "--verify", "--t-end", "1",
                "--points", "10", "-o", out + "/r.ode", "--report", out + "/r.json"));
        m.put("sweep", List.of("ode-specs/sir.ode", "-m", "efe", "--epsilon", "0,0.01", "--t-end", "1", "--points",
                "10", "--csv", out + "/s.csv", "--plot", out + "/s.png"));
        m.put("simulate", List.of("ode-specs/sir.ode", "--t-end", "1", "--points", "10", "-o", out + "/t.csv"));
        m.put("verify", List.of("ode-specs/sir.ode", "ode-specs/sir.ode", "--t-end", "1", "--points", "10",
                "--no-files"));
        m.put("encode", List.of("models/demo_tanh_2x16.json", "-o", out + "/n.ode"));
        m.put("compress", List.of("models/demo_tanh_2x16.json", "--data", "models/demo_tanh_2x16.train.csv",
                "--target", "y", "--epsilon", "0.1", "-o", out + "/c"));
        return m;
    }

    @Test
    void everyNumericOptionDeclaresItsRangeAndOutOfRangeValuesAreUsageErrors() {
        Map<String, List<String>> runnable = runnable();
        List<String> problems = new ArrayList<>();
        int probes = 0;
        for (CommandSpec cmd : commands()) {
            String name = cmd.name();
            for (OptionSpec o : cmd.options()) {
                if (!isNumeric(o)) {
                    continue;
                }
                String opt = o.longestName();
                Ranges.Range<?> range = rangeOf(o);
                if (range == null) {
                    problems.add(name + " " + opt + ": numeric option without a Ranges converter");
                    continue;
                }
                List<String> base = runnable.containsKey(name) ? runnable.get(name) : parseOnly(cmd);
                for (String bad : outside(range)) {
                    probes++;
                    CliRun r = run(name, base, opt, bad);
                    if (r.code() != Main.EXIT_INVALID_INPUT || !r.err().contains(opt) || !r.err().contains("expected")) {
                        problems.add(name + " " + opt + " " + bad + ": exit " + r.code() + ", " + r.err().trim());
                    }
                }
                if (runnable.containsKey(name)) {
                    for (String edge : insideEdges(range)) {
                        probes++;
                        CliRun r = run(name, base, opt, edge);
                        if (r.code() == Main.EXIT_INTERNAL) {
                            problems.add(name + " " + opt + " " + edge + " (in range): exit 4, " + r.err().trim());
                        }
                    }
                }
            }
        }
        assertThat(problems).as("after %d probes", probes).isEmpty();
        assertThat(probes).as("numeric options found").isGreaterThan(100);
    }

    @Test
    void theToleranceBugOfIssue12IsAUsageErrorThatStatesTheRange() {
        for (String[] args : List.of(new String[] {"reduce", "ode-specs/sir.ode", "-m", "fe", "--tolerance", "0.01"},
                new String[] {"reduce", "ode-specs/sir.ode", "-m", "efe", "--epsilon", "0.1", "--tolerance", "5e-3"},
                new String[] {"sweep", "ode-specs/sir.ode", "-m", "efe", "--epsilon", "0.1", "--tolerance", "0.5"})) {
            CliRun r = CliRun.of(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(Main.EXIT_INVALID_INPUT);
            assertThat(r.err()).contains("--tolerance").contains("[0, 0.001)");
        }
    }

    private static CliRun run(String command, List<String> base, String option, String value) {
        List<String> args = new ArrayList<>();
        args.add(command);
        args.addAll(base);
        args.add(option + "=" + value);
        return CliRun.of(args.toArray(String[]::new));
    }

    private static List<CommandSpec> commands() {
        List<CommandSpec> all = new ArrayList<>();
        collect(Main.commandLine(), all);
        return all;
    }

    private static void collect(CommandLine c, List<CommandSpec> all) {
        all.add(c.getCommandSpec());
        for (CommandLine sub : c.getSubcommands().values()) {
            collect(sub, all);
        }
    }

    private static boolean isNumeric(OptionSpec o) {
        if (rangeOf(o) != null) {
            return true;
        }
        List<Class<?>> types = new ArrayList<>(List.of(o.auxiliaryTypes()));
        types.add(o.type().isArray() ? o.type().getComponentType() : o.type());
        for (Class<?> t : types) {
            if (t.isPrimitive() && t != boolean.class && t != char.class || Number.class.isAssignableFrom(t)) {
                return true;
            }
        }
        return false;
    }

    private static Ranges.Range<?> rangeOf(OptionSpec o) {
        for (CommandLine.ITypeConverter<?> c : o.converters()) {
            if (c instanceof Ranges.Range<?> r) {
                return r;
            }
        }
        return null;
    }

    /** Values that parse to no number in the range (or to no number at all). */
    private static List<String> outside(Ranges.Range<?> r) {
        List<String> v = new ArrayList<>(List.of("NaN", "1e999", "abc"));
        if (!r.contains(-1)) {
            v.add("-1");
        }
        if (r.integral) {
            v.add("99999999999999999999");
            v.add("1.5");
        } else if (!r.contains(1e308)) {
            v.add("1e308");
        }
        if (Double.isFinite(r.min) && Math.abs(r.min) < 1e15) {
            v.add(num(r.integral ? r.min - 1 : r.minOpen ? r.min : Math.nextDown(r.min)));
        }
        if (Double.isFinite(r.max) && Math.abs(r.max) < 1e15) {
            v.add(num(r.integral ? r.max + 1 : r.maxOpen ? r.max : Math.nextUp(r.max)));
        }
        return v;
    }

    /** The values just inside each bounded end (the upper one only when it is not a resource limit). */
    private static List<String> insideEdges(Ranges.Range<?> r) {
        List<String> v = new ArrayList<>();
        if (Double.isFinite(r.min) && Math.abs(r.min) < 1e15) {
            v.add(num(r.integral ? r.min : r.minOpen ? (r.min == 0 ? 1e-12 : Math.nextUp(r.min)) : r.min));
        }
        if (Double.isFinite(r.max) && Math.abs(r.max) < 1e6) {
            v.add(num(r.integral ? r.max : r.maxOpen ? Math.nextDown(r.max) : r.max));
        }
        return v;
    }

    private static String num(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }

    /** Arguments that satisfy a command's parser: a placeholder for each positional and each required option. */
    private static List<String> parseOnly(CommandSpec cmd) {
        List<String> a = new ArrayList<>();
        for (OptionSpec o : cmd.options()) {
            if (o.required()) {
                a.add(o.longestName());
                a.add(placeholder(o.completionCandidates()));
            }
        }
        for (PositionalParamSpec p : cmd.positionalParameters()) {
            a.add(placeholder(p.completionCandidates()));
        }
        return a;
    }

    private static String placeholder(Iterable<String> candidates) {
        return candidates != null && candidates.iterator().hasNext() ? candidates.iterator().next() : "x";
    }
}
