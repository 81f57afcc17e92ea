package id.kotacerdas.routing.agency;

import id.kotacerdas.routing.RecentReads;
import id.kotacerdas.routing.place.Jurisdictions;
import id.kotacerdas.support.problem.ConflictException;
import id.kotacerdas.support.problem.InvalidInputException;
import id.kotacerdas.support.problem.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The agency directory: reads for routing, and the operator's changes (recorded with who and when). */
@Service
public class AgencyDirectory {

    private static final Logger log = LoggerFactory.getLogger(AgencyDirectory.class);

    private final AgencyRepository agencies;
    private final Jurisdictions jurisdictions;
    private final Clock clock;
    private final RecentReads<String, Optional<Agency>> forRouting;

    public AgencyDirectory(AgencyRepository agencies, Jurisdictions jurisdictions, Clock clock,
                           @Value("${kotacerdas.routing.agencies-cache-ttl:2s}") Duration cacheTtl) {
        this.agencies = agencies;
        this.jurisdictions = jurisdictions;
        this.clock = clock;
        this.forRouting = new RecentReads<>(cacheTtl);
    }

    public Optional<Agency> find(String id) {
        return id == null ? Optional.empty() : agencies.findById(id);
    }

    public Agency require(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("No agency " + id));
    }

    public Optional<Agency> findActive(String id) {
        return find(id).filter(Agency::isActive);
    }

    /**
     * As {@link #findActive}, for routing each report: read at most once per cache TTL
     * ({@code kotacerdas.routing.agencies-cache-ttl}) and at once after a change on this instance. Read only.
     */
    public Optional<Agency> findActiveForRouting(String id) {
        return id == null ? Optional.empty() : forRouting.get(id, agencies::findById).filter(Agency::isActive);
    }

    public List<Agency> list(String jurisdictionId) {
        return jurisdictionId == null ? agencies.findAllByOrderById() : agencies.findByJurisdictionIdOrderById(jurisdictionId);
    }

    /** The jurisdiction's operator desk, which handles whatever no agency takes. */
    public Optional<Agency> desk(String jurisdictionId) {
        return agencies.findByJurisdictionIdOrderById(jurisdictionId).stream()
                .filter(Agency::isActive).filter(Agency::operatorDesk).findFirst();
    }

    public Agency create(NewAgency request, String changedBy) {
        jurisdictions.require(request.jurisdictionId(), "jurisdictionId");
        if (!request.id().startsWith(request.jurisdictionId() + "-")) {
            throw new InvalidInputException("id", "must start with the jurisdiction id and a dash");
        }
        Agency agency = agencies.insert(new Agency(request.id(), request.jurisdictionId(), request.details(), false,
                changedBy, clock.instant()));
        forRouting.changed();
        log.info("Agency {} created by {}", agency.id(), changedBy);
        return agency;
    }

    public Agency change(String id, AgencyDetails details, String changedBy) {
        Agency agency = require(id);
        if (agency.retired()) {
            throw new ConflictException("Agency " + id + " is retired");
        }
        agency.apply(details, changedBy, clock.instant());
        return saveChecked(agency, changedBy);
    }

    public Agency retire(String id, String changedBy) {
        Agency agency = require(id);
        if (agency.retired()) {
            return agency;
        }
        agency.retire(changedBy, clock.instant());
        return saveChecked(agency, changedBy);
    }

    private Agency saveChecked(Agency agency, String changedBy) {
        try {
            Agency saved = agencies.save(agency);
            forRouting.changed();
            log.info("Agency {} changed by {} (version {})", saved.id(), changedBy, saved.version());
            return saved;
        } catch (OptimisticLockingFailureException e) {
            throw new ConflictException("Agency " + agency.id() + " was changed concurrently; reload and retry");
        }
    }
}
