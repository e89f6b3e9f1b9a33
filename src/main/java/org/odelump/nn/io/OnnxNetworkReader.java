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
import org.odelump.nn.data.ColumnScaling;
import org.odelump.nn.io.OnnxElementwise.ColumnAffine;
import org.odelump.nn.io.OnnxTensors.Tensor;
import org.odelump.nn.io.OnnxTensors.TensorException;

/**
 * Reads a feed-forward network from an ONNX model. The graph must be a chain from its one input to its one output
 * of dense layers, each
 * <ul>
 * <li>{@code Gemm} (attributes alpha, beta, transB; transA must be 0): Y = alpha·A·B' + beta·C, B' = Bᵀ when
 * transB = 1, the form PyTorch exports for {@code nn.Linear} (B is [out, in]); or</li>
 * <li>{@code MatMul} with a constant [in, out] weight, optionally followed by {@code Add} of a constant bias (the
 * form tf2onnx exports for Keras {@code Dense} and skl2onnx for scikit-learn's MLPs)</li>
 * </ul>
 * optionally followed by {@code Tanh}, {@code Sigmoid} or {@code Relu} (none means identity). {@code Identity} and
 * {@code Dropout} are skipped anywhere; {@code Flatten} (axis 1) and {@code Reshape} to two dimensions are skipped
 * at the input. {@code Sub}, {@code Div}, {@code Mul} and {@code Add} with a constant operand (numpy broadcasting)
 * are elementwise affine maps: before the first layer they are the input standardisation z = (x − mean) / std
 * (folded into the first layer when a scale is negative), after the last layer the target standardisation, and
 * between layers they are folded into the neighbouring layer's weights. Weights are initializers or
 * {@code Constant} nodes, FLOAT or DOUBLE, in raw_data, typed fields or external data files next to the model.
 * Anything else — another operator, a branch, a second input, a shape that does not fit — is an
 * {@link InvalidModelException} whose message names the node ({@code node 'fc2' (Gemm): ...}). Names, exact
 * standardisations and provenance written by {@link OnnxNetworkWriter} come back from the model's metadata_props;
 * the graph's input and output names and shapes and its opset are kept as the file's {@link OnnxSignature}.
 */
public final class OnnxNetworkReader {

    private final String file;
    private final Path baseDir;
    private final Map<String, TensorProto> constants = new HashMap<>();
    private final Map<String, Tensor> decoded = new HashMap<>();
    private final List<DenseLayer> layers = new ArrayList<>();
    private Pending pending;
    private int reshapedWidth = -1;
    private boolean flattenedAtInput;
    /** The input's feature dimensions at the current point of the input path, or null when not all are known. */
    private long[] featureDims;
    private final List<InputOp> inputOps = new ArrayList<>();
    /** The post-activation affine map of the previous layer, folded into the next layer's inputs. */
    private ColumnAffine carry;
    private ColumnScaling inputScaling;
    private ColumnScaling targetScaling;

    /** A dense layer whose activation has not been seen yet, and the elementwise maps around its activation. */
    private static final class Pending {
        final String node;
        final double[][] w;
        final double[] b;
        Activation activation;
        /** An Add right after the Gemm/MatMul is a bias until another elementwise node comes. */
        boolean biasOpen = true;
        /** Sub/Div/Mul/Add between the layer's (bias-added) product and its activation. */
        ColumnAffine pre;
        /** Sub/Div/Mul/Add after the activation. */
        ColumnAffine post;

        Pending(String node, double[][] w, double[] b) {
            this.node = node;
            this.w = w;
            this.b = b;
        }
    }

    /** A Sub/Div/Mul/Add with a constant on the input path, resolved once the first layer gives the width. */
    private record InputOp(NodeProto node, int idx, String op, Tensor constant, boolean constantFirst,
            long[] featureDims) {
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
        ValueInfoProto[] io = new ValueInfoProto[2];
        Mlp mlp = r.graph(model.getGraph(), io);
        OnnxSignature sig = OnnxSignature.of(io[0], io[1], mlp.inputs(), mlp.outputs(), model);
        return OnnxMetadata.attach(new OnnxMetadata.GraphContent(mlp, r.inputScaling, r.targetScaling,
                sig.equals(OnnxSignature.standard(mlp.inputs(), mlp.outputs())) ? null : sig), model, file);
    }

