package org.odelump.nn.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.odelump.nn.io.OnnxGraphs.floatAttr;
import static org.odelump.nn.io.OnnxGraphs.in;
import static org.odelump.nn.io.OnnxGraphs.intAttr;
import static org.odelump.nn.io.OnnxGraphs.node;
import static org.odelump.nn.io.OnnxGraphs.rawFloat;
import static org.odelump.nn.io.OnnxGraphs.shape;
import static org.odelump.nn.io.OnnxGraphs.valueInfo;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.odelump.model.InvalidModelException;
import org.odelump.nn.Activation;
import org.odelump.nn.DenseLayer;
import org.odelump.nn.Mlp;
import org.odelump.nn.data.ColumnScaling;
import org.odelump.testutil.OnnxRuntimeCheck;

class OnnxNetworkTest {

    /** Weights that are exact in float32, so every encoding must give the same doubles. */
    static final double[][] W0 = {{0.5, -1, 0.25}, {1.5, 0, -0.75}, {-2, 0.125, 1}, {0.375, 0.5, -0.5}};
    static final double[] B0 = {0.25, -0.5, 0, 1};
    static final double[][] W1 = {{1, -1, 0.5, 2}, {-0.25, 0.75, 1.25, -1.5}};
    static final double[] B1 = {0.5, -0.125};
    static final Mlp EXPECTED = new Mlp(List.of(new DenseLayer(W0, B0, Activation.TANH),
            new DenseLayer(W1, B1, Activation.IDENTITY)));

