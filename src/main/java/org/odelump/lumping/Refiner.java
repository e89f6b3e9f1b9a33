package org.odelump.lumping;

import java.util.Arrays;
import org.odelump.model.Partition;

/**
 * The per-call working state of exact FE/BE partition refinement (research notes §2.3–§2.7): a refinable
 * partition over the species of a {@link NormalForm}, a splitter worklist with Hopcroft's "process all but the
 * largest" rule, and the splitting of blocks by counter vectors. Subclasses say how a splitter block produces
 * counter entries (species, label, value).
 *
 * <p>Splitting groups the touched species of a block by sorting, not hashing: first by the exact label set of their
 * non-zero entries, then, component by component, by value with a chain rule (a new group starts where two
 * neighbouring sorted values are not {@link Tolerance#equal}). The outcome depends only on the values, never on
 * hash iteration order. Species untouched by a splitter, or with only zero entries, stay in the block (the zero
 * class).
 *
 * <p>When the worklist is empty a certification round uses every block once more as a splitter; the loop ends
 * only after a round in which nothing split. The result is therefore stable by construction (for BE, whose labels
 * depend on the current partition, this also covers label refinement after a block was processed).
 */
abstract class Refiner {

    final NormalForm form;
    final Tolerance tol;
    final int size;

    // refinable partition: block b holds elems[start[b] .. end[b])
    final int[] elems;
    final int[] loc;
    final int[] blockOf;
    final int[] start;
    final int[] end;
    int blocks;

    private final boolean[] queued;
    private final int[] queue;
    private int qHead;
    private int qSize;

    /** Number of block splits performed; exposed for statistics and tests. */
    long splits;
    /** Number of splitter passes performed. */
    long passes;
    /** Number of certification rounds performed. */
    int rounds;

    // counter entries of one pass
    int entryCount;
    int[] entSpecies = new int[64];
    int[] entLabel = new int[64];
    double[] entValue = new double[64];
    double[] entAbs = new double[64];

    // merged vectors of one pass
    private int[] order = new int[64];
    private int[] vecLabel = new int[64];
    private double[] vecValue = new double[64];
    private final int[] vecStart;
    private final int[] vecLen;
    private final int[] bucket;
    private int[] speciesList = new int[64];
    private int[] blockList = new int[64];
    private int[] grouped = new int[64];
    private int[] nonEmpty = new int[64];
    private boolean[] cut = new boolean[64];
    private final IntSorter sorter = new IntSorter();

    /** The initial partition, checked to cover exactly the system's variables (the algorithms' precondition). */
    static Partition requireCovering(org.odelump.model.OdeSystem system, Partition initial) {
        java.util.Objects.requireNonNull(system, "system");
        java.util.Objects.requireNonNull(initial, "initial");
        if (initial.variableCount() != system.dimension()) {
            throw new IllegalArgumentException("initial partition has " + initial.variableCount()
                    + " variables, the system " + system.dimension());
        }
        return initial;
    }

    Refiner(NormalForm form, Partition initial, Tolerance tol) {
        this.form = form;
        this.tol = tol;
        this.size = form.species;
        elems = new int[size];
        loc = new int[size];
        blockOf = new int[size];
        start = new int[size];
        end = new int[size];
        queued = new boolean[size];
        queue = new int[size];
        vecStart = new int[size];
        vecLen = new int[size];
        bucket = new int[size];
        int p = 0;
        for (int b = 0; b < initial.size(); b++) {
            start[b] = p;
            for (int v : initial.block(b)) {
                elems[p] = v;
                loc[v] = p;
                blockOf[v] = b;
                p++;
            }
            end[b] = p;
        }
        blocks = initial.size();
        if (form.aux >= 0) {
            start[blocks] = p;
            elems[p] = form.aux;
            loc[form.aux] = p;
            blockOf[form.aux] = blocks;
            end[blocks] = p + 1;
            blocks++;
        }
    }

    /** Fills the entry arrays (via {@link #add}) with the counters of splitter block c. */
    abstract void collect(int c);

    final void add(int species, int label, double value, double abs) {
        if (entryCount == entSpecies.length) {
            int cap = entryCount * 2;
            entSpecies = Arrays.copyOf(entSpecies, cap);
            entLabel = Arrays.copyOf(entLabel, cap);
            entValue = Arrays.copyOf(entValue, cap);
            entAbs = Arrays.copyOf(entAbs, cap);
        }
        entSpecies[entryCount] = species;
        entLabel[entryCount] = label;
        entValue[entryCount] = value;
        entAbs[entryCount] = abs;
        entryCount++;
    }

