package id.kotacerdas.voting.roll;

import id.kotacerdas.support.problem.FieldProblem;
import id.kotacerdas.support.problem.InvalidInputException;
import id.kotacerdas.support.problem.NotFoundException;
import id.kotacerdas.support.problem.ProblemException;
import id.kotacerdas.voting.election.Election;
import id.kotacerdas.voting.election.ElectionState;
import id.kotacerdas.voting.election.Elections;
import id.kotacerdas.voting.privacy.VoterDataProtection;
import id.kotacerdas.voting.turnout.Turnout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Imports a voter roll in two streamed passes over a spooled copy of the upload: first every line is
 * checked (shape of the NIK, duplicates in the file and in the roll, known village and TPS), then, only
 * if all lines are good, voters are stored in batches. The job document shows the progress meanwhile.
 */
@Service
public class DptImports {

    private static final Logger log = LoggerFactory.getLogger(DptImports.class);
    private static final int PROGRESS_EVERY = 1000;
    private static final int MAX_LISTED_PROBLEMS = 200;

    private final MongoTemplate mongo;
    private final Elections elections;
    private final VoterDataProtection protection;
    private final Turnout turnout;
    private final Clock clock;
    private final int batchSize;

    public DptImports(MongoTemplate mongo, Elections elections, VoterDataProtection protection, Turnout turnout,
                      Clock clock, @Value("${kotacerdas.voting.dpt-batch-size:1000}") int batchSize) {
        this.mongo = mongo;
        this.elections = elections;
        this.protection = protection;
        this.turnout = turnout;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    public DptImportJob run(String electionId, InputStream upload) {
        Election election = elections.get(electionId);
        election.require(ElectionState.DRAFT, ElectionState.KEY_CEREMONY, ElectionState.READY);
        DptImportJob job = mongo.insert(new DptImportJob(UUID.randomUUID().toString(), electionId,
                DptImportJob.Status.VALIDATING, 0, 0, 0, List.of(), clock.instant(), null));
        Path spool = null;
        try {
            spool = Files.createTempFile("dpt-", ".csv");
            Files.copy(upload, spool, StandardCopyOption.REPLACE_EXISTING);
            List<FieldProblem> problems = validate(job.id(), election, spool);
            if (!problems.isEmpty()) {
                finish(job.id(), DptImportJob.Status.REJECTED, problems);
                throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid voter roll",
                        "The voter roll has invalid lines; nothing was imported (job " + job.id() + ")", problems);
            }
            Map<String, Long> eligibleByTps = store(job.id(), election, spool);
            turnout.addEligible(election, eligibleByTps);
            finish(job.id(), DptImportJob.Status.COMPLETED, List.of());
            return get(electionId, job.id());
        } catch (CsvFormatException e) {
            List<FieldProblem> problems = List.of(new FieldProblem("line " + e.line(), "broken CSV: " + e.getMessage()));
            finish(job.id(), DptImportJob.Status.REJECTED, problems);
            throw new InvalidInputException(problems);
        } catch (InvalidInputException e) {
            finish(job.id(), DptImportJob.Status.REJECTED, e.fieldProblems());
            throw e;
        } catch (DuplicateKeyException e) {
            finish(job.id(), DptImportJob.Status.FAILED, List.of(new FieldProblem("file",
                    "a voter was imported concurrently by another upload")));
            throw e;
        } catch (IOException e) {
            finish(job.id(), DptImportJob.Status.FAILED, List.of());
            throw new UncheckedIOException(e);
        } finally {
            if (spool != null) {
                try {
                    Files.deleteIfExists(spool);
                } catch (IOException e) {
                    log.warn("Could not delete the spooled voter roll {}", spool);
                }
            }
        }
    }

