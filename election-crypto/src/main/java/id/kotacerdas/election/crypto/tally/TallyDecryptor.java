package id.kotacerdas.election.crypto.tally;

import id.kotacerdas.election.crypto.ballot.BallotContext;
import id.kotacerdas.election.crypto.group.BatchCheck;
import id.kotacerdas.election.crypto.group.Group;
import id.kotacerdas.election.crypto.guardian.GuardianDecryption;
import id.kotacerdas.election.crypto.guardian.GuardianPublicKey;
import id.kotacerdas.election.crypto.guardian.PartialDecryption;
import org.bouncycastle.math.ec.ECPoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks the guardians' partial decryptions and combines them ("all guardians needed"): M = β − Σ Dᵢ = m·G, then m
 * by a bounded discrete log (m ≤ ballots summed).
 */
public final class TallyDecryptor {

    private TallyDecryptor() {
    }

    /** Every problem found (empty when all guardians decrypted every aggregate with a valid proof). */
    public static List<String> check(BallotContext context, List<GuardianPublicKey> guardians,
                                     List<AggregateCiphertext> aggregates, List<GuardianDecryption> decryptions) {
        return combine(context, guardians, aggregates, decryptions).problems;
    }

    /**
     * @throws IllegalArgumentException listing the problems when a guardian is missing, a share is missing or extra,
     *                                  a proof fails, or a count is out of range
     */
    public static List<AggregateResult> decrypt(BallotContext context, List<GuardianPublicKey> guardians,
                                                List<AggregateCiphertext> aggregates,
                                                List<GuardianDecryption> decryptions) {
        Combined combined = combine(context, guardians, aggregates, decryptions);
        if (!combined.problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", combined.problems));
        }
        List<AggregateResult> results = new ArrayList<>(aggregates.size());
        for (int i = 0; i < aggregates.size(); i++) {
            AggregateCiphertext aggregate = aggregates.get(i);
            ECPoint message = Group.decodePoint(aggregate.ciphertext().beta()).subtract(combined.shareSums[i]);
            OptionalLong votes = DiscreteLog.find(message, aggregate.ballots());
            if (votes.isEmpty()) {
                throw new IllegalArgumentException("aggregate " + aggregate.aggregateId()
                        + " does not decrypt to a count between 0 and " + aggregate.ballots());
            }
            results.add(new AggregateResult(aggregate.aggregateId(), aggregate.villageCode(), aggregate.tpsId(),
                    aggregate.candidateId(), aggregate.ballots(), votes.getAsLong()));
        }
        return results;
    }

    private static Combined combine(BallotContext context, List<GuardianPublicKey> guardians,
                                    List<AggregateCiphertext> aggregates, List<GuardianDecryption> decryptions) {
        List<String> problems = new ArrayList<>();
        ECPoint[] shareSums = new ECPoint[aggregates.size()];
        java.util.Arrays.fill(shareSums, Group.INFINITY);
        ECPoint[] alphas = new ECPoint[aggregates.size()];
        for (int i = 0; i < aggregates.size(); i++) {
            alphas[i] = Group.decodePoint(aggregates.get(i).ciphertext().alpha());
        }
        Map<String, GuardianDecryption> byGuardian = decryptions.stream()
                .collect(Collectors.toMap(GuardianDecryption::guardianId, Function.identity(), (a, b) -> a));
        if (byGuardian.size() != decryptions.size()) {
            problems.add("a guardian decrypted twice");
        }
        for (GuardianDecryption decryption : decryptions) {
            if (guardians.stream().noneMatch(g -> g.guardianId().equals(decryption.guardianId()))) {
                problems.add("decryption from unknown guardian " + decryption.guardianId());
            }
        }
        for (GuardianPublicKey guardian : guardians) {
            GuardianDecryption decryption = byGuardian.get(guardian.guardianId());
            if (decryption == null) {
                problems.add("guardian " + guardian.guardianId() + " has not decrypted");
                continue;
            }
            if (!context.manifest().electionId().equals(decryption.electionId())) {
                problems.add("guardian " + guardian.guardianId() + " decrypted another election");
                continue;
            }
            if (decryption.shares().size() != aggregates.size()) {
                problems.add("guardian " + guardian.guardianId() + " decrypted " + decryption.shares().size()
                        + " aggregates, expected " + aggregates.size());
                continue;
            }
            checkGuardian(context, guardian, decryption, aggregates, alphas, shareSums, problems);
        }
        return new Combined(problems, shareSums);
    }

    private static void checkGuardian(BallotContext context, GuardianPublicKey guardian,
                                      GuardianDecryption decryption, List<AggregateCiphertext> aggregates,
                                      ECPoint[] alphas, ECPoint[] shareSums, List<String> problems) {
        ECPoint key = Group.fixedBase(Group.decodePoint(guardian.publicKey()));
        BatchCheck batch = new BatchCheck();
        ECPoint[] shares = new ECPoint[aggregates.size()];
        try {
            for (int i = 0; i < aggregates.size(); i++) {
                PartialDecryption share = decryption.shares().get(i);
                if (!aggregates.get(i).aggregateId().equals(share.aggregateId())) {
                    problems.add("guardian " + guardian.guardianId() + " share " + (i + 1) + " is for "
                            + share.aggregateId() + ", expected " + aggregates.get(i).aggregateId());
                    return;
                }
                shares[i] = share.addTo(batch, context, guardian.guardianId(), guardian.publicKey(), key,
                        aggregates.get(i), alphas[i]);
            }
        } catch (RuntimeException e) {
            problems.add("guardian " + guardian.guardianId() + " decryption is malformed: " + e.getMessage());
            return;
        }
        if (!batch.holds()) {
            boolean anyFails = false;
            for (int i = 0; i < aggregates.size(); i++) {
                BatchCheck single = new BatchCheck();
                decryption.shares().get(i).addTo(single, context, guardian.guardianId(), guardian.publicKey(), key,
                        aggregates.get(i), alphas[i]);
                if (!single.holds()) {
                    anyFails = true;
                    problems.add("guardian " + guardian.guardianId() + " decryption proof of "
                            + aggregates.get(i).aggregateId() + " fails");
                }
            }
            // every proof holds on its own (the batch's random weights were unlucky): the shares count
            if (anyFails) {
                return;
            }
        }
        for (int i = 0; i < shares.length; i++) {
            shareSums[i] = shareSums[i].add(shares[i]);
        }
    }

    private record Combined(List<String> problems, ECPoint[] shareSums) {
    }
}
