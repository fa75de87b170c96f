package org.integrationevidence.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.integrationevidence.http.ResponseFilterOrder;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The framework answers OPTIONS with every method of the resource class, including those of other paths; this
 * puts the methods of the requested path itself in the Allow header, as 405 answers have them.
 */
class OptionsAllowFilter {

    @Inject
    AllowedMethods allowedMethods;

    @ServerResponseFilter(priority = ResponseFilterOrder.ALLOW_HEADER)
    public void allowOnlyThisPathsMethods(ContainerRequestContext request, ContainerResponseContext response) {
        if (HttpMethod.OPTIONS.equals(request.getMethod()) && response.getHeaders().containsKey(HttpHeaders.ALLOW)) {
            allowedMethods.forPath(request.getUriInfo().getPath())
                    .ifPresent(allow -> response.getHeaders().putSingle(HttpHeaders.ALLOW, allow));
        }
    }
}
