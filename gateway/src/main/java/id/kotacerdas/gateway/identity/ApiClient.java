package id.kotacerdas.gateway.identity;

import id.kotacerdas.contracts.identity.Role;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** A registered API client. Only the hash of its key is kept. */
@Document(ApiClient.COLLECTION)
public record ApiClient(@Id String id, String name, List<String> roles, String agencyId, String electionId,
                        String tpsId, String keyHash, String keyHint, Instant createdAt, String createdBy,
                        Instant revokedAt) {

    public static final String COLLECTION = "clients";

    public boolean revoked() {
        return revokedAt != null;
    }

    public CallerIdentity identity() {
        Set<Role> known = roles.stream().map(Role::fromExternalName).flatMap(Optional::stream)
                .collect(Collectors.toSet());
        return new CallerIdentity(id, known, agencyId, electionId, tpsId);
    }
}
