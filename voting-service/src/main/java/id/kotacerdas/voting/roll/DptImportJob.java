package id.kotacerdas.voting.roll;

import id.kotacerdas.support.problem.FieldProblem;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * One voter-roll upload and how far it got: lines read while validating, voters stored while importing.
 * A file with any bad line is rejected whole, with the bad lines listed, and stores no voter.
 */
@Document("dpt_imports")
public record DptImportJob(@Id String id, String electionId, Status status, long linesRead, long rejectedLines,
                           long votersImported, List<FieldProblem> problems, Instant startedAt, Instant finishedAt) {

    public enum Status {
        VALIDATING, IMPORTING, COMPLETED, REJECTED, FAILED
    }
}
