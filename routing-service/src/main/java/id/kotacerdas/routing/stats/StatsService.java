package id.kotacerdas.routing.stats;

import id.kotacerdas.routing.agency.Agency;
import id.kotacerdas.routing.agency.AgencyDirectory;
import id.kotacerdas.routing.assignment.Assignment;
import id.kotacerdas.routing.place.Jurisdiction;
import id.kotacerdas.routing.place.Jurisdictions;
import id.kotacerdas.support.problem.InvalidInputException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Stats per agency and per jurisdiction, over assignments routed between two local dates (inclusive). */
@Service
public class StatsService {

    private final MongoTemplate mongo;
    private final AgencyDirectory agencies;
    private final Jurisdictions jurisdictions;
    private final Clock clock;

    public StatsService(MongoTemplate mongo, AgencyDirectory agencies, Jurisdictions jurisdictions, Clock clock) {
        this.mongo = mongo;
        this.agencies = agencies;
        this.jurisdictions = jurisdictions;
        this.clock = clock;
    }

    public AgencyStats forAgency(Agency agency, LocalDate from, LocalDate to) {
        Jurisdiction jurisdiction = jurisdictions.require(agency.jurisdictionId(), "agencyId");
        List<Assignment> routed = routedBetween(Criteria.where("agencyId").is(agency.id()), jurisdiction, from, to);
        return new AgencyStats(agency.id(), agency.name(), agency.jurisdictionId(), from, to, compute(routed));
    }

    public JurisdictionStats forJurisdiction(String jurisdictionId, LocalDate from, LocalDate to) {
        Jurisdiction jurisdiction = jurisdictions.require(jurisdictionId, "jurisdictionId");
        List<Assignment> routed = routedBetween(Criteria.where("jurisdictionId").is(jurisdictionId), jurisdiction, from, to);
        Map<String, List<Assignment>> byAgency = routed.stream().collect(Collectors.groupingBy(Assignment::agencyId));
        Map<String, Agency> known = agencies.list(jurisdictionId).stream()
                .collect(Collectors.toMap(Agency::id, Function.identity()));
        List<AgencyStats> perAgency = byAgency.entrySet().stream()
                .map(e -> new AgencyStats(e.getKey(), known.containsKey(e.getKey()) ? known.get(e.getKey()).name()
                        : e.getValue().get(0).agencyName(), jurisdictionId, from, to, compute(e.getValue())))
                .sorted(Comparator.comparing(AgencyStats::agencyId)).toList();
        return new JurisdictionStats(jurisdictionId, from, to, compute(routed), perAgency);
    }

    private List<Assignment> routedBetween(Criteria scope, Jurisdiction jurisdiction, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "must not be before from");
        }
        Instant start = from.atStartOfDay(jurisdiction.zone()).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(jurisdiction.zone()).toInstant();
        return mongo.find(Query.query(scope.and("routedAt").gte(start).lt(end)), Assignment.class);
    }

    private AssignmentStats compute(List<Assignment> assignments) {
        Instant now = clock.instant();
        long open = assignments.stream().filter(a -> a.status().isOpen()).count();
        long overdue = assignments.stream().filter(a -> a.isOverdue(now)).count();
        return new AssignmentStats(assignments.size(), open, overdue,
                iso(median(assignments.stream().map(a -> between(a.routedAt(), a.acknowledgedAt())).toList())),
                iso(median(assignments.stream().map(a -> between(a.routedAt(), a.resolvedAt())).toList())));
    }

    private static Duration between(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to);
    }

    private static String iso(Duration duration) {
        return duration == null ? null : duration.toString();
    }

    static Duration median(List<Duration> durations) {
        List<Duration> sorted = durations.stream().filter(Objects::nonNull).sorted().toList();
        if (sorted.isEmpty()) {
            return null;
        }
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
    }
}
