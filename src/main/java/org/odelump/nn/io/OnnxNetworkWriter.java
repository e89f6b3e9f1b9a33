package org.odelump.nn.io;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import org.odelump.nn.Activation;
import org.odelump.nn.DenseLayer;
import org.odelump.nn.data.ColumnScaling;

/**
 * Writes a network as an ONNX model that computes, in ONNX Runtime, what {@link NetworkFile#predict} computes: raw
 * inputs to outputs in the units of the data. The graph is
 * <ol>
 * <li>the graph input ({@code input} of shape [N, inputs] by default; the name, shape and opset of the file's
 * {@link OnnxSignature} when it was read from ONNX), then a {@code Flatten} (axis 1) when that shape has more than
 * one feature dimension;</li>
 * <li>with an input standardisation, {@code Sub} of {@code input.mean} and {@code Div} by {@code input.std};</li>
 * <li>per layer l a {@code Gemm} node {@code layers.l.gemm} with transB = 1 (the form PyTorch exports for
 * {@code nn.Linear}) over the initializers {@code layers.l.weight} ([out, in]) and {@code layers.l.bias} ([out]),
 * then a {@code Tanh}, {@code Sigmoid} or {@code Relu} node unless the activation is the identity;</li>
 * <li>with a target standardisation, {@code Mul} by {@code output.std} and {@code Add} of {@code output.mean};</li>
 * <li>the graph output ({@code output} of shape [N, outputs] by default).</li>
 * </ol>
 * Tensors are stored little-endian in raw_data. Names, exact standardisations and provenance also go to
 * {@code metadata_props} (see {@link OnnxMetadata}). {@link OnnxPrecision#FLOAT32} rounds every stored number to
 * float; {@link OnnxPrecision#FLOAT64} keeps them exactly.
 */
public final class OnnxNetworkWriter {

    /** The default-domain opset written when the file has no {@link OnnxSignature} to keep. */
    public static final int OPSET = 13;
    /** The ONNX IR version written for opsets up to 18 (8: ONNX 1.10, 2021); later opsets need 9 or 10. */
    public static final int IR_VERSION = 8;
    /** The oldest opset the written operators (numpy broadcasting of Sub/Div/Mul/Add) are defined for. */
    static final int MIN_OPSET = 7;

    private OnnxNetworkWriter() {
    }

