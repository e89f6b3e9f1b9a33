package org.odelump.nn.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.odelump.model.Diagnostic;
import org.odelump.model.InvalidModelException;
import org.odelump.nn.Activation;
import org.odelump.nn.DenseLayer;
import org.odelump.nn.Mlp;
import org.odelump.nn.data.ColumnScaling;

class JsonNetworkTest {

    @Test
    void randomNetworksSurviveWriteAndReadBitForBit() {
        Random rnd = new Random(20261125L);
        for (int k = 0; k < 200; k++) {
            Mlp mlp = RandomNetworks.mlp(rnd);
            NetworkFile net = NetworkFile.of(mlp);
            NetworkFile back = JsonNetworkReader.read(JsonNetworkWriter.write(net), "r.json");
            assertThat(back.mlp()).isEqualTo(mlp);
            assertThat(back).isEqualTo(net);
        }
    }

    @Test
    void namesStandardisationsAndProvenanceRoundTrip() {
        Random rnd = new Random(7);
        Mlp mlp = new Mlp(List.of(RandomNetworks.layer(rnd, 3, 4, Activation.TANH),
                RandomNetworks.layer(rnd, 4, 2, Activation.IDENTITY)));
        NetworkFile net = new NetworkFile(mlp, List.of("age", "dose \"mg\"", "t"), List.of("y1", "y2"),
                new ColumnScaling(new double[] {1.5, -2, 0}, new double[] {0.5, 3, 1e-3}),
                new ColumnScaling(new double[] {10, 20}, new double[] {2, 4}),
                new NetworkProvenance("odelump 0.1.0", "2026-11-25T08:00:00Z", "train.csv, seed 7"));
        String text = JsonNetworkWriter.write(net);
        NetworkFile back = JsonNetworkReader.read(text, "n.json");
        assertThat(back).isEqualTo(net);
        assertThat(JsonNetworkWriter.write(back)).isEqualTo(text);
        double[] x = {2.0, 1.0, 0.001};
        assertThat(back.predict(x)).containsExactly(net.predict(x));
        double[] z = net.inputStandardisation().standardise(x);
        double[] expected = net.targetStandardisation().unstandardise(mlp.apply(z));
        assertThat(back.predict(x)).containsExactly(expected);
    }

    @Test
    void readsAliasesAndForwardPassMatchesTheHandBuiltNetwork() {
        String text = """
                {"format": "odelump-mlp", "version": 1,
                 "layers": [
                   {"activation": "sigmoid", "weights": [[1, -2], [0.5, 0.25], [3, 0]], "bias": [0, 1, -1]},
                   {"activation": "linear", "weights": [[1, 1, 1]], "bias": [0.5]}]}
                """;
        NetworkFile net = JsonNetworkReader.read(text, "alias.json");
        Mlp expected = new Mlp(List.of(
                new DenseLayer(new double[][] {{1, -2}, {0.5, 0.25}, {3, 0}}, new double[] {0, 1, -1},
                        Activation.LOGISTIC),
                new DenseLayer(new double[][] {{1, 1, 1}}, new double[] {0.5}, Activation.IDENTITY)));
        assertThat(net.mlp()).isEqualTo(expected);
        assertThat(net.provenance()).isEqualTo(NetworkProvenance.unknown());
        assertThat(net.inputNames()).isEmpty();
        double[] x = {0.3, -0.7};
        double h0 = 1 / (1 + Math.exp(-(0.3 + 1.4)));
        double h1 = 1 / (1 + Math.exp(-(0.15 - 0.175 + 1)));
        double h2 = 1 / (1 + Math.exp(-(0.9 - 1)));
        assertThat(net.mlp().apply(x)[0]).isEqualTo(h0 + h1 + h2 + 0.5);
    }

