package id.kotacerdas.intake.sms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Settings of SMS intake ({@code kotacerdas.intake.sms.*}). The receiving numbers below are SAMPLE DATA,
 * not numbers any regency operates: configure the real ones, e.g.
 * {@code KOTACERDAS_INTAKE_SMS_NUMBERS_MIMIKA=1708,+6290112345}.
 */
@Component
@ConfigurationProperties("kotacerdas.intake.sms")
public class SmsIntakeProperties {

    /** Receiving numbers per jurisdiction id (short codes or any form of an Indonesian number). */
    private Map<String, List<String>> numbers = new LinkedHashMap<>(Map.of(
            "mimika", new ArrayList<>(List.of("1708", "+62901300170")),
            "banyuasin", new ArrayList<>(List.of("+62711300170")),
            "bandung", new ArrayList<>(List.of("+6222300170"))));
    /** The jurisdiction of a message to a number not listed above. */
    private String defaultJurisdiction = "mimika";
    /**
     * The shared secret an SMS gateway sends in {@code X-Sms-Gateway-Secret} to use the webhook without an
     * operator key; empty: only callers with the operator role may use it.
     */
    private String webhookSecret = "";
    /** The longest inbound text accepted (concatenated SMS); longer texts are cut here. */
    private int maxTextLength = 1600;

    public Map<String, List<String>> getNumbers() { return numbers; }
    public void setNumbers(Map<String, List<String>> numbers) { this.numbers = numbers; }
    public String getDefaultJurisdiction() { return defaultJurisdiction; }
    public void setDefaultJurisdiction(String defaultJurisdiction) { this.defaultJurisdiction = defaultJurisdiction; }
    public String getWebhookSecret() { return webhookSecret; }
    public void setWebhookSecret(String webhookSecret) { this.webhookSecret = webhookSecret; }
    public int getMaxTextLength() { return maxTextLength; }
    public void setMaxTextLength(int maxTextLength) { this.maxTextLength = maxTextLength; }
}
