package org.odelump.nn.compress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.odelump.dsl.OdeParser;
import org.odelump.model.OdeSystem;
import org.odelump.nn.Activation;
import org.odelump.nn.DenseLayer;
import org.odelump.nn.Mlp;
import org.odelump.numeric.Simulator;
import org.odelump.numeric.Trajectory;

class NetworkEncoderTest {

    static final Simulator.Options TIGHT = new Simulator.Options(1e-13, 1e-13, 5_000_000, 1e100);

    static Mlp randomNet(Random rnd, Activation hidden, int... widths) {
        List<DenseLayer> layers = new ArrayList<>();
        for (int l = 1; l < widths.length; l++) {
            double scale = 2.0 / Math.sqrt(widths[l - 1]);
            double[][] w = new double[widths[l]][widths[l - 1]];
            double[] b = new double[widths[l]];
            for (int j = 0; j < widths[l]; j++) {
                for (int i = 0; i < widths[l - 1]; i++) {
                    w[j][i] = scale * (2 * rnd.nextDouble() - 1);
                }
                b[j] = 2 * rnd.nextDouble() - 1;
            }
            layers.add(new DenseLayer(w, b, l == widths.length - 1 ? Activation.IDENTITY : hidden));
        }
        return new Mlp(layers);
    }

    static double[] randomInput(Random rnd, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 2 * rnd.nextDouble() - 1;
        }
        return x;
    }

    static double[] endState(OdeSystem s, double[] init) {
        Trajectory tr = new Simulator(s, init, new double[] {0, 1}, TIGHT).compute();
        assertThat(tr.status()).isEqualTo(Trajectory.Status.COMPLETED);
        return tr.state(1);
    }

    static double[] read(OdeSystem s, double[] state, List<String> names) {
        double[] out = new double[names.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = state[s.indexOf(names.get(k))];
        }
        return out;
    }

    /** Integrates the layer-wise system stage by stage, copying h^l(1) into the copies a^l (no forward pass). */
    static double[] staged(OdeSystem s, NetworkEncoder.Naming nm) {
        double[] init = s.initialValues();
        for (List<String> copy : nm.copies()) {
            for (String a : copy) {
                init[s.indexOf(a)] = 0.0; // forget the encoder's values: the stages recompute them
            }
        }
        for (int l = 0; l < nm.hidden().size(); l++) {
            double[] end = endState(s, init);
            for (int j = 0; j < nm.hidden().get(l).size(); j++) {
                init[s.indexOf(nm.copies().get(l).get(j))] = end[s.indexOf(nm.hidden().get(l).get(j))];
            }
        }
        return read(s, endState(s, init), nm.outputs());
    }

    @ParameterizedTest
    @CsvSource({
        "TANH, RAY, 3-4-1", "TANH, RAY, 3-5-4-2", "TANH, RAY, 2-4-3-3-1",
        "LOGISTIC, RAY, 3-4-1", "LOGISTIC, RAY, 3-5-4-2", "LOGISTIC, RAY, 2-4-3-3-1",
        "TANH, LAYERWISE, 3-4-1", "TANH, LAYERWISE, 3-5-4-2", "TANH, LAYERWISE, 4-8-6-5-2",
        "LOGISTIC, LAYERWISE, 3-4-1", "LOGISTIC, LAYERWISE, 3-5-4-2", "LOGISTIC, LAYERWISE, 4-8-6-5-2",
    })
    void parsedEncodingReproducesTheForwardPass(Activation act, NetworkEncoder.Encoding enc, String shape) {
        int[] widths = java.util.Arrays.stream(shape.split("-")).mapToInt(Integer::parseInt).toArray();
        Random rnd = new Random(shape.hashCode() * 31L + act.ordinal());
        Mlp net = randomNet(rnd, act, widths);
        for (int trial = 0; trial < 3; trial++) {
            double[] x = randomInput(rnd, widths[0]);
            NetworkEncoder.Encoded e = new NetworkEncoder(net, enc, null, x, 50).compute();
            OdeSystem parsed = OdeParser.parse("net.ode", e.text()).system();
            assertThat(parsed.dimension()).isEqualTo(e.system().dimension());
            assertThat(parsed.drifts()).isEqualTo(e.system().drifts());
            double[] expected = net.apply(x);
            double[] once = read(parsed, endState(parsed, parsed.initialValues()), e.naming().outputs());
            for (int k = 0; k < expected.length; k++) {
                assertThat(once[k]).isCloseTo(expected[k], org.assertj.core.data.Offset.offset(1e-8));
            }
            if (enc == NetworkEncoder.Encoding.LAYERWISE) {
                double[] st = staged(parsed, e.naming());
                for (int k = 0; k < expected.length; k++) {
                    assertThat(st[k]).isCloseTo(expected[k], org.assertj.core.data.Offset.offset(1e-8));
                }
            }
        }
    }

    @Test
    void rayDriftDegreeIsTwoLPlusOneAndTanhStartsAtZero() {
        Mlp net = randomNet(new Random(3), Activation.TANH, 2, 3, 3, 1);
        NetworkEncoder.Encoded e = new NetworkEncoder(net, NetworkEncoder.Encoding.RAY).compute();
        OdeSystem s = e.system();
        assertThat(s.drift(s.indexOf("h1_1")).degree()).isEqualTo(3);
        assertThat(s.drift(s.indexOf("h2_1")).degree()).isEqualTo(5);
        for (List<String> layer : e.naming().hidden()) {
            for (String h : layer) {
                assertThat(s.initialValue(s.indexOf(h))).isZero();
            }
        }
        assertThat(s.drift(s.indexOf("x1")).isZero()).isTrue();

        Mlp logistic = randomNet(new Random(4), Activation.LOGISTIC, 2, 3, 2, 1);
        OdeSystem ls = new NetworkEncoder(logistic, NetworkEncoder.Encoding.RAY).compute().system();
        assertThat(ls.initialValue(ls.indexOf("h1_2"))).isEqualTo(0.5);
        DenseLayer l2 = logistic.layer(1);
        double z = 0.5 * (l2.weight(1, 0) + l2.weight(1, 1) + l2.weight(1, 2));
        assertThat(ls.initialValue(ls.indexOf("h2_2"))).isCloseTo(1 / (1 + Math.exp(-z)),
                org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void inputNamesAreCheckedAndUsed() {
        Mlp net = randomNet(new Random(2), Activation.TANH, 3, 2, 1);
        for (String bad : List.of("exp", "end", "h1_2", "y1", "2x", "a b", "qy1")) {
            assertThat(NetworkEncoder.isUsableInputName(bad)).as(bad).isFalse();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new NetworkEncoder(net,
                    NetworkEncoder.Encoding.RAY, List.of(bad, "u", "v"), null, 1).compute())
                    .isInstanceOf(IllegalArgumentException.class);
        }
        List<String> good = List.of("Length", "y", "h1");
        NetworkEncoder.Encoded e = new NetworkEncoder(net, NetworkEncoder.Encoding.LAYERWISE, good,
                new double[] {1, 2, 3}, 1).compute();
        OdeSystem s = OdeParser.parse("n.ode", e.text()).system();
        assertThat(e.naming().inputs()).isEqualTo(good);
        assertThat(s.initialValue(s.indexOf("h1"))).isEqualTo(3.0);
        assertThat(s.drift(s.indexOf("Length")).isZero()).isTrue();
    }

    @Test
    void termBoundIsAnUpperBoundAndRefusesHugeRayEncodings() {
        Random rnd = new Random(5);
        for (Activation act : List.of(Activation.TANH, Activation.LOGISTIC, Activation.RELU)) {
            Mlp net = randomNet(rnd, act, 3, 4, 5, 2);
            for (NetworkEncoder.Encoding enc : NetworkEncoder.Encoding.values()) {
                long terms = new NetworkEncoder(net, enc).compute().system().termCount();
                assertThat(NetworkEncoder.termBound(net, enc)).isGreaterThanOrEqualTo(terms).isLessThan(4 * terms);
            }
        }
        Mlp big = randomNet(rnd, Activation.TANH, 8, 64, 64, 64, 1);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new NetworkEncoder(big, NetworkEncoder.Encoding.RAY).compute())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("use the layer-wise encoding");
        assertThat(NetworkEncoder.termBound(big, NetworkEncoder.Encoding.LAYERWISE)).isLessThan(30_000);
    }

    @ParameterizedTest
    @CsvSource({"RAY, 10", "RAY, 50", "LAYERWISE, 10", "LAYERWISE, 50"})
    void softplusSurrogateMatchesSoftplusNetworkAndStaysWithinTheReluBound(NetworkEncoder.Encoding enc,
                                                                          double beta) {
        Random rnd = new Random(11);
        Mlp net = randomNet(rnd, Activation.RELU, 3, 4, 3, 1);
        double bound = NetworkEncoder.reluBound(net, beta);
        assertThat(bound).isPositive().isLessThan(10.0 / beta);
        Simulator.Options stiff = TIGHT;
        for (int trial = 0; trial < 3; trial++) {
            double[] x = randomInput(rnd, 3);
            NetworkEncoder.Encoded e = new NetworkEncoder(net, enc, null, x, beta).compute();
            OdeSystem parsed = OdeParser.parse("net.ode", e.text()).system();
            Trajectory tr = new Simulator(parsed, parsed.initialValues(), new double[] {0, 1}, stiff).compute();
            double y = tr.state(1)[parsed.indexOf("y1")];
            assertThat(y).isCloseTo(NetworkEncoder.surrogateApply(net, beta, x)[0],
                    org.assertj.core.data.Offset.offset(1e-8));
            assertThat(Math.abs(y - net.apply(x)[0])).isLessThanOrEqualTo(bound + 1e-8);
        }
    }
}
