/**
 * Neural-network compression by (approximate) differential equivalence: feed-forward networks
 * ({@link org.odelump.nn.Mlp}), their encodings as polynomial ODEs in odelump's DSL, compression by lumping, and
 * the pruning baselines it is compared with. Background: Dhiman, Passarella, Tribastone and Valerio, "Neural
 * Network Compression by Approximate Differential Equivalence" (2026).
 */
package org.odelump.nn;
