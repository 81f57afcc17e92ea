package id.kotacerdas.routing.agency;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * A dinas or public utility that handles reports in one jurisdiction, or the jurisdiction's operator desk
 * (which catches what no rule routes elsewhere and receives level-2 escalations).
 */
@Document("agencies")
public class Agency {

    @Id
    private String id;
    @Indexed
    private String jurisdictionId;
    private String name;
    private Contact head;
    private List<Contact> contacts;
    private String workingHours;
    private List<String> categories;
    private List<String> districtCodes;
    private boolean operatorDesk;
    private boolean retired;
    private boolean sampleData;
    @Version
    private Long version;
    private String changedBy;
    private Instant changedAt;

    Agency() {
    }

    public Agency(String id, String jurisdictionId, AgencyDetails details, boolean sampleData, String changedBy,
                  Instant changedAt) {
        this.id = id;
        this.jurisdictionId = jurisdictionId;
        this.sampleData = sampleData;
        apply(details, changedBy, changedAt);
    }

    public void apply(AgencyDetails details, String changedBy, Instant changedAt) {
        this.name = details.name();
        this.head = details.head();
        this.contacts = details.contacts() == null ? List.of() : List.copyOf(details.contacts());
        this.workingHours = details.workingHours();
        this.categories = details.categories() == null ? List.of() : List.copyOf(details.categories());
        this.districtCodes = details.districtCodes() == null ? List.of() : List.copyOf(details.districtCodes());
        this.operatorDesk = details.isOperatorDesk();
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    public void retire(String changedBy, Instant changedAt) {
        this.retired = true;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    public boolean isActive() {
        return !retired;
    }

    public String id() {
        return id;
    }

    public String jurisdictionId() {
        return jurisdictionId;
    }

    public String name() {
        return name;
    }

    public Contact head() {
        return head;
    }

    public List<Contact> contacts() {
        return contacts == null ? List.of() : contacts;
    }

    public String workingHours() {
        return workingHours;
    }

    public List<String> categories() {
        return categories == null ? List.of() : categories;
    }

    public List<String> districtCodes() {
        return districtCodes == null ? List.of() : districtCodes;
    }

    public boolean operatorDesk() {
        return operatorDesk;
    }

    public boolean retired() {
        return retired;
    }

    public boolean sampleData() {
        return sampleData;
    }

    public Long version() {
        return version;
    }

    public String changedBy() {
        return changedBy;
    }

    public Instant changedAt() {
        return changedAt;
    }
}
