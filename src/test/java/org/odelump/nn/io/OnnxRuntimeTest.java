package org.odelump.nn.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.odelump.nn.io.OnnxGraphs.floatAttr;
import static org.odelump.nn.io.OnnxGraphs.in;
import static org.odelump.nn.io.OnnxGraphs.intAttr;
import static org.odelump.nn.io.OnnxGraphs.node;
import static org.odelump.nn.io.OnnxGraphs.rawFloat;
import static org.odelump.nn.io.OnnxGraphs.shape;
import static org.odelump.nn.io.OnnxGraphs.valueInfo;
import static org.odelump.nn.io.OnnxNetworkTest.flat;
import static org.odelump.nn.io.OnnxNetworkTest.transpose;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.odelump.nn.Activation;
import org.odelump.nn.DenseLayer;
import org.odelump.nn.Mlp;
import org.odelump.nn.data.ColumnScaling;
import org.odelump.testutil.OnnxRuntimeCheck;

/**
 * ONNX files run in ONNX Runtime compute what odelump computes: the files odelump writes (standardisations as
 * graph nodes, the original input shape, names and opset kept) and graphs in the shapes PyTorch, scikit-learn
 * (skl2onnx) and Keras (tf2onnx) export for MLPs, built here node by node.
 */
class OnnxRuntimeTest {

    private static final int FLOAT = TensorProto.DataType.FLOAT_VALUE;

    /** A layer with weights of the scale trained networks have (N(0, 1/in)), so float32 keeps 1e-5. */
    static DenseLayer layer(Random rnd, int in, int out, Activation a) {
        double[][] w = new double[out][in];
        double[] b = new double[out];
        for (int j = 0; j < out; j++) {
            for (int i = 0; i < in; i++) {
                w[j][i] = rnd.nextGaussian() / Math.sqrt(in);
            }
            b[j] = 0.3 * rnd.nextGaussian();
        }
        return new DenseLayer(w, b, a);
    }

    static Mlp network(Random rnd) {
        int depth = 1 + rnd.nextInt(4);
        int width = 1 + rnd.nextInt(8);
        List<DenseLayer> layers = new ArrayList<>();
        for (int l = 0; l < depth; l++) {
            int out = 1 + rnd.nextInt(8);
            Activation a = l == depth - 1 && rnd.nextBoolean() ? Activation.IDENTITY
                    : Activation.values()[rnd.nextInt(Activation.values().length)];
            layers.add(layer(rnd, width, out, a));
            width = out;
        }
        return new Mlp(layers);
    }

    static ColumnScaling scaling(Random rnd, int n, double meanScale) {
        double[] mean = new double[n];
        double[] std = new double[n];
        for (int i = 0; i < n; i++) {
            mean[i] = meanScale * rnd.nextGaussian();
            std[i] = 0.05 + 3 * rnd.nextDouble();
        }
        return new ColumnScaling(mean, std);
    }

    @ParameterizedTest
    @EnumSource(OnnxPrecision.class)
    void writtenNetworksComputeInOnnxRuntimeWhatOdelumpPredicts(OnnxPrecision precision) {
        Random rnd = new Random(41);
        double worst = 0;
        for (int k = 0; k < 24; k++) {
            Mlp mlp = network(rnd);
            NetworkFile net = new NetworkFile(mlp, List.of(), List.of(),
                    k % 2 == 0 ? scaling(rnd, mlp.inputs(), 50) : null,
                    k % 3 == 0 ? scaling(rnd, mlp.outputs(), 2) : null, NetworkProvenance.unknown());
            byte[] bytes = OnnxNetworkWriter.write(net, precision);
            NetworkFile back = OnnxNetworkReader.read(bytes, "w.onnx", null);
            assertThat(back.inputStandardisation()).isEqualTo(net.inputStandardisation());
            assertThat(back.targetStandardisation()).isEqualTo(net.targetStandardisation());
            assertThat(back.onnx()).isNull();
            assertThat(back.mlp()).isEqualTo(precision == OnnxPrecision.FLOAT64 ? mlp
                    : OnnxNetworkTest.roundedToFloat(mlp));
            // the original double network, not the rounded one read back: what the user's odelump computed
            worst = Math.max(worst, OnnxRuntimeCheck.assertRunsAs(bytes, net));
        }
        assertThat(worst).isLessThanOrEqualTo(precision == OnnxPrecision.FLOAT64 ? 1e-12 : 1e-5);
    }

