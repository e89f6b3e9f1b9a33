package org.odelump.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A partition of the variables 0..n-1 into non-empty blocks. Canonical: blocks are numbered in the order of
 * their smallest member and members are listed in increasing order, so two partitions with the same blocks are
 * equal, whatever order they were given in. Immutable.
 */
public final class Partition {

    private final int[] blockOf;
    private final int[][] blocks;

    private Partition(int[] blockOf, int[][] blocks) {
        this.blockOf = blockOf;
        this.blocks = blocks;
    }

    /**
     * The partition in which variables with equal labels share a block.
     *
     * @param labels one arbitrary int label per variable
     */
    public static Partition fromLabels(int[] labels) {
        int n = labels.length;
        int[] blockOf = new int[n];
        java.util.HashMap<Integer, Integer> ids = new java.util.HashMap<>();
        List<List<Integer>> members = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Integer id = ids.get(labels[i]);
            if (id == null) {
                id = members.size();
                ids.put(labels[i], id);
                members.add(new ArrayList<>());
            }
            blockOf[i] = id;
            members.get(id).add(i);
        }
        int[][] blocks = new int[members.size()][];
        for (int b = 0; b < blocks.length; b++) {
            blocks[b] = members.get(b).stream().mapToInt(Integer::intValue).toArray();
        }
        return new Partition(blockOf, blocks);
    }

    /** The partition with the given blocks; they must cover 0..n-1 exactly once. */
    public static Partition of(int n, List<? extends List<Integer>> blocks) {
        int[] labels = new int[n];
        Arrays.fill(labels, -1);
        for (int b = 0; b < blocks.size(); b++) {
            if (blocks.get(b).isEmpty()) {
                throw new IllegalArgumentException("block " + b + " is empty");
            }
            for (int v : blocks.get(b)) {
                if (v < 0 || v >= n) {
                    throw new IllegalArgumentException("variable " + v + " out of range 0.." + (n - 1));
                }
                if (labels[v] != -1) {
                    throw new IllegalArgumentException("variable " + v + " is in two blocks");
                }
                labels[v] = b;
            }
        }
        for (int v = 0; v < n; v++) {
            if (labels[v] == -1) {
                throw new IllegalArgumentException("variable " + v + " is in no block");
            }
        }
        return fromLabels(labels);
    }

    /** One block holding all n variables. */
    public static Partition single(int n) {
        return fromLabels(new int[n]);
    }

    /** Every variable in its own block. */
    public static Partition discrete(int n) {
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i;
        }
        return fromLabels(labels);
    }

    /** Number of variables. */
    public int variableCount() {
        return blockOf.length;
    }

    /** Number of blocks. */
    public int size() {
        return blocks.length;
    }

    /** Block index of variable v. */
    public int blockOf(int v) {
        return blockOf[v];
    }

    /** Members of block b in increasing order (a copy). */
    public int[] block(int b) {
        return blocks[b].clone();
    }

    /** Size of block b. */
    public int blockSize(int b) {
        return blocks[b].length;
    }

    /** The smallest member of block b, its representative. */
    public int representative(int b) {
        return blocks[b][0];
    }

    /** A copy of the block index of every variable. */
    public int[] labels() {
        return blockOf.clone();
    }

    /** True when every block of this partition lies inside a block of {@code coarser}. */
    public boolean refines(Partition coarser) {
        if (coarser.variableCount() != variableCount()) {
            return false;
        }
        for (int[] b : blocks) {
            int target = coarser.blockOf(b[0]);
            for (int v : b) {
                if (coarser.blockOf(v) != target) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The coarsest common refinement (intersection) of this partition and another over the same variables. */
    public Partition meet(Partition other) {
        if (other.variableCount() != variableCount()) {
            throw new IllegalArgumentException("partitions over different variable counts");
        }
        int[] labels = new int[blockOf.length];
        java.util.HashMap<Long, Integer> ids = new java.util.HashMap<>();
        for (int i = 0; i < labels.length; i++) {
            long key = ((long) blockOf[i] << 32) | other.blockOf(i);
            Integer id = ids.putIfAbsent(key, ids.size());
            labels[i] = id == null ? ids.size() - 1 : id;
        }
        return fromLabels(labels);
    }

    /** Blocks as lists of names, e.g. {@code {S}, {A1, A2}}. */
    public String format(List<String> names) {
        StringBuilder sb = new StringBuilder();
        for (int b = 0; b < blocks.length; b++) {
            if (b > 0) {
                sb.append(", ");
            }
            sb.append('{');
            for (int k = 0; k < blocks[b].length; k++) {
                if (k > 0) {
                    sb.append(", ");
                }
                sb.append(names.get(blocks[b][k]));
            }
            sb.append('}');
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Partition p && Arrays.equals(blockOf, p.blockOf);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(blockOf);
    }

    @Override
    public String toString() {
        return Arrays.deepToString(blocks);
    }
}
