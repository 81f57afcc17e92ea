package id.kotacerdas.support.identity;

import id.kotacerdas.contracts.identity.CallerHeaders;
import id.kotacerdas.contracts.identity.Role;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Lets a controller method take a {@link Caller} parameter, read from the gateway's identity headers. */
public class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binderFactory) {
        String clientId = request.getHeader(CallerHeaders.CLIENT_ID);
        if (clientId == null || clientId.isBlank()) {
            return Caller.ANONYMOUS;
        }
        String roles = request.getHeader(CallerHeaders.ROLES);
        Set<Role> parsed = roles == null ? Set.of() : Arrays.stream(roles.split(","))
                .map(Role::fromExternalName).flatMap(Optional::stream).collect(Collectors.toUnmodifiableSet());
        return new Caller(clientId, parsed, request.getHeader(CallerHeaders.AGENCY_ID),
                request.getHeader(CallerHeaders.ELECTION_ID), request.getHeader(CallerHeaders.TPS_ID));
    }
}
