package id.kotacerdas.contracts.identity;

import java.util.List;

/**
 * Headers the gateway sets after verifying a caller (API key or JWT). The gateway removes any of them
 * that arrive from outside, so a service behind it can trust them.
 */
public final class CallerHeaders {

    public static final String CLIENT_ID = "X-Caller-Id";
    /** Comma-separated {@link Role#externalName()}s. */
    public static final String ROLES = "X-Caller-Roles";
    /** The agency an {@code agency-staff} caller belongs to. */
    public static final String AGENCY_ID = "X-Caller-Agency";
    /** The election and TPS a {@code tps-officer} is bound to. */
    public static final String ELECTION_ID = "X-Caller-Election";
    public static final String TPS_ID = "X-Caller-Tps";

    public static final String REQUEST_ID = "X-Request-Id";
    public static final String TRACEPARENT = "traceparent";

    public static final List<String> IDENTITY_HEADERS = List.of(CLIENT_ID, ROLES, AGENCY_ID, ELECTION_ID, TPS_ID);

    private CallerHeaders() {
    }
}
