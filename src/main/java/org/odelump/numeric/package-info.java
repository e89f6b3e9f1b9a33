/**
 * Numerical integration of {@link org.odelump.model.OdeSystem}s on Hipparchus, the only user of Hipparchus' ODE
 * package. Non-stiff models: {@link org.odelump.numeric.Simulator} (Dormand–Prince 8(5,3), guarded against
 * blow-up). Stiff models: {@link org.odelump.numeric.RosenbrockIntegrator} (RODAS4, Hairer and Wanner, Solving
 * ODEs II, §IV.7), with the exact sparse Jacobian of the polynomial drift
 * ({@link org.odelump.numeric.SparseJacobian}) and an EJML sparse LU or ILU(0)-preconditioned GMRES for the stage
 * systems. {@link org.odelump.numeric.IntegratorChoice} picks between them — {@link org.odelump.numeric.StiffnessDetector}
 * applies the Hairer–Wanner h·ρ test to the explicit run — and reports which one it used and why
 * ({@link org.odelump.numeric.GridSimulation} samples the result on a grid); failures are
 * {@link org.odelump.numeric.IntegrationFailureException}s with a kind. {@link org.odelump.numeric.TrajectoryCheck}
 * compares a lumped system's trajectory with its origin's; {@link org.odelump.numeric.Verification} checks a
 * reduced model against an original with per-variable errors and failure diagnoses including stiffness;
 * {@link org.odelump.numeric.EpsilonSweep} runs ε sweeps, reporting progress through a listener.
 */
package org.odelump.numeric;
