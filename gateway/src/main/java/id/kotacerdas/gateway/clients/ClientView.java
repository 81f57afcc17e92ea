package id.kotacerdas.gateway.clients;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.kotacerdas.gateway.identity.ApiClient;

import java.time.Instant;
import java.util.List;

/** An API client as the operator API shows it; the key itself appears only once, in the creation answer. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClientView(String id, String name, List<String> roles, String agencyId, String electionId,
                         String tpsId, String keyHint, Instant createdAt, String createdBy, Instant revokedAt,
                         String apiKey) {

    static ClientView of(ApiClient client) {
        return new ClientView(client.id(), client.name(), client.roles(), client.agencyId(), client.electionId(),
                client.tpsId(), client.keyHint(), client.createdAt(), client.createdBy(), client.revokedAt(), null);
    }

    static ClientView withKey(ApiClient client, String apiKey) {
        ClientView view = of(client);
        return new ClientView(view.id, view.name, view.roles, view.agencyId, view.electionId, view.tpsId,
                view.keyHint, view.createdAt, view.createdBy, view.revokedAt, apiKey);
    }
}
