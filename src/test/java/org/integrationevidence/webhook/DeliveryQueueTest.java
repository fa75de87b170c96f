package org.integrationevidence.webhook;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.hibernate.Session;
import org.integrationevidence.ActingAs;
import org.integrationevidence.TestData;
import org.integrationevidence.ActingAs.Role;
import org.junit.jupiter.api.Test;

/**
 * The queries the dispatcher and the metrics run for every subscription, many times a second, read only what they
 * need from the queue's index: the head of a subscription's queue from the index's start, not the whole queue read
 * and sorted (with a long queue, a slow receiver, a burst of writes); the backlog from its pending part, not every
 * delivery ever made. Checked in the embedded database's plan of the statement Hibernate sends, over a queue of
 * 1,000; PostgreSQL's planner needs no help here, and these tests run on H2 only.
 */
@QuarkusTest
@ActingAs(Role.EDITOR)
class DeliveryQueueTest {

    private static final int QUEUED = 1000;
    private static final int READ = DeliveryDispatcher.SEND_BATCH;

    @Inject
    EntityManager entityManager;

    @Test
    void theHeadOfALongQueueIsReadFromTheIndexInOrderWithoutReadingTheRest() {
        assumeFalse(TestData.onPostgresql(), "the plan checked is H2's");
        withAQueueOf(QUEUED, subscription -> {
            String plan = QuarkusTransaction.requiringNew().call(() -> plan(subscription, "%order by%",
                    () -> assertEquals(READ, entityManager.createNamedQuery(Delivery.HEAD, Delivery.class)
                            .setParameter("subscription", subscription).setMaxResults(READ).getResultList().size())));
            assertTrue(plan.contains("/* index sorted */"), plan);
            assertTrue(rowsRead(plan) <= READ + 1, "rows read for a head of " + READ + " out of " + QUEUED + "\n" + plan);
        });
    }

    /** The metrics and the subscription's view count its backlog: from the pending part of its queue only. */
    @Test
    void theBacklogOfASubscriptionReadsItsPendingDeliveriesOnly() {
        assumeFalse(TestData.onPostgresql(), "the plan checked is H2's");
        withAQueueOf(QUEUED, subscription -> {
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("update webhook_delivery "
                    + "set status = 'DELIVERED' where subscription_id = ?1 and id <= (select min(id) + ?2 from "
                    + "webhook_delivery where subscription_id = ?1)").setParameter(1, subscription)
                    .setParameter(2, QUEUED / 2 - 1).executeUpdate());
            String plan = QuarkusTransaction.requiringNew().call(() -> plan(subscription, "%count(%",
                    () -> assertEquals(QUEUED / 2, WebhookService.Backlog.of(entityManager, subscription).pending())));
            assertTrue(rowsRead(plan) <= QUEUED / 2 + 1, "rows read for a backlog of " + QUEUED / 2 + " beside as many "
                    + "delivered\n" + plan);
        });
    }

    /** A paused subscription (the dispatcher leaves its queue alone) with {@code queued} pending deliveries. */
    private void withAQueueOf(int queued, java.util.function.LongConsumer test) {
        long subscription = given().contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:9/queue-test", "events", List.of("published")))
                .when().post(WebhookTest.WEBHOOKS).then().statusCode(201).extract().jsonPath().getLong("id");
        try {
            given().when().post(WebhookTest.WEBHOOKS + "/" + subscription + "/pause").then().statusCode(200);
            QuarkusTransaction.requiringNew().run(() -> {
                entityManager.createNativeQuery("insert into webhook_event (message_id, type, body, created_at) "
                        + "values (?1, 'case-study.published', '{}', current_timestamp)")
                        .setParameter(1, "msg_queue_test_" + subscription).executeUpdate();
                entityManager.createNativeQuery("insert into webhook_delivery (subscription_id, event_id, status, attempts, "
                        + "created_at, next_attempt_at) select ?1, (select id from webhook_event where message_id = ?2), "
                        + "'PENDING', 0, current_timestamp, current_timestamp from system_range(1, ?3)")
                        .setParameter(1, subscription).setParameter(2, "msg_queue_test_" + subscription)
                        .setParameter(3, queued).executeUpdate();
            });
            test.accept(subscription);
        } finally {
            given().when().delete(WebhookTest.WEBHOOKS + "/" + subscription).then().statusCode(204);
        }
    }

    /** The rows H2 read from the queue's index, from a plan. */
    private static int rowsRead(String plan) {
        Matcher scanned = Pattern.compile("WEBHOOK_DELIVERY_QUEUE_IDX[^*]*\\*/\\s*/\\* scanCount: (\\d+) \\*/").matcher(plan);
        assertTrue(scanned.find(), "not read from webhook_delivery_queue_idx:\n" + plan);
        return Integer.parseInt(scanned.group(1));
    }

    /**
     * Runs a query as the service does, takes the SQL Hibernate sent (the statement on webhook_delivery whose text
     * matches {@code like}) from H2's statistics, and explains it with the subscription as its first parameter and
     * the row limit's (an offset of 0, a count of {@value #READ}) after it.
     */
    private String plan(long subscription, String like, Runnable query) {
        Session session = entityManager.unwrap(Session.class);
        List<String> sent = new ArrayList<>();
        session.doWork(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET QUERY_STATISTICS TRUE");
                try {
                    query.run();
                    try (PreparedStatement statistics = connection.prepareStatement("select sql_statement from "
                            + "information_schema.query_statistics where lower(sql_statement) like '%from webhook_delivery%' "
                            + "and lower(sql_statement) like '%''pending''%' and lower(sql_statement) like ?")) {
                        statistics.setString(1, like);
                        try (ResultSet rows = statistics.executeQuery()) {
                            while (rows.next()) {
                                sent.add(rows.getString(1));
                            }
                        }
                    }
                } finally {
                    statement.execute("SET QUERY_STATISTICS FALSE");
                }
            }
        });
        assertEquals(1, sent.size(), sent.toString());
        return session.doReturningWork(connection -> {
            try (PreparedStatement explain = connection.prepareStatement("EXPLAIN ANALYZE " + sent.get(0))) {
                int parameters = explain.getParameterMetaData().getParameterCount();
                explain.setLong(1, subscription);
                for (int i = 2; i <= parameters; i++) {
                    explain.setInt(i, i == parameters ? READ : 0);
                }
                StringBuilder plan = new StringBuilder();
                try (ResultSet rows = explain.executeQuery()) {
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                }
                return plan.toString();
            }
        });
    }
}
