package id.kotacerdas.contracts.report;

/** Lapor AKAI: Aduan, Keluhan, Aspirasi, Informasi. */
public enum ReportType {
    /** complaint */
    ADUAN,
    /** grievance */
    KELUHAN,
    /** aspiration */
    ASPIRASI,
    /** information request */
    INFORMASI
}