    /** Runs the refinement to its fixpoint and returns the partition of the original variables. */
    final Partition run() {
        for (int b = 0; b < blocks; b++) {
            enqueue(b);
        }
        while (true) {
            drain();
            long before = splits;
            rounds++;
            for (int b = 0; b < blocks; b++) {
                enqueue(b);
            }
            drain();
            if (splits == before) {
                break;
            }
        }
        int[] labels = Arrays.copyOf(blockOf, form.n);
        return Partition.fromLabels(labels);
    }

    private void drain() {
        while (qSize > 0) {
            int c = queue[qHead];
            qHead = (qHead + 1) % queue.length;
            qSize--;
            queued[c] = false;
            passes++;
            entryCount = 0;
            collect(c);
            if (entryCount > 0) {
                splitByEntries();
            }
        }
    }

    private void enqueue(int b) {
        if (!queued[b]) {
            queued[b] = true;
            queue[(qHead + qSize) % queue.length] = b;
            qSize++;
        }
    }

    private void splitByEntries() {
        int e = entryCount;
        if (order.length < e) {
            order = new int[Math.max(e, order.length * 2)];
        }
        // bucket the entries by species (first-touch order), then sort each bucket by label
        int species = 0;
        for (int i = 0; i < e; i++) {
            int x = entSpecies[i];
            if (bucket[x]++ == 0) {
                if (species == speciesList.length) {
                    speciesList = Arrays.copyOf(speciesList, species * 2);
                }
                speciesList[species++] = x;
            }
        }
        int offset = 0;
        for (int k = 0; k < species; k++) {
            int x = speciesList[k];
            int c = bucket[x];
            bucket[x] = offset;
            offset += c;
        }
        for (int i = 0; i < e; i++) {
            order[bucket[entSpecies[i]]++] = i;
        }
        if (vecLabel.length < e) {
            vecLabel = new int[Math.max(e, vecLabel.length * 2)];
            vecValue = new double[vecLabel.length];
        }
        int vecCount = 0;
        int touched = 0;
        int i = 0;
        for (int k = 0; k < species; k++) {
            int x = speciesList[k];
            int stop = bucket[x];
            bucket[x] = 0;
            sorter.sort(order, i, stop, (a, b) -> Integer.compare(entLabel[a], entLabel[b]));
            int begin = vecCount;
            while (i < stop) {
                int label = entLabel[order[i]];
                double sum = 0.0;
                double abs = 0.0;
                while (i < stop && entLabel[order[i]] == label) {
                    sum += entValue[order[i]];
                    abs += entAbs[order[i]];
                    i++;
                }
                if (!tol.isZeroSum(sum, abs)) {
                    vecLabel[vecCount] = label;
                    vecValue[vecCount] = sum;
                    vecCount++;
                }
            }
            if (vecCount > begin) {
                vecStart[x] = begin;
                vecLen[x] = vecCount - begin;
                if (touched == nonEmpty.length) {
                    nonEmpty = Arrays.copyOf(nonEmpty, touched * 2);
                }
                nonEmpty[touched++] = x;
            }
        }
        if (touched == 0) {
            return;
        }
        // bucket by block (blocks in first-touch order, species in first-touch order inside a block)
        int blockCount = 0;
        for (int k = 0; k < touched; k++) {
            int b = blockOf[nonEmpty[k]];
            if (bucket[b]++ == 0) {
                if (blockCount == blockList.length) {
                    blockList = Arrays.copyOf(blockList, blockCount * 2);
                }
                blockList[blockCount++] = b;
            }
        }
        int offset2 = 0;
        for (int k = 0; k < blockCount; k++) {
            int b = blockList[k];
            int c = bucket[b];
            bucket[b] = offset2;
            offset2 += c;
        }
        if (grouped.length < touched + 1) {
            grouped = new int[Math.max(touched + 1, grouped.length * 2)];
            cut = new boolean[grouped.length];
        }
        for (int k = 0; k < touched; k++) {
            int x = nonEmpty[k];
            grouped[bucket[blockOf[x]]++] = x;
        }
        int lo = 0;
        for (int k = 0; k < blockCount; k++) {
            int b = blockList[k];
            int hi = bucket[b];
            bucket[b] = 0;
            if (end[b] - start[b] > 1) {
                splitBlock(b, grouped, lo, hi);
            }
            lo = hi;
        }
    }

