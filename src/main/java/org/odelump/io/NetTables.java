package org.odelump.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.odelump.model.Monomial;

/**
 * Allocation-free interning for the reaction hot path: character ranges of the text (rates, labels) and species
 * multisets (reactants, products) are looked up in open-addressing tables without building a key object, so a
 * network with 190,000 reactions allocates one String per distinct rate and one Monomial per distinct multiset.
 */
final class NetTables {

    private NetTables() {
    }

    /** Interns ranges {@code text[from, to)} as Strings with dense ids 0, 1, 2, ... */
    static final class Strings {
        private int[] slots = new int[64];
        private final List<String> values = new ArrayList<>();
        private final List<Integer> hashes = new ArrayList<>();

        int intern(String text, int from, int to) {
            int h = 0;
            for (int i = from; i < to; i++) {
                h = 31 * h + text.charAt(i);
            }
            int mask = slots.length - 1;
            int slot = mix(h) & mask;
            while (slots[slot] != 0) {
                int id = slots[slot] - 1;
                String v = values.get(id);
                if (hashes.get(id) == h && v.length() == to - from && text.regionMatches(from, v, 0, to - from)) {
                    return id;
                }
                slot = (slot + 1) & mask;
            }
            int id = values.size();
            values.add(text.substring(from, to));
            hashes.add(h);
            slots[slot] = id + 1;
            if (2 * values.size() > slots.length) {
                rehash();
            }
            return id;
        }

        String get(int id) {
            return values.get(id);
        }

        int size() {
            return values.size();
        }

        private void rehash() {
            int[] fresh = new int[slots.length * 2];
            int mask = fresh.length - 1;
            for (int id = 0; id < values.size(); id++) {
                int slot = mix(hashes.get(id)) & mask;
                while (fresh[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                fresh[slot] = id + 1;
            }
            slots = fresh;
        }
    }

    /** Interns species multisets (slices of an index array) as {@link Monomial}s with dense ids. */
    static final class Monomials {
        private int[] slots = new int[1024];
        private int[] keys = new int[4096];
        private int keyCount;
        private int[] keyStart = new int[512];
        private int[] keyHash = new int[512];
        private final List<Monomial> values = new ArrayList<>();

        /** The id of the multiset {@code a[from, to)}; the slice is sorted in place first. */
        int intern(int[] a, int from, int to) {
            for (int i = from + 1; i < to; i++) {
                int v = a[i];
                int j = i - 1;
                while (j >= from && a[j] > v) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
            int h = 1;
            for (int i = from; i < to; i++) {
                h = h * 0x9E3779B1 + a[i];
            }
            int mask = slots.length - 1;
            int slot = mix(h) & mask;
            int len = to - from;
            while (slots[slot] != 0) {
                int id = slots[slot] - 1;
                if (keyHash[id] == h && keyStart[id + 1] - keyStart[id] == len && sameKey(keyStart[id], a, from, len)) {
                    return id;
                }
                slot = (slot + 1) & mask;
            }
            int id = values.size();
            if (id + 2 > keyStart.length) {
                keyStart = Arrays.copyOf(keyStart, keyStart.length * 2);
                keyHash = Arrays.copyOf(keyHash, keyHash.length * 2);
            }
            if (keyCount + len > keys.length) {
                keys = Arrays.copyOf(keys, Math.max(keys.length * 2, keyCount + len));
            }
            System.arraycopy(a, from, keys, keyCount, len);
            keyStart[id] = keyCount;
            keyCount += len;
            keyStart[id + 1] = keyCount;
            keyHash[id] = h;
            values.add(len == 0 ? Monomial.ONE : Monomial.ofMultiset(Arrays.copyOfRange(a, from, to)));
            slots[slot] = id + 1;
            if (2 * values.size() > slots.length) {
                rehash();
            }
            return id;
        }

        private boolean sameKey(int at, int[] a, int from, int len) {
            for (int k = 0; k < len; k++) {
                if (keys[at + k] != a[from + k]) {
                    return false;
                }
            }
            return true;
        }

        Monomial get(int id) {
            return values.get(id);
        }

        int size() {
            return values.size();
        }

        private void rehash() {
            int[] fresh = new int[slots.length * 2];
            int mask = fresh.length - 1;
            for (int id = 0; id < values.size(); id++) {
                int slot = mix(keyHash[id]) & mask;
                while (fresh[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                fresh[slot] = id + 1;
            }
            slots = fresh;
        }
    }

    /** Spreads the bits of a polynomial hash so that linear probing sees few clusters. */
    static int mix(int h) {
        int x = h * 0x9E3779B9;
        return x ^ (x >>> 16);
    }
}
