package id.kotacerdas.intake.catalogue;

import java.util.ArrayList;
import java.util.List;

/**
 * The sample service catalogue seeded for every pilot jurisdiction. SAMPLE DATA: categories and keywords
 * modelled on LAPOR! and Lapor Akai Meno, not an official catalogue of any regency.
 */
final class SeedCatalogue {

    private static final List<AttributeValue> DAMAGE_LEVELS = List.of(new AttributeValue("ringan", "Ringan / minor"),
            new AttributeValue("sedang", "Sedang / moderate"), new AttributeValue("berat", "Berat / severe"));

    private SeedCatalogue() {
    }

    static List<CatalogueEntry> entries(List<String> jurisdictionIds) {
        List<CatalogueEntry> entries = new ArrayList<>();
        for (String jurisdiction : jurisdictionIds) {
            entries.addAll(common(jurisdiction));
            if (jurisdiction.equals("bandung")) {
                entries.add(new CatalogueEntry(jurisdiction, "layad-rawat", "Layad Rawat (perawatan di rumah)",
                        "Layad Rawat home care", "layanan-kesehatan",
                        "Layanan kesehatan darurat di rumah untuk warga yang tidak dapat ke puskesmas (contoh)",
                        List.of("layad", "rawat", "homecare", "perawat", "lansia"),
                        List.of(new ServiceAttribute("kondisi-pasien", "singlevaluelist", false,
                                        "Kondisi pasien / patient condition", 1,
                                        List.of(new AttributeValue("stabil", "Stabil / stable"),
                                                new AttributeValue("lemah", "Lemah / weak"),
                                                new AttributeValue("kritis", "Kritis / critical"))),
                                new ServiceAttribute("usia-pasien", "number", false, "Usia pasien / patient age", 2,
                                        List.of())),
                        true));
            }
        }
        return List.copyOf(entries);
    }

    private static List<CatalogueEntry> common(String j) {
        return List.of(
                new CatalogueEntry(j, "jalan-rusak", "Jalan rusak", "Road damage", "infrastruktur",
                        "Jalan berlubang, retak atau amblas", List.of("jalan", "lubang", "aspal", "berlubang", "road"),
                        List.of(new ServiceAttribute("tingkat-kerusakan", "singlevaluelist", false,
                                "Tingkat kerusakan / damage level", 1, DAMAGE_LEVELS)), false),
                entry(j, "drainase", "Drainase & banjir", "Drainage & flooding", "infrastruktur",
                        "Saluran tersumbat, genangan atau banjir", "banjir", "drainase", "got", "selokan", "genangan"),
                entry(j, "lampu-jalan", "Penerangan jalan umum", "Street lighting", "infrastruktur",
                        "Lampu jalan mati atau rusak", "lampu", "pju", "penerangan", "gelap"),
                entry(j, "sampah", "Sampah", "Waste", "lingkungan",
                        "Sampah menumpuk, TPS penuh, pembuangan liar", "sampah", "tps", "limbah", "kotor"),
                entry(j, "air-bersih", "Air bersih (PDAM)", "Water supply (PDAM)", "utilitas",
                        "Air PDAM mati, keruh atau pipa bocor", "air", "pdam", "pipa", "bocor"),
                entry(j, "listrik", "Listrik padam", "Electricity outage", "utilitas",
                        "Pemadaman listrik atau kabel berbahaya", "listrik", "padam", "pln", "kabel"),
                entry(j, "kesehatan", "Layanan kesehatan", "Health services", "layanan-kesehatan",
                        "Puskesmas, rumah sakit, tenaga kesehatan", "puskesmas", "kesehatan", "dokter", "obat", "rs"),
                entry(j, "pendidikan", "Pendidikan", "Education", "layanan-publik",
                        "Sekolah, guru, bantuan pendidikan", "sekolah", "guru", "pendidikan", "siswa"),
                entry(j, "adminduk", "Administrasi kependudukan", "Civil registry", "layanan-publik",
                        "KTP, KK, akta kelahiran", "ktp", "kk", "akta", "adminduk", "dukcapil"),
                entry(j, "ketertiban", "Ketertiban umum", "Public order", "ketertiban",
                        "Gangguan ketertiban, parkir liar, pedagang di trotoar", "ketertiban", "parkir", "bising",
                        "satpol"),
                entry(j, "lainnya", "Lainnya", "Other", "umum", "Laporan lain", "lainnya", "umum"));
    }

    private static CatalogueEntry entry(String jurisdiction, String code, String name, String nameEn, String group,
                                        String description, String... keywords) {
        return new CatalogueEntry(jurisdiction, code, name, nameEn, group, description, List.of(keywords), List.of(),
                false);
    }
}
