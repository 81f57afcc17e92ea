package id.kotacerdas.intake.open311;

import org.springframework.stereotype.Component;

import id.kotacerdas.intake.jurisdiction.Jurisdiction;
import id.kotacerdas.intake.jurisdiction.Jurisdictions;

/** Resolves {@code jurisdiction_id}: required, unless a default jurisdiction is configured. */
@Component
class Open311Jurisdictions {

    private final Jurisdictions jurisdictions;
    private final Open311Properties properties;

    Open311Jurisdictions(Jurisdictions jurisdictions, Open311Properties properties) {
        this.jurisdictions = jurisdictions;
        this.properties = properties;
    }

    /** The id asked for, or the default; null when neither (the caller decides whether that is an error). */
    String idOrDefault(String requested) {
        if (requested != null) {
            return requested;
        }
        String fallback = properties.getDefaultJurisdiction();
        return fallback == null || fallback.isBlank() ? null : fallback.strip();
    }

    /** @throws Open311Exception 400 when no jurisdiction is given, 404 when it is not served here */
    Jurisdiction require(String requested) {
        String id = idOrDefault(requested);
        if (id == null) {
            throw Open311Exception.badRequest("jurisdiction_id was not provided");
        }
        return jurisdictions.find(id)
                .orElseThrow(() -> Open311Exception.notFound("jurisdiction_id " + shown(id) + " is not served here"));
    }

    /** The requested jurisdiction when one is given (or defaulted), else null for "all". */
    Jurisdiction optional(String requested) {
        return idOrDefault(requested) == null ? null : require(requested);
    }

    /** Echoes a caller's value only when it is a plain code, so no markup comes back in an error. */
    static String shown(String value) {
        return value.matches("[A-Za-z0-9._-]{1,64}") ? value : "(invalid)";
    }
}
