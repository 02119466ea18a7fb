/**
 * The demo page's server side: the catalog of sample patients and requests under hooks/ and fhir-samples/,
 * the controller that serves them, and a read-only FHIR view of the same samples under {@code /demo/fhir}
 * (searches by patient and code, paged; dates shifted like the demo page's) for the SMART trend app's
 * open-server launch. Synthetic data only. May import Spring only; no other project package.
 */
package org.hypomag.cds.demo;
