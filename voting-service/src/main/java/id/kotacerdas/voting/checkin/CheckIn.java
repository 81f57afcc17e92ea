package id.kotacerdas.voting.checkin;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * That a voter was checked in at a TPS. Deliberately without the ballot token and without a time: nothing
 * here can be joined with the board to learn how someone voted. The unique index makes a second check-in
 * of the same NIK fail even when two officers try at the same moment.
 */
@Document("check_ins")
@CompoundIndex(name = "election_nik", def = "{'electionId': 1, 'nikHash': 1}", unique = true)
public record CheckIn(@Id String id, String electionId, String nikHash, String villageCode, String tpsId,
                      String officerId) {
}
