package org.odelump.nn.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApportionmentTest {

    @Test
    void proportionalSharesSumExactlyWithTiesToLowerIndex() {
        assertThat(Apportionment.split(10, new long[] {3, 3, 4})).containsExactly(3, 3, 4);
        // 5 over three equal groups: 1 each, the two left go to the lowest indices
        assertThat(Apportionment.split(5, new long[] {2, 2, 2})).containsExactly(2, 2, 1);
        // 3 over sizes 4 and 2: 12/6 = 2, 6/6 = 1
        assertThat(Apportionment.split(3, new long[] {4, 2})).containsExactly(2, 1);
        // largest remainder wins: 7·{1,2,4}/7 exact
        assertThat(Apportionment.split(7, new long[] {1, 2, 4})).containsExactly(1, 2, 4);
        // 2·{1,1,5}/7: floors 0, 0, 1 with remainders 2/7, 2/7, 3/7; the one left goes to the largest remainder
        assertThat(Apportionment.split(2, new long[] {1, 1, 5})).containsExactly(0, 0, 2);
        assertThat(Apportionment.split(0, new long[] {0, 3})).containsExactly(0, 0);
    }

    @Test
    void sharesNeverExceedGroupSizes() {
        long[] sizes = {1, 0, 7, 3, 3, 1};
        for (long total = 0; total <= 15; total++) {
            long[] share = Apportionment.split(total, sizes);
            long sum = 0;
            for (int g = 0; g < sizes.length; g++) {
                assertThat(share[g]).isBetween(0L, sizes[g]);
                sum += share[g];
            }
            assertThat(sum).isEqualTo(total);
        }
        assertThatThrownBy(() -> Apportionment.split(16, sizes)).isInstanceOf(IllegalArgumentException.class);
    }
}