    @Test
    void theErrorOfTheBriefIsLocatedAtLineAndColumn() {
        String text = """
                {
                  "format": "odelump-mlp",
                  "version": 1,
                  "layers": [
                    {"activation": "tanh", "weights": [[1, 2], [3, 4], [5, 6]], "bias": [0, 0, 0]},
                    {
                      "activation": "tanh",
                      "weights": [
                        [1, 2, 3],
                        [1, 2, 3],
                        [1, 2, 3]],
                      "bias": [1, 2, 3, 4]
                    }
                  ]
                }
                """;
        InvalidModelException e = catchThrowableOfType(InvalidModelException.class,
                () -> JsonNetworkReader.read(text, "net.json"));
        assertThat(e.getMessage()).isEqualTo("net.json:12:15: layers[1].weights has 3 rows but bias has 4 entries");
        assertThat(e.first().kind()).isEqualTo(Diagnostic.Kind.SEMANTIC);
    }

    private static final String HEAD = "{\"format\": \"odelump-mlp\", \"version\": 1, ";
    private static final String L22 = "{\"activation\": \"tanh\", \"weights\": [[1, 2], [3, 4]], \"bias\": [0, 0]}";
    private static final String L22I = "{\"activation\": \"identity\", \"weights\": [[1, 2], [3, 4]], "
            + "\"bias\": [0, 0]}";

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("{\"format\": \"odelump-mlp\", \"version\": 1, \"layers\": [",
                        Diagnostic.Kind.SYNTAX,
                        "b.json:1:52: Unexpected end-of-input: expected close marker for Array (start marker at "
                                + "line 1, column 51)"),
                Arguments.of("[1, 2]", Diagnostic.Kind.SEMANTIC,
                        "b.json:1:1: the document must be an object, found an array"),
                Arguments.of("{\"format\": \"keras\", \"version\": 1, \"layers\": []}", Diagnostic.Kind.UNSUPPORTED,
                        "b.json:1:12: format is \"keras\", expected \"odelump-mlp\""),
                Arguments.of("{\"format\": \"odelump-mlp\", \"version\": 2, \"layers\": []}",
                        Diagnostic.Kind.UNSUPPORTED,
                        "b.json:1:38: version 2 is newer than the newest supported version 1"),
                Arguments.of("{\"format\": \"odelump-mlp\", \"version\": 1.5, \"layers\": []}",
                        Diagnostic.Kind.SEMANTIC, "b.json:1:38: version must be a positive integer"),
                Arguments.of("{\"format\": \"odelump-mlp\", \"version\": 1}", Diagnostic.Kind.SEMANTIC,
                        "b.json:1:1: the document has no field \"layers\""),
                Arguments.of(HEAD + "\"layers\": []}", Diagnostic.Kind.SEMANTIC,
                        "b.json:1:51: layers is empty, a network needs at least one layer"),
                Arguments.of(HEAD + "\"layers\": [{\"activation\": \"softmax\", \"weights\": [[1]], \"bias\": [0]}]}",
                        Diagnostic.Kind.UNSUPPORTED,
                        "b.json:1:67: layers[0].activation \"softmax\" is not one of tanh, logistic (sigmoid), "
                                + "identity (linear), relu"),
                Arguments.of(HEAD + "\"layers\": [{\"activation\": \"tanh\", \"weights\": [[1, 2], [3]], "
                        + "\"bias\": [0, 0]}]}", Diagnostic.Kind.SEMANTIC,
                        "b.json:1:95: layers[0].weights[1] has 1 entries but layers[0].weights[0] has 2"),
                Arguments.of(HEAD + "\"layers\": [" + L22 + ", {\"activation\": \"tanh\", \"weights\": [[1, 2, 3]], "
                        + "\"bias\": [0]}]}", Diagnostic.Kind.SEMANTIC,
                        "b.json:1:155: layers[1].weights has 3 columns but layers[0] has 2 outputs"),
                Arguments.of(HEAD + "\"layers\": [{\"activation\": \"tanh\", \"weights\": [[1, \"x\"]], "
                        + "\"bias\": [0]}]}", Diagnostic.Kind.SEMANTIC,
                        "b.json:1:91: layers[0].weights[0][1] must be a number, found a string"),
                Arguments.of(HEAD + "\"layers\": [{\"activation\": \"tanh\", \"weights\": [[1e400]], "
                        + "\"bias\": [0]}]}", Diagnostic.Kind.SEMANTIC,
                        "b.json:1:88: layers[0].weights[0][0] is not a finite number"),
                Arguments.of(HEAD + "\"layers\": [{\"activation\": \"tanh\", \"weights\": [[1]]}]}",
                        Diagnostic.Kind.SEMANTIC, "b.json:1:52: layers[0] has no field \"bias\""),
                Arguments.of(HEAD + "\"inputs\": [\"a\"], \"layers\": [" + L22 + "]}", Diagnostic.Kind.SEMANTIC,
                        "b.json:1:51: inputs has 1 names but there are 2 network inputs"),
                Arguments.of(HEAD + "\"inputs\": [\"a\", \"a\"], \"layers\": [" + L22 + "]}",
                        Diagnostic.Kind.SEMANTIC, "b.json:1:57: inputs[1] \"a\" repeats inputs[0]"),
                Arguments.of(HEAD + "\"inputStandardisation\": {\"mean\": [0, 0], \"std\": [1, 0]}, \"layers\": ["
                        + L22 + "]}", Diagnostic.Kind.SEMANTIC,
                        "b.json:1:93: inputStandardisation.std[1] is 0.0, a standard deviation must be > 0"),
                Arguments.of(HEAD + "\"targetStandardisation\": {\"mean\": [0], \"std\": [1]}, \"layers\": ["
                        + L22 + "]}", Diagnostic.Kind.SEMANTIC,
                        "b.json:1:75: targetStandardisation.mean has 1 entries but there are 2 network outputs"),
                Arguments.of(HEAD + "\"layer\": []}", Diagnostic.Kind.SEMANTIC,
                        "b.json:1:50: unknown field layer (allowed: classes, format, inputStandardisation, inputs, "
                                + "layers, outputs, provenance, targetStandardisation, task, version)"),
                Arguments.of(HEAD + "\"task\": \"ranking\", \"layers\": [" + L22I + "]}",
                        Diagnostic.Kind.SEMANTIC,
                        "b.json:1:49: task is \"ranking\", expected \"regression\" or \"classification\""),
                Arguments.of(HEAD + "\"task\": \"classification\", \"layers\": [" + L22I + "]}",
                        Diagnostic.Kind.SEMANTIC,
                        "b.json:1:49: a classification network needs \"classes\": one label per output"),
                Arguments.of(HEAD + "\"task\": \"classification\", \"classes\": [\"a\"], \"layers\": [" + L22I
                        + "]}", Diagnostic.Kind.SEMANTIC,
                        "b.json:1:78: classes has 1 names but there are 2 network outputs (logits)"),
                Arguments.of(HEAD + "\"task\": \"classification\", \"classes\": [\"a\", \"b\"], \"layers\": ["
                        + L22 + "]}", Diagnostic.Kind.SEMANTIC,
                        "b.json:1:49: a classifier's last layer must be \"identity\" (its outputs are logits)"),
                Arguments.of(HEAD + "\"classes\": [\"a\", \"b\"], \"layers\": [" + L22I + "]}",
                        Diagnostic.Kind.SEMANTIC,
                        "b.json:1:52: classes are given but the task is not \"classification\""),
                Arguments.of(HEAD + "\"layers\": [], \"layers\": []}", Diagnostic.Kind.SYNTAX,
                        "b.json:1:55: duplicate key \"layers\""),
                Arguments.of("", Diagnostic.Kind.SYNTAX, "b.json:1:1: empty file, expected a JSON object"));
    }

    @ParameterizedTest
    @MethodSource("badFiles")
    void badFilesGetLocatedMessages(String text, Diagnostic.Kind kind, String message) {
        InvalidModelException e = catchThrowableOfType(InvalidModelException.class,
                () -> JsonNetworkReader.read(text, "b.json"));
        assertThat(e).as(text).isNotNull();
        assertThat(e.getMessage()).isEqualTo(message);
        assertThat(e.first().kind()).isEqualTo(kind);
    }

    @Test
    void everyBadFileIsRejectedButTheFixedOneIsRead() {
        assertThat(JsonNetworkReader.read(HEAD + "\"layers\": [" + L22 + "]}", "ok.json").mlp().widths())
                .containsExactly(2, 2);
        assertThatThrownBy(() -> JsonNetworkReader.read(HEAD + "\"layers\": [" + L22 + "]} x", "t.json"))
                .isInstanceOf(InvalidModelException.class);
    }
}
