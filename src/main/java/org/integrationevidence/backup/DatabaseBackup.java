package org.integrationevidence.backup;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;

import org.integrationevidence.problem.ApiException;
import org.integrationevidence.problem.ProblemType;
import org.jboss.logging.Logger;

/**
 * An online backup of the embedded H2 database: H2's {@code SCRIPT}, the SQL that recreates every table, row,
 * sequence and user, gzip-compressed. H2 in file mode lets only the service's own process open the database, so the
 * backup has to be taken in here. It is read in one transaction of H2's SNAPSHOT isolation, whose snapshot covers
 * every table from the transaction's first statement, so that it is one consistent state while others keep writing
 * (REPEATABLE READ would not do: H2 takes its snapshot table by table, at each table's first read). PostgreSQL is
 * backed up with its own tools (pg_dump), not through the service.
 */
@ApplicationScoped
class DatabaseBackup {

    private static final Logger LOG = Logger.getLogger(DatabaseBackup.class);
    /** H2's SNAPSHOT isolation level (org.h2.engine.Constants.TRANSACTION_SNAPSHOT), which JDBC has no name for. */
    private static final int SNAPSHOT = 6;

    @Inject
    AgroalDataSource dataSource;

    /** Fails with a 409 problem unless the database is H2, before any byte of the answer is written. */
    public void checkSupported() {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            if (!"H2".equalsIgnoreCase(product)) {
                // The detail names no product: error answers say nothing of what runs behind the API.
                throw new ApiException(ProblemType.CONFLICT, "The service runs on a database server, not on the "
                        + "embedded database: back it up with the server's own tools (scripts/backup runs pg_dump).");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not ask the database which it is", e);
        }
    }

    /** Writes the whole database as a gzip-compressed SQL script, one statement (ended by ";") a line. */
    public void writeScript(OutputStream out) throws IOException {
        long started = System.nanoTime();
        long statements = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(SNAPSHOT);
            GZIPOutputStream gzip = new GZIPOutputStream(out, 64 * 1024);
            Writer writer = new BufferedWriter(new OutputStreamWriter(gzip, StandardCharsets.UTF_8), 64 * 1024);
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SCRIPT")) {
                while (rows.next()) {
                    writer.write(rows.getString(1));
                    writer.write('\n');
                    statements++;
                }
            } finally {
                connection.rollback();
            }
            writer.flush();
            gzip.finish();
            gzip.flush();
        } catch (SQLException e) {
            throw new IOException("The database backup failed", e);
        }
        LOG.infof("Database backup written: %d statements in %s ms", statements,
                String.format(Locale.ROOT, "%.0f", (System.nanoTime() - started) / 1e6));
    }
}
