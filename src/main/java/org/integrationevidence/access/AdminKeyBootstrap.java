package org.integrationevidence.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.runtime.StartupEvent;

import org.integrationevidence.config.EvidenceConfig;
import org.jboss.logging.Logger;

/**
 * The first admin key, since there are no default credentials. At start, when no usable admin key exists, the
 * key in {@code evidence.keys.bootstrap-admin-key} is stored if set; otherwise a new key is written to
 * {@code <data-dir>/initial-admin-key}, readable by the service's user only (like Jenkins' initial admin password).
 * Nothing happens once an admin key exists. A provisioned key that is stored already but revoked or expired is
 * never made usable again: the start goes on without an admin key and says, in an error, how to provide a new one.
 */
@ApplicationScoped
class AdminKeyBootstrap {

    static final String KEY_FILE = "initial-admin-key";
    private static final Logger LOG = Logger.getLogger(AdminKeyBootstrap.class);

    @Inject
    ApiKeyService keys;

    @Inject
    EvidenceConfig config;

    void onStart(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION) StartupEvent event) {
        if (keys.usableAdminExists()) {
            return;
        }
        Optional<String> configured = config.keys().bootstrapAdminKey().map(String::strip).filter(key -> !key.isEmpty());
        if (configured.isPresent()) {
            if (configured.get().length() < ApiKeyService.MIN_KEY_LENGTH) {
                throw new IllegalStateException("evidence.keys.bootstrap-admin-key (EVIDENCE_KEYS_BOOTSTRAP_ADMIN_KEY) must "
                        + "have at least " + ApiKeyService.MIN_KEY_LENGTH + " characters, for example from openssl rand -base64 32");
            }
            Optional<ApiKeyView> stored = keys.findByKey(configured.get());
            if (stored.isPresent()) {
                // Revoked or expired (a usable one would have ended this above): it never works again, whatever the
                // setting says. The service still starts, so that the public keeps reading; only keys cannot be managed.
                LOG.error(unusableBootstrapKey(stored.get(), Path.of(config.dataDir()).resolve(KEY_FILE).toAbsolutePath().normalize()));
                return;
            }
            keys.storeBootstrapAdmin(configured.get());
            LOG.info("No admin key existed: stored the one from evidence.keys.bootstrap-admin-key.");
            return;
        }
        String key = keys.newKey();
        Path file = Path.of(config.dataDir()).resolve(KEY_FILE).toAbsolutePath().normalize();
        writeOwnerOnly(file, key);
        keys.storeBootstrapAdmin(key);
        LOG.infof("No admin key existed: created one and wrote it to %s (readable by this user only). Use it to create "
                + "your own keys (see docs/guide/keys-and-roles.md), then delete the file.", file);
    }

    /** What an operator must do when no admin key is usable and the provisioned one was revoked or has expired. */
    static String unusableBootstrapKey(ApiKeyView key, Path keyFile) {
        String what = key.revokedAt() != null ? "was revoked at " + key.revokedAt() : "expired at " + key.expiresAt();
        return "No usable admin key exists, and the key in evidence.keys.bootstrap-admin-key "
                + "(EVIDENCE_KEYS_BOOTSTRAP_ADMIN_KEY) " + what + " (API key " + key.id() + ", " + key.prefix() + "...): a "
                + "revoked or expired key never works again. The API serves its public reads, but nobody can manage keys "
                + "until you either set EVIDENCE_KEYS_BOOTSTRAP_ADMIN_KEY to a new key (for example from openssl rand "
                + "-base64 32) or unset it, so that a new key is written to " + keyFile + ", and restart the service.";
    }

    private static void writeOwnerOnly(Path file, String key) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file); // not a POSIX file system: the directory's own protection applies
            }
            Files.writeString(file, key + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException("Another process created " + file + " meanwhile", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the initial admin key to " + file, e);
        }
    }
}
