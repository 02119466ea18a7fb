/**
 * Durable state shared by every instance of the service (issue 14): the JWT replay memory, the issued-card
 * ledger (order-sign de-duplication, and the issued rows analytics counts) and the feedback outcomes, on
 * PostgreSQL through JDBC and Flyway migrations ({@code db/migration}), or on an H2 file database under
 * {@code cds.store.data-dir} when no {@code spring.datasource.url} is given. Patient, encounter and user ids
 * reach the database only as keyed hashes ({@link org.hypomag.cds.store.IdKeys}).
 *
 * <p>Public API: {@link org.hypomag.cds.store.CardStore} with its records
 * ({@link org.hypomag.cds.store.IssuedCard}, {@link org.hypomag.cds.store.LedgerEntry},
 * {@link org.hypomag.cds.store.FeedbackOutcome}), {@link org.hypomag.cds.store.MemoryCardStore} (one instance's
 * memory, for tests), {@link org.hypomag.cds.store.SharedReplay} and
 * {@link org.hypomag.cds.store.StoreUnavailableException}. When the database is down or slow every call still
 * returns quickly: writes go to a bounded spool and are written when it is back, reads find nothing, the
 * replay check is left to the caller's memory, and the health indicator {@code store} says "DEGRADED".
 * Issued cards are written behind the request ({@link org.hypomag.cds.store.WriteBehindCardStore},
 * {@code cds.store.ledger-batch.*}): in batches by one writer thread; every read of this instance's store first
 * writes what waits, and readers of issued_card elsewhere run the {@code issuedCardsFlush} bean first. The JWT
 * replay insert stays synchronous.
 * The meters of that state: {@link org.hypomag.cds.store.StoreMetrics}.
 * May import Spring, Micrometer and the JDBC driver only; never another project package.
 */
package org.hypomag.cds.store;