    private Mlp graph(GraphProto g, ValueInfoProto[] io) {
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
        io[0] = input;
        io[1] = output;
        checkElementType(input, "input");
        checkElementType(output, "output");
        featureDims = OnnxElementwise.knownFeatureDims(input);
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
        if (pending == null) {
            throw error(Diagnostic.Kind.UNSUPPORTED, "the graph has no Gemm or MatMul node, so no dense layer");
        }
        finish();
        Mlp mlp = new Mlp(layers);
        checkWidth(input, mlp.inputs(), "input");
        checkWidth(output, mlp.outputs(), "output");
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
                flattenedAtInput = true;
                featureDims = featureDims == null ? null : new long[] {OnnxElementwise.product(featureDims)};
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
                flattenedAtInput = true;
                featureDims = s[1] > 0 ? new long[] {(long) s[1]}
                        : featureDims == null ? null : new long[] {OnnxElementwise.product(featureDims)};
            }
            case "Gemm" -> gemm(n, idx, cur);
            case "MatMul" -> matMul(n, idx, cur);
            case "Add", "Sub", "Mul", "Div" -> elementwise(n, idx, cur);
            case "Tanh" -> activation(n, idx, Activation.TANH);
            case "Sigmoid" -> activation(n, idx, Activation.LOGISTIC);
            case "Relu" -> activation(n, idx, Activation.RELU);
            default -> throw nodeError(n, idx, Diagnostic.Kind.UNSUPPORTED, "operator " + n.getOpType()
                    + " is not supported; a network must be a chain of Gemm or MatMul(+Add) nodes, each optionally "
                    + "followed by Tanh, Sigmoid or Relu (with Sub/Div/Mul/Add by constants, Flatten, Reshape, "
                    + "Identity and Dropout around them)");
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

    /**
     * Sub/Div/Mul/Add with a constant operand: on the input path a normalisation (the input standardisation), right
     * after a Gemm/MatMul an Add is the bias, elsewhere an elementwise affine map folded into the neighbouring layer
     * or, after the last layer, the target standardisation.
     */
    private void elementwise(NodeProto n, int idx, String cur) {
        if (n.getInputCount() != 2) {
            throw nodeError(n, idx, Diagnostic.Kind.SEMANTIC, n.getOpType() + " needs two inputs");
        }
        boolean constantFirst = !n.getInput(0).equals(cur);
        String op = n.getOpType();
        Tensor c = constant(n, idx, constantFirst ? 0 : 1, "operand");
        if (op.equals("Div") && constantFirst) {
            throw nodeError(n, idx, Diagnostic.Kind.UNSUPPORTED, "divides a constant by the network's values; only "
                    + "division by a constant is supported");
        }
        if (op.equals("Div") || op.equals("Mul")) {
            for (double v : c.values()) {
                if (v == 0) {
                    throw nodeError(n, idx, Diagnostic.Kind.UNSUPPORTED, (op.equals("Div") ? "divides by" : "multiplies "
                            + "by") + " zero in '" + c.name() + "'");
                }
            }
        }
        if (pending == null) {
            if (!layers.isEmpty()) {
                throw new AssertionError("a pending layer is only flushed by the next layer");
            }
            inputOps.add(new InputOp(n, idx, op, c, constantFirst, featureDims == null ? null : featureDims.clone()));
            return;
        }
        int width = pending.b.length;
        double[] v = broadcastBias(n, idx, c, width);
        if (pending.activation == null) {
            if (op.equals("Add") && pending.biasOpen) {
                for (int j = 0; j < width; j++) {
                    pending.b[j] += v[j];
                }
                return;
            }
            pending.biasOpen = false;
            if (pending.pre == null) {
                pending.pre = new ColumnAffine(width, describe(n, idx));
            }
            pending.pre.apply(op, v, constantFirst);
        } else {
            if (pending.post == null) {
                pending.post = new ColumnAffine(width, describe(n, idx));
            }
            pending.post.apply(op, v, constantFirst);
        }
    }

