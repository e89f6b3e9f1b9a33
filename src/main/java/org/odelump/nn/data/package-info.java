/**
 * Data for training and scoring networks: {@link org.odelump.nn.data.Dataset} (immutable rows of inputs and
 * targets, seeded splits), {@link org.odelump.nn.data.CsvDatasets}, {@link org.odelump.nn.data.Standardisation}
 * and {@link org.odelump.nn.data.ColumnScaling}, the simulated flow-map datasets of
 * {@link org.odelump.nn.data.SyntheticDataset} (models from {@code ode-specs/}), the UCI files of
 * {@link org.odelump.nn.data.UciDataset}, the generated image set {@link org.odelump.nn.data.GlyphDataset}, and
 * the test metrics {@link org.odelump.nn.data.RegressionMetrics} and {@link org.odelump.nn.data.ClassificationMetrics}.
 * Uses the core package {@code nn} only.
 */
package org.odelump.nn.data;
