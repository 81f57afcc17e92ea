package id.kotacerdas.intake.sms;

import java.util.Map;

import id.kotacerdas.intake.report.ReportStatus;

/** Report statuses as words for an SMS answer (SMS intake answers in Bahasa Indonesia). */
final class StatusLabels {

    static final String NOT_FOUND = "tidak ditemukan";

    private static final Map<ReportStatus, String> LABELS = Map.of(
            ReportStatus.SUBMITTED, "diterima, menunggu diteruskan",
            ReportStatus.ROUTED, "diteruskan ke instansi",
            ReportStatus.ACKNOWLEDGED, "diterima instansi",
            ReportStatus.IN_PROGRESS, "sedang ditangani",
            ReportStatus.RESOLVED, "selesai ditangani",
            ReportStatus.CLOSED, "ditutup",
            ReportStatus.REJECTED, "ditolak",
            ReportStatus.DUPLICATE, "digabung dengan laporan lain",
            ReportStatus.WITHDRAWN, "dicabut pelapor",
            ReportStatus.REOPENED, "dibuka kembali");

    private StatusLabels() {
    }

    static String of(ReportStatus status) {
        return LABELS.getOrDefault(status, status.name().toLowerCase(java.util.Locale.ROOT));
    }
}
