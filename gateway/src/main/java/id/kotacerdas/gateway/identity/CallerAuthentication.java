package id.kotacerdas.gateway.identity;

import id.kotacerdas.contracts.identity.Role;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A verified caller as Spring Security sees it: one authority per role, named by its external name. */
public class CallerAuthentication extends AbstractAuthenticationToken {

    private final CallerIdentity identity;

    public CallerAuthentication(CallerIdentity identity) {
        super(identity.roles().stream().map(Role::externalName).map(SimpleGrantedAuthority::new).toList());
        this.identity = identity;
        setAuthenticated(true);
    }

    public CallerIdentity identity() {
        return identity;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return identity.clientId();
    }
}
