package id.kotacerdas.routing.assignment;

import id.kotacerdas.contracts.assignment.Priority;
import id.kotacerdas.contracts.report.ReportChannel;
import id.kotacerdas.contracts.report.ReportSubmitted;
import id.kotacerdas.contracts.report.ReportType;
import id.kotacerdas.routing.agency.Agency;
import id.kotacerdas.routing.agency.AgencyDetails;
import id.kotacerdas.routing.deadline.Deadlines;
import id.kotacerdas.routing.rule.ReportFacts;
import id.kotacerdas.routing.rule.RoutingDecision;
import id.kotacerdas.support.problem.ConflictException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AssignmentStateMachineTest {

    static final Instant NOW = Instant.parse("2026-08-13T02:00:00Z");
    static final Agency PUPR = new Agency("mimika-dinas-pupr", "mimika",
            new AgencyDetails("Dinas PUPR Kabupaten Mimika", null, List.of(), null, List.of(), List.of(), false),
            true, "seed", NOW);

    static Assignment routed() {
        ReportSubmitted report = new ReportSubmitted("r-1", "MMK-2026-000001", "mimika", ReportType.ADUAN, "jalan-rusak",
                "Jalan berlubang", null, false, false, ReportChannel.APP, 0, NOW);
        return Assignment.route(report, new ReportFacts("mimika", "jalan-rusak", "infrastruktur", "mimika-baru",
                        ReportType.ADUAN, "Jalan berlubang"), "Jalan rusak", null,
                new RoutingDecision(PUPR, "mimika-infrastructure", 3, Priority.NORMAL), deadlines(NOW), NOW);
    }

    static Deadlines deadlines(Instant from) {
        return new Deadlines(from.plus(Duration.ofDays(7)), from.plus(Duration.ofDays(60)), false);
    }

    @Test
    void theAgencyMovesForwardOneStepAtATime() {
        Assignment assignment = routed();
        assertThat(assignment.status()).isEqualTo(AssignmentStatus.ROUTED);
        assertThat(assignment.pendingEvents()).extracting(m -> m.type()).containsExactly("city.assignment.routed.v1");

        assertThatThrownBy(() -> assignment.start(NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> assignment.resolve("done", null, NOW, NOW.plus(Duration.ofDays(14)))).isInstanceOf(ConflictException.class);
        assignment.acknowledge(NOW);
        assertThatThrownBy(() -> assignment.acknowledge(NOW)).isInstanceOf(ConflictException.class);
        assignment.start(NOW);
        assignment.resolve("Jalan sudah ditambal", null, NOW, NOW.plus(Duration.ofDays(14)));
        assertThat(assignment.status()).isEqualTo(AssignmentStatus.RESOLVED);
        assertThatThrownBy(() -> assignment.addNote(Note.Visibility.PUBLIC, "x", "staff", NOW))
                .isInstanceOf(ConflictException.class);
        assertThat(assignment.pendingEvents()).extracting(m -> m.type()).containsExactly("city.assignment.routed.v1",
                "city.assignment.acknowledged.v1", "city.assignment.started.v1", "city.assignment.resolved.v1");
    }

    @Test
    void aReopenedAssignmentStaysWithTheAgencyWithFreshDeadlinesAndCanBeAcknowledgedAgain() {
        Assignment assignment = routed();
        assignment.acknowledge(NOW);
        assignment.resolve("Selesai", null, NOW, NOW.plus(Duration.ofDays(14)));
        Instant later = NOW.plus(Duration.ofDays(3));

        assertThat(assignment.reopen("Masih berlubang", deadlines(later), later)).isTrue();
        assertThat(assignment.status()).isEqualTo(AssignmentStatus.REOPENED);
        assertThat(assignment.agencyId()).isEqualTo("mimika-dinas-pupr");
        assertThat(assignment.acknowledgeBy()).isEqualTo(later.plus(Duration.ofDays(7)));
        assignment.acknowledge(later);
        assertThat(assignment.reopen("lagi", deadlines(later), later)).isFalse(); // only a resolution can be disputed
    }

    @Test
    void reportEventsThatNoLongerApplyAreIgnoredNotFailed() {
        Assignment assignment = routed();
        assertThat(assignment.withdraw(NOW)).isTrue();
        assertThat(assignment.withdraw(NOW)).isFalse();
        assertThat(assignment.close(NOW)).isFalse();
        assertThat(assignment.markDuplicate(NOW)).isFalse();
        assertThatThrownBy(() -> assignment.acknowledge(NOW)).isInstanceOf(ConflictException.class);
    }

    @Test
    void escalationGoesUpOneLevelAtATimeAndOnlyWhileOpen() {
        Assignment assignment = routed();
        Instant late = NOW.plus(Duration.ofDays(8));
        Assignment.MissedDeadline missed = assignment.missedDeadline(late);
        assertThat(missed.name()).isEqualTo("acknowledge");

        assertThatThrownBy(() -> assignment.escalate(2, missed, null, late)).isInstanceOf(ConflictException.class);
        assignment.escalate(1, missed, late.plus(Duration.ofDays(2)), late);
        assertThatThrownBy(() -> assignment.escalate(1, missed, null, late)).isInstanceOf(ConflictException.class);
        assignment.acknowledge(late);
        assertThat(assignment.missedDeadline(late)).isNull();
        assertThat(assignment.nextDeadlineAfter(late)).isEqualTo(assignment.resolveBy());
        assertThat(assignment.pendingEvents()).extracting(m -> m.type())
                .contains("city.assignment.escalated.v1", "city.assignment.acknowledged.v1");
    }
}