    static double[] flat(double[][] w) {
        return Stream.of(w).flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    static double[][] transpose(double[][] w) {
        double[][] t = new double[w[0].length][w.length];
        for (int j = 0; j < w.length; j++) {
            for (int i = 0; i < w[0].length; i++) {
                t[i][j] = w[j][i];
            }
        }
        return t;
    }

    static double[] scale(double[] v, double s) {
        return java.util.Arrays.stream(v).map(x -> x * s).toArray();
    }

    static double[][] scale(double[][] w, double s) {
        return Stream.of(w).map(r -> scale(r, s)).toArray(double[][]::new);
    }

    /** Tensor factory of one storage layout: name, dims, values. */
    interface Store {
        TensorProto make(String name, long[] dims, double[] v);
    }

    static GraphProto.Builder gemmGraph(Store s, boolean transB, double alpha, double beta) {
        GraphProto.Builder g = GraphProto.newBuilder().addInput(valueInfo("x", 3)).addOutput(valueInfo("y", 2));
        double[][] b0 = scale(W0, 1 / alpha);
        double[][] b1 = scale(W1, 1 / alpha);
        g.addInitializer(transB ? s.make("w0", shape(4, 3), flat(b0)) : s.make("w0", shape(3, 4), flat(transpose(b0))));
        g.addInitializer(transB ? s.make("w1", shape(2, 4), flat(b1)) : s.make("w1", shape(4, 2), flat(transpose(b1))));
        g.addInitializer(s.make("c0", shape(4), scale(B0, 1 / beta)));
        g.addInitializer(s.make("c1", shape(1, 2), scale(B1, 1 / beta)));
        AttributeProto[] attrs = {intAttr("transB", transB ? 1 : 0), floatAttr("alpha", alpha),
                floatAttr("beta", beta)};
        g.addNode(node("fc0", "Gemm", in("x", "w0", "c0"), "h0", attrs));
        g.addNode(node("act0", "Tanh", in("h0"), "a0"));
        g.addNode(node("fc1", "Gemm", in("a0", "w1", "c1"), "y", attrs));
        return g;
    }

    static GraphProto.Builder matMulGraph(Store s) {
        GraphProto.Builder g = GraphProto.newBuilder().addInput(valueInfo("x", 3)).addOutput(valueInfo("y", 2));
        g.addInitializer(s.make("k0", shape(3, 4), flat(transpose(W0))));
        g.addInitializer(s.make("b0", shape(4), B0));
        g.addInitializer(s.make("k1", shape(4, 2), flat(transpose(W1))));
        g.addInitializer(s.make("b1", shape(1, 2), B1));
        g.addNode(node("mm0", "MatMul", in("x", "k0"), "m0"));
        g.addNode(node("add0", "Add", in("m0", "b0"), "z0"));
        g.addNode(node("tanh0", "Tanh", in("z0"), "a0"));
        g.addNode(node("mm1", "MatMul", in("a0", "k1"), "m1"));
        g.addNode(node("add1", "Add", in("b1", "m1"), "y"));
        return g;
    }

    static Stream<Arguments> encodings() {
        Store raw = OnnxGraphs::rawFloat;
        Store fdata = OnnxGraphs::floatData;
        Store ddata = OnnxGraphs::doubleData;
        Store rawD = OnnxGraphs::rawDouble;
        return Stream.of(
                Arguments.of("Gemm transB=1, raw_data", gemmGraph(raw, true, 1, 1)),
                Arguments.of("Gemm transB=1 alpha=2 beta=0.5, raw_data", gemmGraph(raw, true, 2, 0.5)),
                Arguments.of("Gemm transB=0 alpha=0.25 beta=4, float_data", gemmGraph(fdata, false, 0.25, 4)),
                Arguments.of("Gemm transB=0, double_data", gemmGraph(ddata, false, 1, 1)),
                Arguments.of("Gemm transB=1, DOUBLE raw_data", gemmGraph(rawD, true, 1, 1)),
                Arguments.of("MatMul+Add, raw_data", matMulGraph(raw)),
                Arguments.of("MatMul+Add, float_data", matMulGraph(fdata)),
                Arguments.of("MatMul+Add, double_data", matMulGraph(ddata)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encodings")
    void everyEncodingReadsAsTheHandBuiltNetwork(String name, GraphProto.Builder g) {
        if (g.getInitializer(0).getDataType() == TensorProto.DataType.DOUBLE_VALUE) {
            // a valid model computes in one element type: DOUBLE weights take DOUBLE inputs
            g.setInput(0, OnnxGraphs.valueInfo("x", TensorProto.DataType.DOUBLE_VALUE, -1, 3))
                    .setOutput(0, OnnxGraphs.valueInfo("y", TensorProto.DataType.DOUBLE_VALUE, -1, 2));
        }
        NetworkFile net = OnnxNetworkReader.read(OnnxGraphs.model(g).toByteArray(), "m.onnx", null);
        OnnxRuntimeCheck.assertRunsAs(OnnxGraphs.model(g).toByteArray(), NetworkFile.of(EXPECTED));
        assertThat(net.mlp()).isEqualTo(EXPECTED);
        Random rnd = new Random(3);
        for (int k = 0; k < 20; k++) {
            double[] x = RandomNetworks.input(rnd, 3);
            assertThat(net.mlp().apply(x)).containsExactly(EXPECTED.apply(x));
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void eachActivationIsRecognised(Activation a) {
        GraphProto.Builder g = GraphProto.newBuilder().addInput(valueInfo("x", 3)).addOutput(valueInfo("y", 4));
        g.addInitializer(rawFloat("w", shape(4, 3), flat(W0))).addInitializer(rawFloat("b", shape(4), B0));
        String op = switch (a) {
            case TANH -> "Tanh";
            case LOGISTIC -> "Sigmoid";
            case RELU -> "Relu";
            case IDENTITY -> null;
        };
        g.addNode(node("fc", "Gemm", in("x", "w", "b"), op == null ? "y" : "z", intAttr("transB", 1)));
        if (op != null) {
            g.addNode(node("act", op, in("z"), "y"));
        }
        Mlp mlp = OnnxNetworkReader.read(OnnxGraphs.model(g), "a.onnx", null).mlp();
        assertThat(mlp).isEqualTo(new Mlp(List.of(new DenseLayer(W0, B0, a))));
        OnnxRuntimeCheck.assertRunsAs(OnnxGraphs.model(g).toByteArray(), NetworkFile.of(mlp));
        double[] x = {0.5, -1.5, 2};
        double[] z = new DenseLayer(W0, B0, Activation.IDENTITY).apply(x);
        for (int j = 0; j < 4; j++) {
            assertThat(mlp.apply(x)[j]).isEqualTo(a.apply(z[j]));
        }
    }

    @Test
    void inputNoOpsDropoutAndConstantNodesAreSkipped() {
        GraphProto.Builder g = GraphProto.newBuilder().addInput(valueInfo("x", 0)).addOutput(valueInfo("y", 2));
        g.addInitializer(OnnxGraphs.int64("shape", -1, 3));
        g.addNode(node("flat", "Flatten", in("x"), "f", intAttr("axis", 1)));
        g.addNode(node("resh", "Reshape", in("f", "shape"), "r"));
        g.addNode(node("id", "Identity", in("r"), "i"));
        g.addNode(NodeProto.newBuilder().setName("wconst").setOpType("Constant").addOutput("w0")
                .addAttribute(AttributeProto.newBuilder().setName("value").setType(AttributeProto.AttributeType.TENSOR)
                        .setT(rawFloat("", shape(4, 3), flat(W0)))).build());
        g.addInitializer(rawFloat("b0", shape(4), B0));
        g.addInitializer(rawFloat("w1", shape(2, 4), flat(W1))).addInitializer(rawFloat("b1", shape(2), B1));
        g.addNode(node("fc0", "Gemm", in("i", "w0", "b0"), "h", intAttr("transB", 1)));
        g.addNode(node("drop", "Dropout", in("h"), "d"));
        g.addNode(node("t", "Tanh", in("d"), "a"));
        g.addNode(node("fc1", "Gemm", in("a", "w1", "b1"), "y", intAttr("transB", 1)));
        assertThat(OnnxNetworkReader.read(OnnxGraphs.model(g), "n.onnx", null).mlp()).isEqualTo(EXPECTED);
        OnnxRuntimeCheck.assertRunsAs(OnnxGraphs.model(g).toByteArray(), NetworkFile.of(EXPECTED));
    }

    /** An MNIST-style export: image input [N, 1, 2, 2], Flatten, then dense layers. */
    @Test
    void imageInputFlattenedAtTheInputIsAccepted() {
        GraphProto.Builder g = GraphProto.newBuilder().addOutput(valueInfo("y", 2));
        var t = valueInfo("img", 0).getType().getTensorType().toBuilder().setShape(
                TensorShapeProto.newBuilder()
                        .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("N"))
                        .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(1))
                        .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(1))
                        .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(3)));
        g.addInput(valueInfo("img", 0).toBuilder().setType(TypeProto.newBuilder()
                .setTensorType(t)));
        g.addInitializer(rawFloat("w0", shape(4, 3), flat(W0))).addInitializer(rawFloat("b0", shape(4), B0))
                .addInitializer(rawFloat("w1", shape(2, 4), flat(W1))).addInitializer(rawFloat("b1", shape(2), B1));
        g.addNode(node("flatten", "Flatten", in("img"), "x"));
        g.addNode(node("fc0", "Gemm", in("x", "w0", "b0"), "h", intAttr("transB", 1)));
        g.addNode(node("t0", "Tanh", in("h"), "a"));
        g.addNode(node("fc1", "Gemm", in("a", "w1", "b1"), "y", intAttr("transB", 1)));
        assertThat(OnnxNetworkReader.read(OnnxGraphs.model(g), "img.onnx", null).mlp()).isEqualTo(EXPECTED);
        OnnxRuntimeCheck.assertRunsAs(OnnxGraphs.model(g).toByteArray(), NetworkFile.of(EXPECTED));
        g.setNode(0, node("id", "Identity", in("img"), "x"));
        InvalidModelException e = catchThrowableOfType(InvalidModelException.class,
                () -> OnnxNetworkReader.read(OnnxGraphs.model(g), "img.onnx", null));
        assertThat(e.getMessage()).isEqualTo("img.onnx: graph input 'img' has 4 dimensions; a dense network takes "
                + "[batch, features] (or a Flatten/Reshape at the input)");
    }

    @Test
    void float32RoundTripRoundsEachParameterToTheNearestFloat() {
        Random rnd = new Random(11);
        for (int k = 0; k < 100; k++) {
            Mlp mlp = RandomNetworks.mlp(rnd);
            byte[] bytes = OnnxNetworkWriter.write(NetworkFile.of(mlp), OnnxPrecision.FLOAT32);
            Mlp back = OnnxNetworkReader.read(bytes, "r.onnx", null).mlp();
            assertThat(back).isEqualTo(roundedToFloat(mlp));
            for (int l = 0; l < mlp.layers().size(); l++) {
                DenseLayer a = mlp.layer(l);
                DenseLayer b = back.layer(l);
                for (int o = 0; o < a.outputs(); o++) {
                    for (int i = 0; i < a.inputs(); i++) {
                        assertThat(Math.abs(b.weight(o, i) - a.weight(o, i)))
                                .isLessThanOrEqualTo(Math.abs(a.weight(o, i)) * 0x1p-24);
                    }
                    assertThat(Math.abs(b.bias(o) - a.bias(o))).isLessThanOrEqualTo(Math.abs(a.bias(o)) * 0x1p-24);
                }
            }
        }
    }

    static Mlp roundedToFloat(Mlp mlp) {
        return new Mlp(mlp.layers().stream().map(l -> {
            double[][] w = l.weights();
            for (double[] row : w) {
                for (int i = 0; i < row.length; i++) {
                    row[i] = (float) row[i];
                }
            }
            double[] b = l.bias();
            for (int j = 0; j < b.length; j++) {
                b[j] = (float) b[j];
            }
            return new DenseLayer(w, b, l.activation());
        }).toList());
    }

    @Test
    void float64RoundTripIsExactAndKeepsMetadata() {
        Random rnd = new Random(12);
        for (int k = 0; k < 100; k++) {
            Mlp mlp = RandomNetworks.mlp(rnd);
            NetworkFile net = NetworkFile.of(mlp);
            if (k % 2 == 0) {
                String[] names = new String[mlp.inputs()];
                double[] mean = new double[mlp.inputs()];
                double[] std = new double[mlp.inputs()];
                for (int i = 0; i < names.length; i++) {
                    names[i] = "x" + i;
                    mean[i] = rnd.nextGaussian();
                    std[i] = 0.1 + rnd.nextDouble();
                }
                net = new NetworkFile(mlp, List.of(names), List.of(), new ColumnScaling(mean, std), null,
                        new NetworkProvenance("odelump test", "2026-11-25T08:00:00Z", "seed 12"));
            }
            byte[] bytes = OnnxNetworkWriter.write(net, OnnxPrecision.FLOAT64);
            assertThat(OnnxNetworkReader.read(bytes, "r.onnx", null)).isEqualTo(net);
            OnnxRuntimeCheck.assertRunsAs(bytes, net);
        }
    }

    @Test
    void writtenModelHasTheDocumentedStructure() {
        ModelProto m = OnnxNetworkWriter.model(NetworkFile.of(EXPECTED), OnnxPrecision.FLOAT32);
        OnnxRuntimeCheck.assertRunsAs(m.toByteArray(), NetworkFile.of(EXPECTED));
        assertThat(m.getIrVersion()).isEqualTo(8);
        assertThat(m.getOpsetImport(0).getDomain()).isEmpty();
        assertThat(m.getOpsetImport(0).getVersion()).isEqualTo(13);
        GraphProto g = m.getGraph();
        assertThat(g.getNodeList()).extracting(NodeProto::getOpType).containsExactly("Gemm", "Tanh", "Gemm");
        assertThat(g.getNode(0).getAttributeList()).singleElement()
                .satisfies(a -> assertThat(a.getName() + "=" + a.getI()).isEqualTo("transB=1"));
        assertThat(g.getInitializerList()).extracting(TensorProto::getName)
                .containsExactly("layers.0.weight", "layers.0.bias", "layers.1.weight", "layers.1.bias");
        TensorProto w0 = g.getInitializer(0);
        assertThat(w0.getDimsList()).containsExactly(4L, 3L);
        assertThat(w0.getDataType()).isEqualTo(TensorProto.DataType.FLOAT_VALUE);
        assertThat(w0.getRawData().size()).isEqualTo(4 * 12);
        assertThat(w0.getFloatDataCount()).isZero();
        // little-endian float32 of W0[0][1] = -1.0 is 00 00 80 BF
        assertThat(w0.getRawData().substring(4, 8).toByteArray()).containsExactly(0, 0, 0x80, 0xBF);
        var inShape = g.getInput(0).getType().getTensorType().getShape();
        assertThat(inShape.getDim(0).getDimParam()).isEqualTo("N");
        assertThat(inShape.getDim(1).getDimValue()).isEqualTo(3);
        assertThat(g.getOutput(0).getName()).isEqualTo("output");
        assertThat(g.getOutput(0).getType().getTensorType().getShape().getDim(1).getDimValue()).isEqualTo(2);
        assertThat(g.getNode(2).getOutput(0)).isEqualTo("output");
        ModelProto d = OnnxNetworkWriter.model(NetworkFile.of(EXPECTED), OnnxPrecision.FLOAT64);
        assertThat(d.getGraph().getInitializer(0).getDataType()).isEqualTo(TensorProto.DataType.DOUBLE_VALUE);
        assertThat(d.getGraph().getInput(0).getType().getTensorType().getElemType())
                .isEqualTo(TensorProto.DataType.DOUBLE_VALUE);
    }

    /**
     * The structure {@code torch.onnx.export(nn.Sequential(nn.Linear(3, 4), nn.Tanh(), nn.Linear(4, 2)), ...)}
     * produces (exporters before PyTorch 1.12 / with keep_initializers_as_inputs=True also list the initializers as
     * graph inputs): initializers named after the module path ("0.weight" [out, in], "0.bias"), nodes "/0/Gemm"
     * with alpha = beta = 1 and transB = 1, "/1/Tanh", "/2/Gemm", FLOAT raw_data.
     */
    @Test
    void pytorchStyleSequentialExportIsRead() {
        GraphProto.Builder g = GraphProto.newBuilder().addInput(valueInfo("input", 3));
        g.addInitializer(rawFloat("0.weight", shape(4, 3), flat(W0))).addInitializer(rawFloat("0.bias", shape(4), B0))
                .addInitializer(rawFloat("2.weight", shape(2, 4), flat(W1)))
                .addInitializer(rawFloat("2.bias", shape(2), B1));
        for (String init : List.of("0.weight", "0.bias", "2.weight", "2.bias")) {
            g.addInput(valueInfo(init, 0));
        }
        AttributeProto[] gemm = {floatAttr("alpha", 1), floatAttr("beta", 1), intAttr("transB", 1)};
        g.addNode(node("/0/Gemm", "Gemm", in("input", "0.weight", "0.bias"), "/0/Gemm_output_0", gemm));
        g.addNode(node("/1/Tanh", "Tanh", in("/0/Gemm_output_0"), "/1/Tanh_output_0"));
        g.addNode(node("/2/Gemm", "Gemm", in("/1/Tanh_output_0", "2.weight", "2.bias"), "output", gemm));
        g.addOutput(valueInfo("output", 2));
        ModelProto m = OnnxGraphs.model(g).toBuilder().setProducerName("pytorch").setProducerVersion("2.5.1").build();
        NetworkFile net = OnnxNetworkReader.read(m.toByteArray(), "torch.onnx", null);
        assertThat(net.mlp()).isEqualTo(EXPECTED);
        assertThat(net.provenance().tool()).isEqualTo("pytorch 2.5.1");
        OnnxRuntimeCheck.assertRunsAs(m.toByteArray(), net);
    }

    /** The structure tf2onnx gives a Keras Sequential of Dense layers: MatMul [in, out], Add (BiasAdd), Tanh. */
    @Test
    void kerasStyleTf2onnxExportIsRead() {
        GraphProto.Builder g = GraphProto.newBuilder().addInput(valueInfo("dense_input", 3))
                .addOutput(valueInfo("dense_1", 2));
        g.addInitializer(rawFloat("sequential/dense/MatMul/ReadVariableOp:0", shape(3, 4), flat(transpose(W0))))
                .addInitializer(rawFloat("sequential/dense/BiasAdd/ReadVariableOp:0", shape(4), B0))
                .addInitializer(rawFloat("sequential/dense_1/MatMul/ReadVariableOp:0", shape(4, 2), flat(transpose(W1))))
                .addInitializer(rawFloat("sequential/dense_1/BiasAdd/ReadVariableOp:0", shape(2), B1));
        g.addNode(node("sequential/dense/MatMul", "MatMul",
                in("dense_input", "sequential/dense/MatMul/ReadVariableOp:0"), "sequential/dense/MatMul:0"));
        g.addNode(node("sequential/dense/BiasAdd", "Add",
                in("sequential/dense/MatMul:0", "sequential/dense/BiasAdd/ReadVariableOp:0"),
                "sequential/dense/BiasAdd:0"));
        g.addNode(node("sequential/dense/Tanh", "Tanh", in("sequential/dense/BiasAdd:0"), "sequential/dense/Tanh:0"));
        g.addNode(node("sequential/dense_1/MatMul", "MatMul",
                in("sequential/dense/Tanh:0", "sequential/dense_1/MatMul/ReadVariableOp:0"),
                "sequential/dense_1/MatMul:0"));
        g.addNode(node("sequential/dense_1/BiasAdd", "Add",
                in("sequential/dense_1/MatMul:0", "sequential/dense_1/BiasAdd/ReadVariableOp:0"), "dense_1"));
        assertThat(OnnxNetworkReader.read(OnnxGraphs.model(g), "keras.onnx", null).mlp()).isEqualTo(EXPECTED);
        OnnxRuntimeCheck.assertRunsAs(OnnxGraphs.model(g).toByteArray(), NetworkFile.of(EXPECTED));
    }
}
