package id.kotacerdas.contracts.report;

/** How the citizen reached the platform. */
public enum ReportChannel {
    APP, WEB, OPEN311, SMS
}