    private int compareLabels(int a, int b) {
        int la = vecLen[a];
        int lb = vecLen[b];
        if (la != lb) {
            return Integer.compare(la, lb);
        }
        int sa = vecStart[a];
        int sb = vecStart[b];
        for (int k = 0; k < la; k++) {
            int c = Integer.compare(vecLabel[sa + k], vecLabel[sb + k]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Groups nonEmpty[lo, hi) (all in block b) by their counter vectors and splits b accordingly. */
    private void splitBlock(int b, int[] xs, int lo, int hi) {
        sorter.sort(xs, lo, hi, this::compareLabels);
        int groups = 0;
        for (int p = lo; p < hi; p++) {
            cut[p] = p == lo || compareLabels(xs[p - 1], xs[p]) != 0;
            if (cut[p]) {
                groups++;
            }
        }
        cut[hi] = true;
        // refine each equal-label range component by component
        int p = lo;
        while (p < hi) {
            int q = p + 1;
            while (!cut[q]) {
                q++;
            }
            if (q - p > 1) {
                groups += refineByValues(xs, p, q, vecLen[xs[p]]) - 1;
            }
            p = q;
        }
        if (groups == 1 && hi - lo == end[b] - start[b]) {
            return;
        }
        applySplit(b, xs, lo, hi);
    }

    /** Splits range [p, q) of equal label sets by values; returns the number of groups it ends up with. */
    private int refineByValues(int[] xs, int p, int q, int len) {
        for (int k = 0; k < len; k++) {
            final int comp = k;
            int r = p;
            boolean allSingle = true;
            while (r < q) {
                int s = r + 1;
                while (s < q && !cut[s]) {
                    s++;
                }
                if (s - r > 1) {
                    sorter.sort(xs, r, s, (a, b) -> Double.compare(vecValue[vecStart[a] + comp],
                            vecValue[vecStart[b] + comp]));
                    for (int t = r + 1; t < s; t++) {
                        if (!tol.equal(vecValue[vecStart[xs[t - 1]] + comp], vecValue[vecStart[xs[t]] + comp])) {
                            cut[t] = true;
                        } else {
                            allSingle = false;
                        }
                    }
                }
                r = s;
            }
            if (allSingle) {
                break;
            }
        }
        int groups = 0;
        for (int t = p; t < q; t++) {
            if (cut[t]) {
                groups++;
            }
        }
        return groups;
    }

    /** Moves the groups of xs[lo, hi) (delimited by cut) to the end of block b, creating new blocks. */
    private void applySplit(int b, int[] xs, int lo, int hi) {
        int pos = end[b];
        for (int t = hi - 1; t >= lo; t--) {
            int x = xs[t];
            pos--;
            int y = elems[pos];
            int lx = loc[x];
            elems[pos] = x;
            loc[x] = pos;
            elems[lx] = y;
            loc[y] = lx;
        }
        int blockEnd = end[b];
        boolean residue = pos > start[b];
        int firstNew = blocks;
        int t = lo;
        int cursor = pos;
        if (!residue) {
            // b keeps the first group
            int s = t + 1;
            while (s < hi && !cut[s]) {
                s++;
            }
            end[b] = start[b] + (s - t);
            cursor = end[b];
            t = s;
        } else {
            end[b] = pos;
        }
        while (t < hi) {
            int s = t + 1;
            while (s < hi && !cut[s]) {
                s++;
            }
            int nb = blocks++;
            start[nb] = cursor;
            end[nb] = cursor + (s - t);
            for (int k = start[nb]; k < end[nb]; k++) {
                blockOf[elems[k]] = nb;
            }
            cursor = end[nb];
            t = s;
        }
        assert cursor == blockEnd;
        splits++;
        // Hopcroft: if b is still waiting, all pieces wait; otherwise all but the largest piece
        if (queued[b]) {
            for (int nb = firstNew; nb < blocks; nb++) {
                enqueue(nb);
            }
            return;
        }
        int largest = b;
        for (int nb = firstNew; nb < blocks; nb++) {
            if (end[nb] - start[nb] > end[largest] - start[largest]) {
                largest = nb;
            }
        }
        if (largest != b) {
            enqueue(b);
        }
        for (int nb = firstNew; nb < blocks; nb++) {
            if (nb != largest) {
                enqueue(nb);
            }
        }
    }
}
