package org.integrationevidence.access;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;

import org.integrationevidence.problem.ApiException;
import org.integrationevidence.problem.FieldError;
import org.integrationevidence.problem.ProblemType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a key sent in the URL, where proxies, logs, browser history and Referer headers keep it. The request
 * fails even where no key is needed, so that the sender finds out, and is told to revoke the key.
 */
class KeysInUrlFilter {

    private static final Set<String> KEY_PARAMETERS = Set.of("access_token", "api_key", "apikey", "api-key", "key", "token");

    @ServerRequestFilter(preMatching = true)
    public void refuseKeysInUrl(ContainerRequestContext request) {
        MultivaluedMap<String, String> parameters = request.getUriInfo().getQueryParameters();
        for (var parameter : parameters.entrySet()) {
            boolean keyName = KEY_PARAMETERS.contains(parameter.getKey().toLowerCase(Locale.ROOT));
            boolean keyValue = parameter.getValue().stream().anyMatch(value -> value.startsWith(ApiKeyService.KEY_PREFIX));
            if (keyName || keyValue) {
                throw new ApiException(ProblemType.BAD_REQUEST, "API keys are accepted only in the Authorization header "
                        + "(Authorization: Bearer <key>), never in the URL. If this was a real key, revoke it: the URL may "
                        + "have been logged.", List.of(new FieldError(parameter.getKey(), "must not carry an API key")));
            }
        }
    }
}
