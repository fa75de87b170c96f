package org.integrationevidence.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

import org.integrationevidence.access.KeyHolder;
import org.integrationevidence.access.Role;
import org.integrationevidence.approach.ApproachInput;
import org.integrationevidence.approach.ApproachService;
import org.integrationevidence.casestudy.CaseStudyWrites;
import org.integrationevidence.config.EvidenceConfig;
import org.jboss.logging.Logger;

/**
 * Loads the approach taxonomy and the seed case studies on the first start with an empty database. The load is
 * recorded in {@code seed_history} in the same transaction, so a restart never loads it again and never touches
 * what curators have changed since; if two instances start at once, the second one's insert of the record fails
 * and it loads nothing.
 */
@ApplicationScoped
class SeedLoader {

    static final String SEED_NAME = "catalogue-v1";

    private static final Logger LOG = Logger.getLogger(SeedLoader.class);
    /** The seed data is written as an editor would, with no owner: no curator's key owns it. */
    private static final KeyHolder SEED_AUTHOR = new KeyHolder(0, "seed data", null, Role.EDITOR);

    @Inject
    EvidenceConfig config;

    @Inject
    ObjectMapper mapper;

    @Inject
    EntityManager entityManager;

    @Inject
    ApproachService approaches;

    @Inject
    CaseStudyWrites caseStudies;

    void onStart(@Observes StartupEvent event) {
        if (config.seed().enabled()) {
            loadOnce();
        }
    }

    /** Loads the seed unless it was loaded before or the database already holds data. Returns whether it loaded. */
    public boolean loadOnce() {
        try {
            return QuarkusTransaction.requiringNew().call(this::loadInTransaction);
        } catch (RuntimeException e) {
            if (alreadyRecorded()) {
                LOG.info("Seed data was loaded by another instance meanwhile; nothing to do.");
                return false;
            }
            throw e;
        }
    }

    private boolean loadInTransaction() {
        if (alreadyRecorded()) {
            return false;
        }
        long existing = entityManager.createQuery("select count(a) from Approach a", Long.class).getSingleResult()
                + entityManager.createQuery("select count(c) from CaseStudy c", Long.class).getSingleResult();
        if (existing > 0) {
            LOG.info("The database already holds data; the seed data is not loaded.");
            return false;
        }
        entityManager.createNativeQuery("insert into seed_history (name, applied_at) values (?1, ?2)")
                .setParameter(1, SEED_NAME).setParameter(2, Instant.now()).executeUpdate();

        List<ApproachInput> taxonomy = read("seed/approaches.json", new TypeReference<>() { });
        taxonomy.forEach(approaches::create);
        SeedData data = read("seed/case-studies.json", new TypeReference<>() { });
        data.caseStudies().forEach(seed -> caseStudies.create(seed.toInput(data.articles()), SEED_AUTHOR));
        LOG.infof("Loaded the seed data: %d approaches and %d case studies.", taxonomy.size(), data.caseStudies().size());
        return true;
    }

    private boolean alreadyRecorded() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from seed_history where name = ?1")
                .setParameter(1, SEED_NAME).getSingleResult()).longValue() > 0);
    }

    private <T> T read(String resource, TypeReference<T> type) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing seed resource " + resource);
            }
            return mapper.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read seed resource " + resource, e);
        }
    }
}
