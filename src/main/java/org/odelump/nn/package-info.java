/**
 * Neural-network compression by (approximate) differential equivalence. This package holds the core types every
 * other part uses: feed-forward networks ({@link org.odelump.nn.Mlp}) of {@link org.odelump.nn.DenseLayer}s with an
 * {@link org.odelump.nn.Activation} each, and {@link org.odelump.nn.Softmax} for classifiers' logits. The rest is
 * split by concept, each sub-package using only those below it:
 * {@link org.odelump.nn.data} (datasets, CSV, standardisation, the simulated, UCI and glyph sets, metrics),
 * {@link org.odelump.nn.train} (the deterministic Adam trainer), {@link org.odelump.nn.io} (network files),
 * {@link org.odelump.nn.prune} (the pruning baselines), {@link org.odelump.nn.compress} (encoding as a polynomial
 * ODE, lumping, least-squares selection, compensation, the comparison of methods) and
 * {@link org.odelump.nn.experiment} (the evaluation). Background: Dhiman, Passarella, Tribastone and Valerio, "Neural
 * Network Compression by Approximate Differential Equivalence" (2026); reconstruction in the project's research notes
 * on NN encodings, §1–§2.
 */
package org.odelump.nn;
