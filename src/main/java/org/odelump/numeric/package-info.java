/**
 * Numerical integration of {@link org.odelump.model.OdeSystem}s with Hipparchus
 * ({@link org.odelump.numeric.Simulator}, Dormand–Prince 8(5,3), guarded against blow-up) and the comparison of a
 * lumped system's trajectory with its origin's ({@link org.odelump.numeric.TrajectoryCheck}); verification of a
 * reduced model against an original with per-variable errors and failure diagnoses including stiffness
 * ({@link org.odelump.numeric.Verification}); ε sweeps ({@link org.odelump.numeric.EpsilonSweep}, progress through a
 * listener). The only user of
 * Hipparchus' ODE package.
 */
package org.odelump.numeric;
