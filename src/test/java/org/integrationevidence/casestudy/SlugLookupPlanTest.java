package org.integrationevidence.casestudy;

import static org.integrationevidence.TestData.onPostgresql;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

/**
 * Whether a slug is taken is asked on every create, rename, publish and imported row, by slug alone when the caller
 * is an editor (CaseStudyRepository#slugExists). The database answers it from an index of the slug, not by reading
 * every case study: without one, the count grew with the catalogue and took a fifth of a write's CPU.
 */
@QuarkusTest
class SlugLookupPlanTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aSlugIsLookedUpThroughItsIndex() throws SQLException {
        String plan = plan("select count(*) from case_study where slug = 'a-slug' and id <> 1");
        assertTrue(plan.toLowerCase().contains("case_study_slug_idx"), "the plan reads the slug's index: " + plan);
    }

    private String plan(String query) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            if (onPostgresql()) {
                // A small test table is cheaper to read whole: ask which index the planner would take for a large one.
                statement.execute("set enable_seqscan = off");
            }
            StringBuilder plan = new StringBuilder();
            try (ResultSet rows = statement.executeQuery("explain " + query)) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            } finally {
                if (onPostgresql()) {
                    statement.execute("reset enable_seqscan");
                }
            }
            return plan.toString();
        }
    }
}
