package id.kotacerdas.voting.roll;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * The shape of an Indonesian NIK (Nomor Induk Kependudukan): 16 digits = province (2), regency (2),
 * district (2), birth day (+40 for women), month, two-digit year, and a serial number that is never 0000.
 */
public final class NikCheck {

    /** Province codes issued by Kemendagri, including the 2022 Papua provinces (93-96). */
    private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "16", "17", "18", "19", "21",
            "31", "32", "33", "34", "35", "36", "51", "52", "53", "61", "62", "63", "64", "65", "71", "72", "73",
            "74", "75", "76", "81", "82", "91", "92", "93", "94", "95", "96");

    private NikCheck() {
    }

    /** @return why the NIK does not fit this person, or empty when it does */
    public static Optional<String> problem(String nik, LocalDate birthDate, Sex sex) {
        if (nik == null || !nik.matches("[0-9]{16}")) {
            return Optional.of("must be 16 digits");
        }
        if (!PROVINCES.contains(nik.substring(0, 2)) || nik.startsWith("00", 2) || nik.startsWith("00", 4)) {
            return Optional.of("does not start with a valid region code");
        }
        if (nik.endsWith("0000")) {
            return Optional.of("has an invalid serial number");
        }
        int day = Integer.parseInt(nik.substring(6, 8));
        int month = Integer.parseInt(nik.substring(8, 10));
        int year = Integer.parseInt(nik.substring(10, 12));
        boolean female = day > 40;
        int realDay = female ? day - 40 : day;
        try {
            LocalDate.of(2000 + year, month, realDay);
        } catch (DateTimeException e) {
            // 29 February of a two-digit year is checked against the full birth date below
            if (!(month == 2 && realDay == 29)) {
                return Optional.of("does not encode a valid birth date");
            }
        }
        if (birthDate != null && (birthDate.getDayOfMonth() != realDay || birthDate.getMonthValue() != month
                || birthDate.getYear() % 100 != year)) {
            return Optional.of("does not match the birth date");
        }
        if (sex != null && female != (sex == Sex.P)) {
            return Optional.of(female ? "encodes a woman (day + 40) but sex is L" : "encodes a man but sex is P");
        }
        return Optional.empty();
    }
}
