package id.kotacerdas.gateway.identity;

import id.kotacerdas.gateway.GatewayProperties;
import id.kotacerdas.gateway.problem.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * Who may call what, coarsely: public reads are open, everything else needs an API key or (when an issuer is
 * configured) a JWT, with roles checked per route. Per-resource rules (which agency, which TPS) stay in the
 * services, which receive the verified identity in the caller headers.
 */
@Configuration
@EnableWebFluxSecurity
public class SecurityConfig {

    static final String CITIZEN_APP = "citizen-app";
    static final String AGENCY_STAFF = "agency-staff";
    static final String OPERATOR = "operator";
    static final String ELECTION_ADMIN = "election-admin";
    static final String TPS_OFFICER = "tps-officer";
    static final String GUARDIAN = "guardian";
    static final String AUDITOR = "auditor";

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ApiKeyVerifier apiKeys,
                                           ProblemWriter problems, GatewayProperties properties) {
        ServerAuthenticationEntryPoint unauthenticated = (exchange, error) -> problems.write(exchange,
                HttpStatus.UNAUTHORIZED, "A valid API key (X-API-Key) or bearer token is required.");
        ServerAccessDeniedHandler forbidden = (exchange, error) -> problems.write(exchange,
                HttpStatus.FORBIDDEN, "Your roles do not allow this request.");

        AuthenticationWebFilter apiKeyAuthentication = new AuthenticationWebFilter(apiKeys);
        apiKeyAuthentication.setServerAuthenticationConverter(new ApiKeyExtractor());
        apiKeyAuthentication.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(unauthenticated));
        apiKeyAuthentication.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());

        http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
                .headers(ServerHttpSecurity.HeaderSpec::disable) // SecurityHeaders sets them on every answer
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .addFilterAt(apiKeyAuthentication, SecurityWebFiltersOrder.AUTHENTICATION)
                .authorizeExchange(SecurityConfig::accessRules);

        GatewayProperties.Cors cors = properties.cors();
        if (cors.allowedOrigins() != null && !cors.allowedOrigins().isEmpty()) {
            http.cors(spec -> spec.configurationSource(corsSource(cors)));
        } else {
            http.cors(ServerHttpSecurity.CorsSpec::disable);
        }

        if (properties.jwt().enabled()) {
            http.oauth2ResourceServer(resourceServer -> resourceServer
                    .authenticationEntryPoint(unauthenticated)
                    .accessDeniedHandler(forbidden)
                    .jwt(jwt -> jwt.jwtDecoder(jwtDecoder(properties.jwt()))
                            .jwtAuthenticationConverter(new JwtIdentityConverter(properties.jwt()))));
        }
        return http.build();
    }

    private static void accessRules(ServerHttpSecurity.AuthorizeExchangeSpec rules) {
        rules.pathMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                .pathMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info",
                        "/actuator/prometheus").permitAll()
                .pathMatchers(HttpMethod.GET, "/docs", "/docs/**", "/swagger-ui/**", "/webjars/**", "/v3/api-docs",
                        "/v3/api-docs/**").permitAll()
                // public reads: a report by tracking number, report search, Open311 discovery/services/requests
                .pathMatchers(HttpMethod.GET, "/api/v1/reports", "/api/v1/reports/*", "/open311/v2/**").permitAll()
                .pathMatchers(HttpMethod.HEAD, "/api/v1/reports", "/api/v1/reports/*", "/open311/v2/**").permitAll()
                // public election information: elections, turnout, published results, the record, the board
                .pathMatchers(HttpMethod.GET, "/api/v1/elections", "/api/v1/elections/*",
                        "/api/v1/elections/*/turnout", "/api/v1/elections/*/results", "/api/v1/elections/*/record",
                        "/api/v1/elections/*/record/**", "/api/v1/elections/*/board",
                        "/api/v1/elections/*/board/**", "/api/v1/elections/*/manifest",
                        "/api/v1/elections/*/guardians/public-keys", "/api/v1/elections/*/tally/aggregates").permitAll()
                // public reads of jurisdictions: the service catalogue (intake), areas and locate (routing)
                .pathMatchers(HttpMethod.GET, "/api/v1/jurisdictions", "/api/v1/jurisdictions/*",
                        "/api/v1/jurisdictions/*/services", "/api/v1/jurisdictions/*/services/**",
                        "/api/v1/jurisdictions/*/districts", "/api/v1/jurisdictions/*/areas",
                        "/api/v1/jurisdictions/*/locate").permitAll()
                .pathMatchers(HttpMethod.GET, "/api/v1/jurisdictions/*/stats").hasAnyAuthority(OPERATOR, AUDITOR)
                // an SMS gateway delivering citizens' texts: intake checks its shared secret, or the operator role
                .pathMatchers(HttpMethod.POST, "/api/v1/sms/inbound").permitAll()
                // the single-use ballot token in the body is the authority to cast
                .pathMatchers(HttpMethod.POST, "/api/v1/elections/*/ballots").permitAll()

                .pathMatchers("/api/v1/clients", "/api/v1/clients/**").hasAuthority(OPERATOR)
                .pathMatchers("/open311/v2/**").hasAnyAuthority(CITIZEN_APP, OPERATOR)

                .pathMatchers(HttpMethod.GET, "/api/v1/reports/**").hasAnyAuthority(CITIZEN_APP, AGENCY_STAFF, OPERATOR, AUDITOR)
                .pathMatchers("/api/v1/reports", "/api/v1/reports/**").hasAnyAuthority(CITIZEN_APP, AGENCY_STAFF, OPERATOR)

                .pathMatchers(HttpMethod.GET, "/api/v1/assignments", "/api/v1/assignments/**").hasAnyAuthority(AGENCY_STAFF, OPERATOR, AUDITOR)
                .pathMatchers("/api/v1/assignments", "/api/v1/assignments/**").hasAnyAuthority(AGENCY_STAFF, OPERATOR)

                .pathMatchers(HttpMethod.GET, "/api/v1/agencies", "/api/v1/agencies/**").hasAnyAuthority(CITIZEN_APP, AGENCY_STAFF, OPERATOR, AUDITOR)
                .pathMatchers("/api/v1/agencies", "/api/v1/agencies/**").hasAuthority(OPERATOR)

                .pathMatchers(HttpMethod.GET, "/api/v1/routing-rules", "/api/v1/routing-rules/**").hasAnyAuthority(AGENCY_STAFF, OPERATOR, AUDITOR)
                .pathMatchers("/api/v1/routing-rules", "/api/v1/routing-rules/**").hasAuthority(OPERATOR)

                .pathMatchers(HttpMethod.GET, "/api/v1/notifications", "/api/v1/notifications/**").hasAnyAuthority(OPERATOR, AUDITOR)
                .pathMatchers("/api/v1/notifications", "/api/v1/notifications/**").hasAuthority(OPERATOR)

                .pathMatchers(HttpMethod.GET, "/api/v1/elections/**").hasAnyAuthority(ELECTION_ADMIN, TPS_OFFICER, GUARDIAN, AUDITOR, OPERATOR)
                .pathMatchers("/api/v1/elections", "/api/v1/elections/**").hasAnyAuthority(ELECTION_ADMIN, TPS_OFFICER, GUARDIAN)

                .pathMatchers("/actuator/**").hasAuthority(OPERATOR)
                .anyExchange().authenticated();
    }

    private static ReactiveJwtDecoder jwtDecoder(GatewayProperties.Jwt settings) {
        boolean hasIssuer = settings.issuerUri() != null && !settings.issuerUri().isBlank();
        boolean hasJwkSet = settings.jwkSetUri() != null && !settings.jwkSetUri().isBlank();
        // the issuer's discovery document is fetched on first use, so the gateway starts while the IdP is down
        NimbusReactiveJwtDecoder decoder = hasJwkSet
                ? NimbusReactiveJwtDecoder.withJwkSetUri(settings.jwkSetUri()).build()
                : NimbusReactiveJwtDecoder.withIssuerLocation(settings.issuerUri()).build();
        OAuth2TokenValidator<Jwt> validator = hasIssuer ? JwtValidators.createDefaultWithIssuer(settings.issuerUri())
                : JwtValidators.createDefault();
        decoder.setJwtValidator(validator);
        return decoder;
    }

    private static UrlBasedCorsConfigurationSource corsSource(GatewayProperties.Cors cors) {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOriginPatterns(cors.allowedOrigins());
        configuration.setAllowedMethods(cors.allowedMethods());
        configuration.setAllowedHeaders(cors.allowedHeaders());
        configuration.setExposedHeaders(cors.exposedHeaders());
        configuration.setMaxAge(cors.maxAge());
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", configuration);
        return source;
    }
}
