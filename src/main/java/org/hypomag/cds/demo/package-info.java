/**
 * The demo page's server side: the catalog of sample patients and requests under hooks/ and fhir-samples/
 * and the controller that serves them. May import Spring only; no other project package.
 */
package org.hypomag.cds.demo;
