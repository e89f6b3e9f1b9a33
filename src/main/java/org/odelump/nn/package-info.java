/**
 * Neural-network compression by (approximate) differential equivalence: feed-forward networks
 * ({@link org.odelump.nn.Mlp}), their encodings as polynomial ODEs in odelump's DSL, compression by lumping, and
 * the pruning baselines it is compared with. Training data: {@link org.odelump.nn.Dataset} (seeded splits),
 * {@link org.odelump.nn.Standardisation}, loaders for CSV ({@link org.odelump.nn.CsvDatasets}) and the UCI
 * benchmarks ({@link org.odelump.nn.UciDataset}); training: {@link org.odelump.nn.MlpTrainer} (deterministic
 * Adam with early stopping) reporting to a {@link org.odelump.nn.TrainingListener}. Background: Dhiman, Passarella, Tribastone and Valerio, "Neural
 * Network Compression by Approximate Differential Equivalence" (2026).
 */
package org.odelump.nn;
