package id.kotacerdas.intake.sms;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import id.kotacerdas.intake.jurisdiction.Jurisdictions;

/** Which jurisdiction a message belongs to, by the number it was sent to. */
@Component
class ReceivingNumbers {

    private final Map<String, String> jurisdictionByNumber = new HashMap<>();
    private final String defaultJurisdiction;

    /** @throws IllegalStateException at startup when a configured jurisdiction is not served here */
    ReceivingNumbers(SmsIntakeProperties properties, Jurisdictions jurisdictions) {
        properties.getNumbers().keySet().forEach(id -> requireServed(jurisdictions, id));
        requireServed(jurisdictions, properties.getDefaultJurisdiction());
        properties.getNumbers().forEach((jurisdiction, numbers) -> {
            for (String number : numbers) {
                jurisdictionByNumber.put(canonical(number), jurisdiction);
            }
        });
        this.defaultJurisdiction = properties.getDefaultJurisdiction();
    }

    String jurisdictionOf(String recipientNumber) {
        if (recipientNumber == null) {
            return defaultJurisdiction;
        }
        return jurisdictionByNumber.getOrDefault(canonical(recipientNumber), defaultJurisdiction);
    }

    /** Digits only, national {@code 0…} written as {@code 62…}, so every form of a number compares equal. */
    static String canonical(String number) {
        String digits = number.replaceAll("\\D", "");
        return digits.startsWith("0") ? "62" + digits.substring(1) : digits;
    }

    private static void requireServed(Jurisdictions jurisdictions, String id) {
        if (jurisdictions.find(id).isEmpty()) {
            throw new IllegalStateException("kotacerdas.intake.sms names jurisdiction '" + id
                    + "', which is not served here");
        }
    }
}
