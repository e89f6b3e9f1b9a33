/**
 * Training: {@link org.odelump.nn.train.MlpTrainer} (deterministic Adam with early stopping) under
 * {@link org.odelump.nn.train.TrainingOptions}, minimising a {@link org.odelump.nn.train.Loss} (mean squared error,
 * or softmax cross-entropy for classifiers), reporting progress to a {@link org.odelump.nn.train.TrainingListener}
 * and its curves in a {@link org.odelump.nn.train.TrainingReport}. Uses {@code nn} and {@code nn.data}.
 */
package org.odelump.nn.train;
