/**
 * Numerical integration of {@link org.odelump.model.OdeSystem}s with Hipparchus
 * ({@link org.odelump.numeric.Simulator}, Dormand–Prince 8(5,3), guarded against blow-up) and the comparison of a
 * lumped system's trajectory with its origin's ({@link org.odelump.numeric.TrajectoryCheck}). The only user of
 * Hipparchus' ODE package.
 */
package org.odelump.numeric;
