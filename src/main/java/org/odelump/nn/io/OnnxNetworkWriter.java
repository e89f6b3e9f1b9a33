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

/**
 * Writes a network as an ONNX model (IR version 8, default-domain opset 13): one graph input {@code input} of shape
 * [N, inputs] and one output {@code output} of shape [N, outputs] with a symbolic batch dimension N; per layer l a
 * {@code Gemm} node {@code layers.l.gemm} with transB = 1 (the form PyTorch exports for {@code nn.Linear}) over the
 * initializers {@code layers.l.weight} ([out, in]) and {@code layers.l.bias} ([out]), stored little-endian in
 * raw_data, then a {@code Tanh}, {@code Sigmoid} or {@code Relu} node unless the activation is the identity.
 * Names, standardisations and provenance go to {@code metadata_props} (see {@link OnnxNetworkReader}); the graph
 * itself maps standardised inputs to standardised outputs when the file has standardisations.
 * {@link OnnxPrecision#FLOAT32} rounds the weights to float; {@link OnnxPrecision#FLOAT64} keeps them exactly.
 */
public final class OnnxNetworkWriter {

    /** The default-domain opset the written models declare. */
    public static final int OPSET = 13;
    /** The ONNX IR version written (8: ONNX 1.10, 2021). */
    public static final int IR_VERSION = 8;

    private OnnxNetworkWriter() {
    }

    /** The ONNX model of a network file. */
    public static ModelProto model(NetworkFile net, OnnxPrecision precision) {
        int elem = precision == OnnxPrecision.FLOAT64 ? TensorProto.DataType.DOUBLE_VALUE
                : TensorProto.DataType.FLOAT_VALUE;
        GraphProto.Builder g = GraphProto.newBuilder().setName("odelump_mlp");
        g.addInput(valueInfo("input", elem, net.mlp().inputs()));
        g.addOutput(valueInfo("output", elem, net.mlp().outputs()));
        List<DenseLayer> layers = net.mlp().layers();
        String cur = "input";
        for (int l = 0; l < layers.size(); l++) {
            DenseLayer layer = layers.get(l);
            String prefix = "layers." + l;
            boolean last = l == layers.size() - 1;
            boolean hasActivation = layer.activation() != Activation.IDENTITY;
            double[][] w = layer.weights();
            double[] flat = new double[layer.outputs() * layer.inputs()];
            for (int j = 0; j < w.length; j++) {
                System.arraycopy(w[j], 0, flat, j * layer.inputs(), layer.inputs());
            }
            g.addInitializer(tensor(prefix + ".weight", new long[] {layer.outputs(), layer.inputs()}, flat,
                    precision));
            g.addInitializer(tensor(prefix + ".bias", new long[] {layer.outputs()}, layer.bias(), precision));
            String gemmOut = last && !hasActivation ? "output" : prefix + ".linear";
            g.addNode(NodeProto.newBuilder().setName(prefix + ".gemm").setOpType("Gemm")
                    .addInput(cur).addInput(prefix + ".weight").addInput(prefix + ".bias").addOutput(gemmOut)
                    .addAttribute(AttributeProto.newBuilder().setName("transB").setType(AttributeProto.AttributeType.INT)
                            .setI(1)));
            cur = gemmOut;
            if (hasActivation) {
                String op = switch (layer.activation()) {
                    case TANH -> "Tanh";
                    case LOGISTIC -> "Sigmoid";
                    case RELU -> "Relu";
                    case IDENTITY -> throw new AssertionError();
                };
                String actOut = last ? "output" : prefix + "." + op.toLowerCase(java.util.Locale.ROOT);
                g.addNode(NodeProto.newBuilder().setName(prefix + "." + op.toLowerCase(java.util.Locale.ROOT))
                        .setOpType(op).addInput(cur).addOutput(actOut));
                cur = actOut;
            }
        }
        ModelProto.Builder m = ModelProto.newBuilder().setIrVersion(IR_VERSION).setProducerName("odelump")
                .setProducerVersion(producerVersion()).setGraph(g)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET));
        for (Map.Entry<String, String> e : OnnxMetadata.entries(net).entrySet()) {
            m.addMetadataProps(StringStringEntryProto.newBuilder().setKey(e.getKey()).setValue(e.getValue()));
        }
        return m.build();
    }

    /** The serialised ONNX model of a network file. */
    public static byte[] write(NetworkFile net, OnnxPrecision precision) {
        return model(net, precision).toByteArray();
    }

    private static String producerVersion() {
        String v = OnnxNetworkWriter.class.getPackage().getImplementationVersion();
        return v == null ? "" : v;
    }

    private static ValueInfoProto valueInfo(String name, int elem, int width) {
        TensorShapeProto shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("N"))
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(width)).build();
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
