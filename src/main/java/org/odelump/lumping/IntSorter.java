package org.odelump.lumping;

/** A stable merge sort of int arrays under a primitive comparator, so that hot loops never box. */
final class IntSorter {

    /** Compares two ints; negative, zero or positive like {@link java.util.Comparator}. */
    @FunctionalInterface
    interface IntComparator {
        int compare(int a, int b);
    }

    private int[] tmp = new int[16];

    /** Sorts a[from, to) stably. */
    void sort(int[] a, int from, int to, IntComparator c) {
        int len = to - from;
        if (len < 2) {
            return;
        }
        if (tmp.length < len) {
            tmp = new int[Math.max(len, tmp.length * 2)];
        }
        mergeSort(a, from, to, c);
    }

    private void mergeSort(int[] a, int lo, int hi, IntComparator c) {
        if (hi - lo <= 16) {
            for (int i = lo + 1; i < hi; i++) {
                int v = a[i];
                int j = i - 1;
                while (j >= lo && c.compare(a[j], v) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSort(a, lo, mid, c);
        mergeSort(a, mid, hi, c);
        if (c.compare(a[mid - 1], a[mid]) <= 0) {
            return;
        }
        System.arraycopy(a, lo, tmp, 0, hi - lo);
        int i = 0;
        int iEnd = mid - lo;
        int j = iEnd;
        int jEnd = hi - lo;
        int k = lo;
        while (i < iEnd && j < jEnd) {
            a[k++] = c.compare(tmp[j], tmp[i]) < 0 ? tmp[j++] : tmp[i++];
        }
        while (i < iEnd) {
            a[k++] = tmp[i++];
        }
        while (j < jEnd) {
            a[k++] = tmp[j++];
        }
    }
}
