package org.odelump.lumping;

import java.util.Arrays;

/** An int array as a hash key, compared by content (block-multiset labels too long to pack into a long). */
record IntArrayKey(int[] values) {

    @Override
    public boolean equals(Object o) {
        return o instanceof IntArrayKey k && Arrays.equals(values, k.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }
}
