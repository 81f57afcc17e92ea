package id.kotacerdas.voting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sample data for tests (not real people): a Pilkades in Kabupaten Banyuasin with two villages, their
 * TPS and candidates, and NIKs of the right shape for region 16.07 (Banyuasin).
 */
public final class SampleElection {

    private SampleElection() {
    }

    public static Map<String, Object> setup(String name, LocalDate date, List<String> guardianIds, boolean blank) {
        Map<String, Object> setup = new LinkedHashMap<>();
        setup.put("jurisdictionId", "banyuasin");
        setup.put("name", name);
        setup.put("date", date.toString());
        setup.put("pollsOpen", "07:00");
        setup.put("pollsClose", "13:00");
        setup.put("timeZone", "Asia/Jakarta");
        setup.put("allowBlankVotes", blank);
        setup.put("villages", List.of(
                Map.of("code", "sukamaju", "name", "Desa Sukamaju (contoh)",
                        "pollingStations", List.of(Map.of("id", "sukamaju-01", "name", "TPS 01 Sukamaju"),
                                Map.of("id", "sukamaju-02", "name", "TPS 02 Sukamaju")),
                        "candidates", List.of(
                                Map.of("ballotNumber", 1, "name", "Calon Satu (contoh)", "photoUrl", "https://example.id/1.jpg"),
                                Map.of("ballotNumber", 2, "name", "Calon Dua (contoh)"),
                                Map.of("ballotNumber", 3, "name", "Calon Tiga (contoh)"))),
                Map.of("code", "mekarsari", "name", "Desa Mekarsari (contoh)",
                        "pollingStations", List.of(Map.of("id", "mekarsari-01", "name", "TPS 01 Mekarsari")),
                        "candidates", List.of(
                                Map.of("ballotNumber", 1, "name", "Calon A (contoh)"),
                                Map.of("ballotNumber", 2, "name", "Calon B (contoh)")))));
        setup.put("committee", List.of(Map.of("name", "Ketua Panitia (contoh)", "role", "ketua")));
        List<Map<String, String>> guardians = new ArrayList<>();
        guardianIds.forEach(id -> guardians.add(Map.of("id", id, "name", "Wali " + id)));
        setup.put("guardians", guardians);
        return setup;
    }

    /** A NIK for region 16.07.xx that encodes this birth date and sex (day + 40 for women). */
    public static String nik(int district, LocalDate birth, boolean woman, int serial) {
        int day = birth.getDayOfMonth() + (woman ? 40 : 0);
        return String.format("1607%02d%02d%02d%02d%04d", district, day, birth.getMonthValue(), birth.getYear() % 100, serial);
    }

    /** A voter-roll line: nik,name,birth_date,sex,village,tps,phone. */
    public static String line(String nik, String name, LocalDate birth, boolean woman, String village, String tps,
                              String phone) {
        return String.join(",", nik, "\"" + name + "\"", birth.toString(), woman ? "P" : "L", village, tps,
                phone == null ? "" : phone);
    }

    public static final String HEADER = "nik,nama,tanggal_lahir,jenis_kelamin,desa,tps,telepon";
}
