package org.odelump.nn.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.odelump.model.Diagnostic;
import org.odelump.model.InvalidModelException;
import org.odelump.nn.Activation;
import org.odelump.nn.DenseLayer;
import org.odelump.nn.Mlp;
import org.odelump.nn.data.ColumnScaling;
import org.odelump.nn.io.LocatedJson.Arr;
import org.odelump.nn.io.LocatedJson.Node;
import org.odelump.nn.io.LocatedJson.Num;
import org.odelump.nn.io.LocatedJson.Obj;
import org.odelump.nn.io.LocatedJson.Str;

/**
 * Reads odelump's JSON network format (see {@code docs/network-format.md} and {@link JsonNetworkWriter}). Strict:
 * unknown fields, wrong types, ragged or mismatched shapes are errors located at file:line:column and naming the
 * JSON path, e.g. {@code net.json:12:5: layers[1].weights has 3 rows but bias has 4 entries}. Errors are an
 * {@link InvalidModelException}; the first problem found is reported.
 */
public final class JsonNetworkReader {

    /** The value of the {@code format} field. */
    public static final String FORMAT_NAME = "odelump-mlp";
    /** The newest {@code version} this reader understands. */
    public static final int VERSION = 1;

    private static final Set<String> TOP_FIELDS = Set.of("format", "version", "provenance", "inputs", "outputs",
            "inputStandardisation", "targetStandardisation", "layers", "task", "classes");
    private static final Set<String> LAYER_FIELDS = Set.of("activation", "weights", "bias");
    private static final Set<String> PROVENANCE_FIELDS = Set.of("tool", "created", "source");
    private static final Set<String> STANDARDISATION_FIELDS = Set.of("mean", "std");

    private final String file;

    /** @param file the file name used in messages */
    private JsonNetworkReader(String file) {
        this.file = file;
    }

    /**
     * Reads a network from JSON text.
     *
     * @param text the file's content
     * @param file the file name used in messages
     */
    public static NetworkFile read(String text, String file) {
        return new JsonNetworkReader(file).document(LocatedJson.parse(text, file));
    }

    /** The activation a JSON name denotes (tanh, logistic or sigmoid, identity or linear, relu), or null. */
    static Activation activationNamed(String name) {
        return switch (name) {
            case "tanh" -> Activation.TANH;
            case "logistic", "sigmoid" -> Activation.LOGISTIC;
            case "identity", "linear" -> Activation.IDENTITY;
            case "relu" -> Activation.RELU;
            default -> null;
        };
    }

    private NetworkFile document(Node root) {
        Obj top = object(root, "the document");
        checkFields(top, "", TOP_FIELDS);
        Str format = string(require(top, "format", ""), "format");
        if (!format.value().equals(FORMAT_NAME)) {
            throw error(format, Diagnostic.Kind.UNSUPPORTED, "format is \"" + format.value() + "\", expected \""
                    + FORMAT_NAME + "\"");
        }
        Num version = number(require(top, "version", ""), "version");
        if (!version.integral() || version.value() < 1) {
            throw error(version, Diagnostic.Kind.SEMANTIC, "version must be a positive integer");
        }
        if (version.value() > VERSION) {
            throw error(version, Diagnostic.Kind.UNSUPPORTED, "version " + (long) version.value()
                    + " is newer than the newest supported version " + VERSION);
        }
        NetworkProvenance provenance = provenance(top.fields().get("provenance"));
        Arr layersNode = array(require(top, "layers", ""), "layers");
        if (layersNode.items().isEmpty()) {
            throw error(layersNode, Diagnostic.Kind.SEMANTIC, "layers is empty, a network needs at least one layer");
        }
        List<DenseLayer> layers = new ArrayList<>();
        for (int l = 0; l < layersNode.items().size(); l++) {
            DenseLayer layer = layer(layersNode.items().get(l), "layers[" + l + "]");
            if (l > 0 && layer.inputs() != layers.get(l - 1).outputs()) {
                Node w = ((Obj) layersNode.items().get(l)).fields().get("weights");
                throw error(w, Diagnostic.Kind.SEMANTIC, "layers[" + l + "].weights has " + layer.inputs()
                        + " columns but layers[" + (l - 1) + "] has " + layers.get(l - 1).outputs() + " outputs");
            }
            layers.add(layer);
        }
        Mlp mlp = new Mlp(layers);
        List<String> inputs = names(top, "inputs", mlp.inputs(), "network inputs");
        List<String> outputs = names(top, "outputs", mlp.outputs(), "network outputs");
        ColumnScaling inStd = standardisation(top, "inputStandardisation", mlp.inputs(), "network inputs");
        ColumnScaling outStd = standardisation(top, "targetStandardisation", mlp.outputs(), "network outputs");
        List<String> classes = classes(top, mlp);
        if (!classes.isEmpty() && outStd != null) {
            throw error(top.fields().get("targetStandardisation"), Diagnostic.Kind.SEMANTIC, "a classifier's "
                    + "outputs are logits; remove targetStandardisation or the task \"classification\"");
        }
        return new NetworkFile(mlp, inputs, outputs, inStd, outStd, provenance, null, classes);
    }

