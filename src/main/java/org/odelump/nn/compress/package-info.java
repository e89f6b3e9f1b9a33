/**
 * Compression by (approximate) differential equivalence. Networks are encoded as polynomial ODEs in odelump's DSL
 * ({@link org.odelump.nn.compress.NetworkEncoder}: ray and layer-wise encodings, softplus surrogate for ReLU),
 * compressed by lumping the parsed encoding ({@link org.odelump.nn.compress.LumpingCompressor}: ε-FE = AFDE and
 * ε-BE = ABDE, ε found for a size by {@link org.odelump.nn.compress.EpsilonSearch}) and rebuilt as a smaller network
 * ({@link org.odelump.nn.compress.NeuronMerge}); the neurons can instead be chosen by least-squares selection
 * ({@link org.odelump.nn.compress.LeastSquaresSelection}) or by their ray trajectories
 * ({@link org.odelump.nn.compress.DynamicsLumping}). Every method, the pruning baselines included, is followed by
 * the same {@link org.odelump.nn.compress.Compensation} ({@link org.odelump.nn.compress.LeastSquaresRefit}).
 * {@link org.odelump.nn.compress.CompressionComparison} compares the {@link org.odelump.nn.compress.CompressionMethod}s
 * on one network at matched parameter counts, on the inputs {@link org.odelump.nn.compress.CompressionData} reads.
 * Uses {@code nn}, {@code nn.data}, {@code nn.io} and {@code nn.prune}.
 */
package org.odelump.nn.compress;
