/**
 * The evaluation of network compression (issue #6; Dhiman, Passarella, Tribastone, Valerio, "Neural Network
 * Compression by Approximate Differential Equivalence", 2026): an {@link org.odelump.nn.experiment.ExperimentPlan}
 * names datasets ({@link org.odelump.nn.experiment.ExperimentDataset}: the simulated
 * {@link org.odelump.nn.data.SyntheticDataset}s and the UCI files of {@link org.odelump.nn.data.UciDataset}), seeds,
 * architectures and training settings; {@link org.odelump.nn.experiment.Experiment} runs one
 * {@code NetworkRun} per dataset, architecture and seed on a thread pool (train or reuse a cached network, compress
 * with AFDE, ABDE, the lsq and dynamics criteria and the pruning baselines at matched counts under every
 * {@link org.odelump.nn.compress.Compensation}),
 * keeps each finished run on disk so that an interrupted experiment resumes, and
 * {@link org.odelump.nn.experiment.ExperimentSummary} turns the {@link org.odelump.nn.experiment.ResultRow}s into
 * tables, win rates and plots. Library code: it writes files into the output directory it is given and reports
 * progress through a listener, never to the console.
 */
package org.odelump.nn.experiment;
