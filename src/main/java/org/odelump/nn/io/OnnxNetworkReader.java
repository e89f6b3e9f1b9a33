package org.odelump.nn.io;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.odelump.model.Diagnostic;
import org.odelump.model.InvalidModelException;
import org.odelump.nn.Activation;
import org.odelump.nn.DenseLayer;
import org.odelump.nn.Mlp;
import org.odelump.nn.io.OnnxTensors.Tensor;
import org.odelump.nn.io.OnnxTensors.TensorException;

/**
 * Reads a feed-forward network from an ONNX model. The graph must be a chain from its one input to its one output
 * of dense layers, each
 * <ul>
 * <li>{@code Gemm} (attributes alpha, beta, transB; transA must be 0): Y = alpha·A·B' + beta·C, B' = Bᵀ when
 * transB = 1, the form PyTorch exports for {@code nn.Linear} (B is [out, in]); or</li>
 * <li>{@code MatMul} with a constant [in, out] weight, optionally followed by {@code Add} of a constant bias (the
 * form tf2onnx exports for Keras {@code Dense})</li>
 * </ul>
 * optionally followed by {@code Tanh}, {@code Sigmoid} or {@code Relu} (none means identity). {@code Identity} and
 * {@code Dropout} are skipped anywhere; {@code Flatten} (axis 1) and {@code Reshape} to two dimensions are skipped
 * at the input. Weights are initializers or {@code Constant} nodes, FLOAT or DOUBLE, in raw_data, typed fields or
 * external data files next to the model. Anything else — another operator, a branch, a second input, a shape that
 * does not fit — is an {@link InvalidModelException} whose message names the node ({@code node 'fc2' (Gemm): ...}).
 * Names, standardisations and provenance written by {@link OnnxNetworkWriter} come back from the model's
 * metadata_props.
 */
public final class OnnxNetworkReader {

    private final String file;
    private final Path baseDir;
    private final Map<String, TensorProto> constants = new HashMap<>();
    private final Map<String, Tensor> decoded = new HashMap<>();
    private final List<DenseLayer> layers = new ArrayList<>();
    private Pending pending;
    private int reshapedWidth = -1;

    /** A dense layer whose activation has not been seen yet. */
    private static final class Pending {
        final String node;
        final double[][] w;
        final double[] b;
        Activation activation;

        Pending(String node, double[][] w, double[] b) {
            this.node = node;
            this.w = w;
            this.b = b;
        }
    }

    private OnnxNetworkReader(String file, Path baseDir) {
        this.file = file;
        this.baseDir = baseDir;
    }

    /**
     * Reads a network from the bytes of an ONNX model.
     *
     * @param bytes   the serialised ModelProto
     * @param file    the file name used in messages
     * @param baseDir the folder external data files are relative to, or null
     */
    public static NetworkFile read(byte[] bytes, String file, Path baseDir) {
        ModelProto model;
        try {
            model = ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new InvalidModelException(new Diagnostic(file, 0, 0, Diagnostic.Kind.SYNTAX,
                    "not an ONNX model: " + e.getMessage()));
        }
        return read(model, file, baseDir);
    }

    /** Reads a network from a parsed ONNX model (see {@link #read(byte[], String, Path)}). */
    public static NetworkFile read(ModelProto model, String file, Path baseDir) {
        OnnxNetworkReader r = new OnnxNetworkReader(file, baseDir);
        Mlp mlp = r.graph(model.getGraph());
        return OnnxMetadata.attach(mlp, model, file);
    }

