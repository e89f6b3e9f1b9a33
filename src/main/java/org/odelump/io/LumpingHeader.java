package org.odelump.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.odelump.model.LumpedSystem;
import org.odelump.model.LumpedSystem.Method;
import org.odelump.model.OdeSystem;
import org.odelump.model.Partition;

/**
 * The comment lines a reduced model written by odelump carries: {@link #lines} writes them from a
 * {@link LumpedSystem} (a few lines for people, then the machine-readable ones), {@link #read} reads the
 * machine-readable ones back from a file's text (comments are not part of the parsed model):
 * <pre>
 * // odelump-lumping: method=FE initial=NONE tolerance=1.0E-12
 * // odelump-approximation: epsilon=0.1 epsilon-mode=abs grouping=components quotient=direct
 * // odelump-block: S10 = S10 + S01
 * </pre>
 * FE means each reduced variable is the sum of its block, BE that it is the common value of its block (compared
 * with the first member, the representative). Reduced variables without a block line stand for the original
 * variable of the same name. Leading whitespace is allowed; other key=value pairs on the lumping line are kept.
 *
 * @param method     the method
 * @param properties every key=value pair of the lumping line (and of an odelump-approximation line)
 * @param blocks     reduced variable name → original variable names, in file order
 */
public record LumpingHeader(Method method, Map<String, String> properties, Map<String, List<String>> blocks) {

    private static final Pattern LUMPING = Pattern.compile("^\\s*//\\s*odelump-lumping:(.*)$");
    private static final Pattern APPROX = Pattern.compile("^\\s*//\\s*odelump-approximation:(.*)$");
    private static final Pattern BLOCK = Pattern.compile("^\\s*//\\s*odelump-block:(.*)$");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public LumpingHeader {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        Map<String, List<String>> copy = new LinkedHashMap<>();
        blocks.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        blocks = Collections.unmodifiableMap(copy);
    }

    /**
     * The header of a reduced model, without comment marks: where it came from, the method, the initial partition,
     * sizes, the tolerance, for an approximate reduction ε, its mode, grouping and the quotient, then the
     * machine-readable lines that {@link #read} reads back (one {@code odelump-block} line per block with more than
     * one variable, named by the reduced variable, the representative, and listing the original members).
     */
    public static List<String> lines(LumpedSystem l) {
        OdeSystem origin = l.origin();
        Method method = l.method();
        int n = origin.dimension();
        int k = l.partition().size();
        List<String> h = new ArrayList<>();
        h.add("Reduced by odelump from model " + origin.name() + " (" + origin.provenance().source() + ")");
        String kind = method == Method.FE ? "sum variables" : "common block values";
        LumpedSystem.Approximation a = l.approximation().orElse(null);
        h.add(a != null ? "Method: " + method + " quotient of an epsilon-" + method + " partition (" + kind + ")"
                : "Method: " + method + ", coarsest " + (method == Method.FE ? "forward" : "backward")
                + " equivalence (" + kind + ")");
        h.add("Initial partition: " + l.initialDescription() + ", " + l.initialPartition().size() + " block"
                + (l.initialPartition().size() == 1 ? "" : "s"));
        h.add(String.format(Locale.ROOT, "Variables: %d -> %d (%.2f%% of the original)", n, k,
                n == 0 ? 100.0 : 100.0 * k / n));
        h.add("Terms: " + origin.termCount() + " -> " + l.reduced().termCount());
        h.add("Tolerance: " + l.tolerance());
        if (a != null) {
            h.add(String.format(Locale.ROOT, "Approximate: epsilon-%s with epsilon=%s (%s), grouping %s, %d round%s",
                    method, a.epsilon(), a.mode(), a.grouping(), a.rounds(), a.rounds() == 1 ? "" : "s"));
            LumpedSystem.NearestChange c = a.nearest();
            h.add("Reduced model: " + (c == null ? "direct quotient of the original model (as if exact)"
                    : String.format(Locale.ROOT, "exact quotient of the nearest exact model (perturbed %s: change "
                            + "2-norm %.6g, max %.6g, %d changed%s)", c.perturbed(), c.changeNorm2(), c.changeMax(),
                    c.changed(), c.initialChangeMax() > 0 ? String.format(Locale.ROOT, "; initial values made "
                            + "constant on blocks: change 2-norm %.6g, max %.6g", c.initialChangeNorm2(),
                            c.initialChangeMax()) : "")));
        }
        h.add("odelump-lumping: method=" + method + " initial=" + l.initialDescription() + " tolerance="
                + l.tolerance());
        if (a != null) {
            h.add("odelump-approximation: epsilon=" + a.epsilon() + " epsilon-mode=" + a.mode() + " grouping="
                    + a.grouping() + " quotient=" + (a.direct() ? "direct" : "nearest")
                    + (a.direct() ? "" : " perturbed=" + a.nearest().perturbed()));
        }
        Partition p = l.partition();
        List<String> names = origin.variableNames();
        for (int b = 0; b < p.size(); b++) {
            int[] members = p.block(b);
            if (members.length < 2) {
                continue;
            }
            StringBuilder sb = new StringBuilder("odelump-block: ").append(names.get(members[0])).append(" =");
            for (int j = 0; j < members.length; j++) {
                sb.append(j == 0 ? " " : " + ").append(names.get(members[j]));
            }
            h.add(sb.toString());
        }
        return h;
    }

