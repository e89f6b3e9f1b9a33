/**
 * The pruning baselines compression is compared with: {@link org.odelump.nn.prune.GlobalMagnitudePruning},
 * {@link org.odelump.nn.prune.LayerMagnitudePruning}, {@link org.odelump.nn.prune.StructuredMagnitudePruning} and
 * {@link org.odelump.nn.prune.WandaPruning}, each giving a {@link org.odelump.nn.prune.PrunedNetwork}, run at a
 * common non-zero parameter count by {@link org.odelump.nn.prune.BaselineMatching}. Uses {@code nn} and
 * {@code nn.data}, never the compression package.
 */
package org.odelump.nn.prune;
