/**
 * The Symja gateway: the only package that uses Symja (org.matheclipse:matheclipse-core).
 *
 * <p>{@link org.odelump.symbolic.Symbolic} turns a model expression ({@link org.odelump.model.Expr}) that is
 * polynomial in the variables into canonical form: a numeric {@link org.odelump.model.Polynomial}, or a
 * {@link org.odelump.symbolic.SymbolicPolynomial} whose coefficients are polynomials in parameters kept symbolic
 * (with a {@link org.odelump.symbolic.LinearCoefficient} view for building A·p = b). Names resolve through a
 * {@link org.odelump.symbolic.NameResolver}.
 *
 * <p>Rules this package keeps:
 * <ul>
 *   <li>Symja starts lazily, once per process, on the first expansion that needs it (1–3 s on an idle machine,
 *       more under load; see {@link org.odelump.symbolic.Symbolic#startupTime()}). Expressions without function
 *       calls are expanded natively in exact rational arithmetic and never start it; the two routes give
 *       identical polynomials. Symja's log and console output is silenced.</li>
 *   <li>No DSL name goes through Symja's string parser or symbol table: variables and kept parameters become
 *       private dummy symbols, other parameters become numbers. In Symja's relaxed syntax {@code gamma},
 *       {@code pi}, {@code E}, {@code I}, {@code D} would be built-ins and {@code x_1} a pattern.</li>
 *   <li>Arithmetic is exact rational arithmetic on the shortest decimal form of each double; coefficients are
 *       rounded to double once, at the end.</li>
 *   <li>No Symja type appears in a public signature. Derivatives stay native
 *       ({@link org.odelump.model.Polynomial#derivative(int)}).</li>
 * </ul>
 */
package org.odelump.symbolic;