    /**
     * Reads the header lines of a reduced model's text.
     *
     * @param fileName for messages
     * @param text     the file's content
     * @throws IllegalArgumentException with {@code file:line: message} when a line is malformed, or when the
     *                                  lumping line is missing
     */
    public static LumpingHeader read(String fileName, String text) {
        String[] lines = text.split("\\R", -1);
        Method method = null;
        Map<String, String> props = new LinkedHashMap<>();
        Map<String, List<String>> blocks = new LinkedHashMap<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String where = fileName + ":" + (i + 1) + ": ";
            Matcher m = LUMPING.matcher(line);
            if (m.matches()) {
                if (method != null) {
                    throw new IllegalArgumentException(where + "a second odelump-lumping line");
                }
                Map<String, String> kv = pairs(m.group(1), where);
                String meth = kv.get("method");
                if (meth == null) {
                    throw new IllegalArgumentException(where + "expected method=FE or method=BE");
                }
                try {
                    method = Method.valueOf(meth.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + "unknown method '" + meth + "', expected FE or BE");
                }
                props.putAll(kv);
                continue;
            }
            m = APPROX.matcher(line);
            if (m.matches()) {
                props.putAll(pairs(m.group(1), where));
                continue;
            }
            m = BLOCK.matcher(line);
            if (m.matches()) {
                String body = m.group(1).trim();
                int eq = body.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException(where + "expected 'REDUCED = A + B + ...' after odelump-block:");
                }
                String name = body.substring(0, eq).trim();
                if (!NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException(where + "expected a variable name before '=', found '" + name
                            + "'");
                }
                List<String> members = new ArrayList<>();
                for (String part : body.substring(eq + 1).split("\\+", -1)) {
                    String s = part.trim();
                    if (!NAME.matcher(s).matches()) {
                        throw new IllegalArgumentException(where + "expected a variable name in the block of " + name
                                + ", found '" + s + "'");
                    }
                    members.add(s);
                }
                if (blocks.put(name, members) != null) {
                    throw new IllegalArgumentException(where + "a second block line for " + name);
                }
            }
        }
        if (method == null) {
            throw new IllegalArgumentException(fileName + ": no '// odelump-lumping: method=FE|BE' line; this file "
                    + "was not written by odelump reduce (or its header was removed), so it is unknown how its "
                    + "variables relate to the original's");
        }
        return new LumpingHeader(method, props, blocks);
    }

    private static Map<String, String> pairs(String s, String where) {
        Map<String, String> kv = new LinkedHashMap<>();
        for (String tok : s.trim().split("\\s+")) {
            if (tok.isEmpty()) {
                continue;
            }
            int eq = tok.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(where + "expected key=value, found '" + tok + "'");
            }
            kv.put(tok.substring(0, eq), tok.substring(eq + 1));
        }
        return kv;
    }
}
