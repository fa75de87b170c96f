package org.integrationevidence.access;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

import org.integrationevidence.web.ProblemMappers;

/**
 * Reads the API key from {@code Authorization: Bearer <key>}. No header means an anonymous caller; a header that
 * is not a bearer key, or a key that is unknown, revoked or expired, is refused with 401 on every path, public
 * ones too, so that a client with a broken key learns it at once instead of silently reading as anonymous.
 */
@ApplicationScoped
class ApiKeyAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String SCHEME = "Bearer";
    static final String CHALLENGE = ProblemMappers.BEARER_CHALLENGE;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String header = context.request().getHeader(HttpHeaderNames.AUTHORIZATION);
        if (header == null) {
            return Uni.createFrom().nullItem();
        }
        String key = keyIn(header);
        if (key == null) {
            return Uni.createFrom().failure(new AuthenticationFailedException(
                    "The Authorization header must be \"Bearer <key>\"."));
        }
        return identities.authenticate(new TokenAuthenticationRequest(new TokenCredential(key, SCHEME.toLowerCase())));
    }

    /**
     * The key in an Authorization header as this mechanism reads it (the scheme in any case, spaces around the key
     * ignored), or null when the header is not "Bearer &lt;key&gt;". Rate limits name keys the same way, so that
     * another spelling of the same header is the same key.
     */
    static String keyIn(String header) {
        int space = header.indexOf(' ');
        String key = space < 0 ? "" : header.substring(space + 1).strip();
        return space < 0 || !header.substring(0, space).equalsIgnoreCase(SCHEME) || key.isEmpty() ? null : key;
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(HttpResponseStatus.UNAUTHORIZED.code(),
                HttpHeaderNames.WWW_AUTHENTICATE, CHALLENGE));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }
}
