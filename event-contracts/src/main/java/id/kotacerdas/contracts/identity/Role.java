package id.kotacerdas.contracts.identity;

import java.util.Locale;
import java.util.Optional;

/** What a caller may do. The gateway verifies the caller; services enforce per-resource rules. */
public enum Role {
    CITIZEN_APP("citizen-app"),
    AGENCY_STAFF("agency-staff"),
    OPERATOR("operator"),
    ELECTION_ADMIN("election-admin"),
    TPS_OFFICER("tps-officer"),
    GUARDIAN("guardian"),
    AUDITOR("auditor");

    private final String externalName;

    Role(String externalName) {
        this.externalName = externalName;
    }

    public String externalName() {
        return externalName;
    }

    public static Optional<Role> fromExternalName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (Role role : values()) {
            if (role.externalName.equals(wanted)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
