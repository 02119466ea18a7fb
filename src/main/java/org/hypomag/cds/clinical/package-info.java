/**
 * The clinical rules of hypomagnesemia.md as pure functions: patient snapshot and knowledge records in,
 * assessment and order review out, each finding with its rule id; the clock is an argument. Imports none of
 * the project's other packages and no framework (no Spring, HAPI or Jackson).
 */
package org.hypomag.cds.clinical;
