package org.odelump.nn.io;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.List;
import org.odelump.nn.Activation;
import org.odelump.nn.DenseLayer;
import org.odelump.nn.data.ColumnScaling;

/**
 * Writes odelump's JSON network format (see {@code docs/network-format.md}): one weight row per line, numbers in
 * Java's shortest round-trip decimal form so that reading the text back gives the same doubles bit for bit. The
 * output is a pure function of the {@link NetworkFile} (no clock is read here).
 */
public final class JsonNetworkWriter {

    private JsonNetworkWriter() {
    }

    /** The JSON text of a network file, ending with a newline. */
    public static String write(NetworkFile net) {
        StringBuilder sb = new StringBuilder(1024);
        sb.append("{\n");
        sb.append("  \"format\": ").append(quote(JsonNetworkReader.FORMAT_NAME)).append(",\n");
        sb.append("  \"version\": ").append(JsonNetworkReader.VERSION).append(",\n");
        NetworkProvenance p = net.provenance();
        sb.append("  \"provenance\": {\"tool\": ").append(quote(p.tool())).append(", \"created\": ")
                .append(quote(p.created())).append(", \"source\": ").append(quote(p.source())).append("},\n");
        if (!net.inputNames().isEmpty()) {
            sb.append("  \"inputs\": ").append(names(net.inputNames())).append(",\n");
        }
        if (!net.outputNames().isEmpty()) {
            sb.append("  \"outputs\": ").append(names(net.outputNames())).append(",\n");
        }
        if (net.isClassifier()) {
            sb.append("  \"task\": \"classification\",\n");
            sb.append("  \"classes\": ").append(names(net.classes())).append(",\n");
        }
        if (net.inputStandardisation() != null) {
            sb.append("  \"inputStandardisation\": ").append(standardisation(net.inputStandardisation()))
                    .append(",\n");
        }
        if (net.targetStandardisation() != null) {
            sb.append("  \"targetStandardisation\": ").append(standardisation(net.targetStandardisation()))
                    .append(",\n");
        }
        sb.append("  \"layers\": [\n");
        List<DenseLayer> layers = net.mlp().layers();
        for (int l = 0; l < layers.size(); l++) {
            DenseLayer layer = layers.get(l);
            sb.append("    {\n      \"activation\": ").append(quote(name(layer.activation()))).append(",\n");
            sb.append("      \"weights\": [\n");
            double[][] w = layer.weights();
            for (int j = 0; j < w.length; j++) {
                sb.append("        ").append(numbers(w[j])).append(j + 1 < w.length ? ",\n" : "\n");
            }
            sb.append("      ],\n");
            sb.append("      \"bias\": ").append(numbers(layer.bias())).append('\n');
            sb.append(l + 1 < layers.size() ? "    },\n" : "    }\n");
        }
        sb.append("  ]\n}\n");
        return sb.toString();
    }

    /** The canonical JSON name of an activation. */
    static String name(Activation a) {
        return switch (a) {
            case TANH -> "tanh";
            case LOGISTIC -> "logistic";
            case IDENTITY -> "identity";
            case RELU -> "relu";
        };
    }

    private static String standardisation(ColumnScaling s) {
        return "{\"mean\": " + numbers(s.mean()) + ", \"std\": " + numbers(s.std()) + "}";
    }

    private static String numbers(double[] v) {
        StringBuilder sb = new StringBuilder(v.length * 12 + 2).append('[');
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(Double.toString(v[i]));
        }
        return sb.append(']').toString();
    }

    private static String names(List<String> names) {
        StringBuilder sb = new StringBuilder().append('[');
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(quote(names.get(i)));
        }
        return sb.append(']').toString();
    }

    private static String quote(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }
}
