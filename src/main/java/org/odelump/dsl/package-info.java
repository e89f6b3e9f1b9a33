/**
 * The model language of odelump: a superset of ERODE's {@code .ode} model syntax (sections {@code parameters},
 * {@code init}/{@code inits}, {@code partition}, {@code reactions} or {@code ODE}, {@code views}, and commands).
 *
 * <p>{@link org.odelump.dsl.OdeParser} turns text into an {@link org.odelump.model.OdeSystem}; every problem
 * becomes an {@link org.odelump.model.InvalidModelException} whose diagnostics say {@code file:line:column}.
 * {@link org.odelump.dsl.DslPrinter} writes a model back as canonical text that parses to an equal model.
 * This is the only package that uses ANTLR; the generated {@code OdeLump*} classes are implementation details
 * and appear in no public signature.
 */
package org.odelump.dsl;