    /** The example of docs/network-format.md: the graph itself maps raw inputs to outputs in data units. */
    @Test
    void standardisationsAreNodesOfTheGraphNotOnlyMetadata() {
        Mlp mlp = new Mlp(List.of(
                new DenseLayer(new double[][] {{0.8, -1.25}, {0.5, 0.3}, {-0.02, 1.1}}, new double[] {0.1, -0.2, 0},
                        Activation.TANH),
                new DenseLayer(new double[][] {{1.5, -0.75, 0.25}}, new double[] {0.05}, Activation.IDENTITY)));
        NetworkFile net = new NetworkFile(mlp, List.of("temperature", "pressure"), List.of("yield"),
                new ColumnScaling(new double[] {300, 1.2}, new double[] {25, 0.3}),
                new ColumnScaling(new double[] {0.42}, new double[] {0.11}), NetworkProvenance.unknown());
        ModelProto m = OnnxNetworkWriter.model(net, OnnxPrecision.FLOAT32);
        assertThat(m.getGraph().getNodeList()).extracting(NodeProto::getOpType)
                .containsExactly("Sub", "Div", "Gemm", "Tanh", "Gemm", "Mul", "Add");
        assertThat(m.getGraph().getNode(6).getOutput(0)).isEqualTo("output");
        OnnxRuntimeCheck.assertRunsAs(m.toByteArray(), net);

        byte[] withoutMetadata = m.toBuilder().clearMetadataProps().build().toByteArray();
        OnnxRuntimeCheck.assertRunsAs(withoutMetadata, net);
        NetworkFile bare = OnnxNetworkReader.read(withoutMetadata, "bare.onnx", null);
        assertThat(bare.inputNames()).isEmpty();
        assertThat(bare.inputStandardisation().mean()).containsExactly(300, (float) 1.2);
        assertThat(bare.inputStandardisation().std()).containsExactly(25, (float) 0.3);
        assertThat(bare.targetStandardisation().mean()).containsExactly((float) 0.42);
        assertThat(bare.targetStandardisation().std()).containsExactly((float) 0.11);
        assertThat(bare.predict(new double[] {325, 1.5})[0]).isCloseTo(net.predict(new double[] {325, 1.5})[0],
                within(1e-6));
    }

    @Test
    void metadataThatContradictsTheGraphIsAnError() {
        NetworkFile net = new NetworkFile(OnnxNetworkTest.EXPECTED, List.of(), List.of(),
                new ColumnScaling(new double[] {1, 2, 3}, new double[] {1, 1, 2}), null, NetworkProvenance.unknown());
        ModelProto m = OnnxNetworkWriter.model(net, OnnxPrecision.FLOAT32);
        List<ai.onnx.proto.OnnxMl.StringStringEntryProto> props = new ArrayList<>(m.getMetadataPropsList());
        props.replaceAll(p -> p.getKey().equals(OnnxMetadata.INPUT_STD)
                ? p.toBuilder().setValue("{\"mean\": [1, 2, 3.5], \"std\": [1, 1, 2]}").build() : p);
        byte[] edited = m.toBuilder().clearMetadataProps().addAllMetadataProps(props).build().toByteArray();
        var e = org.assertj.core.api.Assertions.catchThrowableOfType(
                org.odelump.model.InvalidModelException.class, () -> OnnxNetworkReader.read(edited, "e.onnx", null));
        assertThat(e.getMessage()).isEqualTo("e.onnx: metadata_props odelump.inputStandardisation disagrees with "
                + "the graph's input normalisation: column 2 mean 3.5 in the metadata, 3.0 in the graph");
    }

