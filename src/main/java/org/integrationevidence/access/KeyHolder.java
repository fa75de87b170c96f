package org.integrationevidence.access;

import io.quarkus.security.identity.SecurityIdentity;

/** Who made a request with a key: the services' view of the caller, free of any HTTP or security framework. */
public record KeyHolder(long keyId, String keyName, String owner, Role role) {

    static final String ATTRIBUTE = KeyHolder.class.getName();

    static KeyHolder of(ApiKey key) {
        return new KeyHolder(key.id, key.name, key.owner, key.role);
    }

    /** The holder of the request's key, or null for an anonymous caller. */
    public static KeyHolder of(SecurityIdentity identity) {
        return identity == null || identity.isAnonymous() ? null : identity.getAttribute(ATTRIBUTE);
    }

    /** Whether the key's role includes the editor's (editors and admins). */
    public boolean isEditor() {
        return role.granted().contains(Role.EDITOR_NAME);
    }

    /** Who to name as the author of a change: the key's owner, or the key's name where it has none (the seed data). */
    public String author() {
        return owner != null ? owner : keyName;
    }
}
