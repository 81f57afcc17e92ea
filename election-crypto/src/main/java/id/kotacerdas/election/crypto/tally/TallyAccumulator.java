package id.kotacerdas.election.crypto.tally;

import id.kotacerdas.election.crypto.ballot.Ciphertext;
import id.kotacerdas.election.crypto.ballot.DecodedBallot;
import id.kotacerdas.election.crypto.ballot.EncryptedBallot;
import id.kotacerdas.election.crypto.ballot.EncryptedSelection;
import id.kotacerdas.election.crypto.group.Group;
import id.kotacerdas.election.crypto.manifest.Candidate;
import id.kotacerdas.election.crypto.manifest.Contest;
import id.kotacerdas.election.crypto.manifest.ElectionManifest;
import org.bouncycastle.math.ec.ECPoint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sums ballots per TPS and candidate. Not thread-safe: use one per thread and {@link #merge} them. Aggregates come
 * out in manifest order: for each village, each TPS's candidates, then the village totals.
 */
public final class TallyAccumulator {

    private final ElectionManifest manifest;
    private final Map<String, Sum> byTps = new LinkedHashMap<>();

    public TallyAccumulator(ElectionManifest manifest) {
        this.manifest = manifest;
        for (Contest contest : manifest.contests()) {
            for (String tps : contest.tpsIds()) {
                byTps.put(key(contest.villageCode(), tps), new Sum(contest.candidates().size()));
            }
        }
    }

    /** Adds a ballot already checked and decoded by the verifier. */
    public void add(String tpsId, DecodedBallot ballot) {
        Sum sum = byTps.get(key(ballot.villageCode(), tpsId));
        if (sum == null) {
            throw new IllegalArgumentException("TPS " + tpsId + " does not vote in village " + ballot.villageCode());
        }
        if (ballot.alphas().length != sum.alphas.length) {
            throw new IllegalArgumentException("ballot does not fit village " + ballot.villageCode());
        }
        for (int i = 0; i < sum.alphas.length; i++) {
            sum.alphas[i] = sum.alphas[i].add(ballot.alphas()[i]);
            sum.betas[i] = sum.betas[i].add(ballot.betas()[i]);
        }
        sum.ballots++;
    }

    /** Adds a ballot that was verified when it was cast. */
    public void add(String tpsId, EncryptedBallot ballot) {
        List<EncryptedSelection> selections = ballot.selections();
        ECPoint[] alphas = new ECPoint[selections.size()];
        ECPoint[] betas = new ECPoint[selections.size()];
        for (int i = 0; i < selections.size(); i++) {
            alphas[i] = Group.decodePoint(selections.get(i).ciphertext().alpha());
            betas[i] = Group.decodePoint(selections.get(i).ciphertext().beta());
        }
        add(tpsId, new DecodedBallot(ballot.villageCode(), alphas, betas));
    }

    public void merge(TallyAccumulator other) {
        other.byTps.forEach((key, theirs) -> {
            Sum ours = byTps.get(key);
            for (int i = 0; i < ours.alphas.length; i++) {
                ours.alphas[i] = ours.alphas[i].add(theirs.alphas[i]);
                ours.betas[i] = ours.betas[i].add(theirs.betas[i]);
            }
            ours.ballots += theirs.ballots;
        });
    }

    public List<AggregateCiphertext> aggregates() {
        List<AggregateCiphertext> aggregates = new ArrayList<>();
        for (Contest contest : manifest.contests()) {
            int candidates = contest.candidates().size();
            Sum village = new Sum(candidates);
            for (String tps : contest.tpsIds()) {
                Sum sum = byTps.get(key(contest.villageCode(), tps));
                for (int i = 0; i < candidates; i++) {
                    aggregates.add(aggregate(contest, tps, contest.candidates().get(i), sum.ballots,
                            sum.alphas[i], sum.betas[i]));
                    village.alphas[i] = village.alphas[i].add(sum.alphas[i]);
                    village.betas[i] = village.betas[i].add(sum.betas[i]);
                }
                village.ballots += sum.ballots;
            }
            for (int i = 0; i < candidates; i++) {
                aggregates.add(aggregate(contest, null, contest.candidates().get(i), village.ballots,
                        village.alphas[i], village.betas[i]));
            }
        }
        return aggregates;
    }

    private static AggregateCiphertext aggregate(Contest contest, String tps, Candidate candidate, long ballots,
                                                 ECPoint alpha, ECPoint beta) {
        return new AggregateCiphertext(AggregateCiphertext.id(contest.villageCode(), tps, candidate.candidateId()),
                contest.villageCode(), tps, candidate.candidateId(), ballots,
                new Ciphertext(Group.encode(alpha.normalize()), Group.encode(beta.normalize())));
    }

    private static String key(String villageCode, String tpsId) {
        return villageCode + "\u0000" + tpsId;
    }

    private static final class Sum {
        final ECPoint[] alphas;
        final ECPoint[] betas;
        long ballots;

        Sum(int candidates) {
            alphas = new ECPoint[candidates];
            betas = new ECPoint[candidates];
            java.util.Arrays.fill(alphas, Group.INFINITY);
            java.util.Arrays.fill(betas, Group.INFINITY);
        }
    }
}
