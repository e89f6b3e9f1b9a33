/**
 * The {@code odelump} command line (picocli): {@code check}, {@code print}, {@code reduce}, {@code bench} and the
 * default run on an embedded example. The only package that prints; exit codes are defined in
 * {@link org.odelump.cli.Main}. {@code bench} is odelump's one benchmark entry point; its figures are recorded in
 * {@code docs/benchmarks.md}.
 */
package org.odelump.cli;
