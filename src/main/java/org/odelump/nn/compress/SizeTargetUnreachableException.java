package org.odelump.nn.compress;

/**
 * A compression asked for a parameter budget that the method cannot reach: even its largest ε (or its smallest
 * widths) leaves more parameters than the target. An outcome of the search, not a programming error; callers that
 * sweep several budgets skip it, the command line reports it as invalid input.
 */
public final class SizeTargetUnreachableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long target;
    private final long smallest;

    /**
     * @param target   the parameter budget asked for
     * @param smallest the fewest parameters the method reached
     * @param message  what was tried, for the user
     */
    public SizeTargetUnreachableException(long target, long smallest, String message) {
        super(message);
        this.target = target;
        this.smallest = smallest;
    }

    /** The parameter budget asked for. */
    public long target() {
        return target;
    }

    /** The fewest parameters the method reached. */
    public long smallest() {
        return smallest;
    }
}