    private Mlp graph(GraphProto g) {
        if (g.getNodeCount() == 0) {
            throw error(Diagnostic.Kind.SEMANTIC, "the model has no graph nodes");
        }
        for (TensorProto t : g.getInitializerList()) {
            constants.put(t.getName(), t);
        }
        for (NodeProto n : g.getNodeList()) {
            if (n.getOpType().equals("Constant") && isDefaultDomain(n)) {
                AttributeProto value = attribute(n, "value");
                if (value == null || !value.hasT() || n.getOutputCount() != 1) {
                    throw nodeError(n, Diagnostic.Kind.UNSUPPORTED, "only a Constant with a tensor 'value' is "
                            + "supported");
                }
                constants.put(n.getOutput(0), value.getT().toBuilder().setName(n.getOutput(0)).build());
            }
        }
        List<ValueInfoProto> inputs = g.getInputList().stream()
                .filter(v -> !constants.containsKey(v.getName())).toList();
        if (inputs.size() != 1) {
            throw error(Diagnostic.Kind.UNSUPPORTED, "the graph has " + inputs.size() + " inputs "
                    + inputs.stream().map(v -> "'" + v.getName() + "'").toList()
                    + " besides its initializers; a network must have exactly one");
        }
        if (g.getOutputCount() != 1) {
            throw error(Diagnostic.Kind.UNSUPPORTED, "the graph has " + g.getOutputCount()
                    + " outputs; a network must have exactly one");
        }
        ValueInfoProto input = inputs.get(0);
        ValueInfoProto output = g.getOutput(0);
        Set<Integer> used = new HashSet<>();
        String cur = input.getName();
        String lastProducer = null;
        while (true) {
            List<Integer> consumers = new ArrayList<>();
            for (int i = 0; i < g.getNodeCount(); i++) {
                if (!used.contains(i) && g.getNode(i).getInputList().contains(cur)) {
                    consumers.add(i);
                }
            }
            if (consumers.isEmpty()) {
                break;
            }
            if (consumers.size() > 1 || cur.equals(output.getName())) {
                NodeProto a = g.getNode(consumers.get(0));
                String others = consumers.size() > 1 ? describe(g.getNode(consumers.get(1)), consumers.get(1))
                        : "the graph output";
                throw nodeError(a, consumers.get(0), Diagnostic.Kind.UNSUPPORTED, "tensor '" + cur
                        + "' also feeds " + others + "; only a chain of layers is supported, not a branching graph");
            }
            int idx = consumers.get(0);
            used.add(idx);
            NodeProto n = g.getNode(idx);
            node(n, idx, cur);
            cur = n.getOutput(0);
            lastProducer = describe(n, idx);
        }
        if (!cur.equals(output.getName())) {
            throw error(Diagnostic.Kind.UNSUPPORTED, "the chain from input '" + input.getName() + "' ends at tensor '"
                    + cur + "'" + (lastProducer == null ? "" : " (output of " + lastProducer + ")")
                    + ", which is not the graph output '" + output.getName() + "'");
        }
        for (int i = 0; i < g.getNodeCount(); i++) {
            NodeProto n = g.getNode(i);
            if (!used.contains(i) && !(n.getOpType().equals("Constant") && isDefaultDomain(n))) {
                throw nodeError(n, i, Diagnostic.Kind.UNSUPPORTED, "not on the chain from input '"
                        + input.getName() + "' to output '" + output.getName() + "'");
            }
        }
        flush();
        if (layers.isEmpty()) {
            throw error(Diagnostic.Kind.UNSUPPORTED, "the graph has no Gemm or MatMul node, so no dense layer");
        }
        Mlp mlp = new Mlp(layers);
        checkWidth(input, 1, mlp.inputs(), "input");
        checkWidth(output, 1, mlp.outputs(), "output");
        if (reshapedWidth > 0 && reshapedWidth != mlp.inputs()) {
            throw error(Diagnostic.Kind.SEMANTIC, "the input is reshaped to width " + reshapedWidth
                    + " but the first layer takes " + mlp.inputs() + " inputs");
        }
        return mlp;
    }

