package org.odelump.lumping;

/**
 * How the ε-closeness relation (which is not transitive) turns a block into sub-blocks.
 * <ul>
 *   <li>{@link #COMPONENTS}: ERODE's rule (research notes §3.1): the connected components of the graph whose edges
 *       join ε-close variables (single linkage). A chain of close pairs may join variables far apart.</li>
 *   <li>{@link #DIAMETER}: every pair inside a sub-block is ε-close (complete linkage), so ε bounds each block.
 *       Computed greedily in the order of a one-dimensional projection of the vectors; the result is a valid
 *       diameter-bounded grouping, not necessarily the one with the fewest groups.</li>
 * </ul>
 * For an equivalence relation (ε = 0 and exactly comparable coefficients) both rules give the same classes.
 */
public enum Grouping {
    /** Connected components of the ε-graph (ERODE). */
    COMPONENTS,
    /** Every pair within ε. */
    DIAMETER
}
