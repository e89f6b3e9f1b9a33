/**
 * Readers and writers of formats other than odelump's DSL. {@link org.odelump.io.BngNetReader} imports BioNetGen
 * {@code .net} reaction networks (mass action, polynomial functional rates) and {@link org.odelump.io.SbmlReader}
 * imports SBML Level 2 and 3 core models through JSBML (polynomial kinetic laws, concentration semantics), both
 * into {@link org.odelump.model.OdeSystem}s returned as an {@link org.odelump.io.ImportedModel} with warnings.
 * Bad input is an {@link org.odelump.model.InvalidModelException} with located diagnostics
 * ({@code file:line:column: message}). Reports: CSV tables ({@link org.odelump.io.CsvTables}), PNG plots
 * ({@link org.odelump.io.Plots}, the only XChart user) and the machine-readable header of reduced models
 * ({@link org.odelump.io.LumpingHeader}). The only user of JSBML; depends only on {@code org.odelump.model};
 * never prints.
 */
package org.odelump.io;
