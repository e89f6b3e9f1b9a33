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
import org.odelump.lumping.LumpingCheck;
import org.odelump.model.LumpedSystem;
import org.odelump.model.OdeSystem;
import org.odelump.model.Partition;

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

    static String json(LumpedSystem l, ModelLoader.Loaded loaded, double loadSeconds, double reduceSeconds,
                       LumpingCheck.Result check) throws java.io.IOException {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(map(l, loaded, loadSeconds, reduceSeconds, check)) + "\n";
    }

    /** The report as a map (the --report file, and the result of reduce --json). */
    static Map<String, Object> map(LumpedSystem l, ModelLoader.Loaded loaded, double loadSeconds,
                                   double reduceSeconds, LumpingCheck.Result check) {
        OdeSystem m = l.origin();
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> prov = new LinkedHashMap<>();
        prov.put("source", m.provenance().source());
        prov.put("sha256", m.provenance().sha256());
        prov.put("format", m.provenance().format());
        prov.put("tool", new Main.Version().getVersion()[0]);
        prov.put("time", Instant.now().toString());
        root.put("provenance", prov);
        root.put("model", m.name());
        root.put("method", l.method().name());
        root.put("initialPartition", l.initialDescription());
        root.put("initialBlocks", l.initialPartition().size());
        root.put("variablesBefore", m.dimension());
        root.put("variablesAfter", l.partition().size());
        root.put("loadSeconds", loadSeconds);
        root.put("reductionSeconds", reduceSeconds);
        List<String> names = m.variableNames();
        List<List<String>> blocks = new ArrayList<>();
        for (int b = 0; b < l.partition().size(); b++) {
            List<String> block = new ArrayList<>();
            for (int v : l.partition().block(b)) {
                block.add(names.get(v));
            }
            blocks.add(block);
        }
        root.put("blocks", blocks);
        if (check != null) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("passed", check.passed());
            c.put("points", check.points());
            c.put("maxDeviation", check.maxDeviation());
            c.put("detail", check.detail());
            root.put("selfCheck", c);
        }
        root.put("header", l.header());
        root.put("warnings", l.warnings());
        root.put("inputWarnings", loaded.warnings().stream().map(Object::toString).toList());
        return root;
    }
}
