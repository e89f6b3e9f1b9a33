/**
 * Immutable values every other package works on: {@link org.odelump.model.Monomial},
 * {@link org.odelump.model.Polynomial} (sparse, double coefficients), {@link org.odelump.model.OdeSystem},
 * {@link org.odelump.model.Partition}, reactions, views, commands, provenance, and the located
 * {@link org.odelump.model.Diagnostic}s that readers report bad input with. Depends on nothing else of odelump.
 */
package org.odelump.model;
