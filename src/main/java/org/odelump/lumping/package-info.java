/**
 * Exact lumping of polynomial ODE systems by differential equivalence: the coarsest forward equivalence
 * ({@link org.odelump.lumping.ForwardEquivalence}) and backward equivalence
 * ({@link org.odelump.lumping.BackwardEquivalence}) refining an initial partition
 * ({@link org.odelump.lumping.Prepartition}), computed by partition refinement on a reaction-like normal form of
 * the drifts in O(m·log n)-style time (Cardelli, Tribastone, Tschaikowski, Vandin: TACAS 2016, PNAS 2017); the
 * reduced model ({@link org.odelump.lumping.QuotientBuilder}, {@link org.odelump.lumping.Reduction}) and its
 * algebraic self-check ({@link org.odelump.lumping.LumpingCheck}). Approximate lumping: ε-FE (AFDE) and ε-BE by L1
 * distances of aggregated coefficient vectors ({@link org.odelump.lumping.EpsilonEquivalence},
 * {@link org.odelump.lumping.EpsilonMode}, {@link org.odelump.lumping.Grouping}; QEST 2018 / JLAMP 2023), the
 * reduced model of an ε-partition ({@link org.odelump.lumping.ApproximateReduction}) and the nearest model for
 * which it is exact ({@link org.odelump.lumping.NearestExactModel}, with Hipparchus linear algebra). Coefficients are doubles compared with an
 * explicit {@link org.odelump.lumping.Tolerance}. Uses only {@code org.odelump.model}; no I/O, no printing.
 */
package org.odelump.lumping;
