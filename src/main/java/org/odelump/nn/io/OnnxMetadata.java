package org.odelump.nn.io;

import ai.onnx.proto.OnnxMl.ModelProto;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.odelump.model.Diagnostic;
import org.odelump.model.InvalidModelException;
import org.odelump.nn.Mlp;
import org.odelump.nn.data.ColumnScaling;

/**
 * What an ONNX graph cannot hold but a {@link NetworkFile} carries — column names, standardisations, provenance —
 * kept in the model's {@code metadata_props} under {@code odelump.*} keys with small JSON values. Package-private.
 */
final class OnnxMetadata {

    static final String INPUTS = "odelump.inputs";
    static final String OUTPUTS = "odelump.outputs";
    static final String INPUT_STD = "odelump.inputStandardisation";
    static final String TARGET_STD = "odelump.targetStandardisation";
    static final String TASK = "odelump.task";
    static final String CLASSES = "odelump.classes";
    static final String TOOL = "odelump.tool";
    static final String CREATED = "odelump.created";
    static final String SOURCE = "odelump.source";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OnnxMetadata() {
    }

    /** The metadata entries of a network file, in a fixed order; absent parts are left out. */
    static Map<String, String> entries(NetworkFile net) {
        Map<String, String> m = new LinkedHashMap<>();
        try {
            if (!net.inputNames().isEmpty()) {
                m.put(INPUTS, MAPPER.writeValueAsString(net.inputNames()));
            }
            if (!net.outputNames().isEmpty()) {
                m.put(OUTPUTS, MAPPER.writeValueAsString(net.outputNames()));
            }
            if (net.inputStandardisation() != null) {
                m.put(INPUT_STD, standardisation(net.inputStandardisation()));
            }
            if (net.targetStandardisation() != null) {
                m.put(TARGET_STD, standardisation(net.targetStandardisation()));
            }
            if (net.isClassifier()) {
                m.put(TASK, "classification");
                m.put(CLASSES, MAPPER.writeValueAsString(net.classes()));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        m.put(TOOL, net.provenance().tool());
        m.put(CREATED, net.provenance().created());
        m.put(SOURCE, net.provenance().source());
        return m;
    }

    private static String standardisation(ColumnScaling s) throws JsonProcessingException {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("mean", s.mean());
        m.put("std", s.std());
        return MAPPER.writeValueAsString(m);
    }

    /**
     * What the reader found in the graph: the network, the input normalisation and output scaling it holds as
     * nodes (or null), and the graph's interface (null when it is odelump's standard one).
     */
    record GraphContent(Mlp mlp, ColumnScaling inputScaling, ColumnScaling targetScaling, OnnxSignature signature) {
    }

    /**
     * The network file of what the graph holds with the metadata found in {@code model}. A standardisation the
     * graph holds as nodes wins; metadata for it must agree up to float rounding and then gives the exact doubles
     * odelump wrote. Metadata alone (files of odelump before 2026-12, whose graph left it out) still applies.
     */
    static NetworkFile attach(GraphContent g, ModelProto model, String file) {
        Map<String, String> meta = OnnxNetworkReader.metadata(model);
        String tool = meta.get(TOOL);
        if (tool == null) {
            tool = (model.getProducerName() + " " + model.getProducerVersion()).trim();
        }
        NetworkProvenance provenance = new NetworkProvenance(tool, meta.getOrDefault(CREATED, ""),
                meta.getOrDefault(SOURCE, ""));
        ColumnScaling in = reconcile(g.inputScaling(), standardisation(meta, INPUT_STD, file), INPUT_STD,
                "input normalisation", file);
        ColumnScaling out = reconcile(g.targetScaling(), standardisation(meta, TARGET_STD, file), TARGET_STD,
                "output scaling", file);
        try {
            return new NetworkFile(g.mlp(), names(meta, INPUTS, file), names(meta, OUTPUTS, file), in, out,
                    provenance, g.signature(), classes(meta, file));
        } catch (IllegalArgumentException e) {
            throw bad(file, "metadata_props do not fit the network: " + e.getMessage());
        }
    }

    /** The class labels of a graph whose metadata says {@code odelump.task = classification}; else empty. */
    private static List<String> classes(Map<String, String> meta, String file) {
        String task = meta.getOrDefault(TASK, "regression");
        if (task.equals("regression")) {
            return List.of();
        }
        if (!task.equals("classification")) {
            throw bad(file, "metadata_props " + TASK + " is '" + task + "', expected regression or classification");
        }
        if (!meta.containsKey(CLASSES)) {
            throw bad(file, "metadata_props " + TASK + " is classification but " + CLASSES + " is missing");
        }
        return names(meta, CLASSES, file);
    }

    /** Relative difference of two numbers that float32 rounding (plus a division) can cause. */
    private static final double FLOAT_AGREEMENT = 0x1p-20;

    private static ColumnScaling reconcile(ColumnScaling graph, ColumnScaling meta, String key, String what,
            String file) {
        if (graph == null || meta == null) {
            return graph != null ? graph : meta;
        }
        if (graph.size() != meta.size()) {
            throw bad(file, "metadata_props " + key + " has " + meta.size() + " columns but the graph's " + what
                    + " has " + graph.size());
        }
        double[][] g = {graph.mean(), graph.std()};
        double[][] m = {meta.mean(), meta.std()};
        for (int k = 0; k < 2; k++) {
            for (int i = 0; i < g[k].length; i++) {
                double scale = Math.max(Math.abs(m[k][i]), Math.abs(g[k][i]));
                if (Math.abs(g[k][i] - m[k][i]) > FLOAT_AGREEMENT * scale + 1e-30) {
                    throw bad(file, "metadata_props " + key + " disagrees with the graph's " + what + ": column "
                            + i + " " + (k == 0 ? "mean" : "std") + " " + m[k][i] + " in the metadata, " + g[k][i]
                            + " in the graph");
                }
            }
        }
        return meta;
    }

    private static List<String> names(Map<String, String> meta, String key, String file) {
        String v = meta.get(key);
        if (v == null) {
            return List.of();
        }
        try {
            return new ArrayList<>(Arrays.asList(MAPPER.readValue(v, String[].class)));
        } catch (JsonProcessingException e) {
            throw bad(file, "metadata_props " + key + " is not a JSON array of strings: " + v);
        }
    }

    private static ColumnScaling standardisation(Map<String, String> meta, String key, String file) {
        String v = meta.get(key);
        if (v == null) {
            return null;
        }
        try {
            StdJson s = MAPPER.readValue(v, StdJson.class);
            if (s.mean == null || s.std == null) {
                throw bad(file, "metadata_props " + key + " needs \"mean\" and \"std\"");
            }
            return new ColumnScaling(s.mean, s.std);
        } catch (JsonProcessingException e) {
            throw bad(file, "metadata_props " + key + " is not {\"mean\": [...], \"std\": [...]}: " + v);
        }
    }

    /** Jackson binding of a standardisation. */
    private static final class StdJson {
        public double[] mean;
        public double[] std;
    }

    private static InvalidModelException bad(String file, String message) {
        return new InvalidModelException(new Diagnostic(file, 0, 0, Diagnostic.Kind.SEMANTIC, message));
    }
}
