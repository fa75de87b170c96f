package org.integrationevidence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Drops the schemas a {@code -Ppostgresql} test run made in the shared PostgreSQL database (pom.xml names them
 * {@code evidence_run_<time>_...}) when the run's test JVM is done, so that the database does not fill up with old
 * runs. Does nothing on H2. A run killed before its end leaves its schemas behind; they are named by their time.
 */
public class PostgresqlTestSchemas implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        String url = System.getProperty("evidence-test.postgresql.url");
        String prefix = System.getProperty("evidence-test.postgresql.schema-prefix");
        if (url == null || prefix == null || !prefix.matches("[a-z0-9_]+")) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(url, System.getProperty("evidence-test.postgresql.user"),
                System.getProperty("evidence-test.postgresql.password", ""));
                Statement statement = connection.createStatement()) {
            // A service still closing its pool must not hold the drop up for long.
            statement.execute("set lock_timeout = '10s'");
            List<String> schemas = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery(
                    "select nspname from pg_namespace where nspname like '" + prefix + "\\_%'")) {
                while (rows.next()) {
                    schemas.add(rows.getString(1));
                }
            }
            for (String schema : schemas) {
                statement.execute("drop schema \"" + schema + "\" cascade");
            }
        } catch (SQLException e) {
            System.err.println("PostgresqlTestSchemas: could not drop the schemas " + prefix + "_*: " + e.getMessage());
        }
    }
}
