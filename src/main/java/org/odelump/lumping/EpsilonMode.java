package org.odelump.lumping;

/**
 * How the tolerance ε of an approximate equivalence is read. For two variables i, j with aggregated coefficient
 * vectors a_i, a_j (see {@link EpsilonEquivalence}) and the L1 distance d(i, j) = ‖a_i − a_j‖₁:
 * <ul>
 *   <li>{@link #ABS}: i and j are ε-close when d(i, j) ≤ ε.</li>
 *   <li>{@link #REL}: i and j are ε-close when d(i, j) ≤ ε·max(‖a_i‖₁, ‖a_j‖₁), i.e. ε is a fraction of the
 *       larger of the two coefficient masses (ε = 0.05 tolerates a 5 % difference).</li>
 * </ul>
 * In both modes a slack of tol·max(S_i, S_j) is added, where tol is the exact {@link Tolerance} and S the sum of
 * the absolute values of the summands, so that ε = 0 reproduces the exact comparison of FE/BE.
 */
public enum EpsilonMode {
    /** Absolute: d ≤ ε. */
    ABS,
    /** Relative: d ≤ ε·max(‖a_i‖₁, ‖a_j‖₁). */
    REL
}