    /**
     * The input normalisation of the nodes before the first layer as z = (x − mean) / std per column (exact for
     * the usual Sub-then-Div); kept as the input standardisation when every std is positive, else folded into the
     * first layer's weights.
     */
    private void resolveInput(double[][] w, double[] b) {
        if (inputOps.isEmpty()) {
            return;
        }
        int width = w[0].length;
        double[] mean = new double[width];
        double[] std = new double[width];
        java.util.Arrays.fill(std, 1);
        for (InputOp op : inputOps) {
            double[] c = perFeature(op, width);
            for (int i = 0; i < width; i++) {
                switch (op.op()) {
                    case "Sub" -> {
                        mean[i] += c[i] * std[i];
                        if (op.constantFirst()) {
                            std[i] = -std[i];
                        }
                    }
                    case "Add" -> mean[i] -= c[i] * std[i];
                    case "Mul" -> std[i] /= c[i];
                    case "Div" -> std[i] *= c[i];
                    default -> throw new AssertionError(op.op());
                }
            }
        }
        boolean standardisation = true;
        for (int i = 0; i < width; i++) {
            if (!Double.isFinite(mean[i]) || !Double.isFinite(std[i]) || std[i] == 0) {
                InputOp first = inputOps.get(0);
                throw nodeError(first.node(), first.idx(), Diagnostic.Kind.UNSUPPORTED, "the input normalisation "
                        + "starting here maps input column " + i + " to a non-finite value (mean " + mean[i]
                        + ", std " + std[i] + ")");
            }
            standardisation &= std[i] > 0;
        }
        if (standardisation) {
            inputScaling = new ColumnScaling(mean, std);
            return;
        }
        ColumnAffine fold = new ColumnAffine(width, "");
        for (int i = 0; i < width; i++) {
            fold.scale[i] = 1 / std[i];
            fold.shift[i] = -mean[i] / std[i];
        }
        fold.foldBefore(w, b);
    }

    /**
     * A constant of the input path as one value per input feature, by numpy broadcasting against the feature
     * dimensions at that point (e.g. a per-channel [1, 3, 1, 1] mean before a Flatten of [N, 3, 8, 8]).
     */
    private double[] perFeature(InputOp op, int width) {
        Tensor c = op.constant();
        long[] fd = op.featureDims() == null ? new long[] {width} : op.featureDims();
        double[] v = OnnxElementwise.broadcast(c.dims(), c.values(), fd, width);
        if (v == null) {
            throw nodeError(op.node(), op.idx(), Diagnostic.Kind.SEMANTIC, "constant '" + c.name() + "' of shape "
                    + c.shape() + " does not broadcast to the input's features " + java.util.Arrays.toString(fd)
                    + (OnnxElementwise.product(fd) == width ? "" : " (the first layer takes " + width + " inputs)"));
        }
        return v;
    }

    private void activation(NodeProto n, int idx, Activation a) {
        if (pending == null || pending.activation != null) {
            throw nodeError(n, idx, Diagnostic.Kind.UNSUPPORTED, "an activation must directly follow a Gemm or "
                    + "MatMul(+Add); here it follows " + (pending == null ? "no layer" : "another activation"));
        }
        pending.activation = a;
    }

    private void startLayer(NodeProto n, int idx, double[][] w, double[] b, String weightName) {
        if (w.length == 0 || w[0].length == 0) {
            throw nodeError(n, idx, Diagnostic.Kind.SEMANTIC, "weight '" + weightName + "' is empty");
        }
        if (pending != null) {
            if (pending.w.length != w[0].length) {
                throw nodeError(n, idx, Diagnostic.Kind.SEMANTIC, "weight '" + weightName + "' takes " + w[0].length
                        + " inputs but the previous layer has " + pending.w.length + " outputs");
            }
            ColumnAffine post = pending.post;
            flush(false);
            if (post != null) {
                post.foldBefore(w, b);
            }
        } else {
            resolveInput(w, b);
        }
        pending = new Pending(describe(n, idx), w, b);
    }

