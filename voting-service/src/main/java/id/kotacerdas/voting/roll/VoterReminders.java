package id.kotacerdas.voting.roll;

import id.kotacerdas.contracts.notification.Channel;
import id.kotacerdas.contracts.notification.NotificationPriority;
import id.kotacerdas.contracts.notification.NotificationRequested;
import id.kotacerdas.contracts.notification.NotificationTemplates;
import id.kotacerdas.contracts.notification.Recipient;
import id.kotacerdas.voting.election.Election;
import id.kotacerdas.voting.election.ElectionState;
import id.kotacerdas.voting.election.Village;
import id.kotacerdas.voting.privacy.VoterDataProtection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Asks notification-service to remind every voter with a phone number of their TPS and the polling hours,
 * once, in the day before the polls open. Safe with several instances: a voter's reminder is raised in the
 * same versioned write that marks it requested, so only one instance's write wins, and its request id is
 * derived from the voter so even a repeated request would be delivered once.
 */
@Component
public class VoterReminders {

    private static final Logger log = LoggerFactory.getLogger(VoterReminders.class);
    private static final int PAGE = 500;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.forLanguageTag("id"));
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final MongoTemplate mongo;
    private final VoterDataProtection protection;
    private final Clock clock;
    private final Duration lead;

    public VoterReminders(MongoTemplate mongo, VoterDataProtection protection, Clock clock,
                          @Value("${kotacerdas.voting.reminders.lead:P1D}") Duration lead) {
        this.mongo = mongo;
        this.protection = protection;
        this.clock = clock;
        this.lead = lead;
    }

    @Scheduled(fixedDelayString = "${kotacerdas.voting.reminders.interval:PT5M}",
            initialDelayString = "${kotacerdas.voting.reminders.initial-delay:PT1M}")
    void sendDue() {
        requestDueReminders(clock.instant());
    }

    /** @return how many reminders this call requested */
    public int requestDueReminders(Instant now) {
        int requested = 0;
        List<Election> due = mongo.find(Query.query(Criteria.where("state")
                .in(ElectionState.KEY_CEREMONY, ElectionState.READY)), Election.class).stream()
                .filter(e -> !now.isBefore(e.opensAt().minus(lead)) && now.isBefore(e.opensAt())).toList();
        for (Election election : due) {
            requested += remindVotersOf(election, now);
        }
        return requested;
    }

    private int remindVotersOf(Election election, Instant now) {
        int requested = 0;
        Query pending = Query.query(Criteria.where("electionId").is(election.id()).and("reminderRequested").is(false)
                .and("phoneSealed").ne(null)).with(Sort.by("_id")).limit(PAGE);
        List<Voter> page;
        int skipped = 0;
        while (!(page = mongo.find(pending.skip(skipped), Voter.class)).isEmpty()) {
            for (Voter voter : page) {
                try {
                    voter.requestReminder(reminderFor(election, voter, now));
                    mongo.save(voter);
                    requested++;
                } catch (OptimisticLockingFailureException e) {
                    // another instance reminded this voter in the meantime
                } catch (RuntimeException e) {
                    skipped++;
                    log.warn("Could not request the reminder of a voter of election {}: {}", election.id(), e.toString());
                }
            }
        }
        if (requested > 0) {
            log.info("Requested {} election reminders for election {}", requested, election.id());
        }
        return requested;
    }

    private NotificationRequested reminderFor(Election election, Voter voter, Instant now) {
        Village village = election.village(voter.villageCode());
        String tpsName = village.tps(voter.tpsId()).map(t -> t.name()).orElse(voter.tpsId());
        Map<String, String> parameters = Map.of(
                "electionName", election.name(),
                "villageName", village.name(),
                "tpsName", tpsName,
                "date", DATE.format(election.date()),
                "opensAt", TIME.format(election.pollsOpen()),
                "closesAt", TIME.format(election.pollsClose()));
        return new NotificationRequested("election-reminder:" + voter.id(),
                new Recipient(protection.decrypt(voter.nameSealed()), protection.decrypt(voter.phoneSealed()), null),
                List.of(Channel.SMS), NotificationTemplates.ELECTION_REMINDER, "id", parameters,
                NotificationPriority.NORMAL, now, "voting-service", now);
    }
}
