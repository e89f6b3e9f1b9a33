package org.odelump.nn.prune;

/**
 * Splits an integer total over groups in proportion to their sizes, exactly (largest-remainder method, ties to the
 * lower index), so that "uniform sparsity" over groups of different sizes still removes an exact total.
 */
final class Apportionment {

    private Apportionment() {
    }

    /**
     * @param total      what to split, 0 ≤ total ≤ Σ sizes
     * @param sizes      non-negative group sizes
     * @return shares with Σ shares = total and 0 ≤ share_g ≤ size_g, each share ⌊total·size_g/Σ⌋ or one more
     */
    static long[] split(long total, long[] sizes) {
        long sum = 0;
        for (long s : sizes) {
            if (s < 0) {
                throw new IllegalArgumentException("negative group size " + s);
            }
            sum += s;
        }
        if (total < 0 || total > sum) {
            throw new IllegalArgumentException("cannot split " + total + " over groups of total size " + sum);
        }
        long[] share = new long[sizes.length];
        long[] rem = new long[sizes.length];
        long given = 0;
        for (int g = 0; g < sizes.length; g++) {
            // total·size can overflow only for totals beyond 3·10^9 parameters; use exact floor division otherwise
            long p = Math.multiplyExact(total, sizes[g]);
            share[g] = sum == 0 ? 0 : p / sum;
            rem[g] = sum == 0 ? 0 : p % sum;
            given += share[g];
        }
        for (long left = total - given; left > 0; left--) {
            int best = -1;
            for (int g = 0; g < sizes.length; g++) {
                if (rem[g] > 0 && (best < 0 || rem[g] > rem[best])) {
                    best = g;
                }
            }
            share[best]++;
            rem[best] = 0;
        }
        return share;
    }

    static long[] split(long total, int[] sizes) {
        long[] s = new long[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            s[i] = sizes[i];
        }
        return split(total, s);
    }
}
