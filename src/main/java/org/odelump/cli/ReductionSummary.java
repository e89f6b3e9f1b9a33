package org.odelump.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.odelump.io.LumpingHeader;
import org.odelump.lumping.LumpingCheck;
import org.odelump.model.LumpedSystem;
import org.odelump.model.OdeSystem;
import org.odelump.model.Partition;
import org.odelump.model.Provenance;

/** Renders a reduction for people (text) and for programs (JSON with provenance). */
final class ReductionSummary {

    private ReductionSummary() {
    }

    static void print(PrintWriter out, String source, LumpedSystem l, int maxBlocks, double loadSeconds,
                      double reduceSeconds, LumpingCheck.Result check) {
        OdeSystem m = l.origin();
        Partition p = l.partition();
        int n = m.dimension();
        out.printf(Locale.ROOT, "%s: %s reduction of model '%s', initial partition %s (%d block%s)%n", source,
                l.method(), m.name(), l.initialDescription(), l.initialPartition().size(),
                l.initialPartition().size() == 1 ? "" : "s");
        out.printf(Locale.ROOT, "  variables  %d -> %d (%.1f %% of the original)%n", n, p.size(),
                100.0 * p.size() / Math.max(1, n));
        List<String> names = m.variableNames();
        int nonSingleton = 0;
        for (int b = 0; b < p.size(); b++) {
            if (p.blockSize(b) > 1) {
                nonSingleton++;
            }
        }
        out.printf(Locale.ROOT, "  blocks     %d, of which %d with more than one variable%n", p.size(), nonSingleton);
        int shown = 0;
        for (int b = 0; b < p.size() && shown < maxBlocks; b++) {
            if (p.blockSize(b) > 1) {
                out.println("    " + block(p, b, names, 12));
                shown++;
            }
        }
        if (shown < nonSingleton) {
            out.println("    ... and " + (nonSingleton - shown) + " more (all blocks are in --report)");
        }
        out.printf(Locale.ROOT, "  time       load %.3f s, reduction %.3f s%n", loadSeconds, reduceSeconds);
        if (check != null) {
            out.printf(Locale.ROOT, "  self-check %s at %d random points: %s (max deviation %.1e)%n",
                    l.method() == LumpedSystem.Method.FE ? "L*f(x) = f^(L*x)" : "equal drifts on block-constant points",
                    check.points(), check.passed() ? "ok" : "FAILED: " + check.detail(), check.maxDeviation());
        }
        for (String w : l.warnings()) {
            out.println("  warning    " + w);
        }
    }

    private static String block(Partition p, int b, List<String> names, int max) {
        int[] members = p.block(b);
        StringBuilder sb = new StringBuilder("{");
        for (int k = 0; k < members.length && k < max; k++) {
            sb.append(k > 0 ? ", " : "").append(names.get(members[k]));
        }
        if (members.length > max) {
            sb.append(", ... (").append(members.length).append(" variables)");
        }
        return sb.append('}').toString();
    }

    /** A report map (see {@link #map}), perhaps with further fields, as the --report file's text. */
    static String json(Map<String, Object> report) throws java.io.IOException {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report) + "\n";
    }

    /** The report as a map (the --report file, and the result of reduce --json). */
    static Map<String, Object> map(LumpedSystem l, ModelLoader.Loaded loaded, double loadSeconds,
                                   double reduceSeconds, LumpingCheck.Result check) {
        OdeSystem m = l.origin();
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> prov = new LinkedHashMap<>();
        // the input file, also when the reduced model's origin is a nearest exact model built from it
        Provenance input = loaded.system().provenance();
        prov.put("source", input.source());
        prov.put("sha256", input.sha256());
        prov.put("format", input.format());
        prov.put("tool", new Main.Version().getVersion()[0]);
        prov.put("time", Instant.now().toString());
        root.put("provenance", prov);
        root.put("model", m.name());
        root.put("method", l.method().name());
        root.put("initialPartition", l.initialDescription());
        root.put("initialBlocks", l.initialPartition().size());
        root.put("tolerance", l.tolerance());
        root.put("variablesBefore", m.dimension());
        root.put("variablesAfter", l.partition().size());
        root.put("loadSeconds", loadSeconds);
        root.put("reductionSeconds", reduceSeconds);
        root.put("blocks", blocks(l.partition(), m.variableNames()));
        root.put("initialPartitionBlocks", blocks(l.initialPartition(), m.variableNames()));
        l.approximation().ifPresent(a -> root.put("approximation", approximation(a)));
        if (check != null) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("passed", check.passed());
            c.put("points", check.points());
            c.put("maxDeviation", check.maxDeviation());
            c.put("detail", check.detail());
            root.put("selfCheck", c);
        }
        root.put("header", LumpingHeader.lines(l));
        root.put("warnings", l.warnings());
        root.put("inputWarnings", loaded.warnings().stream().map(Object::toString).toList());
        return root;
    }

    private static List<List<String>> blocks(Partition p, List<String> names) {
        List<List<String>> blocks = new ArrayList<>();
        for (int b = 0; b < p.size(); b++) {
            List<String> block = new ArrayList<>();
            for (int v : p.block(b)) {
                block.add(names.get(v));
            }
            blocks.add(block);
        }
        return blocks;
    }

    /** ε settings, rounds and, for the nearest exact model, what was changed and by how much. */
    private static Map<String, Object> approximation(LumpedSystem.Approximation a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epsilon", a.epsilon());
        m.put("epsilonMode", a.mode());
        m.put("grouping", a.grouping());
        m.put("rounds", a.rounds());
        m.put("quotient", a.direct() ? "direct" : "nearest-exact");
        LumpedSystem.NearestChange c = a.nearest();
        if (c != null) {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("perturbed", c.perturbed());
            n.put("newValues", c.newValues());
            n.put("changeNorm2", c.changeNorm2());
            n.put("changeMax", c.changeMax());
            n.put("changed", c.changed());
            n.put("initialChangeNorm2", c.initialChangeNorm2());
            n.put("initialChangeMax", c.initialChangeMax());
            m.put("nearest", n);
        }
        return m;
    }
}
