package org.odelump.nn.io;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Hand-built ONNX pieces for reader tests, made with the OnnxMl builder API. */
final class OnnxGraphs {

    private OnnxGraphs() {
    }

    /** FLOAT tensor with little-endian raw_data (what PyTorch writes). */
    static TensorProto rawFloat(String name, long[] dims, double... v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double x : v) {
            b.putFloat((float) x);
        }
        b.flip();
        return dims(TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE)
                .setRawData(ByteString.copyFrom(b)), dims).build();
    }

    /** DOUBLE tensor with little-endian raw_data. */
    static TensorProto rawDouble(String name, long[] dims, double... v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double x : v) {
            b.putDouble(x);
        }
        b.flip();
        return dims(TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.DOUBLE_VALUE)
                .setRawData(ByteString.copyFrom(b)), dims).build();
    }

    /** FLOAT tensor in the typed float_data field. */
    static TensorProto floatData(String name, long[] dims, double... v) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE);
        for (double x : v) {
            t.addFloatData((float) x);
        }
        return dims(t, dims).build();
    }

    /** DOUBLE tensor in the typed double_data field. */
    static TensorProto doubleData(String name, long[] dims, double... v) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name)
                .setDataType(TensorProto.DataType.DOUBLE_VALUE);
        for (double x : v) {
            t.addDoubleData(x);
        }
        return dims(t, dims).build();
    }

    /** INT64 tensor (Reshape shapes). */
    static TensorProto int64(String name, long... v) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64_VALUE)
                .addDims(v.length);
        for (long x : v) {
            t.addInt64Data(x);
        }
        return t.build();
    }

    private static TensorProto.Builder dims(TensorProto.Builder t, long[] dims) {
        for (long d : dims) {
            t.addDims(d);
        }
        return t;
    }

    static long[] shape(long... d) {
        return d;
    }

    static NodeProto node(String name, String op, String[] inputs, String output, AttributeProto... attrs) {
        NodeProto.Builder n = NodeProto.newBuilder().setName(name).setOpType(op).addOutput(output);
        for (String i : inputs) {
            n.addInput(i);
        }
        for (AttributeProto a : attrs) {
            n.addAttribute(a);
        }
        return n.build();
    }

    static String[] in(String... names) {
        return names;
    }

    static AttributeProto intAttr(String name, long v) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(v).build();
    }

    static AttributeProto floatAttr(String name, double v) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT)
                .setF((float) v).build();
    }

    /** A float tensor value_info [N, width] (width ≤ 0: no shape). */
    static ValueInfoProto valueInfo(String name, int width) {
        TypeProto.Tensor.Builder t = TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE);
        if (width > 0) {
            t.setShape(TensorShapeProto.newBuilder()
                    .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("batch"))
                    .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(width)));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(t)).build();
    }

    /** A value_info of the given element type and shape; a dimension &lt; 0 is the symbolic batch "N". */
    static ValueInfoProto valueInfo(String name, int elemType, long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long d : dims) {
            shape.addDim(d < 0 ? TensorShapeProto.Dimension.newBuilder().setDimParam("N")
                    : TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(elemType).setShape(shape))).build();
    }

    /** A model of one graph, opset 13. */
    static ModelProto model(GraphProto.Builder g) {
        return model(g, 13);
    }

    /** A model of one graph with the given default-domain opset. */
    static ModelProto model(GraphProto.Builder g, long opset) {
        return ModelProto.newBuilder().setIrVersion(8).setProducerName("test").setGraph(g.setName("g"))
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset)).build();
    }
}
