/**
 * Readers and writers of formats other than odelump's DSL. {@link org.odelump.io.BngNetReader} imports BioNetGen
 * {@code .net} reaction networks into {@link org.odelump.model.OdeSystem} (mass action, polynomial functional
 * rates), returning an {@link org.odelump.model.InvalidModelException} with located diagnostics
 * ({@code file:line:column: message}) for bad input and an {@link org.odelump.io.ImportedModel} with warnings
 * otherwise. Reports: CSV tables ({@link org.odelump.io.CsvTables}), PNG plots ({@link org.odelump.io.Plots}, the
 * only XChart user) and the machine-readable header of reduced models ({@link org.odelump.io.LumpingHeader}).
 * Depends only on {@code org.odelump.model}; never prints.
 */
package org.odelump.io;
