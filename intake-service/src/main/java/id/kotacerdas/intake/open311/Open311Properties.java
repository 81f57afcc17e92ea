package id.kotacerdas.intake.open311;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Settings of the Open311 endpoint ({@code kotacerdas.intake.open311.*}, e.g. env
 * {@code KOTACERDAS_INTAKE_OPEN311_DEFAULT_JURISDICTION}).
 */
@Component
@ConfigurationProperties("kotacerdas.intake.open311")
public class Open311Properties {

    /** The jurisdiction used when a call gives no {@code jurisdiction_id}; empty: the parameter is required. */
    private String defaultJurisdiction = "";
    /** Who to contact about the API, shown in discovery. */
    private String contact = "Kota Cerdas operator desk, open311@kotacerdas.example (sample)";
    /** Where developers get an api_key, shown in discovery. */
    private String keyService = "Ask the operator desk for an API key of an integrating app (sample)";
    /** GET requests without dates covers this window back from now (or from end_date). */
    private Duration defaultWindow = Duration.ofDays(90);
    /** The most requests one GET answers; also the largest page_size. */
    private int maxRequests = 1000;

    public String getDefaultJurisdiction() { return defaultJurisdiction; }
    public void setDefaultJurisdiction(String defaultJurisdiction) { this.defaultJurisdiction = defaultJurisdiction; }
    public String getContact() { return contact; }
    public void setContact(String contact) { this.contact = contact; }
    public String getKeyService() { return keyService; }
    public void setKeyService(String keyService) { this.keyService = keyService; }
    public Duration getDefaultWindow() { return defaultWindow; }
    public void setDefaultWindow(Duration defaultWindow) { this.defaultWindow = defaultWindow; }
    public int getMaxRequests() { return maxRequests; }
    public void setMaxRequests(int maxRequests) { this.maxRequests = maxRequests; }
}
