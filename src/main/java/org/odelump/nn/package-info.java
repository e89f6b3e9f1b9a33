/**
 * Neural-network compression by (approximate) differential equivalence. Feed-forward networks
 * ({@link org.odelump.nn.Mlp}) are encoded as polynomial ODEs in odelump's DSL ({@link org.odelump.nn.NetworkEncoder}:
 * ray and layer-wise encodings, softplus surrogate for ReLU), compressed by lumping the parsed encoding
 * ({@link org.odelump.nn.LumpingCompressor}: ε-FE = AFDE and ε-BE = ABDE) and rebuilt as a smaller network
 * ({@link org.odelump.nn.NeuronMerge}: merges plus exact reductions); the neurons can instead be chosen by
 * least-squares selection ({@link org.odelump.nn.LeastSquaresSelection}, approximate linear lumping of the
 * layer-wise encoding) or by their ray trajectories ({@link org.odelump.nn.DynamicsLumping}). The pruning
 * baselines it is compared with:
 * {@link org.odelump.nn.GlobalMagnitudePruning}, {@link org.odelump.nn.LayerMagnitudePruning},
 * {@link org.odelump.nn.StructuredMagnitudePruning} and {@link org.odelump.nn.WandaPruning}, run at a common
 * non-zero parameter count by {@link org.odelump.nn.BaselineMatching}, followed by the same
 * {@link org.odelump.nn.Compensation} for every method and scored with {@link org.odelump.nn.RegressionMetrics}.
 * Training data and training: {@link org.odelump.nn.Dataset}, {@link org.odelump.nn.Standardisation},
 * {@link org.odelump.nn.CsvDatasets}, {@link org.odelump.nn.UciDataset}, the simulated flow-map datasets of
 * {@link org.odelump.nn.SyntheticDataset} (models from {@code ode-specs/}), {@link org.odelump.nn.MlpTrainer}
 * (deterministic Adam) with a {@link org.odelump.nn.TrainingListener}. Classifiers output logits
 * ({@link org.odelump.nn.Softmax}), are trained with {@link org.odelump.nn.Loss#SOFTMAX_CROSS_ENTROPY} and scored with
 * {@link org.odelump.nn.ClassificationMetrics}; {@link org.odelump.nn.GlyphDataset} generates a small image set for
 * them. Network files (odelump's JSON format and
 * ONNX) are read and written by the sub-package {@link org.odelump.nn.io}. Background: Dhiman, Passarella,
 * Tribastone and Valerio, "Neural Network Compression by Approximate Differential Equivalence" (2026);
 * reconstruction in the project's research notes on NN encodings, §1–§2.
 */
package org.odelump.nn;