    /** The ONNX model of a network file. */
    public static ModelProto model(NetworkFile net, OnnxPrecision precision) {
        int elem = precision == OnnxPrecision.FLOAT64 ? TensorProto.DataType.DOUBLE_VALUE
                : TensorProto.DataType.FLOAT_VALUE;
        OnnxSignature sig = net.onnx() == null ? OnnxSignature.standard(net.mlp().inputs(), net.mlp().outputs())
                : net.onnx().fitting(net.mlp().inputs(), net.mlp().outputs());
        Chain c = new Chain(GraphProto.newBuilder().setName("odelump_mlp"), sig.inputName(), sig.outputName(),
                precision);
        c.g.addInput(valueInfo(sig.inputName(), elem, sig.inputShape()));
        c.g.addOutput(valueInfo(sig.outputName(), elem, sig.outputShape()));
        List<Step> steps = steps(net, sig);
        for (int k = 0; k < steps.size(); k++) {
            steps.get(k).add(c, k == steps.size() - 1);
        }
        long opset = Math.max(sig.opset(), MIN_OPSET);
        ModelProto.Builder m = ModelProto.newBuilder().setIrVersion(irVersion(opset)).setProducerName("odelump")
                .setProducerVersion(producerVersion()).setGraph(c.g)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset));
        for (Map.Entry<String, String> e : OnnxMetadata.entries(net).entrySet()) {
            m.addMetadataProps(StringStringEntryProto.newBuilder().setKey(e.getKey()).setValue(e.getValue()));
        }
        return m.build();
    }

    /** The IR version that goes with an opset (ONNX's versioning table: opset 19-20 came with IR 9, 21 with 10). */
    static long irVersion(long opset) {
        return opset <= 18 ? IR_VERSION : opset <= 20 ? 9 : 10;
    }

    /** One node (and its initializers) of the chain; the last one writes the graph output. */
    @FunctionalInterface
    private interface Step {
        void add(Chain c, boolean last);
    }

    /** The graph under construction and the name of the tensor the chain has reached. */
    private static final class Chain {
        final GraphProto.Builder g;
        final String output;
        final OnnxPrecision precision;
        String cur;

        Chain(GraphProto.Builder g, String input, String output, OnnxPrecision precision) {
            this.g = g;
            this.cur = input;
            this.output = output;
            this.precision = precision;
        }

        /** Adds a node reading the current tensor (and {@code constants}); its output becomes current. */
        void node(String name, String op, boolean last, List<String> constants, AttributeProto... attrs) {
            String out = last ? output : name;
            NodeProto.Builder n = NodeProto.newBuilder().setName(name).setOpType(op).addInput(cur);
            constants.forEach(n::addInput);
            for (AttributeProto a : attrs) {
                n.addAttribute(a);
            }
            g.addNode(n.addOutput(out));
            cur = out;
        }

        void initializer(String name, long[] dims, double[] values) {
            g.addInitializer(tensor(name, dims, values, precision));
        }
    }

    private static List<Step> steps(NetworkFile net, OnnxSignature sig) {
        List<Step> steps = new java.util.ArrayList<>();
        if (sig.flattensInput()) {
            steps.add((c, last) -> c.node("input.flatten", "Flatten", last, List.of(), intAttribute("axis", 1)));
        }
        if (net.inputStandardisation() != null) {
            ColumnScaling s = net.inputStandardisation();
            steps.add(constantOp("input.sub", "Sub", "input.mean", s.mean()));
            steps.add(constantOp("input.div", "Div", "input.std", s.std()));
        }
        List<DenseLayer> layers = net.mlp().layers();
        for (int l = 0; l < layers.size(); l++) {
            DenseLayer layer = layers.get(l);
            String prefix = "layers." + l;
            steps.add((c, last) -> {
                double[][] w = layer.weights();
                double[] flat = new double[layer.outputs() * layer.inputs()];
                for (int j = 0; j < w.length; j++) {
                    System.arraycopy(w[j], 0, flat, j * layer.inputs(), layer.inputs());
                }
                c.initializer(prefix + ".weight", new long[] {layer.outputs(), layer.inputs()}, flat);
                c.initializer(prefix + ".bias", new long[] {layer.outputs()}, layer.bias());
                c.node(prefix + ".gemm", "Gemm", last, List.of(prefix + ".weight", prefix + ".bias"),
                        intAttribute("transB", 1));
            });
            if (layer.activation() != Activation.IDENTITY) {
                String op = switch (layer.activation()) {
                    case TANH -> "Tanh";
                    case LOGISTIC -> "Sigmoid";
                    case RELU -> "Relu";
                    case IDENTITY -> throw new AssertionError();
                };
                steps.add((c, last) -> c.node(prefix + "." + op.toLowerCase(java.util.Locale.ROOT), op, last,
                        List.of()));
            }
        }
        if (net.targetStandardisation() != null) {
            ColumnScaling s = net.targetStandardisation();
            steps.add(constantOp("output.mul", "Mul", "output.std", s.std()));
            steps.add(constantOp("output.add", "Add", "output.mean", s.mean()));
        }
        return steps;
    }

    /** {@code op(current, constant)} with a one-dimensional constant initializer. */
    private static Step constantOp(String node, String op, String constant, double[] values) {
        return (c, last) -> {
            c.initializer(constant, new long[] {values.length}, values);
            c.node(node, op, last, List.of(constant));
        };
    }

    private static AttributeProto intAttribute(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value)
                .build();
    }

    /** The serialised ONNX model of a network file. */
    public static byte[] write(NetworkFile net, OnnxPrecision precision) {
        return model(net, precision).toByteArray();
    }

    private static String producerVersion() {
        String v = OnnxNetworkWriter.class.getPackage().getImplementationVersion();
        return v == null ? "" : v;
    }

    private static ValueInfoProto valueInfo(String name, int elem, List<OnnxSignature.Dim> dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (OnnxSignature.Dim d : dims) {
            TensorShapeProto.Dimension.Builder b = TensorShapeProto.Dimension.newBuilder();
            if (d.isFixed()) {
                b.setDimValue(d.value());
            } else if (!d.param().isEmpty()) {
                b.setDimParam(d.param());
            }
            shape.addDim(b);
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder().setElemType(elem).setShape(shape))).build();
    }

    /**
     * A FLOAT or DOUBLE tensor with little-endian raw_data.
     *
     * @throws IllegalArgumentException if a value is beyond float32's range and precision is FLOAT32
     */
    static TensorProto tensor(String name, long[] dims, double[] values, OnnxPrecision precision) {
        boolean dbl = precision == OnnxPrecision.FLOAT64;
        ByteBuffer b = ByteBuffer.allocate(values.length * (dbl ? 8 : 4)).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            if (dbl) {
                b.putDouble(v);
            } else {
                if (Math.abs(v) > Float.MAX_VALUE) {
                    throw new IllegalArgumentException("tensor '" + name + "' holds " + v
                            + ", which does not fit in float32; write it with OnnxPrecision.FLOAT64");
                }
                b.putFloat((float) v);
            }
        }
        b.flip();
        TensorProto.Builder t = TensorProto.newBuilder().setName(name)
                .setDataType(dbl ? TensorProto.DataType.DOUBLE_VALUE : TensorProto.DataType.FLOAT_VALUE)
                .setRawData(ByteString.copyFrom(b));
        for (long d : dims) {
            t.addDims(d);
        }
        return t.build();
    }
}