    /** The class labels of a {@code "task": "classification"} network; empty for regression (the default). */
    private List<String> classes(Obj top, Mlp mlp) {
        Node taskNode = top.fields().get("task");
        String task = taskNode == null ? "regression" : string(taskNode, "task").value();
        if (!task.equals("regression") && !task.equals("classification")) {
            throw error(taskNode, Diagnostic.Kind.SEMANTIC, "task is \"" + task
                    + "\", expected \"regression\" or \"classification\"");
        }
        Node classesNode = top.fields().get("classes");
        if (task.equals("regression")) {
            if (classesNode != null) {
                throw error(classesNode, Diagnostic.Kind.SEMANTIC, "classes are given but the task is not "
                        + "\"classification\"");
            }
            return List.of();
        }
        if (classesNode == null) {
            throw error(taskNode, Diagnostic.Kind.SEMANTIC, "a classification network needs \"classes\": one "
                    + "label per output");
        }
        List<String> classes = names(top, "classes", mlp.outputs(), "network outputs (logits)");
        if (classes.size() < 2) {
            throw error(classesNode, Diagnostic.Kind.SEMANTIC, "a classifier needs at least two classes");
        }
        if (mlp.layer(mlp.layers().size() - 1).activation() != Activation.IDENTITY) {
            throw error(taskNode, Diagnostic.Kind.SEMANTIC, "a classifier's last layer must be \"identity\" "
                    + "(its outputs are logits)");
        }
        return classes;
    }

    private DenseLayer layer(Node node, String path) {
        Obj o = object(node, path);
        checkFields(o, path + ".", LAYER_FIELDS);
        Str act = string(require(o, "activation", path + "."), path + ".activation");
        Activation activation = activationNamed(act.value());
        if (activation == null) {
            throw error(act, Diagnostic.Kind.UNSUPPORTED, path + ".activation \"" + act.value()
                    + "\" is not one of tanh, logistic (sigmoid), identity (linear), relu");
        }
        Node wNode = require(o, "weights", path + ".");
        Arr rows = array(wNode, path + ".weights");
        if (rows.items().isEmpty()) {
            throw error(rows, Diagnostic.Kind.SEMANTIC, path + ".weights has no rows, a layer needs an output");
        }
        double[][] w = new double[rows.items().size()][];
        for (int j = 0; j < w.length; j++) {
            String rp = path + ".weights[" + j + "]";
            w[j] = numbers(rows.items().get(j), rp);
            if (w[j].length == 0) {
                throw error(rows.items().get(j), Diagnostic.Kind.SEMANTIC, rp + " is empty, a layer needs an input");
            }
            if (w[j].length != w[0].length) {
                throw error(rows.items().get(j), Diagnostic.Kind.SEMANTIC, rp + " has " + w[j].length
                        + " entries but " + path + ".weights[0] has " + w[0].length);
            }
        }
        Node bNode = require(o, "bias", path + ".");
        double[] b = numbers(bNode, path + ".bias");
        if (b.length != w.length) {
            throw error(bNode, Diagnostic.Kind.SEMANTIC, path + ".weights has " + w.length + " rows but bias has "
                    + b.length + " entries");
        }
        return new DenseLayer(w, b, activation);
    }

    private NetworkProvenance provenance(Node node) {
        if (node == null) {
            return NetworkProvenance.unknown();
        }
        Obj o = object(node, "provenance");
        checkFields(o, "provenance.", PROVENANCE_FIELDS);
        return new NetworkProvenance(optionalString(o, "tool", "provenance."),
                optionalString(o, "created", "provenance."), optionalString(o, "source", "provenance."));
    }

