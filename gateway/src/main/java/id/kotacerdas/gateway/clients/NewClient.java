package id.kotacerdas.gateway.clients;

import id.kotacerdas.contracts.identity.Role;
import id.kotacerdas.gateway.problem.Problem.FieldError;
import id.kotacerdas.gateway.problem.ProblemException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** What an operator sends to register an API client. */
public record NewClient(String name, List<String> roles, String agencyId, String electionId, String tpsId) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    /** The requested roles, after checking every field; a bad field fails the whole request. */
    Set<Role> validatedRoles() {
        List<FieldError> errors = new ArrayList<>();
        if (name == null || name.isBlank()) {
            errors.add(new FieldError("name", "must not be blank"));
        } else if (name.length() > 100) {
            errors.add(new FieldError("name", "must be at most 100 characters"));
        }
        Set<Role> known = new LinkedHashSet<>();
        if (roles == null || roles.isEmpty()) {
            errors.add(new FieldError("roles", "must name at least one role"));
        } else {
            for (String role : roles) {
                Optional<Role> parsed = role == null ? Optional.empty() : Role.fromExternalName(role);
                parsed.ifPresentOrElse(known::add,
                        () -> errors.add(new FieldError("roles", "unknown role '" + role + "'")));
            }
        }
        checkBinding(errors, "agencyId", agencyId, known.contains(Role.AGENCY_STAFF));
        checkBinding(errors, "electionId", electionId, known.contains(Role.TPS_OFFICER));
        checkBinding(errors, "tpsId", tpsId, known.contains(Role.TPS_OFFICER));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return known;
    }

    private static void checkBinding(List<FieldError> errors, String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "is required for this role"));
            }
        } else if (!ID.matcher(value).matches()) {
            errors.add(new FieldError(field, "must be a lowercase id (a-z, 0-9, '-')"));
        }
    }
}