    /**
     * An MNIST-style PyTorch export ({@code torch.onnx.export(model, torch.zeros(1, 1, 4, 4), input_names=
     * ["input.1"], output_names=["logits"], opset_version=11)} of a module that normalises with torchvision's
     * MNIST mean and std, flattens and applies Linear-ReLU-Linear): compressing it keeps the image input, the
     * names and the opset, and both files run in ONNX Runtime as odelump computes them.
     */
    @Test
    void imageInputNamesAndOpsetAreKeptWhenACompressedNetworkIsWritten() {
        Random rnd = new Random(5);
        DenseLayer fc1 = layer(rnd, 16, 5, Activation.RELU);
        DenseLayer fc2 = layer(rnd, 5, 3, Activation.IDENTITY);
        GraphProto.Builder g = GraphProto.newBuilder().addInput(valueInfo("input.1", FLOAT, -1, 1, 4, 4))
                .addOutput(valueInfo("logits", FLOAT, -1, 3));
        g.addInitializer(rawFloat("/Constant_output_0", shape(), 0.1307))
                .addInitializer(rawFloat("/Constant_1_output_0", shape(), 0.3081))
                .addInitializer(rawFloat("fc1.weight", shape(5, 16), flat(fc1.weights())))
                .addInitializer(rawFloat("fc1.bias", shape(5), fc1.bias()))
                .addInitializer(rawFloat("fc2.weight", shape(3, 5), flat(fc2.weights())))
                .addInitializer(rawFloat("fc2.bias", shape(3), fc2.bias()));
        g.addNode(node("/Sub", "Sub", in("input.1", "/Constant_output_0"), "/Sub_output_0"));
        g.addNode(node("/Div", "Div", in("/Sub_output_0", "/Constant_1_output_0"), "/Div_output_0"));
        g.addNode(node("/Flatten", "Flatten", in("/Div_output_0"), "/Flatten_output_0", intAttr("axis", 1)));
        g.addNode(node("/fc1/Gemm", "Gemm", in("/Flatten_output_0", "fc1.weight", "fc1.bias"), "/fc1/Gemm_output_0",
                floatAttr("alpha", 1), floatAttr("beta", 1), intAttr("transB", 1)));
        g.addNode(node("/Relu", "Relu", in("/fc1/Gemm_output_0"), "/Relu_output_0"));
        g.addNode(node("/fc2/Gemm", "Gemm", in("/Relu_output_0", "fc2.weight", "fc2.bias"), "logits",
                floatAttr("alpha", 1), floatAttr("beta", 1), intAttr("transB", 1)));
        byte[] torch = OnnxGraphs.model(g, 11).toByteArray();
        NetworkFile net = OnnxNetworkReader.read(torch, "mnist.onnx", null);
        OnnxRuntimeCheck.assertRunsAs(torch, net);
        assertThat(net.onnx().inputName()).isEqualTo("input.1");
        assertThat(net.onnx().inputShape()).hasToString("[N, 1, 4, 4]");
        assertThat(net.onnx().outputName()).isEqualTo("logits");
        assertThat(net.onnx().opset()).isEqualTo(11);
        assertThat(net.inputStandardisation().mean()).containsOnly((float) 0.1307);
        assertThat(net.inputStandardisation().std()).containsOnly((float) 0.3081).hasSize(16);

        // what a compressor returns: hidden neurons 3 and 4 removed
        Mlp smaller = new Mlp(List.of(
                new DenseLayer(java.util.Arrays.copyOf(net.mlp().layer(0).weights(), 3),
                        java.util.Arrays.copyOf(net.mlp().layer(0).bias(), 3), Activation.RELU),
                new DenseLayer(Stream.of(net.mlp().layer(1).weights()).map(r -> java.util.Arrays.copyOf(r, 3))
                        .toArray(double[][]::new), net.mlp().layer(1).bias(), Activation.IDENTITY)));
        NetworkFile compressed = net.withMlp(smaller);
        ModelProto written = OnnxNetworkWriter.model(compressed, OnnxPrecision.FLOAT32);
        assertThat(written.getOpsetImport(0).getVersion()).isEqualTo(11);
        assertThat(written.getGraph().getInput(0)).isEqualTo(g.getInput(0));
        assertThat(written.getGraph().getOutput(0)).isEqualTo(g.getOutput(0));
        assertThat(written.getGraph().getNodeList()).extracting(NodeProto::getOpType)
                .containsExactly("Flatten", "Sub", "Div", "Gemm", "Relu", "Gemm");
        OnnxRuntimeCheck.assertRunsAs(written.toByteArray(), compressed);
        NetworkFile back = OnnxNetworkReader.read(written.toByteArray(), "small.onnx", null);
        assertThat(back.onnx()).isEqualTo(net.onnx());
        assertThat(back.mlp()).isEqualTo(smaller);
        assertThat(back.inputStandardisation()).isEqualTo(net.inputStandardisation());
    }

    static final Random RND = new Random(17);
    static final DenseLayer L0 = layer(RND, 3, 4, Activation.IDENTITY);
    static final DenseLayer L1 = layer(RND, 4, 2, Activation.IDENTITY);

    static GraphProto.Builder graph(String input, long[] inShape, String output, Consumer<GraphProto.Builder> body) {
        GraphProto.Builder g = GraphProto.newBuilder().addInput(valueInfo(input, FLOAT, inShape))
                .addOutput(valueInfo(output, FLOAT, -1, 2));
        body.accept(g);
        return g;
    }

    static void gemmWeights(GraphProto.Builder g) {
        g.addInitializer(rawFloat("w0", shape(4, 3), flat(L0.weights())))
                .addInitializer(rawFloat("b0", shape(4), L0.bias()))
                .addInitializer(rawFloat("w1", shape(2, 4), flat(L1.weights())))
                .addInitializer(rawFloat("b1", shape(2), L1.bias()));
    }

