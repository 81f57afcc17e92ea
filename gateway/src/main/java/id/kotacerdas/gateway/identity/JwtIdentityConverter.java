package id.kotacerdas.gateway.identity;

import id.kotacerdas.contracts.identity.Role;
import id.kotacerdas.gateway.GatewayProperties;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.publisher.Mono;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Maps a verified JWT to the same identity an API client has; roles come from a configurable claim. */
class JwtIdentityConverter implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    private final GatewayProperties.Jwt settings;

    JwtIdentityConverter(GatewayProperties.Jwt settings) {
        this.settings = settings;
    }

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
        Set<Role> roles = roleNames(jwt.getClaim(settings.rolesClaim())).stream()
                .map(Role::fromExternalName).flatMap(Optional::stream).collect(Collectors.toSet());
        CallerIdentity identity = new CallerIdentity("jwt:" + jwt.getSubject(), roles,
                jwt.getClaimAsString(settings.agencyClaim()), jwt.getClaimAsString(settings.electionClaim()),
                jwt.getClaimAsString(settings.tpsClaim()));
        return Mono.just(new CallerAuthentication(identity));
    }

    private static List<String> roleNames(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        if (claim instanceof String value) {
            return Stream.of(value.split("[,\\s]+")).filter(name -> !name.isBlank()).toList();
        }
        return List.of();
    }
}
