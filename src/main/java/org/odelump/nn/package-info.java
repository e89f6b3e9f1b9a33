/**
 * Neural-network compression by (approximate) differential equivalence: feed-forward networks
 * ({@link org.odelump.nn.Mlp}), their encodings as polynomial ODEs in odelump's DSL
 * ({@link org.odelump.nn.NetworkEncoder}: ray and layer-wise encodings, softplus surrogate for ReLU), compression by
 * lumping the parsed encoding ({@link org.odelump.nn.LumpingCompressor}: ε-FE = AFDE and ε-BE = ABDE) and rebuilding
 * a smaller network ({@link org.odelump.nn.NeuronMerge}: merges plus exact reductions), and the pruning baselines
 * it is compared with. Background: Dhiman, Passarella, Tribastone and Valerio, "Neural Network Compression by
 * Approximate Differential Equivalence" (2026); reconstruction in {@code research/nn-encoding.md} §1–§2.
 */
package org.odelump.nn;