    static void matMulWeights(GraphProto.Builder g) {
        g.addInitializer(rawFloat("k0", shape(3, 4), flat(transpose(L0.weights()))))
                .addInitializer(rawFloat("c0", shape(4), L0.bias()))
                .addInitializer(rawFloat("k1", shape(4, 2), flat(transpose(L1.weights()))))
                .addInitializer(rawFloat("c1", shape(2), L1.bias()));
    }

    /** Graphs shaped like the exporters' output; each is read, then run in ONNX Runtime against odelump. */
    static Stream<Arguments> exporterGraphs() {
        return Stream.of(
                Arguments.of("PyTorch nn.Sequential(Linear, Tanh, Linear), opset 17", graph("input", shape(-1, 3),
                        "output", g -> {
                            gemmWeights(g);
                            g.addNode(node("/0/Gemm", "Gemm", in("input", "w0", "b0"), "/0/Gemm_output_0",
                                    floatAttr("alpha", 1), floatAttr("beta", 1), intAttr("transB", 1)));
                            g.addNode(node("/1/Tanh", "Tanh", in("/0/Gemm_output_0"), "/1/Tanh_output_0"));
                            g.addNode(node("/2/Gemm", "Gemm", in("/1/Tanh_output_0", "w1", "b1"), "output",
                                    floatAttr("alpha", 1), floatAttr("beta", 1), intAttr("transB", 1)));
                        }), "Tanh"),
                Arguments.of("Gemm transB=0 with alpha and beta, Gemm without C then Add", graph("x", shape(-1, 3),
                        "y", g -> {
                            g.addInitializer(rawFloat("w0", shape(3, 4), flat(transpose(scale(L0.weights(), 2)))))
                                    .addInitializer(rawFloat("b0", shape(4), scale(L0.bias(), 4)))
                                    .addInitializer(rawFloat("w1", shape(2, 4), flat(L1.weights())))
                                    .addInitializer(rawFloat("b1", shape(2), L1.bias()));
                            g.addNode(node("g0", "Gemm", in("x", "w0", "b0"), "h", floatAttr("alpha", 0.5),
                                    floatAttr("beta", 0.25)));
                            g.addNode(node("s0", "Sigmoid", in("h"), "a"));
                            g.addNode(node("g1", "Gemm", in("a", "w1"), "z", intAttr("transB", 1)));
                            g.addNode(node("bias1", "Add", in("b1", "z"), "y"));
                        }), "Sigmoid"),
                Arguments.of("skl2onnx MLPRegressor(activation='relu'): MatMul, Add, Relu, Identity output",
                        graph("X", shape(-1, 3), "variable", g -> {
                            matMulWeights(g);
                            g.addNode(node("MatMul", "MatMul", in("X", "k0"), "mul_result"));
                            g.addNode(node("Add", "Add", in("mul_result", "c0"), "add_result"));
                            g.addNode(node("Relu", "Relu", in("add_result"), "next_activations"));
                            g.addNode(node("MatMul1", "MatMul", in("next_activations", "k1"), "mul_result1"));
                            g.addNode(node("Add1", "Add", in("mul_result1", "c1"), "add_result1"));
                            g.addNode(node("Identity", "Identity", in("add_result1"), "variable"));
                        }), "Relu"),
                Arguments.of("tf2onnx Keras Dense layers, Reshape input, batch 'unk__6'", graph("dense_input",
                        shape(-1, 3), "dense_1", g -> {
                            matMulWeights(g);
                            g.addInitializer(OnnxGraphs.int64("shape", -1, 3));
                            g.addNode(node("reshape", "Reshape", in("dense_input", "shape"), "r"));
                            g.addNode(node("sequential/dense/MatMul", "MatMul", in("r", "k0"), "m0"));
                            g.addNode(node("sequential/dense/BiasAdd", "Add", in("m0", "c0"), "z0"));
                            g.addNode(node("sequential/dense/Tanh", "Tanh", in("z0"), "a0"));
                            g.addNode(node("sequential/dense_1/MatMul", "MatMul", in("a0", "k1"), "m1"));
                            g.addNode(node("sequential/dense_1/BiasAdd", "Add", in("m1", "c1"), "dense_1"));
                        }), "Tanh"),
                Arguments.of("per-channel Sub/Div normalisation of a [N, 3, 1, 1] input before Flatten",
                        graph("image", shape(-1, 3, 1, 1), "logits", g -> {
                            gemmWeights(g);
                            g.addInitializer(rawFloat("mean", shape(1, 3, 1, 1), 0.485, 0.456, 0.406))
                                    .addInitializer(rawFloat("std", shape(3, 1, 1), 0.229, 0.224, 0.225));
                            g.addNode(node("norm/sub", "Sub", in("image", "mean"), "s"));
                            g.addNode(node("norm/div", "Div", in("s", "std"), "d"));
                            g.addNode(node("flatten", "Flatten", in("d"), "f"));
                            g.addNode(node("fc0", "Gemm", in("f", "w0", "b0"), "h", intAttr("transB", 1)));
                            g.addNode(node("relu", "Relu", in("h"), "a"));
                            g.addNode(node("fc1", "Gemm", in("a", "w1", "b1"), "logits", intAttr("transB", 1)));
                        }), "Relu"),
                Arguments.of("Mul/Add normalisation x * scale + offset, and Sub(c, x) with a negative scale",
                        graph("x", shape(-1, 3), "y", g -> {
                            gemmWeights(g);
                            g.addInitializer(rawFloat("scale", shape(3), 0.5, 2, 4))
                                    .addInitializer(rawFloat("offset", shape(1, 3), -1, 0.25, 3))
                                    .addInitializer(rawFloat("c", shape(), 1.5));
                            g.addNode(node("mul", "Mul", in("scale", "x"), "m"));
                            g.addNode(node("add", "Add", in("m", "offset"), "o"));
                            g.addNode(node("flip", "Sub", in("c", "o"), "f"));
                            g.addNode(node("fc0", "Gemm", in("f", "w0", "b0"), "h", intAttr("transB", 1)));
                            g.addNode(node("t", "Tanh", in("h"), "a"));
                            g.addNode(node("fc1", "Gemm", in("a", "w1", "b1"), "y", intAttr("transB", 1)));
                        }), "Tanh"),
                Arguments.of("scalings inside: Gemm, Mul (folded batch norm), Tanh, Div, Gemm, Sigmoid, Mul, Add",
                        graph("x", shape(-1, 3), "y", g -> {
                            gemmWeights(g);
                            g.addInitializer(rawFloat("bn", shape(4), 0.5, -1.5, 2, 0.75))
                                    .addInitializer(rawFloat("half", shape(), 2))
                                    .addInitializer(rawFloat("ystd", shape(2), 3, 0.5))
                                    .addInitializer(rawFloat("ymean", shape(2), 10, -2));
                            g.addNode(node("fc0", "Gemm", in("x", "w0", "b0"), "h", intAttr("transB", 1)));
                            g.addNode(node("bn", "Mul", in("h", "bn"), "hb"));
                            g.addNode(node("t", "Tanh", in("hb"), "a"));
                            g.addNode(node("halve", "Div", in("a", "half"), "ah"));
                            g.addNode(node("fc1", "Gemm", in("ah", "w1", "b1"), "z", intAttr("transB", 1)));
                            g.addNode(node("s", "Sigmoid", in("z"), "p"));
                            g.addNode(node("unscale", "Mul", in("p", "ystd"), "q"));
                            g.addNode(node("unshift", "Add", in("q", "ymean"), "y"));
                        }), "Tanh"));
    }

