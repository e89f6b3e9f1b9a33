package org.odelump.nn.io;

import org.odelump.nn.ColumnScaling;

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

/**
 * What an ONNX graph cannot hold but a {@link NetworkFile} carries — column names, standardisations, provenance —
 * kept in the model's {@code metadata_props} under {@code odelump.*} keys with small JSON values. Package-private.
 */
final class OnnxMetadata {

    static final String INPUTS = "odelump.inputs";
    static final String OUTPUTS = "odelump.outputs";
    static final String INPUT_STD = "odelump.inputStandardisation";
    static final String TARGET_STD = "odelump.targetStandardisation";
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

    /** The network file of {@code mlp} with the metadata found in {@code model}. */
    static NetworkFile attach(Mlp mlp, ModelProto model, String file) {
        Map<String, String> meta = OnnxNetworkReader.metadata(model);
        String tool = meta.get(TOOL);
        if (tool == null) {
            tool = (model.getProducerName() + " " + model.getProducerVersion()).trim();
        }
        NetworkProvenance provenance = new NetworkProvenance(tool, meta.getOrDefault(CREATED, ""),
                meta.getOrDefault(SOURCE, ""));
        try {
            return new NetworkFile(mlp, names(meta, INPUTS, file), names(meta, OUTPUTS, file),
                    standardisation(meta, INPUT_STD, file), standardisation(meta, TARGET_STD, file), provenance);
        } catch (IllegalArgumentException e) {
            throw bad(file, "metadata_props do not fit the network: " + e.getMessage());
        }
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