    private List<FieldProblem> validate(String jobId, Election election, Path spool) throws IOException {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Integer> firstLineOfNik = new HashMap<>();
        List<DptFile.ParsedLine> pending = new ArrayList<>();
        long[] counts = new long[2];
        try (InputStream in = Files.newInputStream(spool)) {
            new DptFile(election, protection).read(in, parsed -> {
                counts[0]++;
                if (!parsed.problems().isEmpty()) {
                    counts[1]++;
                    addAll(problems, parsed.problems());
                } else {
                    Integer first = firstLineOfNik.putIfAbsent(parsed.voter().nikHash(), parsed.line());
                    if (first != null) {
                        counts[1]++;
                        add(problems, new FieldProblem("line " + parsed.line() + ": nik",
                                "duplicates the NIK on line " + first));
                    } else {
                        pending.add(parsed);
                    }
                }
                if (pending.size() >= batchSize) {
                    counts[1] += alreadyOnRoll(election.id(), pending, problems);
                    pending.clear();
                }
                if (counts[0] % PROGRESS_EVERY == 0) {
                    progress(jobId, counts[0], counts[1], 0);
                }
            });
        }
        counts[1] += alreadyOnRoll(election.id(), pending, problems);
        if (counts[0] == 0) {
            add(problems, new FieldProblem("file", "has no voter lines"));
        }
        progress(jobId, counts[0], counts[1], 0);
        if (problems.size() >= MAX_LISTED_PROBLEMS) {
            problems.add(new FieldProblem("file", counts[1] + " lines are invalid; the first "
                    + MAX_LISTED_PROBLEMS + " problems are listed"));
        }
        return problems;
    }

    private int alreadyOnRoll(String electionId, List<DptFile.ParsedLine> lines, List<FieldProblem> problems) {
        if (lines.isEmpty()) {
            return 0;
        }
        Map<String, Integer> lineById = new HashMap<>();
        lines.forEach(l -> lineById.put(Voter.idOf(electionId, l.voter().nikHash()), l.line()));
        Query query = Query.query(Criteria.where("_id").in(lineById.keySet()));
        query.fields().include("_id");
        List<org.bson.Document> existing = mongo.find(query, org.bson.Document.class, "voters");
        existing.stream().map(d -> lineById.get(d.getString("_id"))).sorted()
                .forEach(line -> add(problems, new FieldProblem("line " + line + ": nik", "is already on the voter roll")));
        return existing.size();
    }

    private Map<String, Long> store(String jobId, Election election, Path spool) throws IOException {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(jobId)),
                Update.update("status", DptImportJob.Status.IMPORTING), DptImportJob.class);
        Map<String, Long> eligibleByTps = new HashMap<>();
        List<Voter> batch = new ArrayList<>(batchSize);
        long[] imported = new long[1];
        try (InputStream in = Files.newInputStream(spool)) {
            new DptFile(election, protection).read(in, parsed -> {
                VoterLine v = parsed.voter();
                batch.add(new Voter(election.id(), v.nikHash(), protection.encrypt(v.name()),
                        protection.encrypt(v.phone()), v.sex(), v.villageCode(), v.tpsId(), jobId));
                eligibleByTps.merge(v.tpsId(), 1L, Long::sum);
                if (batch.size() >= batchSize) {
                    imported[0] += flush(jobId, batch, imported[0]);
                }
            });
        }
        imported[0] += flush(jobId, batch, imported[0]);
        return eligibleByTps;
    }

    private int flush(String jobId, List<Voter> batch, long importedBefore) {
        if (batch.isEmpty()) {
            return 0;
        }
        int size = batch.size();
        mongo.insert(batch, Voter.class);
        batch.clear();
        mongo.updateFirst(Query.query(Criteria.where("_id").is(jobId)),
                Update.update("votersImported", importedBefore + size), DptImportJob.class);
        return size;
    }

    private void progress(String jobId, long linesRead, long rejected, long imported) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(jobId)),
                Update.update("linesRead", linesRead).set("rejectedLines", rejected).set("votersImported", imported),
                DptImportJob.class);
    }

    private void finish(String jobId, DptImportJob.Status status, List<FieldProblem> problems) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(jobId)), Update.update("status", status)
                .set("problems", problems.stream().limit(MAX_LISTED_PROBLEMS + 1).toList())
                .set("finishedAt", clock.instant()), DptImportJob.class);
    }

    private static void add(List<FieldProblem> problems, FieldProblem problem) {
        if (problems.size() < MAX_LISTED_PROBLEMS) {
            problems.add(problem);
        }
    }

    private static void addAll(List<FieldProblem> problems, List<FieldProblem> more) {
        more.forEach(p -> add(problems, p));
    }

    public DptImportJob get(String electionId, String jobId) {
        DptImportJob job = mongo.findById(jobId, DptImportJob.class);
        if (job == null || !job.electionId().equals(electionId)) {
            throw new NotFoundException("No voter-roll import " + jobId + " for election " + electionId);
        }
        return job;
    }

    public List<DptImportJob> list(String electionId) {
        return mongo.find(Query.query(Criteria.where("electionId").is(electionId))
                .with(Sort.by("startedAt")), DptImportJob.class);
    }

}
