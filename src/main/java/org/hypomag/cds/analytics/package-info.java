/**
 * Analytics for people (issue 15): how many cards of each type were issued in a date range, and how many of
 * them were accepted, overridden (with which reasons) or got no feedback, as JSON ({@code /analytics/cards.json})
 * and CSV ({@code /analytics/cards.csv}). Reads the store's tables {@code issued_card} and {@code feedback}
 * through Spring's JdbcClient, after running the store's {@code issuedCardsFlush} bean (a plain Runnable, found by
 * name: the store writes issued cards behind the request, and a read here must see what this instance issued);
 * never reads or writes a patient, encounter or user key. In JWT mode every
 * {@code /analytics} path needs an admin bearer token ({@code cds.analytics.admin-tokens}, SHA-256 hashes),
 * never the EHR's CDS Hooks JWTs; in demo mode (loopback only) it is open.
 * May import Spring and the FHIR OperationOutcome writer; nothing imports this package.
 */
package org.hypomag.cds.analytics;