    private void node(NodeProto n, int idx, String cur) {
        if (!isDefaultDomain(n)) {
            throw nodeError(n, idx, Diagnostic.Kind.UNSUPPORTED, "operator of domain '" + n.getDomain()
                    + "' is not supported");
        }
        if (n.getOutputCount() < 1 || n.getOutput(0).isEmpty()) {
            throw nodeError(n, idx, Diagnostic.Kind.SEMANTIC, "the node has no output");
        }
        switch (n.getOpType()) {
            case "Identity" -> { }
            case "Dropout" -> {
                if (n.getOutputCount() > 1 && !n.getOutput(1).isEmpty()) {
                    throw nodeError(n, idx, Diagnostic.Kind.UNSUPPORTED, "a Dropout whose mask output is used");
                }
            }
            case "Flatten" -> {
                atInput(n, idx);
                long axis = intAttribute(n, "axis", 1);
                if (axis != 1) {
                    throw nodeError(n, idx, Diagnostic.Kind.UNSUPPORTED, "Flatten with axis " + axis
                            + "; only axis 1 keeps the batch dimension");
                }
            }
            case "Reshape" -> {
                atInput(n, idx);
                Tensor shape = constant(n, idx, 1, "shape");
                double[] s = shape.values();
                if (s.length != 2 || s[1] == 0 || s[1] < -1) {
                    throw nodeError(n, idx, Diagnostic.Kind.UNSUPPORTED, "Reshape to " + shape.shape()
                            + " values " + java.util.Arrays.toString(s)
                            + "; only a reshape to [batch, width] is supported at the input");
                }
                reshapedWidth = (int) s[1];
            }
            case "Gemm" -> gemm(n, idx, cur);
            case "MatMul" -> matMul(n, idx, cur);
            case "Add" -> add(n, idx, cur);
            case "Tanh" -> activation(n, idx, Activation.TANH);
            case "Sigmoid" -> activation(n, idx, Activation.LOGISTIC);
            case "Relu" -> activation(n, idx, Activation.RELU);
            default -> throw nodeError(n, idx, Diagnostic.Kind.UNSUPPORTED, "operator " + n.getOpType()
                    + " is not supported; a network must be a chain of Gemm or MatMul(+Add) nodes, each optionally "
                    + "followed by Tanh, Sigmoid or Relu");
        }
    }

    private void atInput(NodeProto n, int idx) {
        if (pending != null || !layers.isEmpty()) {
            throw nodeError(n, idx, Diagnostic.Kind.UNSUPPORTED, n.getOpType()
                    + " is only supported at the input, before the first layer");
        }
    }

