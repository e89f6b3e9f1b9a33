package org.odelump.lumping;

import java.util.Arrays;

/** An open-addressing map from long to non-negative int with O(entries) clearing; no boxing. */
final class LongIntMap {
    private long[] keys = new long[16];
    private int[] values = new int[16];
    private boolean[] used = new boolean[16];
    private int[] slots = new int[8];
    private int count;

    /** The value of key, or -1. */
    int get(long key) {
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (used[i]) {
            if (keys[i] == key) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
        return -1;
    }

    void put(long key, int value) {
        if (2 * (count + 1) > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (used[i]) {
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
            i = (i + 1) & mask;
        }
        used[i] = true;
        keys[i] = key;
        values[i] = value;
        if (count == slots.length) {
            slots = Arrays.copyOf(slots, count * 2);
        }
        slots[count++] = i;
    }

    void clear() {
        for (int k = 0; k < count; k++) {
            used[slots[k]] = false;
        }
        count = 0;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        int[] oldSlots = slots;
        int oldCount = count;
        keys = new long[oldKeys.length * 2];
        values = new int[keys.length];
        used = new boolean[keys.length];
        slots = new int[oldSlots.length];
        count = 0;
        for (int k = 0; k < oldCount; k++) {
            put(oldKeys[oldSlots[k]], oldValues[oldSlots[k]]);
        }
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
