package id.kotacerdas.support.identity;

import id.kotacerdas.contracts.identity.Role;
import id.kotacerdas.support.problem.ForbiddenException;
import id.kotacerdas.support.problem.ProblemException;
import org.springframework.http.HttpStatus;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, as verified by the gateway. {@link #ANONYMOUS} when no identity came with the request
 * (public reads). Bindings scope a caller to one agency, or one election and TPS.
 */
public record Caller(String clientId, Set<Role> roles, String agencyId, String electionId, String tpsId) {

    public static final Caller ANONYMOUS = new Caller(null, Set.of(), null, null, null);

    public boolean isAuthenticated() {
        return clientId != null;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** @throws ProblemException 401 when anonymous, 403 when the caller has none of the roles */
    public Caller requireAny(Role... allowed) {
        if (!isAuthenticated()) {
            throw new ProblemException(HttpStatus.UNAUTHORIZED, "Unauthorized", "This request needs an API key or token");
        }
        if (Arrays.stream(allowed).noneMatch(roles::contains)) {
            throw new ForbiddenException("This request needs one of the roles " + Arrays.toString(allowed));
        }
        return this;
    }

    public Optional<String> agency() {
        return Optional.ofNullable(agencyId);
    }
}
