package id.kotacerdas.gateway.identity;

import org.springframework.security.authentication.AbstractAuthenticationToken;

import java.util.List;

/** An API key presented by a caller, not yet verified. */
class ApiKeyAuthenticationRequest extends AbstractAuthenticationToken {

    private final String apiKey;

    ApiKeyAuthenticationRequest(String apiKey) {
        super(List.of());
        this.apiKey = apiKey;
    }

    @Override
    public Object getCredentials() {
        return apiKey;
    }

    @Override
    public Object getPrincipal() {
        return "api-key";
    }

    @Override
    public String toString() {
        return "ApiKeyAuthenticationRequest[key hidden]";
    }
}