    private String optionalString(Obj o, String key, String prefix) {
        Node n = o.fields().get(key);
        return n == null ? "" : string(n, prefix + key).value();
    }

    private List<String> names(Obj top, String key, int expected, String what) {
        Node n = top.fields().get(key);
        if (n == null) {
            return List.of();
        }
        Arr a = array(n, key);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < a.items().size(); i++) {
            String name = string(a.items().get(i), key + "[" + i + "]").value();
            if (out.contains(name)) {
                throw error(a.items().get(i), Diagnostic.Kind.SEMANTIC, key + "[" + i + "] \"" + name
                        + "\" repeats " + key + "[" + out.indexOf(name) + "]");
            }
            out.add(name);
        }
        if (out.size() != expected) {
            throw error(a, Diagnostic.Kind.SEMANTIC, key + " has " + out.size() + " names but there are "
                    + expected + " " + what);
        }
        return out;
    }

    private ColumnScaling standardisation(Obj top, String key, int expected, String what) {
        Node n = top.fields().get(key);
        if (n == null) {
            return null;
        }
        Obj o = object(n, key);
        checkFields(o, key + ".", STANDARDISATION_FIELDS);
        Node mNode = require(o, "mean", key + ".");
        Node sNode = require(o, "std", key + ".");
        double[] mean = numbers(mNode, key + ".mean");
        double[] std = numbers(sNode, key + ".std");
        if (mean.length != expected) {
            throw error(mNode, Diagnostic.Kind.SEMANTIC, key + ".mean has " + mean.length
                    + " entries but there are " + expected + " " + what);
        }
        if (std.length != expected) {
            throw error(sNode, Diagnostic.Kind.SEMANTIC, key + ".std has " + std.length + " entries but there are "
                    + expected + " " + what);
        }
        for (int i = 0; i < std.length; i++) {
            if (!(std[i] > 0)) {
                throw error(((Arr) sNode).items().get(i), Diagnostic.Kind.SEMANTIC, key + ".std[" + i
                        + "] is " + std[i] + ", a standard deviation must be > 0");
            }
        }
        return new ColumnScaling(mean, std);
    }

    // ---- typed access with located errors

    private void checkFields(Obj o, String prefix, Set<String> allowed) {
        for (Map.Entry<String, Node> e : o.fields().entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw error(e.getValue(), Diagnostic.Kind.SEMANTIC, "unknown field " + prefix + e.getKey()
                        + " (allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    private Node require(Obj o, String key, String prefix) {
        Node n = o.fields().get(key);
        if (n == null) {
            String where = prefix.isEmpty() ? "the document" : prefix.substring(0, prefix.length() - 1);
            throw error(o, Diagnostic.Kind.SEMANTIC, where + " has no field \"" + key + "\"");
        }
        return n;
    }

    private Obj object(Node n, String path) {
        if (n instanceof Obj o) {
            return o;
        }
        throw typeError(n, path, "an object");
    }

    private Arr array(Node n, String path) {
        if (n instanceof Arr a) {
            return a;
        }
        throw typeError(n, path, "an array");
    }

    private Str string(Node n, String path) {
        if (n instanceof Str s) {
            return s;
        }
        throw typeError(n, path, "a string");
    }

    private Num number(Node n, String path) {
        if (n instanceof Num x) {
            return x;
        }
        throw typeError(n, path, "a number");
    }

    private double[] numbers(Node n, String path) {
        Arr a = array(n, path);
        double[] out = new double[a.items().size()];
        for (int i = 0; i < out.length; i++) {
            Num x = number(a.items().get(i), path + "[" + i + "]");
            if (!Double.isFinite(x.value())) {
                throw error(x, Diagnostic.Kind.SEMANTIC, path + "[" + i + "] is not a finite number");
            }
            out[i] = x.value();
        }
        return out;
    }

    private InvalidModelException typeError(Node n, String path, String expected) {
        return error(n, Diagnostic.Kind.SEMANTIC, path + " must be " + expected + ", found " + n.typeName());
    }

    private InvalidModelException error(Node at, Diagnostic.Kind kind, String message) {
        return new InvalidModelException(new Diagnostic(file, at.line(), at.column(), kind, message));
    }
}
