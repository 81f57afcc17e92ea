package id.kotacerdas.routing.assignment;

import java.util.EnumSet;
import java.util.Set;

/** Where an assignment stands. The allowed moves between them live in {@link Assignment}. */
public enum AssignmentStatus {
    ROUTED, ACKNOWLEDGED, IN_PROGRESS, RESOLVED, REOPENED, REJECTED, CLOSED, WITHDRAWN, DUPLICATE;

    /** The agency still has work to do. */
    public static final Set<AssignmentStatus> OPEN = EnumSet.of(ROUTED, ACKNOWLEDGED, IN_PROGRESS, REOPENED);
    /** The agency has not confirmed it has the report yet. */
    public static final Set<AssignmentStatus> AWAITING_ACKNOWLEDGEMENT = EnumSet.of(ROUTED, REOPENED);
    /** Nothing more happens. */
    public static final Set<AssignmentStatus> FINAL = EnumSet.of(REJECTED, CLOSED, WITHDRAWN, DUPLICATE);

    public boolean isOpen() {
        return OPEN.contains(this);
    }
}
