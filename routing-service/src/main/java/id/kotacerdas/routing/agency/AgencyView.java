package id.kotacerdas.routing.agency;

import java.time.Instant;
import java.util.List;

/** An agency as the API shows it. */
public record AgencyView(String id, String jurisdictionId, String name, Contact head, List<Contact> contacts,
                         String workingHours, List<String> categories, List<String> districtCodes, boolean operatorDesk,
                         boolean retired, boolean sampleData, Long version, String changedBy, Instant changedAt) {

    public static AgencyView of(Agency a) {
        return new AgencyView(a.id(), a.jurisdictionId(), a.name(), a.head(), a.contacts(), a.workingHours(),
                a.categories(), a.districtCodes(), a.operatorDesk(), a.retired(), a.sampleData(), a.version(),
                a.changedBy(), a.changedAt());
    }
}
