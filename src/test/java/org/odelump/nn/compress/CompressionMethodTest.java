package org.odelump.nn.compress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.odelump.lumping.EpsilonMode;

/** Which method {@code --method} and {@code --criterion} name, and the combinations that are refused. */
class CompressionMethodTest {

    @Test
    void afdeMeansLeastSquaresSelectionUnlessACriterionIsGiven() {
        assertThat(CompressionMethod.choose("afde", null, EpsilonMode.REL, 256)).isEqualTo(CompressionMethod.LSQ);
        assertThat(CompressionMethod.choose("afde", "weights", EpsilonMode.ABS, 256))
                .isEqualTo(CompressionMethod.AFDE);
        assertThat(CompressionMethod.choose("afde", "dynamics", EpsilonMode.REL, 1))
                .isEqualTo(CompressionMethod.DYNAMICS);
        assertThat(CompressionMethod.choose("abde", null, EpsilonMode.ABS, 256)).isEqualTo(CompressionMethod.ABDE);
        for (CompressionMethod m : CompressionMethod.values()) {
            assertThat(CompressionMethod.choose(m.option(), m.criterion(), EpsilonMode.REL, 256)).isEqualTo(m);
        }
    }

    @Test
    void combinationsThatDoNotGoTogetherAreRefusedWithTheReason() {
        assertThatThrownBy(() -> CompressionMethod.choose("prune", null, EpsilonMode.REL, 256))
                .isInstanceOf(CompressionMethod.InvalidChoiceException.class).hasMessageContaining("unknown --method");
        assertThatThrownBy(() -> CompressionMethod.choose("afde", "lsqq", EpsilonMode.REL, 256))
                .hasMessage("unknown --criterion 'lsqq'; expected lsq, weights or dynamics");
        assertThatThrownBy(() -> CompressionMethod.choose("abde", "lsq", EpsilonMode.REL, 256))
                .hasMessage("--criterion lsq applies to --method afde only");
        assertThatThrownBy(() -> CompressionMethod.choose("wanda", "dynamics", EpsilonMode.REL, 256))
                .hasMessage("--criterion dynamics applies to --method afde only");
        assertThatThrownBy(() -> CompressionMethod.choose("afde", null, EpsilonMode.ABS, 256))
                .hasMessageContaining("reads epsilon as relative only");
        assertThatThrownBy(() -> CompressionMethod.choose("afde", "lsq", EpsilonMode.REL, 1))
                .hasMessage("--criterion lsq needs --calibration of at least 2 rows");
    }
}