    private void gemm(NodeProto n, int idx, String cur) {
        if (n.getInputCount() < 2 || !n.getInput(0).equals(cur)) {
            throw nodeError(n, idx, Diagnostic.Kind.UNSUPPORTED, "the layer input '" + cur
                    + "' must be Gemm's first input A, with constant B and C");
        }
        long transA = intAttribute(n, "transA", 0);
        if (transA != 0) {
            throw nodeError(n, idx, Diagnostic.Kind.UNSUPPORTED, "transA = " + transA
                    + " is not supported (the batch must be the first dimension of A)");
        }
        long transB = intAttribute(n, "transB", 0);
        double alpha = floatAttribute(n, "alpha", 1.0);
        double beta = floatAttribute(n, "beta", 1.0);
        Tensor b = constant(n, idx, 1, "B");
        if (b.rank() != 2) {
            throw nodeError(n, idx, Diagnostic.Kind.SEMANTIC, "weight '" + b.name() + "' has shape " + b.shape()
                    + ", expected 2 dimensions");
        }
        int rows = (int) b.dims()[0];
        int cols = (int) b.dims()[1];
        boolean t = transB != 0;
        int out = t ? rows : cols;
        int in = t ? cols : rows;
        double[][] w = new double[out][in];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double v = alpha * b.values()[r * cols + c];
                if (t) {
                    w[r][c] = v;
                } else {
                    w[c][r] = v;
                }
            }
        }
        double[] bias = new double[out];
        if (n.getInputCount() >= 3 && !n.getInput(2).isEmpty()) {
            double[] c = broadcastBias(n, idx, constant(n, idx, 2, "C"), out);
            for (int j = 0; j < out; j++) {
                bias[j] = beta * c[j];
            }
        }
        startLayer(n, idx, w, bias, b.name());
    }

    private void matMul(NodeProto n, int idx, String cur) {
        if (n.getInputCount() != 2 || !n.getInput(0).equals(cur)) {
            throw nodeError(n, idx, Diagnostic.Kind.UNSUPPORTED, "the layer input '" + cur
                    + "' must be MatMul's first input, times a constant [in, out] weight");
        }
        Tensor b = constant(n, idx, 1, "weight");
        if (b.rank() != 2) {
            throw nodeError(n, idx, Diagnostic.Kind.SEMANTIC, "weight '" + b.name() + "' has shape " + b.shape()
                    + ", expected [in, out]");
        }
        int in = (int) b.dims()[0];
        int out = (int) b.dims()[1];
        double[][] w = new double[out][in];
        for (int r = 0; r < in; r++) {
            for (int c = 0; c < out; c++) {
                w[c][r] = b.values()[r * out + c];
            }
        }
        startLayer(n, idx, w, new double[out], b.name());
    }

    private void add(NodeProto n, int idx, String cur) {
        if (pending == null || pending.activation != null) {
            throw nodeError(n, idx, Diagnostic.Kind.UNSUPPORTED, "an Add must directly follow a Gemm or MatMul "
                    + "(a bias); here it follows " + (pending == null ? "no layer" : "an activation"));
        }
        if (n.getInputCount() != 2) {
            throw nodeError(n, idx, Diagnostic.Kind.SEMANTIC, "Add needs two inputs");
        }
        int other = n.getInput(0).equals(cur) ? 1 : 0;
        double[] c = broadcastBias(n, idx, constant(n, idx, other, "bias"), pending.b.length);
        for (int j = 0; j < c.length; j++) {
            pending.b[j] += c[j];
        }
    }

    private void activation(NodeProto n, int idx, Activation a) {
        if (pending == null || pending.activation != null) {
            throw nodeError(n, idx, Diagnostic.Kind.UNSUPPORTED, "an activation must directly follow a Gemm or "
                    + "MatMul(+Add); here it follows " + (pending == null ? "no layer" : "another activation"));
        }
        pending.activation = a;
    }

    private void startLayer(NodeProto n, int idx, double[][] w, double[] b, String weightName) {
        flush();
        if (!layers.isEmpty() && layers.get(layers.size() - 1).outputs() != w[0].length) {
            throw nodeError(n, idx, Diagnostic.Kind.SEMANTIC, "weight '" + weightName + "' takes " + w[0].length
                    + " inputs but the previous layer has " + layers.get(layers.size() - 1).outputs() + " outputs");
        }
        if (w.length == 0 || w[0].length == 0) {
            throw nodeError(n, idx, Diagnostic.Kind.SEMANTIC, "weight '" + weightName + "' is empty");
        }
        pending = new Pending(describe(n, idx), w, b);
    }

    private void flush() {
        if (pending != null) {
            Activation a = pending.activation == null ? Activation.IDENTITY : pending.activation;
            try {
                layers.add(new DenseLayer(pending.w, pending.b, a));
            } catch (IllegalArgumentException e) {
                throw error(Diagnostic.Kind.SEMANTIC, pending.node + ": " + e.getMessage());
            }
            pending = null;
        }
    }

    private double[] broadcastBias(NodeProto n, int idx, Tensor c, int out) {
        long[] d = c.dims();
        boolean ok = c.values().length == out && (d.length == 1 || (d.length == 2 && d[0] == 1));
        if (ok) {
            return c.values().clone();
        }
        if (c.values().length == 1 && d.length <= 2) {
            double[] v = new double[out];
            java.util.Arrays.fill(v, c.values()[0]);
            return v;
        }
        throw nodeError(n, idx, Diagnostic.Kind.SEMANTIC, "bias '" + c.name() + "' has shape " + c.shape()
                + " but the layer has " + out + " outputs");
    }

    private Tensor constant(NodeProto n, int idx, int input, String role) {
        if (n.getInputCount() <= input || n.getInput(input).isEmpty()) {
            throw nodeError(n, idx, Diagnostic.Kind.SEMANTIC, "missing input " + role);
        }
        String name = n.getInput(input);
        Tensor t = decoded.get(name);
        if (t != null) {
            return t;
        }
        TensorProto p = constants.get(name);
        if (p == null) {
            throw nodeError(n, idx, Diagnostic.Kind.UNSUPPORTED, "input " + role + " '" + name
                    + "' is not an initializer or Constant; only layers with constant weights are supported");
        }
        try {
            t = OnnxTensors.decode(p, baseDir);
        } catch (TensorException e) {
            throw nodeError(n, idx, e.io ? Diagnostic.Kind.IO : Diagnostic.Kind.UNSUPPORTED, e.getMessage());
        }
        decoded.put(name, t);
        return t;
    }

    private void checkWidth(ValueInfoProto v, int axis, int expected, String what) {
        if (!v.hasType() || !v.getType().hasTensorType() || !v.getType().getTensorType().hasShape()) {
            return;
        }
        TensorShapeProto shape = v.getType().getTensorType().getShape();
        if (shape.getDimCount() == 0) {
            return;
        }
        if (shape.getDimCount() != 2 && reshapedWidth < 0) {
            if (what.equals("input") && shape.getDimCount() > 2) {
                throw error(Diagnostic.Kind.UNSUPPORTED, "graph input '" + v.getName() + "' has "
                        + shape.getDimCount() + " dimensions; a dense network takes [batch, features]");
            }
            return;
        }
        if (shape.getDimCount() == 2 && shape.getDim(axis).hasDimValue()
                && shape.getDim(axis).getDimValue() != expected) {
            throw error(Diagnostic.Kind.SEMANTIC, "graph " + what + " '" + v.getName() + "' has width "
                    + shape.getDim(axis).getDimValue() + " but the network has " + expected + " " + what + "s");
        }
    }

    private static boolean isDefaultDomain(NodeProto n) {
        return n.getDomain().isEmpty() || n.getDomain().equals("ai.onnx");
    }

    private static AttributeProto attribute(NodeProto n, String name) {
        for (AttributeProto a : n.getAttributeList()) {
            if (a.getName().equals(name)) {
                return a;
            }
        }
        return null;
    }

    private static long intAttribute(NodeProto n, String name, long dflt) {
        AttributeProto a = attribute(n, name);
        return a == null ? dflt : a.getI();
    }

    private static double floatAttribute(NodeProto n, String name, double dflt) {
        AttributeProto a = attribute(n, name);
        return a == null ? dflt : a.getF();
    }

    /** {@code node 'fc1' (Gemm)}, or {@code node #3 (Gemm)} for an unnamed node. */
    static String describe(NodeProto n, int idx) {
        return (n.getName().isEmpty() ? "node #" + idx : "node '" + n.getName() + "'") + " (" + n.getOpType() + ")";
    }

    private InvalidModelException nodeError(NodeProto n, Diagnostic.Kind kind, String message) {
        return error(kind, (n.getName().isEmpty() ? "node" : "node '" + n.getName() + "'") + " (" + n.getOpType()
                + "): " + message);
    }

    private InvalidModelException nodeError(NodeProto n, int idx, Diagnostic.Kind kind, String message) {
        return error(kind, describe(n, idx) + ": " + message);
    }

    private InvalidModelException error(Diagnostic.Kind kind, String message) {
        return new InvalidModelException(new Diagnostic(file, 0, 0, kind, message));
    }

    /** Metadata_props of a model as a map (later keys win). */
    static Map<String, String> metadata(ModelProto model) {
        Map<String, String> m = new HashMap<>();
        for (StringStringEntryProto e : model.getMetadataPropsList()) {
            m.put(e.getKey(), e.getValue());
        }
        return m;
    }
}
