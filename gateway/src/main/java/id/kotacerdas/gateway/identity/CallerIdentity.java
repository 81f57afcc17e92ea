package id.kotacerdas.gateway.identity;

import id.kotacerdas.contracts.identity.Role;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** A verified caller: an API client or a JWT subject, with its roles and the bindings some roles need. */
public record CallerIdentity(String clientId, Set<Role> roles, String agencyId, String electionId, String tpsId) {

    public static final String ATTRIBUTE = CallerIdentity.class.getName();

    public CallerIdentity {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public String rolesHeader() {
        return roles.stream().sorted().map(Role::externalName).collect(Collectors.joining(","));
    }
}