    /**
     * Ends the pending layer. Inside the network the maps around its activation are folded into it (before) and
     * into the next layer (after, by the caller). After the last layer the map after the output (or after an
     * identity layer's product) is the target standardisation when its scales are positive.
     */
    private void flush(boolean last) {
        Activation a = pending.activation == null ? Activation.IDENTITY : pending.activation;
        ColumnAffine output = null;
        if (last) {
            output = pending.activation == null ? pending.pre : pending.post;
            if (pending.activation != null && pending.pre != null) {
                pending.pre.foldAfter(pending.w, pending.b);
            }
        } else if (pending.pre != null) {
            pending.pre.foldAfter(pending.w, pending.b);
        }
        if (output != null) {
            if (output.positive()) {
                try {
                    targetScaling = new ColumnScaling(output.shift, output.scale);
                } catch (IllegalArgumentException e) {
                    throw error(Diagnostic.Kind.UNSUPPORTED, output.firstNode + ": the output scaling starting here "
                            + "is not finite: " + e.getMessage());
                }
            } else if (a == Activation.IDENTITY) {
                output.foldAfter(pending.w, pending.b);
            } else {
                throw error(Diagnostic.Kind.UNSUPPORTED, output.firstNode + ": scales an output by a non-positive "
                        + "factor after the activation; only positive scales (a target standardisation) are "
                        + "supported there");
            }
        }
        try {
            layers.add(new DenseLayer(pending.w, pending.b, a));
        } catch (IllegalArgumentException e) {
            throw error(Diagnostic.Kind.SEMANTIC, pending.node + ": " + e.getMessage());
        }
        pending = null;
    }

    private void finish() {
        flush(true);
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

    private void checkWidth(ValueInfoProto v, int expected, String what) {
        if (!v.hasType() || !v.getType().hasTensorType() || !v.getType().getTensorType().hasShape()) {
            return;
        }
        TensorShapeProto shape = v.getType().getTensorType().getShape();
        int rank = shape.getDimCount();
        if (rank == 0) {
            return;
        }
        if (what.equals("input") && flattenedAtInput && rank >= 2) {
            long width = 1;
            for (int i = 1; i < rank; i++) {
                if (!shape.getDim(i).hasDimValue()) {
                    return;
                }
                width *= shape.getDim(i).getDimValue();
            }
            if (width != expected) {
                throw error(Diagnostic.Kind.SEMANTIC, "graph input '" + v.getName() + "' flattens to width " + width
                        + " but the network has " + expected + " inputs");
            }
            return;
        }
        if (rank != 2) {
            if (what.equals("input")) {
                throw error(Diagnostic.Kind.UNSUPPORTED, "graph input '" + v.getName() + "' has " + rank
                        + " dimensions; a dense network takes [batch, features] (or a Flatten/Reshape at the input)");
            }
            return;
        }
        if (shape.getDim(1).hasDimValue() && shape.getDim(1).getDimValue() != expected) {
            throw error(Diagnostic.Kind.SEMANTIC, "graph " + what + " '" + v.getName() + "' has width "
                    + shape.getDim(1).getDimValue() + " but the network has " + expected + " " + what + "s");
        }
    }

    private void checkElementType(ValueInfoProto v, String what) {
        if (!v.hasType() || !v.getType().hasTensorType()) {
            return;
        }
        int t = v.getType().getTensorType().getElemType();
        if (t != TensorProto.DataType.UNDEFINED_VALUE && t != TensorProto.DataType.FLOAT_VALUE
                && t != TensorProto.DataType.DOUBLE_VALUE) {
            TensorProto.DataType dt = TensorProto.DataType.forNumber(t);
            throw error(Diagnostic.Kind.UNSUPPORTED, "graph " + what + " '" + v.getName() + "' has element type "
                    + (dt == null ? String.valueOf(t) : dt.name()) + "; only FLOAT and DOUBLE are supported");
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
