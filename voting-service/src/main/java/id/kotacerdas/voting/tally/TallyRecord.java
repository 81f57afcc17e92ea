package id.kotacerdas.voting.tally;

import id.kotacerdas.election.crypto.record.RecordJson;
import id.kotacerdas.election.crypto.tally.AggregateCiphertext;
import id.kotacerdas.election.crypto.tally.AggregateResult;
import id.kotacerdas.election.crypto.tally.Recap;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import tools.jackson.core.type.TypeReference;

import java.util.List;

/**
 * An election's tally: the homomorphic aggregates computed at closing, then the decrypted results and the
 * recap. Stored in the record format's own JSON so the published record carries exactly these bytes.
 */
@Document("tallies")
public class TallyRecord {

    @Id
    private String electionId;
    @Version
    private Long version;
    private long ballotsCounted;
    private String aggregates;
    private String results;
    private String recap;

    protected TallyRecord() {
    }

    TallyRecord(String electionId, long ballotsCounted, List<AggregateCiphertext> aggregates) {
        this.electionId = electionId;
        this.ballotsCounted = ballotsCounted;
        this.aggregates = RecordJson.MAPPER.writeValueAsString(aggregates);
    }

    void decrypted(List<AggregateResult> results, Recap recap) {
        this.results = RecordJson.MAPPER.writeValueAsString(results);
        this.recap = RecordJson.MAPPER.writeValueAsString(recap);
    }

    public String electionId() {
        return electionId;
    }

    public long ballotsCounted() {
        return ballotsCounted;
    }

    public List<AggregateCiphertext> aggregates() {
        return RecordJson.MAPPER.readValue(aggregates, new TypeReference<List<AggregateCiphertext>>() {
        });
    }

    public boolean isDecrypted() {
        return results != null;
    }

    public List<AggregateResult> results() {
        return results == null ? List.of() : RecordJson.MAPPER.readValue(results,
                new TypeReference<List<AggregateResult>>() {
                });
    }

    public Recap recap() {
        return recap == null ? null : RecordJson.MAPPER.readValue(recap, Recap.class);
    }
}
