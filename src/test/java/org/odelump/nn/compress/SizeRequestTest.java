package org.odelump.nn.compress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.odelump.lumping.EpsilonMode;

/** The parameter count a size request asks of a network, and the requests refused. */
class SizeRequestTest {

    @Test
    void aRatioRoundsTheCountDownAndAnEpsilonAsksNoCount() {
        assertThat(SizeRequest.ratio(2, EpsilonMode.REL).targetCount(101)).isEqualTo(50);
        assertThat(SizeRequest.ratio(1, EpsilonMode.REL).targetCount(101)).isEqualTo(101);
        assertThat(SizeRequest.params(37, EpsilonMode.ABS).targetCount(101)).isEqualTo(37);
        assertThat(SizeRequest.epsilon(0.05, EpsilonMode.REL).targetCount(101)).isEqualTo(-1);
    }

    @Test
    void aCountOutsideTheNetworkIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> SizeRequest.params(500, EpsilonMode.REL).targetCount(101))
                .isInstanceOf(CompressionMethod.InvalidChoiceException.class)
                .hasMessage("--params asks for 500 non-zero parameters; the network has 101, so the target must lie "
                        + "in 1..101");
        assertThatThrownBy(() -> SizeRequest.ratio(200, EpsilonMode.REL).targetCount(101))
                .hasMessageStartingWith("--ratio asks for 0 non-zero parameters");
        assertThatThrownBy(() -> SizeRequest.ratio(0.5, EpsilonMode.REL)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SizeRequest.epsilon(Double.NaN, EpsilonMode.REL))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