    static double[][] scale(double[][] w, double s) {
        return OnnxNetworkTest.scale(w, s);
    }

    static double[] scale(double[] v, double s) {
        return OnnxNetworkTest.scale(v, s);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exporterGraphs")
    void exporterShapedGraphsComputeInOnnxRuntimeWhatOdelumpReads(String what, GraphProto.Builder g,
            String firstActivation) {
        byte[] bytes = OnnxGraphs.model(g, 17).toByteArray();
        NetworkFile net = OnnxNetworkReader.read(bytes, "export.onnx", null);
        assertThat(net.mlp().widths()).containsExactly(3, 4, 2);
        assertThat(net.mlp().layer(0).activation().name()).isEqualTo(switch (firstActivation) {
            case "Tanh" -> "TANH";
            case "Sigmoid" -> "LOGISTIC";
            default -> "RELU";
        });
        OnnxRuntimeCheck.assertRunsAs(bytes, net);
        // and written back by odelump, it still computes the same in ONNX Runtime
        byte[] rewritten = OnnxNetworkWriter.write(net, OnnxPrecision.FLOAT32);
        OnnxRuntimeCheck.assertRunsAs(rewritten, net);
        assertThat(OnnxNetworkReader.read(rewritten, "again.onnx", null).onnx()).isEqualTo(net.onnx());
    }
}
