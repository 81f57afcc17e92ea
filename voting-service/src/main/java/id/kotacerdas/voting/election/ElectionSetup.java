package id.kotacerdas.voting.election;

import id.kotacerdas.support.problem.FieldProblem;
import id.kotacerdas.support.problem.InvalidInputException;

import java.net.URI;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an election administrator sets up before the key ceremony: when and where the election is held,
 * its villages (one contest each) with polling stations and candidates, the committee and the guardians.
 */
public record ElectionSetup(String jurisdictionId, String name, LocalDate date, LocalTime pollsOpen,
                            LocalTime pollsClose, String timeZone, Boolean allowBlankVotes, List<Village> villages,
                            List<CommitteeMember> committee, List<GuardianInput> guardians) {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public record GuardianInput(String id, String name) {
    }

    public boolean blankVotesAllowed() {
        return Boolean.TRUE.equals(allowBlankVotes);
    }

    public ElectionSetup {
        villages = villages == null ? List.of() : villages;
        committee = committee == null ? List.of() : committee;
        guardians = guardians == null ? List.of() : guardians;
    }

    /** @throws InvalidInputException naming every field that is missing or wrong */
    public ElectionSetup validated() {
        List<FieldProblem> problems = new ArrayList<>();
        code("jurisdictionId", jurisdictionId, problems);
        text("name", name, 200, problems);
        if (date == null) {
            problems.add(new FieldProblem("date", "is required (YYYY-MM-DD)"));
        }
        if (pollsOpen == null) {
            problems.add(new FieldProblem("pollsOpen", "is required (HH:mm)"));
        }
        if (pollsClose == null) {
            problems.add(new FieldProblem("pollsClose", "is required (HH:mm)"));
        }
        if (pollsOpen != null && pollsClose != null && !pollsClose.isAfter(pollsOpen)) {
            problems.add(new FieldProblem("pollsClose", "must be after pollsOpen"));
        }
        if (timeZone == null || !validZone(timeZone)) {
            problems.add(new FieldProblem("timeZone", "must be an IANA time zone such as Asia/Jakarta"));
        }
        if (villages.isEmpty()) {
            problems.add(new FieldProblem("villages", "at least one village is required"));
        }
        Set<String> villageCodes = new HashSet<>();
        Set<String> tpsIds = new HashSet<>();
        for (int i = 0; i < villages.size(); i++) {
            Village v = villages.get(i);
            String at = "villages[" + i + "]";
            if (v == null) {
                problems.add(new FieldProblem(at, "is required"));
                continue;
            }
            if (code(at + ".code", v.code(), problems) && !villageCodes.add(v.code())) {
                problems.add(new FieldProblem(at + ".code", "is used by another village"));
            }
            text(at + ".name", v.name(), 200, problems);
            List<Tps> stations = v.pollingStations() == null ? List.of() : v.pollingStations();
            if (stations.isEmpty()) {
                problems.add(new FieldProblem(at + ".pollingStations", "at least one TPS is required"));
            }
            for (int t = 0; t < stations.size(); t++) {
                Tps tps = stations.get(t);
                String tat = at + ".pollingStations[" + t + "]";
                if (tps == null) {
                    problems.add(new FieldProblem(tat, "is required"));
                } else {
                    if (code(tat + ".id", tps.id(), problems) && !tpsIds.add(tps.id())) {
                        problems.add(new FieldProblem(tat + ".id", "is used by another TPS of this election"));
                    }
                    text(tat + ".name", tps.name(), 200, problems);
                }
            }
            List<Candidate> candidates = v.candidates() == null ? List.of() : v.candidates();
            if (candidates.size() < 1) {
                problems.add(new FieldProblem(at + ".candidates", "at least one candidate is required"));
            }
            Set<Integer> numbers = new HashSet<>();
            for (int c = 0; c < candidates.size(); c++) {
                Candidate candidate = candidates.get(c);
                String cat = at + ".candidates[" + c + "]";
                if (candidate == null) {
                    problems.add(new FieldProblem(cat, "is required"));
                    continue;
                }
                if (candidate.ballotNumber() < 1 || !numbers.add(candidate.ballotNumber())) {
                    problems.add(new FieldProblem(cat + ".ballotNumber", "must be a positive number unique in the village"));
                }
                text(cat + ".name", candidate.name(), 200, problems);
                if (candidate.photoUrl() != null && !httpUrl(candidate.photoUrl())) {
                    problems.add(new FieldProblem(cat + ".photoUrl", "must be an http(s) URL"));
                }
                if (candidate.photoSha256() != null && !candidate.photoSha256().matches("[0-9a-f]{64}")) {
                    problems.add(new FieldProblem(cat + ".photoSha256", "must be 64 lowercase hex digits"));
                }
            }
        }
        for (int i = 0; i < committee.size(); i++) {
            CommitteeMember m = committee.get(i);
            if (m == null) {
                problems.add(new FieldProblem("committee[" + i + "]", "is required"));
            } else {
                text("committee[" + i + "].name", m.name(), 200, problems);
                text("committee[" + i + "].role", m.role(), 100, problems);
            }
        }
        if (guardians.isEmpty()) {
            problems.add(new FieldProblem("guardians", "at least one guardian is required"));
        }
        Set<String> guardianIds = new HashSet<>();
        for (int i = 0; i < guardians.size(); i++) {
            GuardianInput g = guardians.get(i);
            String at = "guardians[" + i + "]";
            if (g == null) {
                problems.add(new FieldProblem(at, "is required"));
                continue;
            }
            if (code(at + ".id", g.id(), problems) && !guardianIds.add(g.id())) {
                problems.add(new FieldProblem(at + ".id", "is used by another guardian"));
            }
            text(at + ".name", g.name(), 200, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return this;
    }

    private static boolean code(String field, String value, List<FieldProblem> problems) {
        if (value == null || !CODE.matcher(value).matches()) {
            problems.add(new FieldProblem(field, "must be lowercase letters, digits and dashes (max 63)"));
            return false;
        }
        return true;
    }

    private static void text(String field, String value, int max, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "is required"));
        } else if (value.length() > max) {
            problems.add(new FieldProblem(field, "must be at most " + max + " characters"));
        }
    }

    private static boolean validZone(String zone) {
        try {
            ZoneId.of(zone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static boolean httpUrl(String url) {
        try {
            String scheme = URI.create(url).getScheme();
            return "https".equals(scheme) || "http".equals(scheme);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
