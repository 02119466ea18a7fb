package org.hypomag.cds.analytics;

import org.hypomag.cds.TestPhases;
import org.hypomag.cds.store.TestPostgres;
import org.junit.jupiter.api.Tag;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same hook calls, feedback and exact figures as {@link AnalyticsEndToEndTest}, with the store on a real
 * PostgreSQL 17 (the tests' embedded server, a database of this class's own): the one analytics read (window
 * function, timestamptz bounds) runs on the production database, not only on the H2 default.
 */
@Tag(TestPhases.CONTEXT)
class AnalyticsOnPostgresTest extends AnalyticsEndToEndTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        String url = TestPostgres.shared().newDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("cds.store.id-hash-key", () -> "analytics-on-postgres-test-key-0123456789");
    }
}
